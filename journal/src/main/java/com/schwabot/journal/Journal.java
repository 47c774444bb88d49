/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import com.schwabot.config.ShellWords;

/**
 * The engine's journal: a Chronicle Queue whose excerpts each hold one record, a {@link RecordHeader} followed by
 * an SBE frame. Records get journal-assigned sequence numbers, contiguous from 1, that continue after a reopen.
 * <p>
 * Opening, closing and creating appenders and tailers is not thread-safe. There is at most one
 * {@link JournalAppender} per journal, used by one thread; each {@link JournalTailer} is used by one thread, and
 * tailers may run on other threads while the appender appends.
 */
public final class Journal implements AutoCloseable
{
    private static final int LAST_RECORD_SEARCH_LIMIT = 4096;
    /** Chronicle's excerpt header (length and flags) that precedes each record in the mapped window. */
    private static final int EXCERPT_HEADER_LENGTH = 4;
    /** Largest excerpt a batch of records grows to (less where the block size maps less contiguously). */
    private static final long BATCH_CAPACITY = 64 * 1024;

    private final JournalContext context;
    private final SingleChronicleQueue queue;
    private final ReadOnlyView view;
    private final FollowView followView;
    private final int maxFrameLength;
    private final long lastSequenceAtOpen;
    private JournalAppender appender;
    private boolean closed;

    private Journal(
        final JournalContext context, final SingleChronicleQueue queue, final ReadOnlyView view,
        final FollowView followView)
    {
        this.context = context;
        this.queue = queue;
        this.view = view;
        this.followView = followView;
        this.maxFrameLength = maxFrameLength(context, queue);
        this.lastSequenceAtOpen = null != view && !view.damage().isEmpty() ?
            lastSequenceByScan() : lastSequenceAtOpen(context, queue);
    }

    /**
     * The last sequence read by a scan from the start: a file cut short keeps a header and index that name excerpts
     * past the cut, so Chronicle cannot find the end from them.
     */
    private long lastSequenceByScan()
    {
        final long[] last = new long[1];
        try (JournalTailer tailer = tailer())
        {
            tailer.drain((sequence, ingressNanos, source, flags, buffer, offset, length, index) -> last[0] = sequence);
        }
        catch (final RuntimeException ex)
        {
            // a damaged excerpt further on: the last sequence is the last one read before it
        }
        return last[0];
    }

    /**
     * The last sequence written, which an appender continues from. A journal opened to write must have a readable
     * tail; one opened read-only is opened anyway (to verify, dump or count what can be read) with 0.
     */
    private static long lastSequenceAtOpen(final JournalContext context, final SingleChronicleQueue queue)
    {
        try
        {
            return findLastSequence(queue);
        }
        catch (final RuntimeException | InternalError ex)
        {
            if (context.readOnly())
            {
                return 0;
            }
            if (ex instanceof RuntimeException)
            {
                throw (RuntimeException)ex;
            }
            throw new JournalDamagedException("cannot find the last record of " + queue.fileAbsolutePath(), ex);
        }
    }

    /**
     * Open (creating when absent and not read-only) the journal described by a context.
     *
     * @param context settings; concluded here.
     * @return the open journal.
     * @throws IllegalStateException    when checksums are on and the JVM lacks the flag they need.
     * @throws IllegalArgumentException when a setting is invalid, or the largest record does not fit the contiguous
     *                                  window Chronicle maps for an excerpt (see {@link #maxFrameLength()}).
     * @throws JournalDamagedException  when opened to write and a queue file is cut short, not a queue file or named
     *                                  after no cycle.
     */
    public static Journal open(final JournalContext context)
    {
        context.conclude();
        if (context.checksum() && !context.readOnly())
        {
            PayloadChecksum.ensureAvailable();
        }
        if (!context.readOnly())
        {
            requireWhole(context.directory());
        }
        final boolean check = context.readOnly() && !context.readInPlace() && !context.follow() &&
            Files.isDirectory(context.directory());
        final ReadOnlyView view = check ? ReadOnlyView.of(context.directory()) : null;
        final JournalRollCycle named = null != view ?
            view.rollCycle() : ReadOnlyView.rollCycleNaming(context.directory());
        final JournalRollCycle rollCycle = null == named ? context.rollCycle() : named;
        final FollowView followView = context.follow() ? FollowView.of(context.directory()) : null;
        final SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder
            .binary(null != view ? view.directory() : null != followView ? followView.directory() :
                context.directory())
            .rollCycle(rollCycle.chronicleRollCycle())
            .readOnly(context.readOnly());
        if (context.blockSize() > 0)
        {
            builder.blockSize(context.blockSize());
        }
        if (null != context.timeProvider())
        {
            builder.timeProvider(context.timeProvider());
        }
        SingleChronicleQueue queue = null;
        try
        {
            queue = builder.build();
            return new Journal(context, queue, view, followView);
        }
        catch (final RuntimeException | InternalError ex)
        {
            if (null != queue)
            {
                queue.close();
            }
            if (null != view)
            {
                view.close();
            }
            if (null != followView)
            {
                followView.close();
            }
            if (ex instanceof InternalError && null == queue)
            {
                throw new JournalDamagedException("cannot open the queue in " + context.directory(), ex);
            }
            throw ex;
        }
    }

