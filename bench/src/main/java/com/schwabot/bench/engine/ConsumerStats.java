package com.schwabot.bench.engine;

import java.lang.management.ManagementFactory;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the consumer (business) thread of a pipeline benchmark did in the current iteration, as JMH event counters:
 * its CPU time and the bytes it allocated, the events it handled, and the orders the core sent. Each iteration starts
 * a new consumer thread on a fresh journal and primes it with one lap of frames in its setup; the counters run from
 * the end of that lap ({@link Baseline}), so a new thread's and a new queue file's one-time work (Chronicle's first
 * append to a queue acquires the cycle's store, as at every roll) is left out, as a steady state leaves it out. JMH's
 * gc profiler cannot see this thread's allocation (it has ended by the time the profiler looks), so
 * {@code consumerAllocBytes / consumerEvents} is the steady-state allocation evidence, and
 * {@code consumerCpuNanos / consumerEvents} its CPU cost per event without the time it waited for a core on this
 * shared machine. Sampled after every invocation, once the consumer has caught up.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ConsumerStats
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds used by the consumer thread since its priming lap. */
    public long consumerCpuNanos;
    /** Bytes allocated by the consumer thread since its priming lap. */
    public long consumerAllocBytes;
    /** Events the consumer thread handled since its priming lap. */
    public long consumerEvents;
    /** Orders the core has sent since the trial started (the sink accepts them all). */
    public long ordersSent;

    /**
     * Read the consumer thread's counters since a baseline.
     *
     * @param consumer the consumer thread, alive.
     * @param events   events it has handled since it started.
     * @param orders   orders sent so far.
     * @param baseline its counters at the end of its priming lap.
     */
    void sample(final Thread consumer, final long events, final long orders, final Baseline baseline)
    {
        final long id = consumer.getId();
        consumerCpuNanos = THREADS.getThreadCpuTime(id) - baseline.cpuNanos;
        consumerAllocBytes = THREADS.getThreadAllocatedBytes(id) - baseline.allocBytes;
        consumerEvents = events - baseline.events;
        ordersSent = orders;
    }

    /**
     * A consumer thread's counters once it has handled its priming lap.
     */
    static final class Baseline
    {
        private long cpuNanos;
        private long allocBytes;
        private long events;

        /**
         * Take the thread's counters now.
         *
         * @param consumer the consumer thread, alive and idle.
         * @param handled  events it has handled since it started.
         */
        void take(final Thread consumer, final long handled)
        {
            final long id = consumer.getId();
            cpuNanos = THREADS.getThreadCpuTime(id);
            allocBytes = THREADS.getThreadAllocatedBytes(id);
            events = handled;
        }
    }
}
