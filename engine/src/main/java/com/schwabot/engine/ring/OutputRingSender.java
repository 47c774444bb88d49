package com.schwabot.engine.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.agrona.DirectBuffer;

import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.journal.JournalAppender;

/**
 * The live {@link OrderSender}: journals each outbound frame (flagged {@link JournalFlags#OUTBOUND}, the
 * destination as its source) and publishes it on the output ring for the gateway thread. When the output ring is
 * full, or the journal cannot take the frame, the order is not sent (an empty slot, length 0, is published in the
 * second case, which the gateway skips) and the caller treats it as rejected; it never blocks the business thread.
 * <p>
 * Not thread-safe: the business thread is the output ring's only producer.
 */
public final class OutputRingSender implements OrderSender
{
    private final RingBuffer<OutboundEvent> ring;
    private final JournalAppender journal;
    private final EventClock clock;

    /**
     * A sender.
     *
     * @param ring    the output ring (single producer).
     * @param journal the engine's journal.
     * @param clock   the event clock (the journaled time of an outbound frame is its cause's ingress time).
     */
    public OutputRingSender(
        final RingBuffer<OutboundEvent> ring, final JournalAppender journal, final EventClock clock)
    {
        this.ring = ring;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * {@inheritDoc}
     */
    public boolean send(
        final DirectBuffer buffer, final int offset, final int length, final long clOrdId, final long destination)
    {
        if (length > OutboundEvent.CAPACITY)
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
        catch (final RuntimeException ex)
        {
            event.length(0).clOrdId(clOrdId);
        }
        finally
        {
            ring.publish(sequence);
        }
        return sent;
    }
}
