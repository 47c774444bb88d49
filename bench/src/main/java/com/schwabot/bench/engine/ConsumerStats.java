package com.schwabot.bench.engine;

import java.lang.management.ManagementFactory;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the consumer (business) thread of a pipeline benchmark did in the current iteration, as JMH event counters:
 * its CPU time and the bytes it allocated since it started (each iteration starts a new consumer thread), the events
 * it handled, and the orders the core sent. JMH's gc profiler cannot see this thread's allocation (it has ended by
 * the time the profiler looks), so {@code consumerAllocBytes / consumerEvents} is the steady-state allocation
 * evidence, and {@code consumerCpuNanos / consumerEvents} its CPU cost per event without the time it waited for a
 * core on this shared machine. Sampled after every invocation, once the consumer has caught up.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ConsumerStats
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds used by the consumer thread since it started. */
    public long consumerCpuNanos;
    /** Bytes allocated by the consumer thread since it started. */
    public long consumerAllocBytes;
    /** Events the consumer thread handled. */
    public long consumerEvents;
    /** Orders the core has sent since the trial started (the sink accepts them all). */
    public long ordersSent;

    /**
     * Read the consumer thread's counters.
     *
     * @param consumer the consumer thread, alive.
     * @param events   events it has handled.
     * @param orders   orders sent so far.
     */
    void sample(final Thread consumer, final long events, final long orders)
    {
        final long id = consumer.getId();
        consumerCpuNanos = THREADS.getThreadCpuTime(id);
        consumerAllocBytes = THREADS.getThreadAllocatedBytes(id);
        consumerEvents = events;
        ordersSent = orders;
    }
}
