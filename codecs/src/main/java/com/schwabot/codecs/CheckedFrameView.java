package com.schwabot.codecs;

import java.nio.ByteOrder;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A view of a frame {@link FrameChecker} has accepted, for the decoders that read it: its primitive reads skip
 * Agrona's per-read bounds check, because the checker has already walked the frame's header, root block, groups and
 * variable-length fields within the frame's length, and the generated decoders read nothing outside those.
 * <p>
 * The view keeps the buffer's indexes (a decoder wraps it at the frame's offset, as it would the buffer). Only the
 * single reads SBE decoders and the normalize stage use are unchecked ({@code getByte}, {@code getShort},
 * {@code getInt}, {@code getLong}); every other method is {@link UnsafeBuffer}'s own, checked.
 * <p>
 * With {@code -Dschwabot.frame.checks=true} (the test suites run so) every read is checked instead, against the end of
 * the frame rather than of the buffer: a read past the frame throws {@link IndexOutOfBoundsException}, so the fuzz
 * suites that drive the pipeline with mutated frames prove the decoders stay within frames the checker accepted.
 * <p>
 * Not thread-safe: one per pipeline. Allocation-free.
 */
public final class CheckedFrameView extends UnsafeBuffer
{
    /** Whether reads are bounds-checked against the frame's end ({@code schwabot.frame.checks}). */
    public static final boolean CHECKED = Boolean.getBoolean("schwabot.frame.checks");

    private static final ByteOrder NATIVE = BufferUtil.NATIVE_BYTE_ORDER;

    /**
     * An empty view.
     */
    public CheckedFrameView()
    {
        super(0, 0);
    }

    /**
     * View a frame the checker accepted, in the buffer's indexes.
     *
     * @param buffer holding the frame.
     * @param offset of the frame in the buffer.
     * @param length of the frame.
     * @return this.
     */
    public CheckedFrameView view(final DirectBuffer buffer, final int offset, final int length)
    {
        if (CHECKED)
        {
            wrap(buffer, 0, offset + length);
        }
        else
        {
            wrap(buffer);
        }
        return this;
    }

    /**
     * {@inheritDoc}
     */
    public byte getByte(final int index)
    {
        if (CHECKED)
        {
            boundsCheck(index, Byte.BYTES);
        }
        return UnsafeApi.getByte(byteArray, addressOffset + index);
    }

    /**
     * {@inheritDoc}
     */
    public short getShort(final int index)
    {
        if (CHECKED)
        {
            boundsCheck(index, Short.BYTES);
        }
        return UnsafeApi.getShort(byteArray, addressOffset + index);
    }

    /**
     * {@inheritDoc}
     */
    public short getShort(final int index, final ByteOrder byteOrder)
    {
        final short bits = getShort(index);
        return NATIVE == byteOrder ? bits : Short.reverseBytes(bits);
    }

    /**
     * {@inheritDoc}
     */
    public int getInt(final int index)
    {
        if (CHECKED)
        {
            boundsCheck(index, Integer.BYTES);
        }
        return UnsafeApi.getInt(byteArray, addressOffset + index);
    }

    /**
     * {@inheritDoc}
     */
    public int getInt(final int index, final ByteOrder byteOrder)
    {
        final int bits = getInt(index);
        return NATIVE == byteOrder ? bits : Integer.reverseBytes(bits);
    }

    /**
     * {@inheritDoc}
     */
    public long getLong(final int index)
    {
        if (CHECKED)
        {
            boundsCheck(index, Long.BYTES);
        }
        return UnsafeApi.getLong(byteArray, addressOffset + index);
    }

    /**
     * {@inheritDoc}
     */
    public long getLong(final int index, final ByteOrder byteOrder)
    {
        final long bits = getLong(index);
        return NATIVE == byteOrder ? bits : Long.reverseBytes(bits);
    }
}
