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
 * producer has finished and the business thread has handled everything ({@link #finish()}), before it stops. It also
 * reads the machine's steal time from {@code /proc/stat}: time a hypervisor kept this VM's CPUs from running while
 * they had work, which a thread sees as a stall of its whole CPU that no profile inside the VM shows.
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
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Linux's {@code USER_HZ}: {@code /proc/stat} counts in hundredths of a second on every platform it runs on. */
    private static final long MILLIS_PER_TICK = 10;
    /** The steal column of {@code /proc/stat}'s {@code cpu} line: the 8th number after the label. */
    private static final int STEAL_FIELD = 8;

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
    private long stealMillis = -1;

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
        final long stealBefore = stealTicks(procStatCpuLine());
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
        final long stealAfter = stealTicks(procStatCpuLine());
        stealMillis = stealBefore < 0 || stealAfter < 0 ? -1 : (stealAfter - stealBefore) * MILLIS_PER_TICK;
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

    /**
     * @return the steal time over the window, summed over the machine's CPUs, in milliseconds (10 ms steps); -1 where
     *         {@code /proc/stat} has none (not Linux, or a kernel that does not count it).
     */
    long stealMillis()
    {
        return stealMillis;
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

    private static String procStatCpuLine()
    {
        try (java.io.BufferedReader reader = Files.newBufferedReader(PROC_STAT, StandardCharsets.US_ASCII))
        {
            final String line = reader.readLine();
            return null == line ? "" : line;
        }
        catch (final java.io.IOException | RuntimeException ex)
        {
            return "";
        }
    }

    /**
     * The steal time in the all-CPU line of {@code /proc/stat} ({@code cpu  user nice system idle iowait irq softirq
     * steal ...}).
     *
     * @param line the file's first line.
     * @return the steal ticks, or -1 where the line is not that line or has no steal column.
     */
    static long stealTicks(final String line)
    {
        final String[] fields = line.trim().split(" +");
        if (fields.length <= STEAL_FIELD || !"cpu".equals(fields[0]))
        {
            return -1;
        }
        try
        {
            return Long.parseLong(fields[STEAL_FIELD]);
        }
        catch (final NumberFormatException ex)
        {
            return -1;
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
