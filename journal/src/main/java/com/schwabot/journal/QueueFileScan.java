/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What one queue file holds, found with plain reads before Chronicle maps it (see {@link ReadOnlyView}): whether it
 * begins with Chronicle's header, where an excerpt runs past its end, whether its data ends with Chronicle's
 * end-of-file mark, and the sequences of its first and last records.
 * <p>
 * The end-of-file mark is the excerpt header {@code NOT_COMPLETE | META_DATA} with length 0 that Chronicle's appender
 * writes after a file's last excerpt when it rolls to the next cycle (also when it opens a journal whose last file is
 * an older cycle's). So every file of a journal but the last ends with it, and a reader that reaches a file's end
 * without it waits there for more, whatever files follow. Chronicle's file header names no cycle (it holds the write
 * position, the index layout and the data format), so a file copied or renamed under another cycle's name can only
 * be told by what it holds: a missing mark, or sequences that do not come after those of the files before it.
 * <p>
 * Not thread-safe: the window buffer is the caller's.
 */
final class QueueFileScan
{
    /** A sequence that could not be read (no record, or not in the current record format). */
    static final long UNKNOWN_SEQUENCE = -1;
    /** Chronicle's end-of-file mark: a header "not complete" and "metadata" with length 0. */
    static final int END_OF_FILE = ReadOnlyView.NOT_COMPLETE | ReadOnlyView.META_DATA;

    /** Bytes of a queue file's start read to find Chronicle's header document and its type. */
    private static final int HEADER_PROBE = 256;
    /** The type of the header document Chronicle writes at the start of every queue file. */
    private static final byte[] STORE_TYPE = "SCQStore".getBytes(StandardCharsets.US_ASCII);
    /**
     * Bytes from the file's start within which Chronicle's header names its type (it does at byte 10): a file cut
     * shorter than that is reported as cut, not as another kind of file.
     */
    private static final int TYPE_WITHIN = 32;
    /** Bytes of a record header read for its frame length, magic, version and sequence. */
    private static final int RECORD_PROBE = RecordHeader.SEQUENCE_OFFSET + Long.BYTES;

    private final Path file;
    private final String foreign;
    private final ReadOnlyView.Cut cut;
    private final boolean endMark;
    private final long stuckAt;
    private final long firstSequence;
    private final long lastSequence;

    private QueueFileScan(
        final Path file,
        final String foreign,
        final ReadOnlyView.Cut cut,
        final boolean endMark,
        final long stuckAt,
        final long firstSequence,
        final long lastSequence)
    {
        this.file = file;
        this.foreign = foreign;
        this.cut = cut;
        this.endMark = endMark;
        this.stuckAt = stuckAt;
        this.firstSequence = firstSequence;
        this.lastSequence = lastSequence;
    }

    /**
     * Scan a queue file.
     *
     * @param file   a .cq4 file.
     * @param window a direct little-endian buffer to read through, at least a page.
     * @return what it holds.
     * @throws IOException when it cannot be read.
     */
    static QueueFileScan scan(final Path file, final ByteBuffer window) throws IOException
    {
        final String foreign = notQueueHeader(file, window);
        if (null != foreign)
        {
            return new QueueFileScan(file, foreign, null, false, -1, UNKNOWN_SEQUENCE, UNKNOWN_SEQUENCE);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            return walk(file, channel, window);
        }
    }

    /**
     * @return the file.
     */
    Path file()
    {
        return file;
    }

    /**
     * @return what the file begins with instead of Chronicle's header, or null when it begins with it.
     */
    String foreign()
    {
        return foreign;
    }

    /**
     * @return where an excerpt runs past the file's end, or null (always null when {@link #foreign()}).
     */
    ReadOnlyView.Cut cut()
    {
        return cut;
    }

    /**
     * @return whether the file's data ends with Chronicle's end-of-file mark.
     */
    boolean endMark()
    {
        return endMark;
    }

    /**
     * Where the data ends at an excerpt header marked "not complete" that holds a length leading to a complete
     * excerpt: a damaged header (a flipped bit), past which no reader gets, while Chronicle's appender appends after
     * the complete excerpts. A live writer's excerpt in progress is always the last one and its header holds no length
     * until it is complete, and the end-of-file mark has none either, so neither is taken for one.
     *
     * @return the byte of that header, or -1.
     */
    long stuckAt()
    {
        return stuckAt;
    }

