package com.schwabot.engine.venue.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;

/**
 * A fixed set of direct buffers the gateway writes from, reused for the life of the gateway so that sending allocates
 * nothing (a pooled buffer per write would be freed on the event loop, away from the allocating thread's cache, and
 * the arena would keep creating subpages; Netty's leak detector would also sample some of them).
 * <p>
 * Ownership is tracked with the reference count: a free buffer has {@code refCnt() == 1} (ours); {@link #send} retains
 * it before handing it to Netty, which releases it once written (or once the write failed or the channel closed),
 * bringing it back to 1. The count is read and written atomically, so a buffer seen at 1 has been fully written.
 * When every buffer is still in flight, {@link #claim()} returns null and the gateway leaves the ring alone: at most
 * {@code count} batches are ever queued in Netty, which bounds the memory a slow venue can make us hold.
 * <p>
 * Not thread-safe: used by the gateway thread only (Netty's release happens on the event loop, through the atomic
 * count).
 */
final class SendBuffers
{
    private final ByteBuf[] buffers;
    private int next;

    /**
     * @param allocator allocates the buffers once.
     * @param count     number of buffers (batches that may be in flight at once).
     * @param capacity  bytes per buffer: a whole batch must fit.
     */
    SendBuffers(final ByteBufAllocator allocator, final int count, final int capacity)
    {
        buffers = new ByteBuf[count];
        for (int i = 0; i < count; i++)
        {
            buffers[i] = allocator.directBuffer(capacity, capacity);
        }
    }

    /**
     * @return a cleared buffer no longer held by Netty, or null when all are in flight.
     */
    ByteBuf claim()
    {
        for (int i = 0; i < buffers.length; i++)
        {
            final ByteBuf buffer = buffers[next];
            next = next + 1 == buffers.length ? 0 : next + 1;
            if (1 == buffer.refCnt())
            {
                return buffer.clear();
            }
        }
        return null;
    }

    /**
     * Write and flush a claimed buffer; it comes back to us when Netty releases it.
     *
     * @param channel to write to (from any thread).
     * @param buffer  claimed from this set and filled.
     */
    void send(final Channel channel, final ByteBuf buffer)
    {
        buffer.retain();
        channel.writeAndFlush(buffer, channel.voidPromise());
    }

    /**
     * @return buffers currently held by Netty (for tests).
     */
    int inFlight()
    {
        int count = 0;
        for (final ByteBuf buffer : buffers)
        {
            if (buffer.refCnt() > 1)
            {
                count++;
            }
        }
        return count;
    }

    /**
     * Give the buffers back to the allocator. Call after the channel is closed; a buffer still held by Netty is freed
     * when Netty releases it.
     */
    void free()
    {
        for (final ByteBuf buffer : buffers)
        {
            if (buffer.refCnt() > 0)
            {
                buffer.release();
            }
        }
    }
}
