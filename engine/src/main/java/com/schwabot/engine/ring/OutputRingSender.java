package com.schwabot.engine.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.journal.JournalAppender;

/**
 * The live {@link OrderSender}: journals each outbound frame (flagged {@link JournalFlags#OUTBOUND}, the
 * destination as its source) and publishes it on the output ring for the gateway thread. When the output ring is
 * full, the {@link JournalGate} is stopped, or the journal cannot take the frame, the order is not sent (an empty
 * slot, length 0, is published in the last case, which the gateway skips) and the caller treats it as rejected; it
 * never blocks the business thread. An append that throws stops the gate, as in {@link BusinessHandler}.
 * <p>
 * Not thread-safe: the business thread is the output ring's only producer.
 */
public final class OutputRingSender implements OrderSender
{
    private final RingBuffer<OutboundEvent> ring;
    private final JournalAppender journal;
    private final EventClock clock;
    private final JournalGate gate;
    private final AtomicCounter journalFailures;

    /**
     * A sender.
     *
     * @param ring     the output ring (single producer).
     * @param journal  the engine's journal.
     * @param clock    the event clock (the journaled time of an outbound frame is its cause's ingress time).
     * @param gate     whether the journal may still be appended to; stopped here when an append fails.
     * @param counters where a failed append is counted ({@code journal.failures}).
     */
    public OutputRingSender(final RingBuffer<OutboundEvent> ring, final JournalAppender journal,
        final EventClock clock, final JournalGate gate, final EngineCounters counters)
    {
        this.ring = ring;
        this.journal = journal;
        this.clock = clock;
        this.gate = gate;
        this.journalFailures = counters.get(EngineCounter.JOURNAL_FAILURES);
    }

    /**
     * {@inheritDoc}
     */
    public boolean send(
        final DirectBuffer buffer, final int offset, final int length, final long clOrdId, final long destination)
    {
        if (length > OutboundEvent.CAPACITY || !gate.isOpen())
        {
            return false;
        }
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return false;
        }
        final OutboundEvent event = ring.get(sequence);
        boolean sent = false;
        try
        {
            journal.append(buffer, offset, length, clock.nanos(), destination, JournalFlags.OUTBOUND);
            event.buffer().putBytes(0, buffer, offset, length);
            event.length(length).destination(destination).clOrdId(clOrdId);
            sent = true;
        }
        catch (final RuntimeException | Error ex)
        {
            journalFailures.incrementRelease();
            gate.fail("an append of an outbound frame to the journal", ex);
            event.length(0).clOrdId(clOrdId);
        }
        finally
        {
            ring.publish(sequence);
        }
        return sent;
    }
}