    /**
     * @return the sequence of the first record of the file's first data excerpt, or {@link #UNKNOWN_SEQUENCE}.
     */
    long firstSequence()
    {
        return firstSequence;
    }

    /**
     * @return the sequence of the last record of the file's last data excerpt (before a cut), or
     *         {@link #UNKNOWN_SEQUENCE}.
     */
    long lastSequence()
    {
        return lastSequence;
    }

    /**
     * @return whether both the first and the last record's sequence could be read.
     */
    boolean hasSequences()
    {
        return firstSequence != UNKNOWN_SEQUENCE && lastSequence != UNKNOWN_SEQUENCE;
    }

    /**
     * Walk a file's excerpt headers from its own header document at byte 0: a zero header ends the data, a "not
     * complete" one is where a reader stops (the end-of-file mark is one), and an excerpt that runs past the end of the
     * file is a cut.
     */
    private static QueueFileScan walk(final Path file, final FileChannel channel, final ByteBuffer window)
        throws IOException
    {
        final long size = channel.size();
        long windowStart = 0;
        window.limit(0);
        long position = 0;
        long firstData = -1;
        long lastData = -1;
        ReadOnlyView.Cut cut = null;
        boolean endMark = false;
        long stuckAt = -1;
        while (true)
        {
            if (position + Integer.BYTES > size)
            {
                cut = new ReadOnlyView.Cut(size, position, position + Integer.BYTES, firstData >= 0);
                break;
            }
            if (position < windowStart || position + Integer.BYTES > windowStart + window.limit())
            {
                windowStart = position;
                window.clear();
                while (window.position() < Integer.BYTES && channel.read(window, windowStart + window.position()) > 0)
                {
                    // until the header is in the window
                }
                window.flip();
            }
            final int header = window.getInt((int)(position - windowStart));
            if (header == 0 || (header & ReadOnlyView.NOT_COMPLETE) != 0)
            {
                endMark = header == END_OF_FILE;
                final int length = header & ReadOnlyView.LENGTH_MASK;
                if (length != 0 && completeExcerptAt(channel, size, next(position, header)))
                {
                    stuckAt = position;
                }
                break;
            }
            final long end = position + Integer.BYTES + (header & ReadOnlyView.LENGTH_MASK);
            if (end > size)
            {
                cut = new ReadOnlyView.Cut(size, position, end, firstData >= 0);
                break;
            }
            if ((header & ReadOnlyView.META_DATA) == 0)
            {
                firstData = firstData < 0 ? position : firstData;
                lastData = position;
            }
            position = next(position, header);
        }
        final long first = firstData < 0 ? UNKNOWN_SEQUENCE : firstSequence(channel, firstData);
        final long last = lastData < 0 ? UNKNOWN_SEQUENCE : lastSequence(channel, lastData);
        return new QueueFileScan(file, null, cut, endMark, stuckAt, first, last);
    }

    /**
     * Where the excerpt after the one whose header is at a position begins (excerpts are 4-byte aligned).
     */
    private static long next(final long position, final int header)
    {
        return (position + Integer.BYTES + (header & ReadOnlyView.LENGTH_MASK) + Integer.BYTES - 1) & -Integer.BYTES;
    }

    /**
     * Whether a complete excerpt, whole within the file, begins at a position.
     */
    private static boolean completeExcerptAt(final FileChannel channel, final long size, final long position)
        throws IOException
    {
        final ByteBuffer bytes = read(channel, position, Integer.BYTES);
        final int header = bytes.remaining() < Integer.BYTES ? 0 : bytes.getInt(0);
        return header != 0 && (header & ReadOnlyView.NOT_COMPLETE) == 0 &&
            position + Integer.BYTES + (header & ReadOnlyView.LENGTH_MASK) <= size;
    }

    /**
     * The sequence of the record at the start of a data excerpt, when it is a record of the current format.
     */
    private static long firstSequence(final FileChannel channel, final long excerpt) throws IOException
    {
        final int length = excerptLength(channel, excerpt);
        final long record = excerpt + Integer.BYTES;
        return recordLength(channel, record, length) > 0 ? sequenceAt(channel, record) : UNKNOWN_SEQUENCE;
    }

    /**
     * The sequence of the last record of a data excerpt: an excerpt holds one record, or a batch of them back to back.
     */
    private static long lastSequence(final FileChannel channel, final long excerpt) throws IOException
    {
        final int length = excerptLength(channel, excerpt);
        long sequence = UNKNOWN_SEQUENCE;
        int offset = 0;
        while (offset < length)
        {
            final int frame = recordLength(channel, excerpt + Integer.BYTES + offset, length - offset);
            if (frame <= 0)
            {
                break;
            }
            sequence = sequenceAt(channel, excerpt + Integer.BYTES + offset);
            offset += frame;
        }
        return sequence;
    }

