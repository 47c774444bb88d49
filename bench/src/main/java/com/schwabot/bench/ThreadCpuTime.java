package com.schwabot.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the benchmark thread, as two JMH event counters per iteration: {@code cpuNanos} over {@code cpuOps}
 * operations. On a shared machine the wall-clock score also counts the time the thread waits for a core while
 * other processes run; CPU time does not, so the ratio of two benchmarks' CPU ns/op (sum of cpuNanos over sum of
 * cpuOps) is far steadier than the ratio of their scores. It still counts the thread's kernel time (page faults on
 * fresh pages of a mapped file) and its cache misses.
 * <p>
 * Each benchmark calls {@link #tick()} once per operation; every 1024th call reads the thread's CPU clock (a
 * system call), so the cost is a counter and a branch per operation, the same for every benchmark that uses it.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ThreadCpuTime
{
    private static final int SAMPLE_MASK = 1023;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds the thread used over {@link #cpuOps} operations of this iteration. */
    public long cpuNanos;
    /** Operations covered by {@link #cpuNanos}: a multiple of 1024. */
    public long cpuOps;

    private long operations;
    private long startNanos;

    /**
     * Starts the iteration's count from the thread's current CPU time.
     */
    @Setup(Level.Iteration)
    public void start()
    {
        operations = 0;
        cpuNanos = 0;
        cpuOps = 0;
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    /**
     * Counts one operation; reads the CPU clock every 1024 operations.
     */
    public void tick()
    {
        if ((++operations & SAMPLE_MASK) == 0)
        {
            cpuNanos = THREADS.getCurrentThreadCpuTime() - startNanos;
            cpuOps = operations;
        }
    }
}
