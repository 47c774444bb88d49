/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Records whose every field is derived from their sequence, so a reader can check each one without keeping what was
 * written: payload length, SBE template, body bytes, ingress time, source and application flags all vary with the
 * sequence.
 */
final class TestRecords
{
    static final int SCHEMA_ID = 101;
    static final int SCHEMA_VERSION = 1;
    static final int TEMPLATES = 13;
    static final int MAX_BODY_LENGTH = 120;
    static final int MAX_PAYLOAD_LENGTH = SbeHeader.LENGTH + MAX_BODY_LENGTH;
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final long HOUR_MILLIS = 3_600_000L;
    static final long BASE_NANOS = START.getEpochSecond() * 1_000_000_000L;

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    private TestRecords()
    {
    }

    static int bodyLength(final long sequence)
    {
        return (int)((sequence * 37) % (MAX_BODY_LENGTH + 1));
    }

    static int payloadLength(final long sequence)
    {
        return SbeHeader.LENGTH + bodyLength(sequence);
    }

    static int templateId(final long sequence)
    {
        return 1 + (int)(sequence % TEMPLATES);
    }

    static long ingressNanos(final long sequence)
    {
        return BASE_NANOS + sequence * 1_000L + (sequence % 7);
    }

    static long source(final long sequence)
    {
        return JournalSource.source(1 + (int)(sequence % 3), (int)(sequence % 5));
    }

    static int applicationFlags(final long sequence)
    {
        return (int)(sequence * 2) & RecordHeader.APPLICATION_FLAGS_MASK;
    }

    static byte bodyByte(final long sequence, final int i)
    {
        return (byte)(sequence * 131 + i * 17 + (sequence >>> 11));
    }

    /**
     * Write the payload of a sequence: an SBE header whose block length covers the whole body, then the body.
     */
    static int writePayload(final MutableDirectBuffer buffer, final int offset, final long sequence)
    {
        final int bodyLength = bodyLength(sequence);
        writeSbeHeader(buffer, offset, bodyLength, templateId(sequence));
        for (int i = 0; i < bodyLength; i++)
        {
            buffer.putByte(offset + SbeHeader.LENGTH + i, bodyByte(sequence, i));
        }
        return SbeHeader.LENGTH + bodyLength;
    }

    static void writeSbeHeader(
        final MutableDirectBuffer buffer, final int offset, final int blockLength, final int templateId)
    {
        buffer.putShort(offset + SbeHeader.BLOCK_LENGTH_OFFSET, (short)blockLength, LE);
        buffer.putShort(offset + SbeHeader.TEMPLATE_ID_OFFSET, (short)templateId, LE);
        buffer.putShort(offset + SbeHeader.SCHEMA_ID_OFFSET, (short)SCHEMA_ID, LE);
        buffer.putShort(offset + SbeHeader.VERSION_OFFSET, (short)SCHEMA_VERSION, LE);
    }

    /**
     * Append the record of the appender's next sequence.
     */
    static long appendNext(final JournalAppender appender, final MutableDirectBuffer scratch)
    {
        final long sequence = appender.lastSequence() + 1;
        final int length = writePayload(scratch, 0, sequence);
        return appender.append(
            scratch, 0, length, ingressNanos(sequence), source(sequence), applicationFlags(sequence));
    }

    /**
     * Does a payload hold exactly what {@link #writePayload} writes for a sequence.
     */
    static boolean payloadMatches(
        final DirectBuffer buffer, final int offset, final int length, final long sequence)
    {
        final int bodyLength = bodyLength(sequence);
        if (length != SbeHeader.LENGTH + bodyLength ||
            SbeHeader.blockLength(buffer, offset) != bodyLength ||
            SbeHeader.templateId(buffer, offset) != templateId(sequence) ||
            SbeHeader.schemaId(buffer, offset) != SCHEMA_ID ||
            SbeHeader.version(buffer, offset) != SCHEMA_VERSION)
        {
            return false;
        }
        for (int i = 0; i < bodyLength; i++)
        {
            if (buffer.getByte(offset + SbeHeader.LENGTH + i) != bodyByte(sequence, i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * A fixed clock at {@link #START}, so tests choose which roll cycle files are written to.
     */
    static SetTimeProvider clock()
    {
        return new SetTimeProvider(START);
    }

    static JournalContext context(final Path directory, final SetTimeProvider clock)
    {
        return new JournalContext().directory(directory).timeProvider(clock);
    }

    /**
     * Write an hourly journal of {@code cycles} files, {@code perCycle} records each (the clock moves an hour after
     * each file's records).
     *
     * @return its queue files, in the order of their names.
     */
    static List<Path> writeHourly(
        final Path directory, final SetTimeProvider clock, final MutableDirectBuffer scratch, final int perCycle,
        final int cycles)
    {
        try (Journal journal = Journal.open(context(directory, clock).rollCycle(JournalRollCycle.HOURLY)))
        {
            for (int i = 0; i < perCycle * cycles; i++)
            {
                appendNext(journal.appender(), scratch);
                if (i % perCycle == perCycle - 1)
                {
                    clock.advanceMillis(HOUR_MILLIS);
                }
            }
        }
        final List<Path> files = QueueFiles.cycleFiles(directory);
        if (files.size() != cycles)
        {
            throw new AssertionError("expected " + cycles + " hourly files, found " + files);
        }
        return files;
    }

    /**
     * The sequences of every record a tailer delivers from the start of a journal.
     */
    static List<Long> sequences(final Journal journal)
    {
        final List<Long> read = new ArrayList<>();
        try (JournalTailer tailer = journal.tailer())
        {
            tailer.drain((sequence, ingressNanos, source, flags, buffer, offset, length, index) -> read.add(sequence));
        }
        return read;
    }
}
