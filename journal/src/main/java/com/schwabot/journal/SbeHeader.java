/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * The standard 8-byte SBE message header, read directly so the journal does not depend on generated codecs:
 * uint16 blockLength, uint16 templateId, uint16 schemaId, uint16 version, all little-endian.
 */
public final class SbeHeader
{
    /** Offset of the uint16 root block length. */
    public static final int BLOCK_LENGTH_OFFSET = 0;
    /** Offset of the uint16 template id. */
    public static final int TEMPLATE_ID_OFFSET = 2;
    /** Offset of the uint16 schema id. */
    public static final int SCHEMA_ID_OFFSET = 4;
    /** Offset of the uint16 schema version. */
    public static final int VERSION_OFFSET = 6;
    /** Length of the SBE message header. */
    public static final int LENGTH = 8;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private SbeHeader()
    {
    }

    /**
     * Root block length of the message.
     *
     * @param buffer holding the frame.
     * @param offset at which the frame starts.
     * @return the block length.
     */
    public static int blockLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + BLOCK_LENGTH_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * Template id of the message.
     *
     * @param buffer holding the frame.
     * @param offset at which the frame starts.
     * @return the template id.
     */
    public static int templateId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + TEMPLATE_ID_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * Schema id of the message.
     *
     * @param buffer holding the frame.
     * @param offset at which the frame starts.
     * @return the schema id.
     */
    public static int schemaId(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + SCHEMA_ID_OFFSET, ORDER) & 0xFFFF;
    }

    /**
     * Schema version of the message.
     *
     * @param buffer holding the frame.
     * @param offset at which the frame starts.
     * @return the version.
     */
    public static int version(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + VERSION_OFFSET, ORDER) & 0xFFFF;
    }
}
