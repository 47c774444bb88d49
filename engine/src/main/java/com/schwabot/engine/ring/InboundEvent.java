package com.schwabot.engine.ring;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A slot of the input ring: one inbound SBE frame (a venue market-data frame, an execution report, a connection
 * state change, a timer tick or an admin command) with the metadata stamped by its producer.
 * <p>
 * Slots are created once by {@link InputRing} over one off-heap region and reused; nothing is allocated per event.
 * What a slot holds is told by the frame's own SBE header (schema and template), so a journaled frame replays with
 * exactly the meaning it had live. Not thread-safe by itself: the Disruptor's sequences hand a slot from its
 * producer to the business thread.
 */
public final class InboundEvent
{
    private final UnsafeBuffer buffer;
    private int length;
    private long ingressNanos;
    private long source;
    private long journalSequence;

    InboundEvent(final UnsafeBuffer buffer)
    {
        this.buffer = buffer;
    }

    /**
     * The slot's buffer; the frame starts at offset 0.
     *
     * @return the buffer, of the ring's slot capacity.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * Length of the frame in the buffer.
     *
     * @return bytes used.
     */
    public int length()
    {
        return length;
    }

    /**
     * Epoch nanoseconds at which the producer received or created the frame: the engine's notion of "now" for it.
     *
     * @return the ingress time.
     */
    public long ingressNanos()
    {
        return ingressNanos;
    }

    /**
     * Venue and connection the frame came from, see {@code com.schwabot.engine.venue.Sources}.
     *
     * @return the source.
     */
    public long source()
    {
        return source;
    }

    /**
     * Journal sequence the business thread gave this event when it journaled the event's batch ahead of acting on
     * it; -1 when the journal refused it. Written and read by the business thread only.
     *
     * @return the journal sequence.
     */
    public long journalSequence()
    {
        return journalSequence;
    }

    void journalSequence(final long journalSequence)
    {
        this.journalSequence = journalSequence;
    }

    void set(final int length, final long ingressNanos, final long source)
    {
        this.length = length;
        this.ingressNanos = ingressNanos;
        this.source = source;
    }
}
