package com.schwabot.bench.engine;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples GC, the engine's threads, the producer and the process at the start of the measured window, from its
 * own (mostly sleeping) thread so that none of the measured threads pays for the MXBean calls, and again when the
 * producer has finished and the business thread has handled everything ({@link #finish()}), before it stops.
 */
final class WindowSampler extends Thread
{
    static final int BUSINESS = 0;
    static final int GATEWAY = 1;
    static final int PRODUCER = 2;
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean)ManagementFactory.getOperatingSystemMXBean();

    private final Thread[] threads;
    private final long[] cpu;
    private final long from;
    private final CountDownLatch done = new CountDownLatch(1);
    private final StringBuilder collectors = new StringBuilder();
    private long gcCount;
    private long gcMillis;
    private long allocated;
    private long processCpu;
    private long window;
    private String loadBefore = "?";
    private String loadAfter = "?";

    WindowSampler(final Thread business, final Thread gateway, final Thread producer, final long from)
    {
        super("bench-window-sampler");
        this.threads = new Thread[] {business, gateway, producer};
        this.cpu = new long[threads.length];
        this.from = from;
        setDaemon(true);
    }

    /**
     * Take the end sample now (the business and gateway threads must still be alive) and wait for it.
     *
     * @throws InterruptedException when interrupted.
     */
    void finish() throws InterruptedException
    {
        done.countDown();
        join();
    }

    public void run()
    {
        sleepUntil(from);
        loadBefore = loadAverage();
        final long startNanos = System.nanoTime();
        final long[] counts = gcCounts();
        final long[] times = gcTimes();
        final long allocatedBefore = THREADS.getThreadAllocatedBytes(threads[BUSINESS].getId());
        final long processBefore = OS.getProcessCpuTime();
        for (int i = 0; i < threads.length; i++)
        {
            cpu[i] = -THREADS.getThreadCpuTime(threads[i].getId());
        }
        try
        {
            done.await();
        }
        catch (final InterruptedException ex)
        {
            return;
        }
        for (int i = 0; i < threads.length; i++)
        {
            cpu[i] += THREADS.getThreadCpuTime(threads[i].getId());
        }
        processCpu = OS.getProcessCpuTime() - processBefore;
        allocated = THREADS.getThreadAllocatedBytes(threads[BUSINESS].getId()) - allocatedBefore;
        window = System.nanoTime() - startNanos;
        loadAfter = loadAverage();
        final long[] countsAfter = gcCounts();
        final long[] timesAfter = gcTimes();
        int i = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            gcCount += countsAfter[i] - counts[i];
            gcMillis += timesAfter[i] - times[i];
            collectors.append(i == 0 ? "" : ", ").append(gc.getName()).append(' ')
                .append(countsAfter[i] - counts[i]);
            i++;
        }
    }

    long gcCount()
    {
        return gcCount;
    }

    long gcMillis()
    {
        return gcMillis;
    }

    String collectors()
    {
        return collectors.toString();
    }

    long businessAllocatedBytes()
    {
        return allocated;
    }

    /**
     * @param thread {@link #BUSINESS}, {@link #GATEWAY} or {@link #PRODUCER}.
     * @return the thread's CPU time over the window per wall second (1.0 = a core busy all the time).
     */
    double cores(final int thread)
    {
        return cpu[thread] / (double)windowNanos();
    }

    double processCores()
    {
        return processCpu / (double)windowNanos();
    }

    String loadBefore()
    {
        return loadBefore;
    }

    String loadAfter()
    {
        return loadAfter;
    }

    long windowNanos()
    {
        return Math.max(1, window);
    }

    private static String loadAverage()
    {
        try
        {
            final String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
                .trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (final java.io.IOException | RuntimeException ex)
        {
            return "?";
        }
    }

    private static long[] gcCounts()
    {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(GarbageCollectorMXBean::getCollectionCount).toArray();
    }

    private static long[] gcTimes()
    {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(GarbageCollectorMXBean::getCollectionTime).toArray();
    }

    static void sleepUntil(final long deadline)
    {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0)
        {
            LockSupport.parkNanos(remaining);
        }
    }
}