    /**
     * Refuse a journal directory that a writer must not append to. A writer appends after the last excerpt Chronicle
     * finds: behind a queue file cut short, one that is not a queue file, or an excerpt header damaged to read
     * "incomplete" with complete excerpts after it, whatever it appends would be out of every reader's reach (they
     * stop at the damage), and recovery would read past the end of a mapped file; behind files out of cycle order (a
     * file copied or renamed under another cycle's name), the appender would continue from the wrong file's last
     * sequence and readers would stop before what it appends. So a journal opened to write must be whole;
     * {@link #open} checks it, and an owner that reads the journal before opening it to write can check it first.
     *
     * @param directory the journal directory (nothing to check when it does not exist).
     * @throws JournalDamagedException naming each damaged file and what to do.
     */
    public static void requireWhole(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return;
        }
        final List<ReadOnlyView.Damage> damage = ReadOnlyView.inspect(directory);
        if (!damage.isEmpty())
        {
            throw new JournalDamagedException("journal " + directory + " is damaged: " +
                damage.stream().map(ReadOnlyView.Damage::detail).collect(Collectors.joining("; ")) +
                " (schwabot journal verify " + ShellWords.quote(directory) + " says what it holds; move the damaged " +
                "file out of the directory, or start a new journal)");
        }
    }

    /**
     * The roll cycle of an existing journal: the one its queue files are named by. {@link #open} opens a journal with
     * it whatever the context says (the context's roll cycle is for a new journal), so that Chronicle neither warns
     * that it overrides the roll cycle from its metadata file nor, without that file, starts files named otherwise.
     *
     * @param directory the journal directory.
     * @return the roll cycle, or null when there is no journal there (or its files' names match no single roll
     *         cycle).
     */
    public static JournalRollCycle rollCycleOf(final Path directory)
    {
        return ReadOnlyView.rollCycleNaming(directory);
    }

    /**
     * Open an existing journal read-only with default settings, checked: its queue files are read through a
     * temporary view that holds no file a read could fault on (see {@link #damage()}) and not its metadata file; the
     * roll cycle is the one the queue files are named by.
     *
     * @param directory of the journal.
     * @return the open journal.
     */
    public static Journal openReadOnly(final Path directory)
    {
        return open(new JournalContext().directory(directory).readOnly(true));
    }

    /**
     * The appender of this journal, created on first call. One per journal; use it from one thread.
     *
     * @return the appender.
     * @throws IllegalStateException when the journal is read-only or closed.
     */
    public JournalAppender appender()
    {
        ensureOpen();
        if (context.readOnly())
        {
            throw new IllegalStateException("journal is read-only: " + context.directory());
        }
        if (null == appender)
        {
            appender = new JournalAppender(queue.createAppender(), lastSequenceAtOpen, context,
                (int)Math.min(BATCH_CAPACITY, maxFrameLength));
        }
        return appender;
    }

    /**
     * A pretoucher for this journal's appender, to run on a thread of its own (see {@link JournalPretoucher}).
     *
     * @param lookahead    bytes ahead of the last commit to keep touched, at least a page.
     * @param reserveBytes free space of the journal's file system below which nothing is touched.
     * @return the pretoucher.
     * @throws IllegalStateException    when the journal is read-only or closed.
     * @throws IllegalArgumentException when the lookahead is below a page or the reserve negative.
     */
    public JournalPretoucher pretoucher(final long lookahead, final long reserveBytes)
    {
        return pretoucher(lookahead, reserveBytes, JournalPretoucher.Listener.NONE);
    }

    /**
     * A pretoucher for this journal's appender that tells a listener what it does.
     *
     * @param lookahead    bytes ahead of the last commit to keep touched, at least a page.
     * @param reserveBytes free space of the journal's file system below which nothing is touched.
     * @param listener     told on the pretoucher's thread.
     * @return the pretoucher.
     * @throws IllegalStateException    when the journal is read-only or closed.
     * @throws IllegalArgumentException when the lookahead is below a page or the reserve negative.
     */
    public JournalPretoucher pretoucher(
        final long lookahead, final long reserveBytes, final JournalPretoucher.Listener listener)
    {
        return new JournalPretoucher(appender().writeMark(), context.directory(), lookahead, reserveBytes, listener);
    }

    /**
     * A new tailer positioned at the start of the journal. Close it when done.
     *
     * @return a tailer.
     * @throws IllegalStateException when this JVM cannot compute the CRC32C the tailer checks (a missing JVM flag).
     */
    public JournalTailer tailer()
    {
        ensureOpen();
        PayloadChecksum.ensureAvailable();
        return new JournalTailer(queue, context.directory(), queue.createTailer(), maxFrameLength);
    }

    /**
     * Deliver every record from a sequence to the end of the journal as it is now, as fast as possible.
     *
     * @param fromSequence first sequence to deliver (the records before it are skipped; from the record of that
     *                     sequence on, every record is delivered, one with a damaged sequence too); 0 or 1 for
     *                     everything.
     * @param handler      receiving the records.
     * @return the number of records delivered.
     */
    public long replay(final long fromSequence, final RecordHandler handler)
    {
        try (JournalTailer tailer = tailer())
        {
            tailer.moveToSequence(fromSequence);
            return tailer.drain(handler);
        }
    }

    /**
     * Deliver every record from a sequence to the end of the journal as it is now, and say so when one could not be
     * read: for a reader that must see every record (the engine recovering its last session), where
     * {@link #replay(long, RecordHandler)} leaves out and counts what it cannot read. The records that could be read
     * are delivered first.
     *
     * @param fromSequence first sequence to deliver, as for {@link #replay(long, RecordHandler)}.
     * @param handler      receiving the records.
     * @return the number of records delivered.
     * @throws JournalDamagedException when, from the record of that sequence on, a record failed its CRC32C, an
     *                                 excerpt was not a record, or a damaged excerpt header ended the read early.
     */
    public long replayWhole(final long fromSequence, final RecordHandler handler)
    {
        try (JournalTailer tailer = tailer())
        {
            tailer.moveToSequence(fromSequence);
            final long delivered = tailer.drain(handler);
            final long unread = unreadFrom(tailer);
            if (tailer.checksumFailures() > 0 || tailer.skippedRecords() > 0 || unread >= 0)
            {
                throw new JournalDamagedException("journal " + context.directory() + " cannot be read whole from " +
                    "sequence " + fromSequence + ": " + tailer.checksumFailures() + " record(s) failed their " +
                    "checksum, " + tailer.skippedRecords() + " excerpt(s) were not records" +
                    (unread >= 0 ? ", and reading stopped at index 0x" + Long.toHexString(unread) +
                    ", before the last excerpt" : "") + " (`schwabot journal verify` names each)");
            }
            return delivered;
        }
    }

    /**
     * Deliver every record from a Chronicle index to the end of the journal as it is now.
     *
     * @param fromIndex Chronicle index of the first record to deliver.
     * @param handler   receiving the records.
     * @return the number of records delivered, 0 when the index is not in the journal.
     */
    public long replayFromIndex(final long fromIndex, final RecordHandler handler)
    {
        try (JournalTailer tailer = tailer())
        {
            if (!tailer.moveToIndex(fromIndex))
            {
                return 0;
            }
            return tailer.drain(handler);
        }
    }

    /**
     * Scan the whole journal and report every problem found. Never throws for damaged data.
     *
     * @return the report.
     */
    public VerifyReport verify()
    {
        ensureOpen();
        PayloadChecksum.ensureAvailable();
        return new JournalVerifier(queue, context.maxReportedProblems(), maxFrameLength)
            .verify(damageFound(), lastFileCut());
    }

    /**
     * Count the valid records per (schemaId, templateId), bytes, and first and last sequence and ingress time.
     *
     * @return the statistics.
     */
    public JournalStats stats()
    {
        final JournalStats.Collector collector = new JournalStats.Collector();
        try (JournalTailer tailer = tailer())
        {
            tailer.drain(collector);
            return collector.toStats(
                tailer.skippedRecords(), tailer.checksumFailures(), unreadFrom(tailer), damage());
        }
    }

    /**
     * Where a read that found no more excerpts stopped, when Chronicle knows of excerpts after it: a damaged excerpt
     * header (a flipped bit in its length) ends what any tailer can read, and only verify would say so.
     *
     * @param tailer a tailer of this journal that found no more excerpts.
     * @return the index the tailer stopped at, or -1 when it read to the last excerpt (or the last queue file is cut
     *         short: the read ends at the cut, which {@link #damage()} names, and Chronicle cannot tell its last
     *         excerpt).
     */
    public long unreadFrom(final JournalTailer tailer)
    {
        if (lastFileCut())
        {
            return -1;
        }
        final long last;
        try
        {
            last = queue.lastIndex();
        }
        catch (final RuntimeException | InternalError ex)
        {
            return -1;
        }
        final long next = tailer.index();
        return last >= 0 && next <= last ? next : -1;
    }

    /**
     * Queue files of a read-only journal that were cut short (a crash on some file systems, a full disk, a partial
     * copy): each is read from a copy padded with zeros, as if it ended before the excerpt the cut went through (or
     * left out when the cut is before its first record), so that no read touches a page past the end of a mapped file
     * (which the JVM reports asynchronously, at a point that cannot be caught reliably); and queue files that do not
     * begin with Chronicle's queue header (zeros, another kind of file), which are left out. Verify reports them as
     * {@link ProblemKind#TRUNCATED_FILE} and {@link ProblemKind#NOT_A_QUEUE_FILE}. Also queue files out of their place
     * (a file copied or renamed under another cycle's name), which are read as Chronicle reads them: one without the
     * end-of-file mark before other files, where every reader stops ({@link ProblemKind#NO_END_OF_FILE_MARK}), and one
     * whose sequences all come at or before those an earlier file holds ({@link ProblemKind#FILE_OUT_OF_ORDER}).
     * Empty for a journal opened to write or read in place ({@link JournalContext#readInPlace(boolean)}), which are
     * not checked; for a followed journal ({@link JournalContext#follow(boolean)}), only the queue files named after no
     * cycle at open ({@link ProblemKind#MISNAMED_FILE}), which are left out (see {@link #refresh()} for those found
     * later).
     *
     * @return one line per such file naming it and what was found; empty for a whole journal.
     */
    public List<String> damage()
    {
        return damageFound().stream().map(ReadOnlyView.Damage::detail).toList();
    }

    /**
     * Whether the last queue file is read from a padded copy: its header and index name excerpts past the cut, so
     * Chronicle cannot find the last excerpt from them (asked, it warns and winds back to the start), and the read
     * ends at the cut, which {@link #damage()} names.
     */
    private boolean lastFileCut()
    {
        return null != view && view.lastFileCut();
    }

    private List<ReadOnlyView.Damage> damageFound()
    {
        return null != view ? view.damage() : null != followView ? followView.damage() : List.of();
    }

    /**
     * Bring a followed journal ({@link JournalContext#follow(boolean)}) up to date with the queue files created since
     * it was opened or last refreshed, so that its tailers read on into them: call it when a poll found nothing. A
     * queue file named after no cycle is left out ({@link ProblemKind#MISNAMED_FILE}) and named once, by the refresh
     * that first finds it. Nothing to do for a journal not followed.
     *
     * @return one line per queue file found since and left out, naming it and what was found, as {@link #damage()};
     *         empty when none was, or the journal is not followed.
     * @throws java.io.UncheckedIOException when the journal directory cannot be listed or a file cannot be linked.
     */
    public List<String> refresh()
    {
        ensureOpen();
        if (null == followView)
        {
            return List.of();
        }
        final int linked = followView.linked();
        final List<ReadOnlyView.Damage> found = followView.refresh();
        if (followView.linked() != linked)
        {
            queue.refreshDirectoryListing();
        }
        return found.stream().map(ReadOnlyView.Damage::detail).toList();
    }

    /**
     * Last sequence in the journal: the last appended, or the last found at open when nothing was appended.
     *
     * @return the last sequence, 0 when the journal is empty.
     */
    public long lastSequence()
    {
        return null == appender ? lastSequenceAtOpen : appender.lastSequence();
    }

    /**
     * Chronicle index of the first excerpt, or Long.MAX_VALUE when empty (Chronicle's convention).
     *
     * @return the first index.
     */
    public long firstIndex()
    {
        return queue.firstIndex();
    }

    /**
     * Chronicle index of the last excerpt, or -1 when empty.
     *
     * @return the last index.
     */
    public long lastIndex()
    {
        return queue.lastIndex();
    }

    /**
     * Longest record (header plus payload) this journal writes or reads. The appender and tailers access a record
     * through the address of Chronicle's mapping, which is contiguous only over the overlap window that follows an
     * excerpt's start (a quarter of the block size: 16 MiB with Chronicle's default 64 MiB blocks). Longer
     * excerpts are skipped by tailers and reported by verify.
     *
     * @return the longest record in bytes.
     */
    public int maxFrameLength()
    {
        return maxFrameLength;
    }

    /**
     * Directory of the journal.
     *
     * @return the directory.
     */
    public Path directory()
    {
        return context.directory();
    }

    /**
     * Settings this journal was opened with.
     *
     * @return the concluded context.
     */
    public JournalContext context()
    {
        return context;
    }

    /**
     * Close the appender and the queue. Tailers should be closed first.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            if (null != appender)
            {
                appender.close();
            }
            queue.close();
            if (null != view)
            {
                view.close();
            }
            if (null != followView)
            {
                followView.close();
            }
        }
    }

    SingleChronicleQueue queue()
    {
        return queue;
    }

    private void ensureOpen()
    {
        if (closed)
        {
            throw new IllegalStateException("journal is closed: " + context.directory());
        }
    }

    private static int maxFrameLength(final JournalContext context, final SingleChronicleQueue queue)
    {
        final long window = Math.min(queue.overlapSize() - EXCERPT_HEADER_LENGTH, Integer.MAX_VALUE);
        final long largestRecord = RecordHeader.LENGTH + (long)context.maxPayloadLength();
        if (largestRecord > window)
        {
            throw new IllegalArgumentException("journal maxPayloadLength=" + context.maxPayloadLength() +
                " does not fit blockSize=" + queue.blockSize() + ": an excerpt is mapped contiguously over " +
                queue.overlapSize() + " bytes, which holds payloads up to " + (window - RecordHeader.LENGTH) +
                " bytes; raise blockSize (the window is a quarter of it) or lower maxPayloadLength");
        }
        return (int)window;
    }

    private static long findLastSequence(final SingleChronicleQueue queue)
    {
        final ExcerptRecords records = new ExcerptRecords();
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            for (int i = 0; i < LAST_RECORD_SEARCH_LIMIT; i++)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return 0;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    records.wrap(bytes.addressForRead(bytes.readPosition()), bytes.readRemaining());
                    long last = -1;
                    int next;
                    while ((next = records.next()) > 0)
                    {
                        last = records.header().sequence();
                    }
                    if (next == ExcerptRecords.END && last >= 0)
                    {
                        return last;
                    }
                }
            }
        }
        throw new IllegalStateException(
            "no valid record in the last " + LAST_RECORD_SEARCH_LIMIT + " excerpts of " + queue.fileAbsolutePath());
    }
}
