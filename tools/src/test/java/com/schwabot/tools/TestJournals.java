package com.schwabot.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.BookTopEncoder;
import com.schwabot.codecs.sbe.HeartbeatEncoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TradeEncoder;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.journal.JournalContext;
import com.schwabot.journal.JournalRollCycle;
import com.schwabot.journal.JournalSource;

/**
 * Writes small real journals with the journal's own appender, and damages them, for the journal command tests.
 */
final class TestJournals
{
    /** Ingress time of the first record: 2023-11-14T22:13:20.123456789Z. */
    static final long FIRST_NANOS = 1_700_000_000_123_456_789L;
    /** Trade id of the trade record: a byte pattern easy to find in the queue file. */
    static final long TRADE_ID = 0x1122_3344_5566_7788L;
    /** Venue and connection of every record. */
    static final long SOURCE = JournalSource.source(1, 2);
    /** Application flags of the trade record. */
    static final int TRADE_FLAGS = 0x04;

    private static final long DAY_MILLIS = 86_400_000L;
    private static final MessageHeaderEncoder HEADER = new MessageHeaderEncoder();

    private TestJournals()
    {
    }

    /**
     * Write a journal of four records: Trade, BookTop, Heartbeat, then 12 bytes that are not an SBE frame of
     * either schema (schema id 77), at ingress times one microsecond apart.
     *
     * @param dir journal directory.
     */
    static void writeSample(final Path dir)
    {
        try (Journal journal = Journal.open(new JournalContext().directory(dir)))
        {
            final JournalAppender appender = journal.appender();
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            appender.append(buffer, 0, trade(buffer), FIRST_NANOS, SOURCE, TRADE_FLAGS);
            appender.append(buffer, 0, bookTop(buffer), FIRST_NANOS + 1_000, SOURCE);
            appender.append(buffer, 0, heartbeat(buffer, 9), FIRST_NANOS + 2_000, SOURCE);
            appender.append(unknownFrame(), 0, 12, FIRST_NANOS + 3_000, SOURCE);
        }
    }

    /**
     * Append heartbeats to an existing journal.
     *
     * @param dir   journal directory.
     * @param count how many.
     */
    static void appendHeartbeats(final Path dir, final int count)
    {
        try (Journal journal = Journal.open(new JournalContext().directory(dir)))
        {
            appendHeartbeats(journal, count);
        }
    }

    /**
     * Append a frame flagged as sent by the engine ({@link JournalFlags#OUTBOUND}), as if a run had sent one more frame
     * than a replay of its journal sends: the replay's digest then differs from the recorded one.
     *
     * @param dir journal directory, closed.
     */
    static void appendOutbound(final Path dir)
    {
        try (Journal journal = Journal.open(new JournalContext().directory(dir)))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            journal.appender().append(buffer, 0, heartbeat(buffer, 1), FIRST_NANOS, SOURCE, JournalFlags.OUTBOUND);
        }
    }

    /**
     * Append heartbeats to a journal open to write.
     *
     * @param journal the journal.
     * @param count   how many.
     */
    static void appendHeartbeats(final Journal journal, final int count)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        for (int i = 0; i < count; i++)
        {
            journal.appender().append(buffer, 0, heartbeat(buffer, 100 + i), FIRST_NANOS + 10_000 + i, SOURCE);
        }
    }

    /**
     * Write a daily journal of heartbeats over several days, from the day of {@link #FIRST_NANOS} (2023-11-14): one
     * queue file per day, each but the last ended by Chronicle's end-of-file mark when the appender rolled.
     *
     * @param dir    journal directory.
     * @param days   how many days (files).
     * @param perDay heartbeats per day.
     * @return the queue files, in the order of their days.
     */
    static List<Path> writeDays(final Path dir, final int days, final int perDay)
    {
        final SetTimeProvider clock = new SetTimeProvider(FIRST_NANOS);
        try (Journal journal = Journal.open(new JournalContext().directory(dir).timeProvider(clock)
            .rollCycle(JournalRollCycle.DAILY)))
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
            for (int day = 0; day < days; day++)
            {
                for (int i = 0; i < perDay; i++)
                {
                    journal.appender().append(buffer, 0, heartbeat(buffer, i), FIRST_NANOS + i, SOURCE);
                }
                clock.advanceMillis(DAY_MILLIS);
            }
        }
        try (Stream<Path> list = Files.list(dir))
        {
            return list.filter((p) -> p.toString().endsWith(".cq4")).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Flip one byte of the trade record's payload in the queue file (its CRC32C no longer matches).
     *
     * @param dir journal directory, closed.
     * @throws IOException if the file cannot be changed.
     */
    static void damageTrade(final Path dir) throws IOException
    {
        final List<Path> files;
        try (Stream<Path> list = Files.list(dir))
        {
            files = list.filter((p) -> p.toString().endsWith(".cq4")).collect(Collectors.toList());
        }
        for (final Path file : files)
        {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE))
            {
                final MappedByteBuffer map =
                    channel.map(FileChannel.MapMode.READ_WRITE, 0, Math.min(channel.size(), 16L << 20));
                map.order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i + 8 <= map.limit(); i++)
                {
                    if (map.getLong(i) == TRADE_ID)
                    {
                        map.put(i, (byte)(map.get(i) ^ 0x01));
                        map.force();
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException("trade record not found in " + files);
    }

    private static int trade(final UnsafeBuffer buffer)
    {
        final TradeEncoder e = new TradeEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .eventTimeNs(FIRST_NANOS).tradeId(TRADE_ID).price(6_512_345).qty(15).instrumentId(3).venueId(1)
            .priceExponent((byte)-2).qtyExponent((byte)-3).aggressorSide(Side.BUY);
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    private static int bookTop(final UnsafeBuffer buffer)
    {
        final BookTopEncoder e = new BookTopEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .eventTimeNs(FIRST_NANOS).bookUpdateId(900).bidPrice(6_512_300).bidQty(2).askPrice(6_512_400).askQty(5)
            .instrumentId(3).venueId(1).priceExponent((byte)-2).qtyExponent((byte)-3);
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    private static int heartbeat(final UnsafeBuffer buffer, final long sequence)
    {
        final HeartbeatEncoder e = new HeartbeatEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .timeNs(FIRST_NANOS).sequence(sequence).sourceId(7);
        return MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength();
    }

    private static UnsafeBuffer unknownFrame()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[12]);
        buffer.putShort(0, (short)4, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(2, (short)5, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(4, (short)77, ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(6, (short)1, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(8, 0xCAFE, ByteOrder.LITTLE_ENDIAN);
        return buffer;
    }
}
