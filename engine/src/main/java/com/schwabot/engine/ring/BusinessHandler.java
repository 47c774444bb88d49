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
 * acts on it, then runs the {@link Pipeline}. Everything the engine acted on is in the journal and a replay sees it:
 * <ul>
 *     <li>an append that throws (anything: a Chronicle exception, the {@link InternalError} of a mapped page that a
 *     full disk cannot back) is counted ({@code journal.failures}), its event is not acted on, and the
 *     {@link JournalGate} is stopped: a journal that failed once is not written again;</li>
 *     <li>while the gate is stopped (that, or the journal space guard's hard limit) each event is refused: counted
 *     ({@code journal.refused}), neither journaled nor acted on.</li>
 * </ul>
 * The gate check is one volatile read; nothing else is added to the steady-state path.
 * <p>
 * Not thread-safe: the Disruptor runs it on the business thread only.
 */
public final class BusinessHandler implements EventHandler<InboundEvent>
{
    private final JournalAppender journal;
    private final Pipeline pipeline;
    private final JournalGate gate;
    private final AtomicCounter journalFailures;
    private final AtomicCounter journalRefused;
    private final EventLatency latency;
    private volatile long processedSequence = -1;

    /**
     * A handler with a gate of its own.
     *
     * @param journal  appender of the engine's journal.
     * @param pipeline the stages.
     * @param counters engine counters.
     */
    public BusinessHandler(final JournalAppender journal, final Pipeline pipeline, final EngineCounters counters)
    {
        this(journal, pipeline, counters, EventLatency.NONE, new JournalGate());
    }

    /**
     * A handler that reports each handled event's ingress time to a latency hook.
     *
     * @param journal  appender of the engine's journal.
     * @param pipeline the stages.
     * @param counters engine counters.
     * @param latency  called after each event is handled (allocation-free).
     * @param gate     whether the journal may still be appended to; stopped here when an append fails.
     */
    public BusinessHandler(final JournalAppender journal, final Pipeline pipeline, final EngineCounters counters,
        final EventLatency latency, final JournalGate gate)
    {
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
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        if (!gate.isOpen())
        {
            journalRefused.incrementRelease();
            processedSequence = sequence;
            return;
        }
        final long journalSequence;
        try
        {
            journalSequence = journal.append(event.buffer(), 0, event.length(), event.ingressNanos(), event.source(),
                endOfBatch ? JournalFlags.END_OF_BATCH : 0);
        }
        catch (final RuntimeException | Error ex)
        {
            journalFailures.incrementRelease();
            gate.fail("an append to the journal", ex);
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
}
