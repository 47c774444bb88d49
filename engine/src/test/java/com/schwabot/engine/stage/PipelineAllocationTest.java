package com.schwabot.engine.stage;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.TimerEncoder;
import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.SimulatedVenue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business thread's steady state allocates nothing: every stage, orders and fills included, over frames built
 * before the measurement. A first core runs every frame once so that class initialisation and constant resolution
 * (one-off allocations of the JVM, seen with JFR's allocation events) are done before a second core is measured.
 * What remains in the measured window is the JVM's own: now and then, while C2 recompiles, a String and its byte[]
 * (64 to 184 bytes in all, over 75,000 frames and thousands of orders, attributed by JFR to varying methods). The
 * bound allows that and nothing more: one allocation per order, or per hundred frames, would exceed it.
 */
class PipelineAllocationTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MAX_JVM_BYTES = 512;
    private static final TimerEncoder TIMER = new TimerEncoder();
    private static final int TIMER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + TimerEncoder.BLOCK_LENGTH;

    @Test
    void shouldNotAllocateInSteadyState()
    {
        final List<UnsafeBuffer> frames = new ArrayList<>();
        final List<long[]> meta = new ArrayList<>();
        new SyntheticMarket(11, T0).run(120_000, (buffer, length, nanos) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(0, copy);
            frames.add(new UnsafeBuffer(copy));
            meta.add(new long[]{length, nanos});
        });
        final UnsafeBuffer timer = new UnsafeBuffer(new byte[64]);
        TIMER.wrapAndApplyHeader(timer, 0, new MessageHeaderEncoder()).timerId(1);
        final InstrumentTable instruments = new InstrumentTable(TestCores.defaults().instruments());
        final SimulatedVenue warmVenue = new SimulatedVenue(instruments, FillSettings.DEFAULT);
        final TradingCore warmCore = TestCores.core(warmVenue, new EngineCounters());
        warmVenue.market(warmCore.market());
        TestCores.connect(warmCore, T0);
        run(warmCore.pipeline(), warmVenue, frames, meta, timer, 0, frames.size());

        final EngineCounters counters = new EngineCounters();
        final SimulatedVenue venue = new SimulatedVenue(instruments, FillSettings.DEFAULT);
        final TradingCore core = TestCores.core(venue, counters);
        venue.market(core.market());
        TestCores.connect(core, T0);
        final Pipeline pipeline = core.pipeline();
        final int warmUp = frames.size() / 2;
        run(pipeline, venue, frames, meta, timer, 0, warmUp);
        final long ordersBefore = counters.value(EngineCounter.ORDERS_SENT);

        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(thread);
        run(pipeline, venue, frames, meta, timer, warmUp, frames.size());
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(counters.value(EngineCounter.ORDERS_SENT)).isGreaterThan(ordersBefore);
        assertThat(counters.value(EngineCounter.FILLS)).isGreaterThan(0);
        assertThat(allocated).as("bytes allocated by %d frames", frames.size() - warmUp).isLessThan(MAX_JVM_BYTES);
    }

    private static void run(
        final Pipeline pipeline,
        final SimulatedVenue venue,
        final List<UnsafeBuffer> frames,
        final List<long[]> meta,
        final UnsafeBuffer timer,
        final int from,
        final int to)
    {
        for (int k = from; k < to; k++)
        {
            final long[] m = meta.get(k);
            pipeline.onFrame(frames.get(k), 0, (int)m[0], m[1], 1, 100 + k, true);
            venue.onMarketEvent(pipeline, m[1]);
            if (k % 50 == 0)
            {
                TIMER.timeNs(m[1]).deadlineNs(m[1]);
                pipeline.onFrame(timer, 0, TIMER_LENGTH, m[1], 1, 100 + k, false);
            }
        }
    }
}
