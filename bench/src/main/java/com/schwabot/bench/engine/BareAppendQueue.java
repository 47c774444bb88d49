package com.schwabot.bench.engine;

import java.nio.file.Path;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.schwabot.bench.BenchSupport;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.journal.JournalRollCycle;

/**
 * The baseline of the pipeline benchmarks: a bare Chronicle Queue with the journal's settings (the configured roll
 * cycle and block size, binary wire) and the same generated frames, appended as they are with no record header, on
 * the benchmark thread. A fresh queue per iteration, deleted after it.
 */
@State(Scope.Thread)
public class BareAppendQueue
{
    SchwabotConfig config;
    MarketFrames frames;
    ExcerptAppender appender;
    private Path dir;
    private ChronicleQueue queue;

    /**
     * Generate the frames.
     */
    @Setup(Level.Trial)
    public void setUpTrial()
    {
        BenchSupport.requireJvmFlags();
        config = BenchEngine.defaultConfig();
        frames = MarketFrames.generate(config, PipelineThroughputBenchmark.FRAMES, BenchEngine.START_NANOS);
    }

    /**
     * Open an empty queue.
     */
    @Setup(Level.Iteration)
    public void setUpIteration()
    {
        dir = BenchSupport.newScratchDir("pipeline-bare");
        queue = SingleChronicleQueueBuilder.binary(dir)
            .rollCycle(JournalRollCycle.valueOf(config.journal().rollCycle().name()).chronicleRollCycle())
            .blockSize((long)config.journal().blockSizeMb() << 20)
            .build();
        appender = queue.createAppender();
    }

    /**
     * Close and delete the queue.
     */
    @TearDown(Level.Iteration)
    public void tearDownIteration()
    {
        appender.close();
        queue.close();
        BenchSupport.deleteScratchDir(dir);
    }
}
