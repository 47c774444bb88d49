package com.schwabot.bench.engine;

import java.nio.file.Path;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.schwabot.bench.BenchSupport;
import com.schwabot.config.WaitStrategy;
import com.schwabot.engine.Engine;
import com.schwabot.engine.monitor.EventLatency;
import com.schwabot.engine.ring.BusinessHandler;
import com.schwabot.engine.ring.EngineWaitStrategies;
import com.schwabot.engine.ring.InboundEvent;
import com.schwabot.engine.ring.InputRing;
import com.schwabot.engine.ring.JournalPretouch;
import com.schwabot.journal.Journal;

/**
 * The engine's own path: the {@link InputRing} (Disruptor, multi-producer, off-heap slots of
 * {@link Engine#SLOT_CAPACITY} bytes, the sleeping wait strategy) drained by a {@link BatchEventProcessor} on its
 * own thread running the engine's {@link BusinessHandler} (journal append with the end-of-batch mark, then the
 * pipeline), or {@link PipelineOnlyHandler} when {@code journal} is false.
 * <p>
 * The core and the ring live for the trial; the journal, the handler, the processor and its thread for one
 * iteration (the journal is deleted after each, so a run holds at most one iteration's journal on disk).
 */
@State(Scope.Thread)
public class DisruptorPipeline
{
    /** Slots of the ring in the benchmark (the engine's default is 65,536; the consumer is the bound either way). */
    static final int RING_SIZE = 8192;
    /**
     * The business thread's wait strategy: fixed to the one the recorded results were measured with (the default
     * before engine.profile), so that they do not move with the default profile; the latency harness measures the
     * profiles. The consumer is the bound here, so it seldom waits.
     */
    static final WaitStrategy WAIT_STRATEGY = WaitStrategy.SLEEPING;

    /** Whether the business thread journals each frame before the stages. */
    @Param({"true", "false"})
    public boolean journal;

    /**
     * Whether the business thread journals each Disruptor batch as one excerpt before acting on it (the engine's
     * way), or each frame as its own excerpt (the way before batches; run with {@code -p batchJournal=false,true}
     * to compare them in one run).
     */
    @Param({"true"})
    public boolean batchJournal;

    /**
     * MiB the journal's pretouch thread keeps touched ahead of the business thread ({@link JournalPretouch}); -1 for
     * the configuration's {@code journal.pretouch_mb}, 0 for no pretouch thread (run with {@code -p pretouchMb=0,16}
     * to compare).
     */
    @Param({"-1"})
    public int pretouchMb;

    PipelineFixture fixture;
    InputRing ring;
    private Path dir;
    private Journal journalFile;
    private long startSequence;
    private BatchEventProcessor<InboundEvent> processor;
    private Thread thread;
    private AgentRunner pretouchRunner;
    private final ConsumerStats.Baseline baseline = new ConsumerStats.Baseline();

    /**
     * Build the core, generate the frames, create the ring.
     */
    @Setup(Level.Trial)
    public void setUpTrial()
    {
        BenchSupport.requireJvmFlags();
        fixture = new PipelineFixture(PipelineThroughputBenchmark.FRAMES);
        ring = new InputRing(RING_SIZE, Engine.SLOT_CAPACITY,
            EngineWaitStrategies.of(WAIT_STRATEGY, null), fixture.counters);
    }

    /**
     * Open a fresh journal, start the business thread on it and prime it with one lap.
     */
    @Setup(Level.Iteration)
    public void setUpIteration()
    {
        final EventHandler<InboundEvent> handler;
        if (journal)
        {
            dir = BenchSupport.newScratchDir("pipeline-disruptor");
            journalFile = Journal.open(BenchEngine.journalContext(fixture.config, dir));
            handler = new BusinessHandler(batchJournal ? ring.ring() : null, journalFile.appender(),
                fixture.pipeline(), fixture.counters, EventLatency.NONE);
            pretouchRunner = JournalPretouch.start(journalFile,
                BenchEngine.withPretouch(fixture.config.journal(), pretouchMb), fixture.counters,
                Throwable::printStackTrace);
        }
        else
        {
            handler = new PipelineOnlyHandler(fixture.pipeline());
        }
        final RingBuffer<InboundEvent> buffer = ring.ring();
        processor = new BatchEventProcessorBuilder().build(buffer, buffer.newBarrier(), handler);
        startSequence = buffer.getCursor();
        processor.getSequence().set(startSequence);
        buffer.addGatingSequences(processor.getSequence());
        thread = new Thread(processor, "bench-business");
        thread.start();
        fixture.nextInvocation();
        publishLap();
        awaitHandled();
        baseline.take(thread, processor.getSequence().get() - startSequence);
    }

    /**
     * Publish one lap of frames into the ring, waiting for room when it is full.
     */
    void publishLap()
    {
        final MarketFrames frames = fixture.frames;
        final long source = frames.source();
        for (int k = 0; k < PipelineThroughputBenchmark.FRAMES; k++)
        {
            ring.onExecution(source, frames.buffer(), frames.offset(k), frames.length(k), frames.ingressNanos(k));
        }
    }

    private void awaitHandled()
    {
        final long published = ring.ring().getCursor();
        final Sequence consumed = processor.getSequence();
        while (consumed.get() < published)
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
     * Wait until the business thread has handled everything published, then record its counters.
     *
     * @param stats where the consumer's counters go.
     */
    void awaitConsumer(final ConsumerStats stats)
    {
        awaitHandled();
        stats.sample(thread, processor.getSequence().get() - startSequence, fixture.sender.sent(), baseline);
    }

    /**
     * Stop the business thread, close and delete the journal.
     *
     * @throws InterruptedException when interrupted while joining the thread.
     */
    @TearDown(Level.Iteration)
    public void tearDownIteration() throws InterruptedException
    {
        processor.halt();
        thread.join();
        ring.ring().removeGatingSequence(processor.getSequence());
        CloseHelper.close(pretouchRunner);
        pretouchRunner = null;
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
