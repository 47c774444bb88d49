package com.schwabot.bench.journal;

import com.schwabot.bench.BenchSupport;
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
 * copying through Agrona buffers. Our journal is measured against these in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChronicleQueueBaselineBenchmark
{
    private static final int READ_BACKLOG = 4_000_000;

    private Path dir;
    private ChronicleQueue queue;
    private ExcerptAppender appender;
    private ExcerptTailer tailer;
    private final byte[] message = BenchSupport.sampleMessage();
    private final byte[] readInto = new byte[BenchSupport.MESSAGE_LENGTH];

    /**
     * Opens a fresh queue and writes a backlog for the read benchmark.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        BenchSupport.requireJvmFlags();
        dir = BenchSupport.newScratchDir("bare-queue");
        queue = SingleChronicleQueueBuilder.binary(dir).rollCycle(RollCycles.FAST_DAILY).build();
        appender = queue.createAppender();
        for (int i = 0; i < READ_BACKLOG; i++)
        {
            bareAppend();
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
        appender.close();
        queue.close();
        BenchSupport.deleteScratchDir(dir);
    }

    /**
     * One 64-byte excerpt appended through {@code writingDocument()}.
     */
    @Benchmark
    public void bareAppend()
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(message, 0, message.length);
        }
    }

    /**
     * One 64-byte excerpt read through {@code readingDocument()}; rewinds when the backlog is used up.
     *
     * @param blackhole consumes what was read.
     */
    @Benchmark
    public void bareRead(final Blackhole blackhole)
    {
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (dc.isPresent())
            {
                final Bytes<?> bytes = dc.wire().bytes();
                bytes.read(readInto, 0, readInto.length);
                blackhole.consume(readInto[readInto.length - 1]);
                return;
            }
        }
        tailer.toStart();
    }
}
