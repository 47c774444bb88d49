package com.schwabot.codecs;

/**
 * Outcome of {@link FrameChecker#check(org.agrona.DirectBuffer, int, int)}. Every value except {@link #OK} means the
 * bytes must not be handed to a decoder.
 */
public enum FrameStatus
{
    /** The frame is complete and belongs to a known schema, version and template. */
    OK,
    /** Fewer bytes than the 8-byte message header. */
    TRUNCATED_HEADER,
    /** The header names a schema id that is neither ours nor Binance's. */
    UNKNOWN_SCHEMA,
    /** The schema is known but not this version of it. */
    UNSUPPORTED_VERSION,
    /** The schema is known but the template id is not part of it. */
    UNKNOWN_TEMPLATE,
    /** The root block or a group entry is shorter than the schema requires. */
    BAD_BLOCK_LENGTH,
    /** The root block, a group or a var-data field runs past the end of the frame. */
    TRUNCATED_BODY,
    /** The offset and length given do not lie inside the buffer. */
    BAD_BOUNDS;

    /**
     * @return true when this status means the frame ends before the schema says it does.
     */
    public boolean isTruncated()
    {
        return this == TRUNCATED_HEADER || this == TRUNCATED_BODY;
    }
}