    private static int excerptLength(final FileChannel channel, final long excerpt) throws IOException
    {
        final ByteBuffer bytes = read(channel, excerpt, Integer.BYTES);
        return bytes.remaining() < Integer.BYTES ? 0 : bytes.getInt(0) & ReadOnlyView.LENGTH_MASK;
    }

    /**
     * @return the frame length of the record at a position when it is one of the current format that fits in what
     *         is left of its excerpt, else 0.
     */
    private static int recordLength(final FileChannel channel, final long record, final int remaining)
        throws IOException
    {
        if (remaining < RecordHeader.LENGTH)
        {
            return 0;
        }
        final ByteBuffer bytes = read(channel, record, RECORD_PROBE);
        if (bytes.remaining() < RECORD_PROBE)
        {
            return 0;
        }
        final int frame = bytes.getInt(RecordHeader.FRAME_LENGTH_OFFSET);
        final int magic = bytes.getShort(RecordHeader.MAGIC_OFFSET) & 0xFFFF;
        final int version = bytes.get(RecordHeader.VERSION_OFFSET) & 0xFF;
        return magic == RecordHeader.MAGIC && version == RecordHeader.CURRENT_VERSION &&
            frame >= RecordHeader.LENGTH && frame <= remaining ? frame : 0;
    }

    private static long sequenceAt(final FileChannel channel, final long record) throws IOException
    {
        return read(channel, record + RecordHeader.SEQUENCE_OFFSET, Long.BYTES).getLong(0);
    }

    private static ByteBuffer read(final FileChannel channel, final long position, final int length)
        throws IOException
    {
        final ByteBuffer bytes = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (bytes.hasRemaining() && channel.read(bytes, position + bytes.position()) > 0)
        {
            // until full or the file ends
        }
        return bytes.flip();
    }

    /**
     * Whether a file starts as every queue file Chronicle writes does: a complete metadata excerpt at byte 0 (its
     * header document) that names Chronicle's store type. A file that does not (zeros where a writer crashed before
     * its header reached the disk, a file of something else, bytes overwritten) would make a reader wait for a
     * header that never comes (a minute in Chronicle's own timeouts) and then read it as empty. A file that ends
     * before its header could have named the type is left to the walk: it was cut, not overwritten.
     *
     * @return null when it does (or may, having been cut), else what was found instead.
     */
    private static String notQueueHeader(final Path file, final ByteBuffer window) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            window.clear().limit(HEADER_PROBE);
            while (window.hasRemaining() && channel.read(window) > 0)
            {
                // until the probe is full or the file ends
            }
            window.flip();
            final int read = window.limit();
            if (read < Integer.BYTES)
            {
                return null;
            }
            final int header = window.getInt(0);
            if (0 == header)
            {
                return "it starts with zeros where Chronicle's header is";
            }
            if ((header & ReadOnlyView.NOT_COMPLETE) != 0 || (header & ReadOnlyView.META_DATA) == 0)
            {
                return "its first excerpt header (0x" + Integer.toHexString(header) +
                    ") is not a complete metadata excerpt, as Chronicle's header is";
            }
            final int end = (int)Math.min(read, Integer.BYTES + (long)(header & ReadOnlyView.LENGTH_MASK));
            for (int at = Integer.BYTES; at + STORE_TYPE.length <= end; at++)
            {
                if (matches(window, at))
                {
                    return null;
                }
            }
            if (end < TYPE_WITHIN)
            {
                return null;
            }
            return "its first excerpt does not name Chronicle's store type (" +
                new String(STORE_TYPE, StandardCharsets.US_ASCII) + ")";
        }
    }

    private static boolean matches(final ByteBuffer window, final int at)
    {
        for (int i = 0; i < STORE_TYPE.length; i++)
        {
            if (window.get(at + i) != STORE_TYPE[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Walk a file's excerpt headers only (no check of its header document).
     *
     * @param file   a .cq4 file.
     * @param window a direct little-endian buffer to read through.
     * @return where an excerpt runs past the end of the file, or null.
     */
    static ReadOnlyView.Cut findCut(final Path file, final ByteBuffer window)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            return walk(file, channel, window).cut();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }
}
