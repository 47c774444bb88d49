package com.schwabot.engine.venue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.agrona.collections.IntArrayList;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.FrameMutator;
import com.schwabot.engine.venue.order.OrderEntryProtocol;

/**
 * Seeded hostile order-entry byte streams (one per connection), segment by segment: a valid frame with its length
 * prefix, a mutated frame (the shared {@link FrameMutator}) with its own length as prefix, a length prefix out of
 * bounds (boundary values, negative, huge) followed by some bytes, a prefix that lies about its frame (shorter or
 * longer than the bytes that follow), garbage between frames, a frame of exactly the smallest or largest length, and
 * an oversized length followed by kilobytes of bytes. Each segment is one fuzz case; {@link LengthPrefixedModel}
 * says what a receiver must make of the result. Not thread-safe.
 */
public final class OrderEntryStream
{
    /** What one segment was. */
    public enum Kind
    {
        VALID, MUTATED, BAD_PREFIX, LYING_PREFIX, GARBAGE, BOUNDARY, OVERSIZED
    }

    private static final int[] BAD_LENGTHS = {
        Integer.MIN_VALUE, -1, 0, 1, 7, OrderEntryProtocol.MAX_FRAME_LENGTH + 1, 0xFFFF, 0x10000, 1 << 24,
        Integer.MAX_VALUE,
    };

    private final SplittableRandom random;
    private final Supplier<byte[]> valid;
    private final FrameMutator mutator;
    private final IntArrayList starts = new IntArrayList();
    private final long[] kinds = new long[Kind.values().length];
    private final Kind[] segmentKinds = new Kind[4096];

    /**
     * @param random  the seeded sequence.
     * @param valid   makes a fresh valid frame (what this side of the protocol receives).
     * @param mutator mutates valid frames.
     */
    public OrderEntryStream(final SplittableRandom random, final Supplier<byte[]> valid, final FrameMutator mutator)
    {
        this.random = random;
        this.valid = valid;
        this.mutator = mutator;
    }

    /**
     * A connection's stream of up to {@code maxSegments} segments.
     *
     * @param maxSegments most segments (at most 4096).
     * @return the bytes.
     */
    public byte[] connection(final int maxSegments)
    {
        starts.clear();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int segments = 1 + random.nextInt(maxSegments);
        for (int i = 0; i < segments; i++)
        {
            starts.addInt(out.size());
            final Kind kind = pick();
            segmentKinds[i] = kind;
            segment(kind, out);
        }
        return out.toByteArray();
    }

    /**
     * @param written where writing stopped.
     * @param model   what the receiver was to make of the stream.
     * @return segments of the last connection that the receiver took in: those that began before writing stopped,
     * and not after a bad length prefix (the receiver drops what follows it). Each is counted by kind in
     * {@link #kindCounts()}.
     */
    public int casesTaken(final int written, final LengthPrefixedModel model)
    {
        final int position = model.closes() ? Math.min(written, model.badAt() + 1) : written;
        int n = 0;
        while (n < starts.size() && starts.getInt(n) < position)
        {
            kinds[segmentKinds[n].ordinal()]++;
            n++;
        }
        return n;
    }

    /**
     * @return cases that reached a receiver, by {@link Kind}.
     */
    public long[] kindCounts()
    {
        return kinds;
    }

    /**
     * @return {@link #kindCounts()} as text.
     */
    public String describeKinds()
    {
        final StringBuilder text = new StringBuilder("{");
        for (final Kind kind : Kind.values())
        {
            text.append(text.length() > 1 ? ", " : "").append(kind).append('=').append(kinds[kind.ordinal()]);
        }
        return text.append('}').toString();
    }

    private Kind pick()
    {
        final int p = random.nextInt(100);
        if (p < 62)
        {
            return Kind.VALID;
        }
        if (p < 90)
        {
            return Kind.MUTATED;
        }
        if (p < 91)
        {
            return Kind.BAD_PREFIX;
        }
        if (p < 93)
        {
            return Kind.LYING_PREFIX;
        }
        if (p < 95)
        {
            return Kind.GARBAGE;
        }
        if (p < 99)
        {
            return Kind.BOUNDARY;
        }
        return Kind.OVERSIZED;
    }

    private void segment(final Kind kind, final ByteArrayOutputStream out)
    {
        switch (kind)
        {
            case VALID -> prefixed(out, valid.get());
            case MUTATED -> prefixed(out, mutator.next());
            case BAD_PREFIX ->
            {
                prefix(out, random.nextBoolean() ? BAD_LENGTHS[random.nextInt(BAD_LENGTHS.length)] :
                    random.nextInt() | 0x8000_0000);
                out.writeBytes(bytes(random.nextInt(64)));
            }
            case LYING_PREFIX ->
            {
                final byte[] frame = valid.get();
                final int cut = random.nextInt(frame.length);
                if (random.nextBoolean())
                {
                    prefix(out, frame.length);
                    out.write(frame, 0, cut);
                }
                else
                {
                    prefix(out, Math.max(OrderEntryProtocol.MIN_FRAME_LENGTH, cut));
                    out.writeBytes(frame);
                }
            }
            case GARBAGE -> out.writeBytes(bytes(1 + random.nextInt(32)));
            case BOUNDARY ->
            {
                final byte[] frame = valid.get();
                final int length = random.nextBoolean() ? OrderEntryProtocol.MIN_FRAME_LENGTH :
                    OrderEntryProtocol.MAX_FRAME_LENGTH;
                final byte[] sized = Arrays.copyOf(frame, length);
                if (length > frame.length)
                {
                    final byte[] tail = bytes(length - frame.length);
                    System.arraycopy(tail, 0, sized, frame.length, tail.length);
                }
                prefixed(out, sized);
            }
            default ->
            {
                prefix(out, OrderEntryProtocol.MAX_FRAME_LENGTH + 1 +
                    random.nextInt(Integer.MAX_VALUE - OrderEntryProtocol.MAX_FRAME_LENGTH - 1));
                out.writeBytes(bytes(random.nextInt(8192)));
            }
        }
    }

    private void prefixed(final ByteArrayOutputStream out, final byte[] frame)
    {
        prefix(out, frame.length);
        out.writeBytes(frame);
    }

    private static void prefix(final ByteArrayOutputStream out, final int length)
    {
        final UnsafeBuffer prefix = new UnsafeBuffer(new byte[OrderEntryProtocol.LENGTH_FIELD_LENGTH]);
        prefix.putInt(0, length, ByteOrder.LITTLE_ENDIAN);
        out.writeBytes(prefix.byteArray());
    }

    private byte[] bytes(final int n)
    {
        final byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++)
        {
            bytes[i] = (byte)random.nextInt(256);
        }
        return bytes;
    }
}
