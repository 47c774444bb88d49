package com.schwabot.engine.venue;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.engine.venue.order.OrderEntryProtocol;

/**
 * The order-entry framing as {@link OrderEntryProtocol} states it, written plainly over a whole byte array: the
 * reference the gateway's and the simulator's stream decoders are fuzzed against. From the start of a connection's
 * stream: an int32 little-endian length in {@code [MIN_FRAME_LENGTH, MAX_FRAME_LENGTH]} and that many bytes make a
 * frame; a length outside the bounds ends the stream (the receiver closes) as soon as its four bytes are in; what is
 * left at the end (an incomplete prefix or frame) waits for more.
 */
public final class LengthPrefixedModel
{
    private static final int PREFIX = OrderEntryProtocol.LENGTH_FIELD_LENGTH;

    private final List<int[]> frames = new ArrayList<>();
    private int badAt = -1;
    private int badLength;
    private int pending;

    private LengthPrefixedModel()
    {
    }

    /**
     * @param stream a connection's bytes from its first.
     * @return what a conforming receiver makes of them.
     */
    public static LengthPrefixedModel parse(final byte[] stream)
    {
        final LengthPrefixedModel model = new LengthPrefixedModel();
        final UnsafeBuffer buffer = new UnsafeBuffer(stream);
        int at = 0;
        while (stream.length - at >= PREFIX)
        {
            final int length = buffer.getInt(at, ByteOrder.LITTLE_ENDIAN);
            if (length < OrderEntryProtocol.MIN_FRAME_LENGTH || length > OrderEntryProtocol.MAX_FRAME_LENGTH)
            {
                model.badAt = at;
                model.badLength = length;
                return model;
            }
            if (stream.length - at - PREFIX < length)
            {
                break;
            }
            model.frames.add(new int[]{at + PREFIX, length});
            at += PREFIX + length;
        }
        model.pending = stream.length - at;
        return model;
    }

    /**
     * @return every complete frame before any bad length, as {offset of its first byte, length}.
     */
    public List<int[]> frames()
    {
        return frames;
    }

    /**
     * @return whether a length outside the bounds ends the stream.
     */
    public boolean closes()
    {
        return badAt >= 0;
    }

    /**
     * @return offset of the offending length prefix, -1 when none.
     */
    public int badAt()
    {
        return badAt;
    }

    /**
     * @return the offending length.
     */
    public int badLength()
    {
        return badLength;
    }

    /**
     * @return bytes of an incomplete prefix or frame left at the end when the stream does not close.
     */
    public int pending()
    {
        return pending;
    }
}
