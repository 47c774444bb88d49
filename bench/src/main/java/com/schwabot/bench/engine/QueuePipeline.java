package com.schwabot.bench.engine;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.schwabot.bench.BenchSupport;
import com.schwabot.engine.Engine;
import com.schwabot.journal.Journal;

/**
 * The same stages behind an {@link ArrayBlockingQueue} of the ring's size instead of the Disruptor: the producer
 * copies each frame into a preallocated off-heap slot of {@link Engine#SLOT_CAPACITY} bytes and puts it on the
 * queue; a {@link QueueConsumer} thread takes it, journals it (when {@code journal} is true) and runs the pipeline.
 * <p>
 * The core and the queue live for the trial; the journal and the consumer thread for one iteration.
 */
@State(Scope.Thread)
public class QueuePipeline
{
    /** Whether the business thread journals each frame before the stages. */
    @Param({"true", "false"})
    public boolean journal;

    PipelineFixture fixture;
    QueueConsumer consumer;
    private Path dir;
    private Journal journalFile;
    private Thread thread;
    private long startProcessed;
    private final ConsumerStats.Baseline baseline = new ConsumerStats.Baseline();

    /**
     * Build the core, generate the frames, create the queue and its slots.
     */
    @Setup(Level.Trial)
    public void setUpTrial()
    {
        BenchSupport.requireJvmFlags();
        fixture = new PipelineFixture(PipelineThroughputBenchmark.FRAMES);
        consumer = new QueueConsumer(DisruptorPipeline.RING_SIZE, Engine.SLOT_CAPACITY);
    }

    /**
     * Open a fresh journal, start the consumer thread on it and prime it with one lap.
     *
     * @throws InterruptedException when interrupted while waiting for room.
     */
    @Setup(Level.Iteration)
    public void setUpIteration() throws InterruptedException
    {
        if (journal)
        {
            dir = BenchSupport.newScratchDir("pipeline-queue");
            journalFile = Journal.open(BenchEngine.journalContext(fixture.config, dir));
            consumer.bind(journalFile.appender(), fixture.pipeline());
        }
        else
        {
            consumer.bind(null, fixture.pipeline());
        }
        startProcessed = consumer.processed();
        thread = new Thread(consumer, "bench-queue-business");
        thread.start();
        fixture.nextInvocation();
        publishLap();
        awaitHandled();
        baseline.take(thread, consumer.processed() - startProcessed);
    }

    /**
     * Publish one lap of frames into the queue, waiting for room when it is full.
     *
     * @throws InterruptedException when interrupted while waiting for room.
     */
    void publishLap() throws InterruptedException
    {
        final MarketFrames frames = fixture.frames;
        final long source = frames.source();
        for (int k = 0; k < PipelineThroughputBenchmark.FRAMES; k++)
        {
            consumer.publish(source, frames.buffer(), frames.offset(k), frames.length(k), frames.ingressNanos(k));
        }
    }

    private void awaitHandled()
    {
        final long published = consumer.published();
        while (consumer.processed() < published)
        {
            Thread.yield();
        }
    }

    /**
     * Move the frames to the next lap.
     */
    @Setup(Level.Invocation)
    public void setUpInvocation()
    {
        fixture.nextInvocation();
    }

    /**
     * Wait until the consumer has handled everything published, then record its counters.
     *
     * @param stats where the consumer's counters go.
     */
    void awaitConsumer(final ConsumerStats stats)
    {
        awaitHandled();
        stats.sample(thread, consumer.processed() - startProcessed, fixture.sender.sent(), baseline);
    }

    /**
     * Stop the consumer thread, close and delete the journal.
     *
     * @throws InterruptedException when interrupted while stopping the thread.
     */
    @TearDown(Level.Iteration)
    public void tearDownIteration() throws InterruptedException
    {
        consumer.stop();
        thread.join();
        if (journal)
        {
            journalFile.close();
            BenchSupport.deleteScratchDir(dir);
        }
    }

    /**
     * Release the backend.
     */
    @TearDown(Level.Trial)
    public void tearDownTrial()
    {
        fixture.close();
    }
}
