package com.schwabot.bench.journal;

import com.schwabot.bench.BenchSupport;
import com.schwabot.bench.ThreadCpuTime;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.journal.JournalContext;
import com.schwabot.journal.JournalRollCycle;
import com.schwabot.journal.JournalSource;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@link JournalAppender#append} of the 64-byte message, to compare with
 * {@link ChronicleQueueBaselineBenchmark#bareAppend}: same payload bytes (copied from the same kind of heap array),
 * same queue settings (binary, FAST_DAILY, default block size), same directory, a fresh journal per iteration, same
 * mode, units, warm-up and measurement. Each record carries the 40-byte record header on top, with the payload's
 * CRC32C when {@code checksum} is true. {@link #appendBatch} writes the same records {@value #BATCH} to an excerpt
 * (what the business thread does with a Disruptor batch): its score is records per second, one excerpt per
 * {@value #BATCH} records against the bare loop's one per record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JournalAppendBenchmark
{
    private static final long SOURCE = JournalSource.source(1, 1);
    private static final int BATCH = 32;

    @Param({"true", "false"})
    private boolean checksum;

    private final UnsafeBuffer message = new UnsafeBuffer(BenchSupport.sampleMessage());
    private Path dir;
    private Journal journal;
    private JournalAppender appender;
    private long ingressNanos;

    /**
     * Opens an empty journal.
     */
    @Setup(Level.Iteration)
    public void setUp()
    {
        BenchSupport.requireJvmFlags();
        dir = BenchSupport.newScratchDir("journal-append");
        journal = Journal.open(new JournalContext()
            .directory(dir)
            .rollCycle(JournalRollCycle.DAILY)
            .checksum(checksum));
        appender = journal.appender();
    }

    /**
     * Closes and deletes the journal.
     */
    @TearDown(Level.Iteration)
    public void tearDown()
    {
        journal.close();
        BenchSupport.deleteScratchDir(dir);
    }

    /**
     * One record of the 64-byte message.
     *
     * @param cpu counts the thread's CPU time.
     * @return the sequence, consumed by JMH.
     */
    @Benchmark
    public long append(final ThreadCpuTime cpu)
    {
        final long sequence = appender.append(message, 0, BenchSupport.MESSAGE_LENGTH, ++ingressNanos, SOURCE);
        cpu.tick();
        return sequence;
    }

    /**
     * {@value #BATCH} records of the 64-byte message in one excerpt.
     *
     * @param cpu counts the thread's CPU time (ticks per record).
     * @return the last sequence, consumed by JMH.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long appendBatch(final ThreadCpuTime cpu)
    {
        appender.beginBatch();
        for (int i = 0; i < BATCH; i++)
        {
            appender.add(message, 0, BenchSupport.MESSAGE_LENGTH, ++ingressNanos, SOURCE, 0);
            cpu.tick();
        }
        return appender.commitBatch();
    }
}
