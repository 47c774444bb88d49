package com.schwabot.bench.journal;

import com.schwabot.bench.BenchSupport;
import com.schwabot.bench.ThreadCpuTime;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.journal.JournalContext;
import com.schwabot.journal.JournalRollCycle;
import com.schwabot.journal.JournalSource;
import com.schwabot.journal.JournalTailer;
import com.schwabot.journal.RecordHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@link JournalTailer#poll} of one record of the 64-byte message, to compare with
 * {@link ChronicleQueueBaselineBenchmark#bareRead}: the same backlog of 4,000,000 messages written once per trial
 * with the same queue settings and directory, read one per operation, the payload copied into a byte array and its
 * last byte consumed, rewinding when the backlog is used up. The tailer also checks each record's header (magic,
 * version, length) and hands over sequence, time, source and flags; it does not check the CRC (verify does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class JournalReadBenchmark implements RecordHandler
{
    private final byte[] readInto = new byte[BenchSupport.MESSAGE_LENGTH];
    private Path dir;
    private Journal journal;
    private JournalTailer tailer;
    private Blackhole blackhole;

    /**
     * Opens a fresh journal and writes the backlog.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        BenchSupport.requireJvmFlags();
        dir = BenchSupport.newScratchDir("journal-read");
        journal = Journal.open(new JournalContext().directory(dir).rollCycle(JournalRollCycle.DAILY));
        final JournalAppender appender = journal.appender();
        final UnsafeBuffer message = new UnsafeBuffer(BenchSupport.sampleMessage());
        final long source = JournalSource.source(1, 1);
        for (int i = 0; i < BenchSupport.READ_BACKLOG; i++)
        {
            appender.append(message, 0, BenchSupport.MESSAGE_LENGTH, i, source);
        }
        tailer = journal.tailer();
    }

    /**
     * Closes and deletes the journal.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        tailer.close();
        journal.close();
        BenchSupport.deleteScratchDir(dir);
    }

    /**
     * One record delivered by the tailer; rewinds when the backlog is used up.
     *
     * @param cpu       counts the thread's CPU time.
     * @param blackhole consumes what was read.
     */
    @Benchmark
    public void read(final ThreadCpuTime cpu, final Blackhole blackhole)
    {
        cpu.tick();
        this.blackhole = blackhole;
        if (0 == tailer.poll(this, 1))
        {
            tailer.toStart();
        }
    }

    /**
     * Copies the payload out, as the bare read does, and consumes its last byte.
     */
    public void onRecord(
        final long sequence,
        final long ingressNanos,
        final long source,
        final int flags,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long index)
    {
        buffer.getBytes(offset, readInto, 0, length);
        blackhole.consume(readInto[length - 1]);
    }
}
