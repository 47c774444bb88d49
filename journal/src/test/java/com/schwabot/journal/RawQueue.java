/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.nio.ByteBuffer;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads and writes excerpts of a journal's queue directly through Chronicle, bypassing the journal's appender, to
 * build journals our appender would never write (bad magic, sequence gaps, short excerpts).
 */
final class RawQueue
{
    private RawQueue()
    {
    }

    /**
     * Append one excerpt holding exactly the given bytes.
     *
     * @return the Chronicle index of the excerpt.
     */
    static long appendExcerpt(final Journal journal, final byte[] excerpt)
    {
        try (ExcerptAppender appender = journal.queue().createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(excerpt);
            }
            return appender.lastIndexAppended();
        }
    }

    /**
     * A record as our appender writes it (checksummed, over direct memory as the appender computes it).
     */
    static byte[] record(final long sequence, final int payloadLength)
    {
        final byte[] bytes = new byte[RecordHeader.LENGTH + payloadLength];
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(bytes.length));
        TestRecords.writeSbeHeader(buffer, RecordHeader.LENGTH, payloadLength - SbeHeader.LENGTH, 3);
        for (int i = RecordHeader.LENGTH + SbeHeader.LENGTH; i < bytes.length; i++)
        {
            buffer.putByte(i, (byte)(sequence + i));
        }
        final int crc = PayloadChecksum.compute(buffer.addressOffset(), RecordHeader.LENGTH, payloadLength);
        new RecordHeader().wrap(buffer, 0).write(
            bytes.length, RecordHeader.FLAG_CHECKSUM, sequence, TestRecords.ingressNanos(sequence), 0, crc);
        buffer.getBytes(0, bytes);
        return bytes;
    }

    /**
     * The flags byte of the record at an index.
     */
    static int headerFlags(final Journal journal, final long index)
    {
        try (ExcerptTailer tailer = journal.queue().createTailer())
        {
            if (!tailer.moveToIndex(index))
            {
                throw new IllegalArgumentException("no excerpt at index 0x" + Long.toHexString(index));
            }
            try (DocumentContext dc = tailer.readingDocument())
            {
                final Bytes<?> bytes = dc.wire().bytes();
                return bytes.readUnsignedByte(bytes.readPosition() + RecordHeader.FLAGS_OFFSET);
            }
        }
    }
}
