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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a checked read-only journal opens: a temporary directory holding a link to each whole queue file of the
 * journal, a copy padded with zeros of each queue file cut short (a crash on some file systems, a full disk, a
 * partial copy), and not the directory's metadata file ({@code metadata.cq4t}).
 * <p>
 * Why: a read-only Chronicle reader maps a file beyond its end and trusts the excerpt headers, index and table it
 * finds; touching a page past the end of a file raises SIGBUS, which the JVM delivers as an asynchronous
 * {@link InternalError} at some later point of the same thread, not necessarily inside the read that caused it
 * (seen: inside {@code TimSort}, and inside a lock of Chronicle's background releaser, which it left held forever).
 * Such a fault cannot be caught reliably, so it must not happen: before Chronicle opens a queue file, its excerpt
 * headers are walked with plain reads, and a file whose walk runs past its end is read from a copy in which the
 * bytes past the cut read as zeros, which Chronicle takes as "nothing more was written". The originals are never
 * written.
 * <p>
 * The metadata file holds no record, only Chronicle's cache of the lowest and highest cycle, its locks and the roll
 * cycle; damaged, it made Chronicle fault, recurse until the stack overflowed or wait on a lock, so a read-only
 * reader goes without it: Chronicle lists the directory for the cycles, and the roll cycle is the one whose file
 * names the queue files carry.
 * <p>
 * Chronicle's excerpt header is a little-endian int: bit 31 "not complete", bit 30 "metadata", the low 30 bits
 * the length; excerpts start 4-byte aligned, from the file's own header document at offset 0; a zero header ends
 * the data and a "not complete" one is where a reader stops. A file cut before its first record (inside
 * Chronicle's own header or index, metadata excerpts) is left out (Chronicle would wait for a writer to complete
 * its header). A file that does not begin with Chronicle's header document (zeros, another kind of file) is left out
 * too: Chronicle would wait a minute for a header and then read it as empty.
 */
final class ReadOnlyView implements AutoCloseable
{
    static final int NOT_COMPLETE = 0x8000_0000;
    static final int META_DATA = 0x4000_0000;
    static final int LENGTH_MASK = 0x3FFF_FFFF;
    static final String QUEUE_SUFFIX = ".cq4";
    /**
     * Zeros added past the cut of a padded copy (a hole in a sparse file: no disk space). The positions Chronicle's
     * header and index name lie within the file as it was written; 64 GiB covers a cycle file of up to that size
     * (a larger one, cut, could still name a position past the padding).
     */
    static final long PADDING = 64L << 30;
    private static final int WINDOW = 1 << 20;
    private static final int PAGE = 4096;

    /** Bytes of a queue file's start read to find Chronicle's header document and its type. */
    private static final int HEADER_PROBE = 256;
    /** The type of the header document Chronicle writes at the start of every queue file. */
    private static final byte[] STORE_TYPE = "SCQStore".getBytes(StandardCharsets.US_ASCII);
    /**
     * Bytes from the file's start within which Chronicle's header names its type (it does at byte 10): a file cut
     * shorter than that is reported by {@link #findCut} as cut, not as another kind of file.
     */
    private static final int TYPE_WITHIN = 32;

    private final Path directory;
    private final JournalRollCycle rollCycle;
    private final List<Damage> damage;

    /**
     * A queue file read from a padded copy or left out, and why.
     *
     * @param kind   {@link ProblemKind#TRUNCATED_FILE} or {@link ProblemKind#NOT_A_QUEUE_FILE}.
     * @param detail the file's name and what was found.
     */
    record Damage(ProblemKind kind, String detail)
    {
    }

    private ReadOnlyView(final Path directory, final JournalRollCycle rollCycle, final List<Damage> damage)
    {
        this.directory = directory;
        this.rollCycle = rollCycle;
        this.damage = damage;
    }

    /**
     * Check a journal directory's queue files and build the view a reader may map safely.
     *
     * @param journal directory of the journal.
     * @return the view; close it after the queue.
     * @throws UncheckedIOException when a file cannot be read or the view cannot be made.
     */
    static ReadOnlyView of(final Path journal)
    {
        final List<Path> files = list(journal);
        final List<Damage> damage = new ArrayList<>();
        final ByteBuffer window = ByteBuffer.allocateDirect(WINDOW).order(ByteOrder.LITTLE_ENDIAN);
        Path view = null;
        try
        {
            view = Files.createTempDirectory("schwabot-journal-view-");
            for (final Path file : files)
            {
                final Path name = file.getFileName();
                final Finding finding = find(file, window);
                if (null == finding || finding.readable())
                {
                    Files.createSymbolicLink(view.resolve(name), file.toAbsolutePath());
                    continue;
                }
                damage.add(finding.damage(true));
                if (null != finding.cut() && finding.cut().records())
                {
                    padCopy(file, finding.cut().position(), view.resolve(name));
                }
            }
            return new ReadOnlyView(view, rollCycleNaming(files), Collections.unmodifiableList(damage));
        }
        catch (final IOException | RuntimeException ex)
        {
            if (null != view)
            {
                deleteTree(view);
            }
            throw new UncheckedIOException("cannot make a read-only view of " + journal,
                ex instanceof IOException ? (IOException)ex : new IOException(ex));
        }
    }

    /**
     * The queue files of a journal directory that a reader would read from a padded copy or leave out, found as
     * {@link #of} finds them but with no view made: a writer must not append after such a file.
     *
     * @param journal directory of the journal.
     * @return one entry per damaged file; empty for a whole journal.
     * @throws UncheckedIOException when a file cannot be read.
     */
    static List<Damage> inspect(final Path journal)
    {
        final List<Damage> damage = new ArrayList<>();
        final ByteBuffer window = ByteBuffer.allocateDirect(WINDOW).order(ByteOrder.LITTLE_ENDIAN);
        try
        {
            for (final Path file : list(journal))
            {
                final Finding finding = find(file, window);
                if (null != finding)
                {
                    damage.add(finding.damage(false));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the queue files of " + journal, ex);
        }
        return damage;
    }

    /**
     * What a queue file holds that a reader must not map as it is (a start that is not Chronicle's header, or an
     * excerpt that runs past the file's end), or that a writer must not append after (an excerpt header marked
     * incomplete with complete excerpts after it: no reader gets past it, so whatever is appended is lost to them).
     *
     * @param file    the file.
     * @param foreign what it begins with instead of Chronicle's header, or null.
     * @param cut     where it is cut, or null (always null when foreign).
     * @param stuckAt the byte of an incomplete excerpt header that complete excerpts follow, or -1.
     */
    private record Finding(Path file, String foreign, Cut cut, long stuckAt)
    {
        /**
         * Whether a reader may map the file as it is (it stops at the incomplete header, and says so).
         */
        boolean readable()
        {
            return null == foreign && null == cut;
        }

        Damage damage(final boolean reader)
        {
            final Path name = file.getFileName();
            if (null != foreign)
            {
                return new Damage(ProblemKind.NOT_A_QUEUE_FILE, name + " is not a Chronicle queue file: " + foreign +
                    (reader ? "; it is left out" : ""));
            }
            if (null != cut)
            {
                return new Damage(ProblemKind.TRUNCATED_FILE, name + " is cut short: " +
                    (reader ? cut.describe() : cut.where()));
            }
            return new Damage(ProblemKind.SCAN_STOPPED_EARLY, name + " has an excerpt header marked incomplete at " +
                "byte " + stuckAt + " with complete excerpts after it (a damaged header): no reader gets past it");
        }
    }

    private static Finding find(final Path file, final ByteBuffer window) throws IOException
    {
        final String foreign = notQueueHeader(file, window);
        if (null != foreign)
        {
            return new Finding(file, foreign, null, -1);
        }
        final long[] stuckAt = { -1 };
        final Cut cut = findCut(file, window, stuckAt);
        return null == cut && stuckAt[0] < 0 ? null : new Finding(file, null, cut, stuckAt[0]);
    }

    /**
     * The roll cycle whose file name format every queue file's name matches.
     *
     * @param files queue files.
     * @return the roll cycle, or null when there is no file or no single roll cycle matches.
     */
    static JournalRollCycle rollCycleNaming(final List<Path> files)
    {
        JournalRollCycle found = null;
        for (final JournalRollCycle candidate : JournalRollCycle.values())
        {
            final DateTimeFormatter format = DateTimeFormatter.ofPattern(candidate.chronicleRollCycle().format());
            if (!files.isEmpty() && files.stream().allMatch((file) -> parses(format, baseName(file))))
            {
                if (null != found)
                {
                    return null;
                }
                found = candidate;
            }
        }
        return found;
    }

    private static boolean parses(final DateTimeFormatter format, final String text)
    {
        try
        {
            format.parse(text);
            return true;
        }
        catch (final DateTimeParseException ex)
        {
            return false;
        }
    }

    private static String baseName(final Path file)
    {
        final String name = file.getFileName().toString();
        return name.substring(0, name.length() - QUEUE_SUFFIX.length());
    }

    /**
     * @return the directory to open the queue in.
     */
    Path directory()
    {
        return directory;
    }

    /**
     * @return the roll cycle the queue files are named by, or null when none (or several) match.
     */
    JournalRollCycle rollCycle()
    {
        return rollCycle;
    }

    /**
     * @return one entry per queue file read from a padded copy or left out; empty for a whole journal.
     */
    List<Damage> damage()
    {
        return damage;
    }

    /**
     * Delete the temporary directory. The queue opened on it must be closed first.
     */
    public void close()
    {
        deleteTree(directory);
    }

    /**
     * Where a queue file's excerpts run past its end: it is read as if it ended at the header of that excerpt.
     *
     * @param size     of the file.
     * @param position of the header of the excerpt that does not fit.
     * @param end      where that excerpt would end, or the position plus 4 when its header itself is cut.
     * @param records  whether a record (an excerpt that is not Chronicle's metadata) lies before the cut; when none
     *                 does, the cut went through the file's own header or index and the file is left out.
     */
    record Cut(long size, long position, long end, boolean records)
    {
        String where()
        {
            return size + " bytes, but the excerpt at byte " + position + " runs to byte " + end;
        }

        String describe()
        {
            return where() + (records ?
                "; read as if the file ended at byte " + position :
                "; the cut is before its first record (in Chronicle's header or index), so it is left out");
        }
    }

    /**
     * Whether a file starts as every queue file Chronicle writes does: a complete metadata excerpt at byte 0 (its
     * header document) that names Chronicle's store type. A file that does not (zeros where a writer crashed before
     * its header reached the disk, a file of something else, bytes overwritten) would make a reader wait for a
     * header that never comes (a minute in Chronicle's own timeouts) and then read it as empty. A file that ends
     * before its header could have named the type is left to {@link #findCut}: it was cut, not overwritten.
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
            if ((header & NOT_COMPLETE) != 0 || (header & META_DATA) == 0)
            {
                return "its first excerpt header (0x" + Integer.toHexString(header) +
                    ") is not a complete metadata excerpt, as Chronicle's header is";
            }
            final int end = (int)Math.min(read, Integer.BYTES + (long)(header & LENGTH_MASK));
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
     * Walk a queue file's excerpt headers.
     *
     * @param file a .cq4 file.
     * @return where an excerpt runs past the end of the file, or null when every excerpt up to the end of the data
     *         lies inside it.
     */
    static Cut findCut(final Path file)
    {
        return findCut(file, ByteBuffer.allocateDirect(WINDOW).order(ByteOrder.LITTLE_ENDIAN), new long[1]);
    }

    /**
     * Walk a queue file's excerpt headers to the end of its data: a zero header, or one marked incomplete. A live
     * writer's excerpt in progress is always the last one, and its header holds no length until it is complete, so an
     * incomplete header whose length leads to another complete excerpt was damaged (a flipped bit), and is reported
     * in {@code stuckAt}.
     */
    private static Cut findCut(final Path file, final ByteBuffer window, final long[] stuckAt)
    {
        stuckAt[0] = -1;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final long size = channel.size();
            long windowStart = 0;
            window.limit(0);
            long position = 0;
            boolean records = false;
            while (true)
            {
                if (position + Integer.BYTES > size)
                {
                    return new Cut(size, position, position + Integer.BYTES, records);
                }
                if (position < windowStart || position + Integer.BYTES > windowStart + window.limit())
                {
                    windowStart = position;
                    window.clear();
                    while (window.position() < Integer.BYTES &&
                        channel.read(window, windowStart + window.position()) > 0)
                    {
                        // until the header is in the window
                    }
                    window.flip();
                }
                final int header = window.getInt((int)(position - windowStart));
                if (header == 0 || (header & NOT_COMPLETE) != 0)
                {
                    if ((header & LENGTH_MASK) != 0 && completeExcerptAt(channel, size, next(position, header)))
                    {
                        stuckAt[0] = position;
                    }
                    return null;
                }
                final long end = position + Integer.BYTES + (header & LENGTH_MASK);
                if (end > size)
                {
                    return new Cut(size, position, end, records);
                }
                records |= (header & META_DATA) == 0;
                position = next(position, header);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    private static long next(final long position, final int header)
    {
        return (position + Integer.BYTES + (header & LENGTH_MASK) + Integer.BYTES - 1) & -Integer.BYTES;
    }

    private static boolean completeExcerptAt(final FileChannel channel, final long size, final long position)
        throws IOException
    {
        if (position + Integer.BYTES > size)
        {
            return false;
        }
        final ByteBuffer four = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        while (four.hasRemaining() && channel.read(four, position + four.position()) > 0)
        {
            // until the header is read
        }
        final int header = four.flip().remaining() == Integer.BYTES ? four.getInt(0) : 0;
        return header != 0 && (header & NOT_COMPLETE) == 0 &&
            position + Integer.BYTES + (header & LENGTH_MASK) <= size;
    }

    /**
     * Copy the bytes of a file before an offset (the header of the excerpt the cut went through, so that the copy
     * holds no excerpt whose end was lost) and pad the copy with zeros.
     */
    private static void padCopy(final Path from, final long size, final Path to) throws IOException
    {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
            FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE))
        {
            final long length = Math.min(size, in.size());
            long copied = 0;
            while (copied < length)
            {
                final long transferred = in.transferTo(copied, length - copied, out);
                if (transferred <= 0)
                {
                    throw new IOException(from + " shrank while being copied, at byte " + copied);
                }
                copied += transferred;
            }
            final long padded = ((length + PAGE - 1) & -PAGE) + PADDING;
            out.write(ByteBuffer.allocate(1), padded - 1);
        }
    }

    private static List<Path> list(final Path journal)
    {
        try (Stream<Path> entries = Files.list(journal))
        {
            return entries.filter((entry) -> entry.getFileName().toString().endsWith(QUEUE_SUFFIX))
                .filter(Files::isRegularFile).sorted().toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + journal, ex);
        }
    }

    private static void deleteTree(final Path dir)
    {
        try (Stream<Path> entries = Files.walk(dir))
        {
            for (final Path entry : entries.sorted((a, b) -> b.compareTo(a)).toList())
            {
                Files.deleteIfExists(entry);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete the journal view " + dir, ex);
        }
    }
}
