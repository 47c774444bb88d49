/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Walks the records of one excerpt: an excerpt holds one record, or several back to back when they were appended
 * as a batch ({@link JournalAppender#beginBatch()}). Each {@link #next()} wraps the next record's frame (header and
 * payload, exactly its frame length) and header. Flyweight over mapped memory: allocation-free.
 */
final class ExcerptRecords
{
    /** {@link #next()} found no more records: the excerpt is used up exactly. */
    static final int END = 0;
    /** {@link #next()} found bytes that are not a valid record: the rest of the excerpt cannot be read. */
    static final int INVALID = -1;

    private final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
    private final RecordHeader header = new RecordHeader();
    private long address;
    private long length;
    private long position;

    /**
     * Start on an excerpt.
     *
     * @param address of the excerpt's first byte.
     * @param length  of the excerpt.
     * @return this.
     */
    ExcerptRecords wrap(final long address, final long length)
    {
        this.address = address;
        this.length = length;
        this.position = 0;
        return this;
    }

    /**
     * Move to the next record.
     *
     * @return its frame length, {@link #END} after the last record, or {@link #INVALID} when the bytes left are
     *         not a record of the current format whose frame fits them.
     */
    int next()
    {
        final long remaining = length - position;
        if (remaining <= 0)
        {
            return END;
        }
        if (remaining < RecordHeader.LENGTH)
        {
            return INVALID;
        }
        frame.wrap(address + position, RecordHeader.LENGTH);
        header.wrap(frame, 0);
        final int frameLength = header.frameLength();
        if (!header.isCurrentFormat() || frameLength < RecordHeader.LENGTH || frameLength > remaining)
        {
            return INVALID;
        }
        frame.wrap(address + position, frameLength);
        header.wrap(frame, 0);
        position += frameLength;
        return frameLength;
    }

    /**
     * The current record's frame (header then payload).
     *
     * @return the frame view.
     */
    UnsafeBuffer frame()
    {
        return frame;
    }

    /**
     * The current record's header.
     *
     * @return the header view.
     */
    RecordHeader header()
    {
        return header;
    }
}
