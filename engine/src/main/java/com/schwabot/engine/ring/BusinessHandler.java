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
 * acts on it, then runs the {@link Pipeline}. Everything the engine acted on is in the journal and a replay sees it:
 * <ul>
 *     <li>an append that throws (anything: a Chronicle exception, the {@link InternalError} of a mapped page that a
 *     full disk cannot back) is counted ({@code journal.failures}), its events are not acted on, and the
 *     {@link JournalGate} is stopped: a journal that failed once is not written again;</li>
 *     <li>while the gate is stopped (that, or the journal space guard's hard limit) each event that is not journaled
 *     yet is refused: counted ({@code journal.refused}), neither journaled nor acted on.</li>
 * </ul>
 * Given the ring, it journals a whole Disruptor batch before acting on its first event: at the batch's first event
 * every event of the batch goes into one journal excerpt (more where the batch outgrows an excerpt's capacity),
 * committed together, so Chronicle's per-excerpt cost is paid once per batch rather than once per event, and a
 * crash leaves a batch either journaled whole, before any of it was acted on, or not at all. The last event of the
 * batch carries the end-of-batch mark, as before; events of a journaled batch are acted on even when the gate stops
 * during the batch. Without the ring (or when called without {@link #onBatchStart}), each event is journaled on its
 * own as it comes. The gate check is one volatile read per batch or event.
 * <p>
 * Not thread-safe: the Disruptor runs it on the business thread only.
 */
public final class BusinessHandler implements EventHandler<InboundEvent>
{
    private static final long FAILED = -1;
    private static final long REFUSED = -2;

    private final DataProvider<InboundEvent> ring;
    private final JournalAppender journal;
    private final Pipeline pipeline;
    private final JournalGate gate;
    private final AtomicCounter journalFailures;
    private final AtomicCounter journalRefused;
    private final EventLatency latency;
    private volatile long processedSequence = -1;
    private long pendingBatchSize;
    private long batchEnd = -1;

    /**
     * A handler with a gate of its own that journals event by event.
     *
     * @param journal  appender of the engine's journal.
     * @param pipeline the stages.
     * @param counters engine counters.
     */
    public BusinessHandler(final JournalAppender journal, final Pipeline pipeline, final EngineCounters counters)
    {
        this(null, journal, pipeline, counters, EventLatency.NONE, new JournalGate());
    }

    /**
     * A handler with a gate of its own that journals each Disruptor batch as one excerpt before acting on it.
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
        this(ring, journal, pipeline, counters, latency, new JournalGate());
    }

    /**
     * A handler.
     *
     * @param ring     the ring this handler consumes, or null to journal event by event.
     * @param journal  appender of the engine's journal.
     * @param pipeline the stages.
     * @param counters engine counters.
     * @param latency  called after each event is handled (allocation-free).
     * @param gate     whether the journal may still be appended to; stopped here when an append fails.
     */
    public BusinessHandler(final DataProvider<InboundEvent> ring, final JournalAppender journal,
        final Pipeline pipeline, final EngineCounters counters, final EventLatency latency, final JournalGate gate)
    {
        this.ring = ring;
        this.journal = journal;
        this.pipeline = pipeline;
        this.gate = gate;
        this.journalFailures = counters.get(EngineCounter.JOURNAL_FAILURES);
        this.journalRefused = counters.get(EngineCounter.JOURNAL_REFUSED);
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
            journalSequence = gate.isOpen() ? appendOne(event, endOfBatch) : REFUSED;
        }
        if (journalSequence < 0)
        {
            if (REFUSED == journalSequence)
            {
                journalRefused.incrementRelease();
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
     * The gate this handler obeys.
     *
     * @return the gate.
     */
    public JournalGate gate()
    {
        return gate;
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

    private long appendOne(final InboundEvent event, final boolean endOfBatch)
    {
        try
        {
            return journal.append(event.buffer(), 0, event.length(), event.ingressNanos(), event.source(),
                endOfBatch ? JournalFlags.END_OF_BATCH : 0);
        }
        catch (final RuntimeException | Error ex)
        {
            journalFailures.incrementRelease();
            gate.fail("an append to the journal", ex);
            return FAILED;
        }
    }

    /**
     * Journal the events from {@code first} to {@code last} in as few excerpts as fit, each committed before the
     * next begins. When an excerpt fails, the gate stops, and its events and the rest of the batch are refused.
     */
    private void journalBatch(final long first, final long last)
    {
        batchEnd = last;
        if (!gate.isOpen())
        {
            refuse(first, last);
            return;
        }
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
        catch (final RuntimeException | Error ex)
        {
            journal.abortBatch();
            journalFailures.incrementRelease();
            gate.fail("an append to the journal", ex);
            refuse(excerptStart, last);
        }
    }

    private void refuse(final long first, final long last)
    {
        for (long sequence = first; sequence <= last; sequence++)
        {
            ring.get(sequence).journalSequence(REFUSED);
        }
    }
}
