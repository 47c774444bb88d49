package com.schwabot.engine.monitor;

import java.lang.management.ManagementFactory;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The business thread's latency hook records without allocating, clamps what it cannot record, and tells the events
 * that sent orders apart.
 */
class LatencyRecorderTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;

    private final long[] now = {T0};
    private final EngineCounters counters = new EngineCounters();
    private final LatencyRecorder recorder = new LatencyRecorder(() -> now[0], counters);

    @Test
    void shouldRecordEveryEventAndTheEventsThatSentOrders()
    {
        recorder.onHandled(T0 - 1_000);
        counters.get(EngineCounter.ORDERS_SENT).increment();
        recorder.onHandled(T0 - 5_000);
        recorder.onHandled(T0 + 7);
        recorder.onHandled(T0 - LatencyRecorder.HIGHEST_NANOS * 2);

        final Histogram events = recorder.events().getIntervalHistogram();
        final Histogram orders = recorder.orders().getIntervalHistogram();
        assertThat(events.getTotalCount()).isEqualTo(4);
        assertThat(events.getMinValue()).as("a stamp ahead of the clock").isZero();
        assertThat(events.getMaxValue()).isGreaterThanOrEqualTo((long)(LatencyRecorder.HIGHEST_NANOS * 0.99));
        assertThat(orders.getTotalCount()).isEqualTo(1);
        assertThat(orders.getMaxValue()).isBetween(4_950L, 5_050L);
    }

    @Test
    void shouldNotAllocateOnTheBusinessThread()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        run(200_000);

        final long before = threads.getThreadAllocatedBytes(thread);
        run(1_000_000);
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(allocated).as("bytes allocated by 1,000,000 events").isLessThan(512);
    }

    private void run(final int events)
    {
        for (int i = 0; i < events; i++)
        {
            now[0] += 1_000;
            if ((i & 63) == 0)
            {
                counters.get(EngineCounter.ORDERS_SENT).incrementRelease();
            }
            recorder.onHandled(now[0] - (i & 0xFFFF) * 31L);
        }
    }
}
