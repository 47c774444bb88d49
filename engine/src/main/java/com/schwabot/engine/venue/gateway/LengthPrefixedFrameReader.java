package com.schwabot.engine.venue.gateway;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.engine.venue.order.OrderEntryProtocol;

import io.netty.buffer.ByteBuf;

/**
 * Splits the order-entry byte stream ({@link OrderEntryProtocol}: int32 little-endian length, then that many bytes)
 * into frames without allocating: a frame wholly inside the received buffer is passed by wrapping the buffer's memory
 * in one reused {@code UnsafeBuffer}; a frame cut across reads is gathered into one reused array of
 * {@code 4 + MAX_FRAME_LENGTH} bytes. A length outside {@code [MIN_FRAME_LENGTH, MAX_FRAME_LENGTH]} stops the stream:
 * the caller closes the connection.
 * <p>
 * Not thread-safe: one instance per connection, used on its event loop. Frames passed to the listener are valid only
 * during the call.
 */
final class LengthPrefixedFrameReader
{
    /** Receives frames and protocol errors. */
    interface Listener
    {
        /**
         * @param buffer holding the frame.
         * @param offset of its first byte (the SBE header).
         * @param length of the frame.
         */
        void onFrame(DirectBuffer buffer, int offset, int length);

        /**
         * @param length the offending length prefix.
         */
        void onBadLength(int length);
    }

    private static final int PREFIX = OrderEntryProtocol.LENGTH_FIELD_LENGTH;

    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer assembly = new UnsafeBuffer(new byte[PREFIX + OrderEntryProtocol.MAX_FRAME_LENGTH]);
    private int assembled;
    private int frameLength;

    /**
     * Consume every readable byte of {@code in}, delivering each complete frame.
     *
     * @param in       received bytes; its reader index is advanced.
     * @param listener receives frames.
     * @return false after a bad length (the rest of the stream cannot be delimited; the reader is reset).
     */
    boolean onBytes(final ByteBuf in, final Listener listener)
    {
        while (in.isReadable())
        {
            if (0 == assembled && in.readableBytes() >= PREFIX)
            {
                final int length = in.getIntLE(in.readerIndex());
                if (!isValid(length))
                {
                    return badLength(length, listener);
                }
                if (in.readableBytes() >= PREFIX + length)
                {
                    deliverInPlace(in, in.readerIndex() + PREFIX, length, listener);
                    in.skipBytes(PREFIX + length);
                    continue;
                }
            }
            if (!gather(in, listener))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return bytes of a partial frame held between reads (for tests).
     */
    int pending()
    {
        return assembled;
    }

    private boolean gather(final ByteBuf in, final Listener listener)
    {
        final byte[] array = assembly.byteArray();
        if (assembled < PREFIX)
        {
            final int n = Math.min(PREFIX - assembled, in.readableBytes());
            in.readBytes(array, assembled, n);
            assembled += n;
            if (assembled < PREFIX)
            {
                return true;
            }
            frameLength = assembly.getInt(0, OrderEntryProtocol.BYTE_ORDER);
            if (!isValid(frameLength))
            {
                return badLength(frameLength, listener);
            }
        }
        final int n = Math.min(PREFIX + frameLength - assembled, in.readableBytes());
        in.readBytes(array, assembled, n);
        assembled += n;
        if (assembled == PREFIX + frameLength)
        {
            assembled = 0;
            listener.onFrame(assembly, PREFIX, frameLength);
        }
        return true;
    }

    private void deliverInPlace(final ByteBuf in, final int index, final int length, final Listener listener)
    {
        if (in.hasMemoryAddress())
        {
            view.wrap(in.memoryAddress() + index, length);
        }
        else if (in.hasArray())
        {
            view.wrap(in.array(), in.arrayOffset() + index, length);
        }
        else
        {
            in.getBytes(index, assembly.byteArray(), 0, length);
            view.wrap(assembly, 0, length);
        }
        listener.onFrame(view, 0, length);
    }

    private boolean badLength(final int length, final Listener listener)
    {
        assembled = 0;
        listener.onBadLength(length);
        return false;
    }

    private static boolean isValid(final int length)
    {
        return length >= OrderEntryProtocol.MIN_FRAME_LENGTH && length <= OrderEntryProtocol.MAX_FRAME_LENGTH;
    }
}
