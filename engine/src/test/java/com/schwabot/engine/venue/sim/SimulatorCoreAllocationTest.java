package com.schwabot.engine.venue.sim;

import static com.schwabot.engine.venue.sim.SimFixtures.BTC;
import static com.schwabot.engine.venue.sim.SimFixtures.BTC_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;

/**
 * The core's steady state allocates nothing: ticks (walk, resting fills, encoding of every stream) and orders
 * (validation, matching, reports), with listeners that only look at the frames.
 */
class SimulatorCoreAllocationTest
{
    private static final long TICK = 10;
    private static final long LOT = 10;
    private static final int ROUNDS = 5_000;

    private final StepClock clock = new StepClock();
    private long frameBytes;

    @Test
    void shouldNotAllocateWhileTickingAndMatchingOrders()
    {
        final SimulatorCore core = new SimulatorCore(
            SimFixtures.context(9).epochNanoClock(clock).conclude(),
            this::onMarketData,
            this::onExecutionReport,
            new SimulatorCounters());
        final UnsafeBuffer[] orders = ordersAround(core);

        run(core, orders, ROUNDS);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(core, orders, ROUNDS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(frameBytes).isPositive();
        assertThat(allocated).as("bytes allocated by %d rounds", ROUNDS).isLessThan(16 * 1024);
    }

    private void run(final SimulatorCore core, final UnsafeBuffer[] orders, final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            clock.advance(SimHarness.TICK_NANOS);
            core.tick(clock.nanoTime());
            final UnsafeBuffer order = orders[i % orders.length];
            setClOrdId(order, i);
            core.onOrderEntryFrame(1, order, 0, order.capacity(), clock.nanoTime());
        }
    }

    /**
     * Market orders both ways and IOC limits at the touch: they fill and end at once, so slots are reused.
     */
    private static UnsafeBuffer[] ordersAround(final SimulatorCore core)
    {
        final long bid = core.market(BTC).bestBidPrice();
        return new UnsafeBuffer[]{
            new UnsafeBuffer(SimFixtures.newOrder(0, BTC_ID, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 3 * LOT)),
            new UnsafeBuffer(SimFixtures.newOrder(0, BTC_ID, Side.SELL, OrderType.MARKET, TimeInForce.GTC, 0, 2 * LOT)),
            new UnsafeBuffer(SimFixtures.newOrder(
                0, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, (bid + 1) * TICK, 5 * LOT)),
            new UnsafeBuffer(SimFixtures.newOrder(0, 99, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, TICK, LOT)),
        };
    }

    private static void setClOrdId(final UnsafeBuffer order, final long clOrdId)
    {
        order.putLong(8, clOrdId, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    private void onMarketData(
        final int instrumentIndex, final StreamType type, final DirectBuffer buffer, final int offset, final int length)
    {
        frameBytes += length;
    }

    private void onExecutionReport(final int sessionId, final DirectBuffer buffer, final int offset, final int length)
    {
        frameBytes += length;
    }
}
