package com.schwabot.engine.venue.sim;

import static com.schwabot.engine.venue.sim.SimFixtures.BTC;
import static com.schwabot.engine.venue.sim.SimFixtures.BTC_ID;
import static com.schwabot.engine.venue.sim.SimFixtures.ETH;
import static com.schwabot.engine.venue.sim.SimFixtures.ETH_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;

/**
 * Same seed and same order flow give the same frames, byte for byte; another seed gives another market.
 */
class DeterminismTest
{
    private static final long TICK = 10;
    private static final long LOT = 10;

    @Test
    void shouldProduceByteIdenticalFramesForTheSameSeedAndOrderFlow()
    {
        final byte[] first = run(42);
        final byte[] second = run(42);

        assertThat(first.length).isGreaterThan(100_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldProduceADifferentMarketForAnotherSeed()
    {
        assertThat(run(43)).isNotEqualTo(run(42));
    }

    @Test
    void shouldKeepAnInstrumentsMarketWhenAnotherInstrumentIsAdded()
    {
        final SimHarness both = new SimHarness(SimFixtures.context(42));
        final SimHarness ethOnly = new SimHarness(SimFixtures.context(42).symbols(java.util.List.of("ETHUSDT")));
        both.tick(200);
        ethOnly.tick(200);

        assertThat(LocalBook.levels(ethOnly.market(0).bids(), ethOnly.core.instrument(0)))
            .isEqualTo(LocalBook.levels(both.market(ETH).bids(), both.core.instrument(ETH)));
    }

    /**
     * 1000 ticks with a scripted order flow; every market-data frame and execution report, in order.
     */
    private static byte[] run(final long seed)
    {
        final SimHarness sim = new SimHarness(SimFixtures.context(seed));
        long clOrdId = 1;
        for (int t = 0; t < 1_000; t++)
        {
            sim.tick(1);
            if (t % 10 == 0)
            {
                final Side side = t % 20 == 0 ? Side.BUY : Side.SELL;
                sim.send(1, SimFixtures.newOrder(clOrdId++, BTC_ID, side, OrderType.MARKET, TimeInForce.IOC, 0,
                    (1 + t % 70) * LOT));
            }
            if (t % 25 == 0)
            {
                final long price = sim.market(BTC).mid() - 1;
                sim.send(1, SimFixtures.newOrder(clOrdId++, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                    price * TICK, 40 * LOT));
                sim.send(2, SimFixtures.newOrder(clOrdId++, ETH_ID, Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
                    sim.market(ETH).mid() + 2, 30));
            }
            if (t % 50 == 0 && t > 0)
            {
                sim.send(1, SimFixtures.cancel(clOrdId++, clOrdId - 5, Long.MIN_VALUE, BTC_ID));
            }
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final SimHarness.Frame frame : sim.frames)
        {
            out.write(frame.instrumentIndex());
            out.write(frame.type().ordinal());
            out.writeBytes(frame.bytes());
        }
        for (final byte[] report : sim.reportBytes)
        {
            out.writeBytes(report);
        }
        return out.toByteArray();
    }
}
