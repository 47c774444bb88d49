package com.schwabot.engine;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The soak: the engine, with its monitor thread and counters file, trading against the embedded simulator over
 * loopback sockets for {@code schwabot.soak.seconds} (the {@code soak} Maven profile sets 600; skipped when 0, the
 * default). Every {@value #SAMPLE_SECONDS} s it forces a full collection and samples the heap used after it, the
 * collectors' counts and times, the business thread's allocated bytes and the engine's counters. After the warm-up
 * (the first fifth of the run, at least {@value #MIN_WARM_UP_SECONDS} s) it requires:
 * <ul>
 *     <li>heap after GC: the median of the last third of samples at most {@value #MAX_HEAP_GROWTH_MB} MB above the
 *     median of the first third (a leak of a few bytes per event would exceed it within minutes);</li>
 *     <li>the business thread allocates at most {@value #MAX_BUSINESS_BYTES_PER_SAMPLE} bytes per sample interval
 *     (about 2,500 events). What it does allocate is Chronicle Queue's: its appender holds its index arrays through
 *     weakly referenced thread-locals and re-creates them after a collection (JFR's allocation events on
 *     {@code schwabot-business}: {@code SCQIndexing.newLogArrayValuesHolder} under {@code writeIndexForPosition},
 *     about 300 bytes after each forced GC); one allocation per event would be tens of kilobytes per sample;</li>
 *     <li>trading goes on to the end (orders in the last third), no handler error, no journal failure, no bad
 *     frame.</li>
 * </ul>
 * The samples go to {@code target/soak-report.txt}.
 */
class EngineSoakTest
{
    private static final int SAMPLE_SECONDS = 5;
    private static final int MIN_WARM_UP_SECONDS = 20;
    private static final long MAX_HEAP_GROWTH_MB = 8;
    private static final long MAX_BUSINESS_BYTES_PER_SAMPLE = 1024;
    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private record Sample(
        long seconds, long heapAfterGc, long gcCount, long gcMillis, long businessAllocated, long frames,
        long orders, long fills)
    {
        String line()
        {
            return String.format("%6d %10.2f %8d %8d %14d %10d %8d %8d", seconds, heapAfterGc / (double)MB, gcCount,
                gcMillis, businessAllocated, frames, orders, fills);
        }
    }

    @Test
    void shouldKeepMemoryFlatAndTheBusinessThreadAllocationFreeOverALongSimulatedRun(final TestReporter reporter)
        throws Exception
    {
        final int seconds = Integer.getInteger("schwabot.soak.seconds", 0);
        assumeTrue(seconds > 0, "the soak runs with -Psoak or -Dschwabot.soak.seconds=N");
        final int warmUp = Math.max(MIN_WARM_UP_SECONDS, seconds / 5);
        assertThat(seconds).as("a soak needs time after its warm-up")
            .isGreaterThanOrEqualTo(warmUp + 6 * SAMPLE_SECONDS);

        final SchwabotConfig config = TestCores.defaults();
        final Engine engine = Engine.start(config, dir.resolve("journal"), new LiveVenues(null),
            new MonitoringOptions().countersDirectory(dir.resolve("cnc")));
        final List<Sample> samples = new ArrayList<>();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long start = System.nanoTime();
        final EngineCounters counters = engine.counters();
        try
        {
            final long business = businessThreadId();
            for (long next = SAMPLE_SECONDS; next <= seconds; next += SAMPLE_SECONDS)
            {
                final long due = start + next * 1_000_000_000L;
                while (System.nanoTime() < due)
                {
                    Thread.sleep(Math.max(1, (due - System.nanoTime()) / 1_000_000));
                }
                samples.add(sample(next, threads, business, counters));
            }
        }
        finally
        {
            engine.close();
        }

        final List<Sample> steady = samples.stream().filter((s) -> s.seconds() > warmUp).toList();
        final int third = steady.size() / 3;
        final long firstHeap = median(steady.subList(0, third));
        final long lastHeap = median(steady.subList(steady.size() - third, steady.size()));
        final Sample first = steady.get(0);
        final Sample last = steady.get(steady.size() - 1);
        final double minutes = (last.seconds() - first.seconds()) / 60.0;
        final long businessBytes = last.businessAllocated() - first.businessAllocated();
        final Sample thirdStart = steady.get(steady.size() - third - 1);
        final String summary = String.format("soak %d s (warm-up %d s, %d samples after it): heap after GC median " +
            "%.2f MB -> %.2f MB (growth %.2f MB, bound %d MB); GC %d collections, %d ms over the run; business " +
            "thread allocated %d bytes over %d events in %.1f min after warm-up (bound %d per %d s sample); frames " +
            "%d, orders %d, fills %d", seconds, warmUp, steady.size(), firstHeap / (double)MB, lastHeap / (double)MB,
            (lastHeap - firstHeap) / (double)MB, MAX_HEAP_GROWTH_MB, last.gcCount(), last.gcMillis(), businessBytes,
            last.frames() - first.frames(), minutes, MAX_BUSINESS_BYTES_PER_SAMPLE, SAMPLE_SECONDS, last.frames(),
            last.orders(), last.fills());
        record(summary, samples);
        reporter.publishEntry("soak", summary);

        assertThat(lastHeap - firstHeap).as(summary).isLessThanOrEqualTo(MAX_HEAP_GROWTH_MB * MB);
        assertThat(businessBytes).as(summary)
            .isLessThanOrEqualTo(MAX_BUSINESS_BYTES_PER_SAMPLE * (steady.size() - 1));
        assertThat(last.orders()).as("orders in the last third: " + summary).isGreaterThan(thirdStart.orders());
        assertThat(counters.value(EngineCounter.HANDLER_ERRORS)).isZero();
        assertThat(counters.value(EngineCounter.JOURNAL_FAILURES)).isZero();
        assertThat(counters.badFrameTotal()).isZero();
    }

    private static Sample sample(
        final long seconds, final com.sun.management.ThreadMXBean threads, final long business,
        final EngineCounters counters)
    {
        final long allocated = threads.getThreadAllocatedBytes(business);
        System.gc();
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long count = 0;
        long millis = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new Sample(seconds, memory.getHeapMemoryUsage().getUsed(), count, millis, allocated,
            counters.value(EngineCounter.INBOUND_FRAMES), counters.value(EngineCounter.ORDERS_SENT),
            counters.value(EngineCounter.FILLS));
    }

    private static long businessThreadId()
    {
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if ("schwabot-business".equals(thread.getName()))
            {
                return thread.getId();
            }
        }
        throw new IllegalStateException("no schwabot-business thread");
    }

    private static long median(final List<Sample> samples)
    {
        final long[] heaps = samples.stream().mapToLong(Sample::heapAfterGc).toArray();
        Arrays.sort(heaps);
        return heaps[heaps.length / 2];
    }

    private static void record(final String summary, final List<Sample> samples) throws IOException
    {
        final StringBuilder out = new StringBuilder(summary).append(System.lineSeparator())
            .append("     s    heap MB  gc count  gc ms  business bytes     frames   orders    fills")
            .append(System.lineSeparator());
        samples.forEach((s) -> out.append(s.line()).append(System.lineSeparator()));
        final Path target = Path.of("target");
        if (Files.isDirectory(target))
        {
            Files.writeString(target.resolve("soak-report.txt"), out.toString(), StandardCharsets.UTF_8);
        }
    }
}
