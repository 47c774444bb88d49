package com.schwabot.bench.journal;

import com.schwabot.bench.BenchSupport;
import com.schwabot.bench.ThreadCpuTime;
import com.schwabot.journal.RecordHeader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
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
 * The baseline for the journal benchmarks: a bare Chronicle Queue {@code writingDocument()} loop writing the same
 * 64 bytes, and a bare {@code readingDocument()} loop reading them back, with no record header, no sequence and no
 * copying through Agrona buffers. {@link JournalAppendBenchmark} and {@link JournalReadBenchmark} mirror these
 * (same payload, queue settings, roll cycle, directory, mode, units, warm-up and measurement) and are run in the same
 * JMH invocation.
 * <p>
 * Appends go to a fresh queue per iteration, deleted after it, so a run writes at most one iteration's worth of
 * data to disk at a time (about 0.4 GB per second of measurement at 3-4M msg/s).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChronicleQueueBaselineBenchmark
{
    /**
     * A queue for appends, fresh for each iteration.
     */
    @State(Scope.Thread)
    public static class AppendQueue
    {
        final byte[] message = BenchSupport.sampleMessage();
        final byte[] recordSized = new byte[RecordHeader.LENGTH + BenchSupport.MESSAGE_LENGTH];
        Path dir;
        ChronicleQueue queue;
        ExcerptAppender appender;

        /**
         * Opens an empty queue.
         */
        @Setup(Level.Iteration)
        public void setUp()
        {
            BenchSupport.requireJvmFlags();
            dir = BenchSupport.newScratchDir("bare-append");
            queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).build();
            appender = queue.createAppender();
        }

        /**
         * Closes and deletes the queue.
         */
        @TearDown(Level.Iteration)
        public void tearDown()
        {
            appender.close();
            queue.close();
            BenchSupport.deleteScratchDir(dir);
        }
    }

    /**
     * A queue holding a backlog of messages to read, written once per trial.
     */
    @State(Scope.Thread)
    public static class ReadQueue
    {
        final byte[] readInto = new byte[BenchSupport.MESSAGE_LENGTH];
        Path dir;
        ChronicleQueue queue;
        ExcerptTailer tailer;

        /**
         * Opens a fresh queue and writes the backlog.
         */
        @Setup(Level.Trial)
        public void setUp()
        {
            BenchSupport.requireJvmFlags();
            final byte[] message = BenchSupport.sampleMessage();
            dir = BenchSupport.newScratchDir("bare-read");
            queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).build();
            try (ExcerptAppender appender = queue.createAppender())
            {
                for (int i = 0; i < BenchSupport.READ_BACKLOG; i++)
                {
                    try (DocumentContext dc = appender.writingDocument())
                    {
                        dc.wire().bytes().write(message, 0, message.length);
                    }
                }
            }
            tailer = queue.createTailer();
        }

        /**
         * Closes and deletes the queue.
         */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            tailer.close();
            queue.close();
            BenchSupport.deleteScratchDir(dir);
        }
    }

    /**
     * One 64-byte excerpt appended through {@code writingDocument()}.
     *
     * @param state the queue.
     * @param cpu   counts the thread's CPU time.
     */
    @Benchmark
    public void bareAppend(final AppendQueue state, final ThreadCpuTime cpu)
    {
        try (DocumentContext dc = state.appender.writingDocument())
        {
            dc.wire().bytes().write(state.message, 0, state.message.length);
        }
        cpu.tick();
    }

    /**
     * Control: one excerpt as long as a journal record of the 64-byte message (40-byte record header plus payload),
     * appended through {@code writingDocument()} with no other work. Against {@link #bareAppend} it prices the extra
     * bytes (memory bandwidth, page faults on fresh pages of the mapped file); against
     * {@link JournalAppendBenchmark#append} the journal's own work per record.
     *
     * @param state the queue.
     * @param cpu   counts the thread's CPU time.
     */
    @Benchmark
    public void bareAppendRecordSized(final AppendQueue state, final ThreadCpuTime cpu)
    {
        try (DocumentContext dc = state.appender.writingDocument())
        {
            dc.wire().bytes().write(state.recordSized, 0, state.recordSized.length);
        }
        cpu.tick();
    }

    /**
     * One 64-byte excerpt read through {@code readingDocument()}; rewinds when the backlog is used up.
     *
     * @param state     the queue.
     * @param cpu       counts the thread's CPU time.
     * @param blackhole consumes what was read.
     */
    @Benchmark
    public void bareRead(final ReadQueue state, final ThreadCpuTime cpu, final Blackhole blackhole)
    {
        cpu.tick();
        try (DocumentContext dc = state.tailer.readingDocument())
        {
            if (dc.isPresent())
            {
                final Bytes<?> bytes = dc.wire().bytes();
                bytes.read(state.readInto, 0, state.readInto.length);
                blackhole.consume(state.readInto[state.readInto.length - 1]);
                return;
            }
        }
        state.tailer.toStart();
    }
}
