package com.schwabot.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time of the benchmark thread for benchmarks whose invocations are long (a whole replay, a lap of frames): two
 * JMH event counters per iteration, {@code cpuNanos} over {@code cpuOps} operations, summed over the invocations
 * from the CPU clock read at the start and at the end of each (so per-invocation set-up, such as moving the frames to
 * their next lap, is not counted). Like {@code ThreadCpuTime} for the journal benchmarks: the ratio of CPU ns/op is
 * far steadier on this shared machine than the wall-clock score, which also counts the time the thread waited for a
 * core.
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
     * Starts the iteration's counts at zero.
     */
    @Setup(Level.Iteration)
    public void start()
    {
        cpuNanos = 0;
        cpuOps = 0;
    }

    /**
     * At the start of an invocation: read the CPU clock.
     */
    void invocationStart()
    {
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    /**
     * At the end of an invocation: count its operations and the CPU time since {@link #invocationStart()}.
     *
     * @param operations operations the invocation did.
     */
    void invocationDone(final long operations)
    {
        cpuNanos += THREADS.getCurrentThreadCpuTime() - startNanos;
        cpuOps += operations;
    }
}
