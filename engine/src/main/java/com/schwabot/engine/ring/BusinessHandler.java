package com.schwabot.engine.ring;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.EventLatency;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.journal.JournalAppender;

/**
 * The business thread's Disruptor handler: journals each inbound frame (with the end-of-batch mark) before any stage
 * acts on it, then runs the {@link Pipeline}. An event the journal could not take is counted and not acted on, so
 * that everything the engine acted on is in the journal and a replay sees it.
 * <p>
 * Not thread-safe: the Disruptor runs it on the business thread only.
 */
public final class BusinessHandler implements EventHandler<InboundEvent>
{
    private final JournalAppender journal;
    private final Pipeline pipeline;
    private final AtomicCounter journalFailures;
    private final EventLatency latency;
    private volatile long processedSequence = -1;

    /**
     * A handler.
     *
     * @param journal  appender of the engine's journal.
     * @param pipeline the stages.
     * @param counters engine counters.
     */
    public BusinessHandler(final JournalAppender journal, final Pipeline pipeline, final EngineCounters counters)
    {
        this(journal, pipeline, counters, EventLatency.NONE);
    }

    /**
     * A handler that reports each handled event's ingress time to a latency hook.
     *
     * @param journal  appender of the engine's journal.
     * @param pipeline the stages.
     * @param counters engine counters.
     * @param latency  called after each event is handled (allocation-free).
     */
    public BusinessHandler(final JournalAppender journal, final Pipeline pipeline, final EngineCounters counters,
        final EventLatency latency)
    {
        this.journal = journal;
        this.pipeline = pipeline;
        this.journalFailures = counters.get(EngineCounter.JOURNAL_FAILURES);
        this.latency = latency;
    }

    /**
     * {@inheritDoc}
     */
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        final long journalSequence;
        try
        {
            journalSequence = journal.append(event.buffer(), 0, event.length(), event.ingressNanos(), event.source(),
                endOfBatch ? JournalFlags.END_OF_BATCH : 0);
        }
        catch (final RuntimeException ex)
        {
            journalFailures.incrementRelease();
            if (endOfBatch)
            {
                pipeline.endOfBatch();
            }
            processedSequence = sequence;
            return;
        }
        pipeline.onFrame(event.buffer(), 0, event.length(), event.ingressNanos(), event.source(), journalSequence,
            endOfBatch);
        latency.onHandled(event.ingressNanos());
        processedSequence = sequence;
    }

    /**
     * Ring sequence of the last event handled, for shutdown draining and tests.
     *
     * @return the sequence, -1 before the first.
     */
    public long processedSequence()
    {
        return processedSequence;
    }
}
