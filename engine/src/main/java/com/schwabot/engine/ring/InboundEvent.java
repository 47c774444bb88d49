package com.schwabot.engine.ring;

import java.nio.ByteBuffer;

import org.agrona.BitUtil;
import org.agrona.BufferUtil;
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
    /**
     * Bytes before the frame in each slot: length (int at 0), source (long at 8), ingress time (long at 16) and
     * journal sequence (long at 24). They share the frame's first cache line, so the business thread's first read
     * of a slot brings in both; kept in fields of this object instead, they were a second line written by the
     * producer per event, shared with the neighbouring slot's fields (objects allocated back to back).
     */
    static final int METADATA_LENGTH = 32;
    private static final int LENGTH_OFFSET = 0;
    private static final int SOURCE_OFFSET = 8;
    private static final int INGRESS_OFFSET = 16;
    private static final int JOURNAL_SEQUENCE_OFFSET = 24;

    private final UnsafeBuffer metadata;
    private final UnsafeBuffer buffer;

    /**
     * A slot over memory that holds {@link #METADATA_LENGTH} bytes of metadata followed by the frame.
     *
     * @param address      of the slot, 8-byte aligned.
     * @param slotCapacity bytes for the frame.
     */
    InboundEvent(final long address, final int slotCapacity)
    {
        this(new UnsafeBuffer(address, METADATA_LENGTH), new UnsafeBuffer(address + METADATA_LENGTH, slotCapacity));
    }

    private InboundEvent(final UnsafeBuffer metadata, final UnsafeBuffer buffer)
    {
        this.metadata = metadata;
        this.buffer = buffer;
    }

    /**
     * A slot outside any ring, over its own direct memory (kept reachable by the slot's buffers), for driving a
     * handler directly.
     *
     * @param slotCapacity bytes for the frame.
     * @return the slot.
     */
    static InboundEvent standalone(final int slotCapacity)
    {
        final ByteBuffer slot = BufferUtil.allocateDirectAligned(
            BitUtil.align(METADATA_LENGTH + slotCapacity, BitUtil.CACHE_LINE_LENGTH), BitUtil.CACHE_LINE_LENGTH);
        return new InboundEvent(
            new UnsafeBuffer(slot, 0, METADATA_LENGTH), new UnsafeBuffer(slot, METADATA_LENGTH, slotCapacity));
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
        return metadata.getInt(LENGTH_OFFSET);
    }

    /**
     * Epoch nanoseconds at which the producer received or created the frame: the engine's notion of "now" for it.
     *
     * @return the ingress time.
     */
    public long ingressNanos()
    {
        return metadata.getLong(INGRESS_OFFSET);
    }

    /**
     * Venue and connection the frame came from, see {@code com.schwabot.engine.venue.Sources}.
     *
     * @return the source.
     */
    public long source()
    {
        return metadata.getLong(SOURCE_OFFSET);
    }

    /**
     * Journal sequence the business thread gave this event when it journaled the event's batch ahead of acting on
     * it; -1 when the journal refused it. Written and read by the business thread only.
     *
     * @return the journal sequence.
     */
    public long journalSequence()
    {
        return metadata.getLong(JOURNAL_SEQUENCE_OFFSET);
    }

    void journalSequence(final long journalSequence)
    {
        metadata.putLong(JOURNAL_SEQUENCE_OFFSET, journalSequence);
    }

    void set(final int length, final long ingressNanos, final long source)
    {
        metadata.putInt(LENGTH_OFFSET, length);
        metadata.putLong(INGRESS_OFFSET, ingressNanos);
        metadata.putLong(SOURCE_OFFSET, source);
    }
}
