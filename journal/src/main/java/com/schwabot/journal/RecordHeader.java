/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over the fixed little-endian header that starts every journal record (one record per Chronicle
 * excerpt). The payload, an SBE frame (8-byte message header followed by the body), follows the header.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  frame length (int32, LE)                     |  0  header + payload bytes
 *  +-------------------------------+---------------+---------------+
 *  |        magic (uint16)         | version uint8 |  flags uint8  |  4  magic 0x4A53 ("SJ")
 *  +-------------------------------+---------------+---------------+
 *  |                   sequence (int64, LE)                        |  8  journal assigned, contiguous from 1
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 ingress time (int64, LE)                      | 16  epoch nanoseconds, from the caller
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                    source (int64, LE)                         | 24  venue id (high 32) | connection id (low 32)
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 checksum (int32, LE)                          | 32  CRC32C of the payload when FLAG_CHECKSUM
 *  +---------------------------------------------------------------+
 *  |                 reserved (int32, zero)                        | 36
 *  +---------------------------------------------------------------+
 *  |                 payload: SBE frame ...                        | 40
 * </pre>
 * The payload starts 40 bytes, a multiple of 8, after the record's start; the record itself starts after Chronicle's
 * 4-byte excerpt header, so the payload's address has whatever alignment Chronicle gives excerpts (do not assume 8).
 * <p>
 * Not thread-safe: a flyweight is wrapped and read or written by one thread.
 */
public final class RecordHeader
{
    /** Byte order of every header field. */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;

    /** Offset of the int32 frame length (header plus payload). */
    public static final int FRAME_LENGTH_OFFSET = 0;
    /** Offset of the uint16 magic. */
    public static final int MAGIC_OFFSET = 4;
    /** Offset of the uint8 record format version. */
    public static final int VERSION_OFFSET = 6;
    /** Offset of the uint8 flags. */
    public static final int FLAGS_OFFSET = 7;
    /** Offset of the int64 sequence number. */
    public static final int SEQUENCE_OFFSET = 8;
    /** Offset of the int64 ingress time in epoch nanoseconds. */
    public static final int INGRESS_NANOS_OFFSET = 16;
    /** Offset of the int64 source (venue id and connection id). */
    public static final int SOURCE_OFFSET = 24;
    /** Offset of the int32 CRC32C of the payload. */
    public static final int CHECKSUM_OFFSET = 32;
    /** Offset of the reserved int32, written as zero. */
    public static final int RESERVED_OFFSET = 36;
    /** Length of the header; the payload starts here. */
    public static final int LENGTH = 40;

    /** Magic value: the bytes 'S', 'J' read as a little-endian uint16. */
    public static final int MAGIC = 0x4A53;
    /** Current record format version. */
    public static final int CURRENT_VERSION = 1;
    /** Flag: the checksum field holds the CRC32C of the payload. */
    public static final int FLAG_CHECKSUM = 0x1;
    /**
     * Flags the journal leaves to its users (bits 1 to 7): the appender stores them as given and tailers hand them
     * back; the journal gives them no meaning.
     */
    public static final int APPLICATION_FLAGS_MASK = 0xFE;

    private DirectBuffer buffer;
    private int offset;

    /**
     * Wrap a buffer at the offset where a record starts.
     *
     * @param buffer holding the record.
     * @param offset at which the record starts.
     * @return this for a fluent API.
     */
    public RecordHeader wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * The wrapped buffer.
     *
     * @return the wrapped buffer.
     */
    public DirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Frame length: header plus payload.
     *
     * @return the frame length field.
     */
    public int frameLength()
    {
        return buffer.getInt(offset + FRAME_LENGTH_OFFSET, BYTE_ORDER);
    }

    /**
     * Magic field.
     *
     * @return the magic as an unsigned 16-bit value.
     */
    public int magic()
    {
        return buffer.getShort(offset + MAGIC_OFFSET, BYTE_ORDER) & 0xFFFF;
    }

    /**
     * Record format version.
     *
     * @return the version as an unsigned byte.
     */
    public int version()
    {
        return buffer.getByte(offset + VERSION_OFFSET) & 0xFF;
    }

    /**
     * Flags.
     *
     * @return the flags as an unsigned byte.
     */
    public int flags()
    {
        return buffer.getByte(offset + FLAGS_OFFSET) & 0xFF;
    }

    /**
     * Journal sequence number.
     *
     * @return the sequence.
     */
    public long sequence()
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, BYTE_ORDER);
    }

    /**
     * Ingress time in epoch nanoseconds.
     *
     * @return the ingress time.
     */
    public long ingressNanos()
    {
        return buffer.getLong(offset + INGRESS_NANOS_OFFSET, BYTE_ORDER);
    }

    /**
     * Source of the record, see {@link JournalSource}.
     *
     * @return the source.
     */
    public long source()
    {
        return buffer.getLong(offset + SOURCE_OFFSET, BYTE_ORDER);
    }

    /**
     * CRC32C of the payload, meaningful when {@link #FLAG_CHECKSUM} is set.
     *
     * @return the checksum field.
     */
    public int checksum()
    {
        return buffer.getInt(offset + CHECKSUM_OFFSET, BYTE_ORDER);
    }

    /**
     * Payload length derived from the frame length.
     *
     * @return frame length minus header length.
     */
    public int payloadLength()
    {
        return frameLength() - LENGTH;
    }

    /**
     * Check the magic and version fields.
     *
     * @return true when the magic and version are the ones this code writes.
     */
    public boolean isCurrentFormat()
    {
        return magic() == MAGIC && version() == CURRENT_VERSION;
    }

    /**
     * Write every header field into a mutable buffer wrapped by this flyweight.
     *
     * @param frameLength  header plus payload.
     * @param flags        flags.
     * @param sequence     sequence number.
     * @param ingressNanos ingress time in epoch nanoseconds.
     * @param source       source id.
     * @param checksum     CRC32C of the payload or 0.
     */
    public void write(
        final int frameLength,
        final int flags,
        final long sequence,
        final long ingressNanos,
        final long source,
        final int checksum)
    {
        final MutableDirectBuffer out = (MutableDirectBuffer)buffer;
        out.putInt(offset + FRAME_LENGTH_OFFSET, frameLength, BYTE_ORDER);
        out.putShort(offset + MAGIC_OFFSET, (short)MAGIC, BYTE_ORDER);
        out.putByte(offset + VERSION_OFFSET, (byte)CURRENT_VERSION);
        out.putByte(offset + FLAGS_OFFSET, (byte)flags);
        out.putLong(offset + SEQUENCE_OFFSET, sequence, BYTE_ORDER);
        out.putLong(offset + INGRESS_NANOS_OFFSET, ingressNanos, BYTE_ORDER);
        out.putLong(offset + SOURCE_OFFSET, source, BYTE_ORDER);
        out.putInt(offset + CHECKSUM_OFFSET, checksum, BYTE_ORDER);
        out.putInt(offset + RESERVED_OFFSET, 0, BYTE_ORDER);
    }
}
