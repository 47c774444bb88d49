package com.schwabot.engine.venue.sim;

import org.agrona.DirectBuffer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Copies frames from Agrona buffers into pooled Netty buffers.
 */
final class Frames
{
    private Frames()
    {
    }

    /**
     * @param allocator the channel's allocator (pooled direct buffers by default).
     * @param prefix    reserve room for an int32 little-endian length prefix and write it.
     * @param buffer    source.
     * @param offset    of the first byte.
     * @param length    bytes to copy.
     * @return a new buffer holding the (prefixed) bytes; the caller owns one reference.
     */
    static ByteBuf copy(
        final ByteBufAllocator allocator,
        final boolean prefix,
        final DirectBuffer buffer,
        final int offset,
        final int length)
    {
        final ByteBuf out = allocator.directBuffer(length + (prefix ? Integer.BYTES : 0));
        if (prefix)
        {
            out.writeIntLE(length);
        }
        final byte[] array = buffer.byteArray();
        if (null != array)
        {
            out.writeBytes(array, buffer.wrapAdjustment() + offset, length);
        }
        else
        {
            for (int i = 0; i < length; i++)
            {
                out.writeByte(buffer.getByte(offset + i));
            }
        }
        return out;
    }
}
