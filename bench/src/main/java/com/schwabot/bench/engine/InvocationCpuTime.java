package com.schwabot.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time of the benchmark thread for benchmarks whose invocations are long (a whole replay): two JMH event
 * counters per iteration, {@code cpuNanos} over {@code cpuOps} operations, read after each invocation. Like
 * {@code ThreadCpuTime} for the journal benchmarks: the ratio of CPU ns/op is far steadier on this shared machine
 * than the wall-clock score, which also counts the time the thread waited for a core.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class InvocationCpuTime
{
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds the thread used over {@link #cpuOps} operations of this iteration. */
    public long cpuNanos;
    /** Operations covered by {@link #cpuNanos}. */
    public long cpuOps;

    private long startNanos;

    /**
     * Starts the iteration's count from the thread's current CPU time.
     */
    @Setup(Level.Iteration)
    public void start()
    {
        cpuNanos = 0;
        cpuOps = 0;
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    /**
     * After an invocation: count its operations and read the CPU clock.
     *
     * @param operations operations the invocation did.
     */
    void invocationDone(final long operations)
    {
        cpuOps += operations;
        cpuNanos = THREADS.getCurrentThreadCpuTime() - startNanos;
    }
}
