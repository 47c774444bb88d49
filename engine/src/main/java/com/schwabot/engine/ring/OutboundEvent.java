package com.schwabot.engine.ring;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A slot of the output ring: one canonical SBE order-entry frame ({@code NewOrder} or {@code CancelOrder}) that
 * the business thread publishes and the order gateway thread drains and writes to the venue.
 * <p>
 * Slots are preallocated by the ring ({@code RingBuffer.createSingleProducer(OutboundEvent::new, size)}) and
 * reused: nothing is allocated per order. Not thread-safe by itself: the Disruptor's sequence barriers hand a slot
 * from the one producer to the one consumer.
 */
public final class OutboundEvent
{
    /** Capacity of a slot's buffer: every order-entry frame fits with room to spare. */
    public static final int CAPACITY = 256;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    private int length;
    private long destination;
    private long clOrdId;

    /**
     * The slot's buffer; the frame starts at offset 0.
     *
     * @return the buffer.
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
     * Set the frame length.
     *
     * @param length bytes used, at most {@link #CAPACITY}.
     * @return this.
     */
    public OutboundEvent length(final int length)
    {
        this.length = length;
        return this;
    }

    /**
     * Where the frame goes: a source id (venue and connection) as in {@code com.schwabot.engine.venue.Sources}.
     *
     * @return the destination.
     */
    public long destination()
    {
        return destination;
    }

    /**
     * Set the destination.
     *
     * @param destination venue and connection.
     * @return this.
     */
    public OutboundEvent destination(final long destination)
    {
        this.destination = destination;
        return this;
    }

    /**
     * Client order id of the order or cancel in the frame (for logs and the gateway's bookkeeping).
     *
     * @return the id.
     */
    public long clOrdId()
    {
        return clOrdId;
    }

    /**
     * Set the client order id.
     *
     * @param clOrdId the id.
     * @return this.
     */
    public OutboundEvent clOrdId(final long clOrdId)
    {
        this.clOrdId = clOrdId;
        return this;
    }
}
