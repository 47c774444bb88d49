/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
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
 * <p>
 * The files a reader reads are also checked against each other ({@link CycleOrder}): a file copied or renamed under
 * another cycle's name (Chronicle's header does not name its cycle) shows as a file other than the last without
 * Chronicle's end-of-file mark (readers stop at its end), or as a file whose sequences do not come after those of
 * the files before it. Such a file is read where its name puts it, and reported.
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

    private final Path directory;
    private final JournalRollCycle rollCycle;
    private final List<Damage> damage;
    private final boolean lastFileCut;

    /**
     * A queue file read from a padded copy, left out, or read where its name puts it although it does not belong
     * there, and why.
     *
     * @param kind   {@link ProblemKind#TRUNCATED_FILE}, {@link ProblemKind#NOT_A_QUEUE_FILE},
     *               {@link ProblemKind#MISNAMED_FILE}, {@link ProblemKind#NO_END_OF_FILE_MARK} or
     *               {@link ProblemKind#FILE_OUT_OF_ORDER}.
     * @param detail the file's name and what was found.
     */
    record Damage(ProblemKind kind, String detail)
    {
    }

    private ReadOnlyView(
        final Path directory, final JournalRollCycle rollCycle, final List<Damage> damage, final boolean lastFileCut)
    {
        this.directory = directory;
        this.rollCycle = rollCycle;
        this.damage = damage;
        this.lastFileCut = lastFileCut;
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
        Path view = null;
        try
        {
            final List<Finding> findings = find(files);
            view = Files.createTempDirectory("schwabot-journal-view-");
            boolean lastFileCut = false;
            for (final Path file : files)
            {
                final Path name = file.getFileName();
                final List<Finding> found = findings.stream().filter((f) -> f.file().equals(file)).toList();
                final Cut cut = found.stream().map(Finding::padTo).filter(Objects::nonNull).findFirst().orElse(null);
                if (found.stream().anyMatch(Finding::leftOut))
                {
                    continue;
                }
                lastFileCut = null != cut;
                if (null != cut)
                {
                    padCopy(file, cut.position(), view.resolve(name));
                }
                else
                {
                    Files.createSymbolicLink(view.resolve(name), file.toAbsolutePath());
                }
            }
            final List<Damage> damage = findings.stream().filter((f) -> !f.writers()).map((f) -> f.damage(true))
                .toList();
            return new ReadOnlyView(view, rollCycleNaming(files), damage, lastFileCut);
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
     * The queue files of a journal directory that a reader would read from a padded copy or leave out, or that are
     * not in cycle order, found as {@link #of} finds them but with no view made: a writer must not append after such
     * a file.
     *
     * @param journal directory of the journal.
     * @return one entry per damaged file; empty for a whole journal.
     * @throws UncheckedIOException when a file cannot be read.
     */
    static List<Damage> inspect(final Path journal)
    {
        try
        {
            return find(list(journal)).stream().map((f) -> f.damage(false)).toList();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the queue files of " + journal, ex);
        }
    }

    /**
     * What a queue file holds that a reader must not map as it is (a start that is not Chronicle's header, an
     * excerpt that runs past the file's end), or that puts it out of its place among the others.
     *
     * @param file    the file.
     * @param kind    what kind of damage.
     * @param what    what was found, after the file's name.
     * @param howRead how a reader reads it, added to what a reader reports; may be empty.
     * @param padTo   where its padded copy ends, or null when it is not read from one.
     * @param leftOut whether readers leave it out.
     * @param writers whether it concerns writers only: readers map the file as it is and say themselves where they
     *                stopped ({@link Journal#unreadFrom}), so it is not among the reader's damage.
     */
    record Finding(Path file, ProblemKind kind, String what, String howRead, Cut padTo, boolean leftOut,
        boolean writers)
    {
        Finding(final Path file, final ProblemKind kind, final String what, final String howRead, final Cut padTo,
            final boolean leftOut)
        {
            this(file, kind, what, howRead, padTo, leftOut, false);
        }

        Damage damage(final boolean reader)
        {
            return new Damage(kind, file.getFileName() + what + (reader ? howRead : ""));
        }
    }

    /**
     * Scan each file, then check the files a reader would read against each other ({@link CycleOrder}).
     *
     * @return the findings, in the order of the files' names.
     */
    private static List<Finding> find(final List<Path> files) throws IOException
    {
        final ByteBuffer window = ByteBuffer.allocateDirect(WINDOW).order(ByteOrder.LITTLE_ENDIAN);
        final List<Finding> findings = new ArrayList<>();
        final List<QueueFileScan> read = new ArrayList<>();
        final Path named = files.stream().filter(ReadOnlyView::namedByACycle).findFirst().orElse(null);
        for (final Path file : files)
        {
            if (!namedByACycle(file))
            {
                findings.add(misnamed(file, named));
                continue;
            }
            final QueueFileScan scan = QueueFileScan.scan(file, window);
            final Cut cut = scan.cut();
            if (null != scan.foreign())
            {
                findings.add(new Finding(file, ProblemKind.NOT_A_QUEUE_FILE,
                    " is not a Chronicle queue file: " + scan.foreign(), "; it is left out", null, true));
                continue;
            }
            if (null != cut)
            {
                findings.add(new Finding(file, ProblemKind.TRUNCATED_FILE, " is cut short: " + cut.where(),
                    cut.howRead(), cut.records() ? cut : null, !cut.records()));
            }
            if (scan.stuckAt() >= 0)
            {
                findings.add(new Finding(file, ProblemKind.SCAN_STOPPED_EARLY, " has an excerpt header marked " +
                    "incomplete at byte " + scan.stuckAt() + " with complete excerpts after it (a damaged header): " +
                    "no reader gets past it", "", null, false, true));
            }
            if (null == cut || cut.records())
            {
                read.add(scan);
            }
        }
        for (int i = 0; i < read.size() - 1; i++)
        {
            if (null != read.get(i).cut())
            {
                unreadAfter(findings, read.get(i).file(), read.subList(i + 1, read.size()));
            }
        }
        if (null != rollCycleNaming(files))
        {
            findings.addAll(CycleOrder.check(read));
        }
        findings.sort(Comparator.comparing(Finding::file));
        return findings;
    }

    /**
     * A queue file named after no cycle, which readers leave out ({@link ProblemKind#MISNAMED_FILE}).
     *
     * @param file  the file.
     * @param named a queue file of the same journal that is named after a cycle, to show what a name looks like; null
     *              when there is none.
     * @return the finding.
     */
    static Finding misnamed(final Path file, final Path named)
    {
        return new Finding(file, ProblemKind.MISNAMED_FILE, " is not named after a cycle as queue files are (" +
            (null == named ? "20261207F.cq4 for a daily journal" : "such as " + named.getFileName()) +
            "): a copy or a backup? Chronicle cannot place it", "; it is left out", null, true);
    }

    /**
     * Say of a file cut short that the files after it go unread: a reader reaches the padded copy's end, where
     * Chronicle's end-of-file mark is missing, and waits there for more.
     */
    private static void unreadAfter(final List<Finding> findings, final Path cutFile, final List<QueueFileScan> after)
    {
        final String unread = after.size() == 1 ? "the file after it (" + after.get(0).file().getFileName() +
            ") is" : "the " + after.size() + " files after it (" + after.get(0).file().getFileName() + " to " +
            after.get(after.size() - 1).file().getFileName() + ") are";
        findings.replaceAll((f) -> f.file().equals(cutFile) && f.kind() == ProblemKind.TRUNCATED_FILE ?
            new Finding(f.file(), f.kind(), f.what(), f.howRead() + "; no reader gets past the cut, so " + unread +
                " not read", f.padTo(), f.leftOut()) : f);
    }

    /**
     * The roll cycle whose file name format every queue file's name matches.
     *
     * @param files queue files.
     * @return the roll cycle, or null when there is no file or no single roll cycle matches (files named after no
     *         cycle, {@link ProblemKind#MISNAMED_FILE}, are not counted).
     */
    static JournalRollCycle rollCycleNaming(final List<Path> files)
    {
        final List<Path> named = files.stream().filter(ReadOnlyView::namedByACycle).toList();
        JournalRollCycle found = null;
        for (final JournalRollCycle candidate : JournalRollCycle.values())
        {
            if (!named.isEmpty() && named.stream().allMatch((file) -> parses(format(candidate), baseName(file))))
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

    /**
     * The roll cycle a journal directory's queue files are named by.
     *
     * @param journal directory of the journal.
     * @return the roll cycle, or null when the directory does not exist, holds no queue file, or no single roll cycle
     *         matches.
     */
    static JournalRollCycle rollCycleNaming(final Path journal)
    {
        return Files.isDirectory(journal) ? rollCycleNaming(list(journal)) : null;
    }

    /**
     * Whether a queue file's name is a cycle's file name under some roll cycle: Chronicle cannot parse any other (it
     * fails to open the journal), and nothing tells which cycle such a file holds.
     */
    static boolean namedByACycle(final Path file)
    {
        for (final JournalRollCycle candidate : JournalRollCycle.values())
        {
            if (parses(format(candidate), baseName(file)))
            {
                return true;
            }
        }
        return false;
    }

    private static DateTimeFormatter format(final JournalRollCycle rollCycle)
    {
        return DateTimeFormatter.ofPattern(rollCycle.chronicleRollCycle().format());
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
     * @return whether the last queue file of the view is a padded copy of a file cut short.
     */
    boolean lastFileCut()
    {
        return lastFileCut;
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

        String howRead()
        {
            return records ?
                "; read as if the file ended at byte " + position :
                "; the cut is before its first record (in Chronicle's header or index), so it is left out";
        }
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
        return QueueFileScan.findCut(file, ByteBuffer.allocateDirect(WINDOW).order(ByteOrder.LITTLE_ENDIAN));
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

    static List<Path> list(final Path journal)
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

    static void deleteTree(final Path dir)
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
