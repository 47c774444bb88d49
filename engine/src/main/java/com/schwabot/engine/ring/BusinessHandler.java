package com.schwabot.engine.ring;

import com.lmax.disruptor.DataProvider;
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
 * Given the ring, it journals a whole Disruptor batch before acting on its first event: at the batch's first event
 * every event of the batch goes into one journal excerpt (more where the batch outgrows an excerpt's capacity),
 * committed together, so Chronicle's per-excerpt cost is paid once per batch rather than once per event, and a
 * crash leaves a batch either journaled whole, before any of it was acted on, or not at all. The last event of the
 * batch carries the end-of-batch mark, as before. Without the ring (or when called without
 * {@link #onBatchStart}), each event is journaled on its own as it comes.
 * <p>
 * Not thread-safe: the Disruptor runs it on the business thread only.
 */
public final class BusinessHandler implements EventHandler<InboundEvent>
{
    private static final long NOT_JOURNALED = -1;

    private final DataProvider<InboundEvent> ring;
    private final JournalAppender journal;
    private final Pipeline pipeline;
    private final AtomicCounter journalFailures;
    private final EventLatency latency;
    private volatile long processedSequence = -1;
    private long pendingBatchSize;
    private long batchEnd = -1;

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
        this(null, journal, pipeline, counters, latency);
    }

    /**
     * A handler that journals each Disruptor batch as one excerpt before acting on it.
     *
     * @param ring     the ring this handler consumes (its events are read ahead within a batch), or null to journal
     *                 event by event.
     * @param journal  appender of the engine's journal.
     * @param pipeline the stages.
     * @param counters engine counters.
     * @param latency  called after each event is handled (allocation-free).
     */
    public BusinessHandler(final DataProvider<InboundEvent> ring, final JournalAppender journal,
        final Pipeline pipeline, final EngineCounters counters, final EventLatency latency)
    {
        this.ring = ring;
        this.journal = journal;
        this.pipeline = pipeline;
        this.journalFailures = counters.get(EngineCounter.JOURNAL_FAILURES);
        this.latency = latency;
    }

    /**
     * {@inheritDoc}
     */
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        if (null != ring)
        {
            pendingBatchSize = batchSize;
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        if (pendingBatchSize > 0)
        {
            journalBatch(sequence, sequence + pendingBatchSize - 1);
            pendingBatchSize = 0;
        }
        final long journalSequence;
        if (sequence <= batchEnd)
        {
            journalSequence = event.journalSequence();
        }
        else
        {
            journalSequence = appendOne(event, endOfBatch);
        }
        if (NOT_JOURNALED == journalSequence)
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

    private long appendOne(final InboundEvent event, final boolean endOfBatch)
    {
        try
        {
            return journal.append(event.buffer(), 0, event.length(), event.ingressNanos(), event.source(),
                endOfBatch ? JournalFlags.END_OF_BATCH : 0);
        }
        catch (final RuntimeException ex)
        {
            return NOT_JOURNALED;
        }
    }

    /**
     * Journal the events from {@code first} to {@code last} in as few excerpts as fit, each committed before the
     * next begins. When an excerpt fails, its events (and the rest of the batch) are marked not journaled.
     */
    private void journalBatch(final long first, final long last)
    {
        batchEnd = last;
        long excerptStart = first;
        try
        {
            journal.beginBatch();
            for (long sequence = first; sequence <= last; sequence++)
            {
                final InboundEvent event = ring.get(sequence);
                if (!journal.fits(event.length()))
                {
                    journal.commitBatch();
                    excerptStart = sequence;
                    journal.beginBatch();
                }
                event.journalSequence(journal.add(event.buffer(), 0, event.length(), event.ingressNanos(),
                    event.source(), sequence == last ? JournalFlags.END_OF_BATCH : 0));
            }
            journal.commitBatch();
        }
        catch (final RuntimeException ex)
        {
            journal.abortBatch();
            for (long sequence = excerptStart; sequence <= last; sequence++)
            {
                ring.get(sequence).journalSequence(NOT_JOURNALED);
            }
        }
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
