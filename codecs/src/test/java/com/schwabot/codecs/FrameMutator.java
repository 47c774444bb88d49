package com.schwabot.codecs;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Seeded fuzz cases from valid frames: bit flips, random bytes, truncation, extension, corrupted length and count
 * fields (the SBE header's block length, the first group's entry length and count, the last var-data length),
 * a body behind another known header, and splices of two valid frames. Each case names its mutation, so a fuzz run
 * can report what it fed. Not thread-safe.
 */
public final class FrameMutator
{
    /** The mutation applied to one case. */
    public enum Kind
    {
        RANDOM_BYTES, BIT_FLIPS, BYTE_SETS, TRUNCATE, EXTEND, HEADER_BLOCK_LENGTH, GROUP_ENTRY_LENGTH, GROUP_COUNT,
        VAR_DATA_LENGTH, HEADER_SWAP, SPLICE, CONCATENATE, VALID
    }

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
    private static final int[] INTERESTING = {0, 1, 2, 7, 8, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF};
    private static final Kind[] KINDS = Kind.values();

    private final SplittableRandom random;
    private final List<byte[]> frames;
    private final int[][] headers;
    private Kind last;

    /**
     * @param seed    of the random sequence.
     * @param frames  valid frames to mutate.
     * @param headers known (schema id, version, template id) triples.
     */
    public FrameMutator(final long seed, final List<byte[]> frames, final int[][] headers)
    {
        this.random = new SplittableRandom(seed);
        this.frames = frames;
        this.headers = headers;
    }

    /**
     * @return the kind of the last case made.
     */
    public Kind lastKind()
    {
        return last;
    }

    /**
     * The next case: a fresh array of exactly the case's length.
     *
     * @return the bytes.
     */
    public byte[] next()
    {
        last = KINDS[random.nextInt(KINDS.length)];
        final byte[] frame = frames.get(random.nextInt(frames.size()));
        return switch (last)
        {
            case RANDOM_BYTES -> randomBytes();
            case BIT_FLIPS -> bitFlips(frame.clone());
            case BYTE_SETS -> byteSets(frame.clone());
            case TRUNCATE -> Arrays.copyOf(frame, random.nextInt(frame.length));
            case EXTEND -> extend(frame);
            case HEADER_BLOCK_LENGTH -> putUint16(frame.clone(), 0);
            case GROUP_ENTRY_LENGTH -> putUint16(frame.clone(), groupHeader(frame));
            case GROUP_COUNT -> groupCount(frame.clone());
            case VAR_DATA_LENGTH -> varDataLength(frame.clone());
            case HEADER_SWAP -> headerSwap(frame.clone());
            case SPLICE -> splice(frame, frames.get(random.nextInt(frames.size())));
            case CONCATENATE -> concatenate(frame, frames.get(random.nextInt(frames.size())));
            default -> frame.clone();
        };
    }

    private byte[] randomBytes()
    {
        final byte[] bytes = new byte[random.nextInt(160)];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)random.nextInt(256);
        }
        return bytes;
    }

    private byte[] bitFlips(final byte[] bytes)
    {
        final int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips && bytes.length > 0; i++)
        {
            bytes[random.nextInt(bytes.length)] ^= (byte)(1 << random.nextInt(8));
        }
        return bytes;
    }

    private byte[] byteSets(final byte[] bytes)
    {
        final int sets = 1 + random.nextInt(3);
        for (int i = 0; i < sets && bytes.length > 0; i++)
        {
            bytes[random.nextInt(bytes.length)] = (byte)random.nextInt(256);
        }
        return bytes;
    }

    private byte[] extend(final byte[] frame)
    {
        final byte[] bytes = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(64));
        for (int i = frame.length; i < bytes.length; i++)
        {
            bytes[i] = (byte)random.nextInt(256);
        }
        return bytes;
    }

    private int interesting(final int near)
    {
        return switch (random.nextInt(4))
        {
            case 0 -> near + random.nextInt(5) - 2;
            case 1 -> random.nextInt(0x10000);
            default -> INTERESTING[random.nextInt(INTERESTING.length)];
        };
    }

    private byte[] putUint16(final byte[] bytes, final int at)
    {
        if (at < 0 || at + 2 > bytes.length)
        {
            return bitFlips(bytes);
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        buffer.putShort(at, (short)interesting(buffer.getShort(at, LE) & 0xFFFF), LE);
        return bytes;
    }

    /**
     * The first group header sits right after the root block in both schemas' messages that have groups.
     */
    private static int groupHeader(final byte[] frame)
    {
        if (frame.length < FrameChecker.HEADER_LENGTH)
        {
            return -1;
        }
        return FrameChecker.HEADER_LENGTH + (new UnsafeBuffer(frame).getShort(0, LE) & 0xFFFF);
    }

    private byte[] groupCount(final byte[] bytes)
    {
        final int at = groupHeader(bytes) + 2;
        if (at < 2 || at + 4 > bytes.length)
        {
            return putUint16(bytes, at);
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        if (random.nextBoolean())
        {
            final int[] wide = {-1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x10000, 1 << 20};
            buffer.putInt(at, random.nextBoolean() ? wide[random.nextInt(wide.length)] : random.nextInt(), LE);
            return bytes;
        }
        return putUint16(bytes, at);
    }

    /**
     * Both schemas end their frames with one var-data field, a uint8 length then the bytes; find a plausible length
     * byte by scanning back from the end.
     */
    private byte[] varDataLength(final byte[] bytes)
    {
        for (int at = bytes.length - 1; at >= FrameChecker.HEADER_LENGTH; at--)
        {
            if ((bytes[at] & 0xFF) == bytes.length - at - 1)
            {
                bytes[at] = (byte)interesting(bytes[at] & 0xFF);
                return bytes;
            }
        }
        return byteSets(bytes);
    }

    private byte[] headerSwap(final byte[] bytes)
    {
        if (bytes.length < FrameChecker.HEADER_LENGTH)
        {
            return bytes;
        }
        final int[] header = headers[random.nextInt(headers.length)];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        buffer.putShort(2, (short)header[2], LE);
        buffer.putShort(4, (short)header[0], LE);
        buffer.putShort(6, (short)header[1], LE);
        return bytes;
    }

    private byte[] splice(final byte[] a, final byte[] b)
    {
        final int head = random.nextInt(a.length + 1);
        final int tailFrom = random.nextInt(b.length + 1);
        final byte[] bytes = Arrays.copyOf(a, head + b.length - tailFrom);
        System.arraycopy(b, tailFrom, bytes, head, b.length - tailFrom);
        return bytes;
    }

    private static byte[] concatenate(final byte[] a, final byte[] b)
    {
        final byte[] bytes = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, bytes, a.length, b.length);
        return bytes;
    }
}
