/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.nio.file.Path;
import java.text.ParseException;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads records from a {@link Journal} in order and hands them to a {@link RecordHandler} as flyweight views over
 * the mapped queue memory: no copy, no allocation per record. An excerpt holds one record or a batch of them (see
 * {@link JournalAppender#beginBatch()}); a poll delivers whole excerpts, so every record of an excerpt shares its
 * Chronicle index and {@link #lastIndex()} always names an excerpt delivered in full. An excerpt whose records do
 * not tile it exactly (bad magic or version, a length mismatch anywhere in it, longer than
 * {@link Journal#maxFrameLength()}) is skipped whole and counted once: a damaged batch loses its sound records too,
 * and {@link Journal#verify()} says what is wrong with it. A record whose payload does not match the CRC32C in its
 * header is not delivered either, and is counted ({@link #checksumFailures()}): a replay never acts on bytes that
 * changed after they were journaled.
 * <p>
 * A tailer can persist {@link #lastIndex()} and later resume with {@link #afterIndex(long)}. Not thread-safe:
 * use a tailer from one thread; other threads may append to the journal meanwhile.
 */
public final class JournalTailer implements AutoCloseable
{
    private static final int DRAIN_BATCH = 4096;

    private final SingleChronicleQueue queue;
    private final Path directory;
    private final ExcerptTailer tailer;
    private final ExcerptRecords records = new ExcerptRecords();
    private final long[] span = new long[2];
    private final int maxFrameLength;
    private long skipBelowSequence;
    private long checksumFailures;
    private long lastIndex = -1;
    private long lastSequence;
    private long skippedRecords;

    JournalTailer(
        final SingleChronicleQueue queue, final Path directory, final ExcerptTailer tailer, final int maxFrameLength)
    {
        this.queue = queue;
        this.directory = directory;
        this.tailer = tailer;
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * Let another thread take this tailer over: Chronicle checks that one thread uses a tailer and takes the first
     * thread that touches it as its owner, so a tailer opened and positioned on one thread, then polled on another
     * (a service's own thread), must be handed over in between. Call it on the first thread, after its last use.
     */
    public void handOver()
    {
        tailer.singleThreadedCheckReset();
    }

    /**
     * Position at the first record of the journal.
     *
     * @return this for a fluent API.
     */
    public JournalTailer toStart()
    {
        skipBelowSequence = 0;
        tailer.toStart();
        return this;
    }

    /**
     * Position so that the next poll delivers the record at a Chronicle index.
     *
     * @param index Chronicle index.
     * @return true when the index exists.
     */
    public boolean moveToIndex(final long index)
    {
        skipBelowSequence = 0;
        return tailer.moveToIndex(index);
    }

    /**
     * Resume after a record already processed: the next poll delivers the record following the index.
     *
     * @param index Chronicle index of the last record processed, as given by {@link #lastIndex()}.
     * @return true when the index exists.
     */
    public boolean afterIndex(final long index)
    {
        skipBelowSequence = 0;
        if (!tailer.moveToIndex(index))
        {
            return false;
        }
        try (DocumentContext dc = tailer.readingDocument())
        {
            return dc.isPresent();
        }
    }

    /**
     * Position so that the next poll delivers the first record whose sequence is at least the given one (records
     * before it are passed over); from the record of that very sequence on, every record is delivered, whatever its
     * sequence, so a record whose sequence was damaged shows where it lies instead of vanishing. Finds the roll
     * cycle holding it, jumps to the index predicted by one record per excerpt, and when that misses (batched
     * excerpts) searches the indexes between the cycle's start and the prediction by the first sequence of each
     * excerpt, then steps forward (from the cycle's start when a damaged sequence misled the search).
     *
     * @param sequence to position at.
     * @return true when such a record exists; false leaves the tailer at the end.
     */
    public boolean moveToSequence(final long sequence)
    {
        final RollCycle rollCycle = queue.rollCycle();
        int cycle = queue.firstCycle();
        final int lastCycle = queue.lastCycle();
        long startIndex = -1;
        long startSequence = -1;
        while (cycle <= lastCycle && cycle != Integer.MAX_VALUE && cycle >= 0)
        {
            final long firstIndex = rollCycle.toIndex(cycle, 0);
            final long firstSequence = peekSequence(firstIndex);
            if (firstSequence > sequence)
            {
                break;
            }
            if (firstSequence > 0)
            {
                startIndex = firstIndex;
                startSequence = firstSequence;
            }
            cycle = nextCycle(cycle);
        }

        skipBelowSequence = sequence;
        if (startIndex < 0)
        {
            tailer.toStart();
            return skipTo(sequence);
        }
        final long predicted = rollCycle.toIndex(rollCycle.toCycle(startIndex), sequence - startSequence);
        if (peekSequence(predicted) == sequence)
        {
            return tailer.moveToIndex(predicted);
        }
        final long found = searchBack(startIndex, predicted, sequence);
        tailer.moveToIndex(found > startIndex && !endsBefore(found - 1, sequence) ? startIndex : found);
        return skipTo(sequence);
    }

    /**
     * Deliver up to a limit of records that are available now.
     *
     * @param handler receiving the records.
     * @param limit   largest number of records to deliver.
     * @return the number of records delivered, 0 when none was available.
     * @throws JournalDamagedException when a queue file faults when read (shorter than its contents say).
     */
    public int poll(final RecordHandler handler, final int limit)
    {
        try
        {
            return doPoll(handler, limit);
        }
        catch (final InternalError ex)
        {
            throw new JournalDamagedException("a queue file of " + directory +
                " faulted when read after index 0x" + Long.toHexString(lastIndex) + " (truncated?)", ex);
        }
    }

    private int doPoll(final RecordHandler handler, final int limit)
    {
        int delivered = 0;
        while (delivered < limit)
        {
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    break;
                }
                final Bytes<?> bytes = dc.wire().bytes();
                final long length = bytes.readRemaining();
                if (length > maxFrameLength)
                {
                    skippedRecords++;
                    continue;
                }
                final long address = bytes.addressForRead(bytes.readPosition());
                if (!tiles(address, length))
                {
                    skippedRecords++;
                    continue;
                }
                final long index = dc.index();
                records.wrap(address, length);
                lastIndex = index;
                int next;
                while ((next = records.next()) > 0)
                {
                    final RecordHeader header = records.header();
                    final long sequence = header.sequence();
                    if (skipBelowSequence > 0)
                    {
                        if (sequence < skipBelowSequence)
                        {
                            continue;
                        }
                        if (sequence == skipBelowSequence)
                        {
                            skipBelowSequence = 0;
                        }
                    }
                    if ((header.flags() & RecordHeader.FLAG_CHECKSUM) != 0 && header.checksum() !=
                        PayloadChecksum.compute(records.frame().addressOffset(), RecordHeader.LENGTH,
                        next - RecordHeader.LENGTH))
                    {
                        checksumFailures++;
                        continue;
                    }
                    lastSequence = sequence;
                    delivered++;
                    handler.onRecord(
                        sequence,
                        header.ingressNanos(),
                        header.source(),
                        header.flags() & RecordHeader.APPLICATION_FLAGS_MASK,
                        records.frame(),
                        RecordHeader.LENGTH,
                        next - RecordHeader.LENGTH,
                        index);
                }
            }
        }
        return delivered;
    }

    /**
     * Chronicle index of the last record delivered, -1 when none: persist it to resume with
     * {@link #afterIndex(long)}.
     *
     * @return the last delivered index.
     */
    public long lastIndex()
    {
        return lastIndex;
    }

    /**
     * Sequence of the last record delivered, 0 when none.
     *
     * @return the last delivered sequence.
     */
    public long lastSequence()
    {
        return lastSequence;
    }

    /**
     * Chronicle index the tailer reads next.
     *
     * @return the next index.
     */
    public long index()
    {
        return tailer.index();
    }

    /**
     * Excerpts skipped because they were not valid records.
     *
     * @return the count of skipped excerpts.
     */
    public long skippedRecords()
    {
        return skippedRecords;
    }

    /**
     * Records not delivered because their payload does not match the CRC32C in their header (a damaged disk, a stray
     * write): {@link Journal#verify()} names each.
     *
     * @return the count of such records.
     */
    public long checksumFailures()
    {
        return checksumFailures;
    }

    /**
     * Close the Chronicle tailer.
     */
    public void close()
    {
        tailer.close();
    }

    long drain(final RecordHandler handler)
    {
        long total = 0;
        int delivered;
        while ((delivered = poll(handler, DRAIN_BATCH)) > 0)
        {
            total += delivered;
        }
        return total;
    }

    /**
     * Sequence of an excerpt's first record, -1 when the index is not in the journal or its excerpt starts with no
     * valid record.
     */
    private long peekSequence(final long index)
    {
        if (!tailer.moveToIndex(index))
        {
            return -1;
        }
        try (DocumentContext dc = tailer.readingDocument())
        {
            return dc.isPresent() && span(dc.wire().bytes(), span) ? span[0] : -1;
        }
    }

    /**
     * Whether an excerpt holds valid records that all come before a sequence: what the excerpt before the one a
     * search found must do when the sequences it searched rise as they should. One damaged sequence can mislead the
     * search past the record wanted; the caller then walks the cycle from its start.
     */
    private boolean endsBefore(final long index, final long sequence)
    {
        if (!tailer.moveToIndex(index))
        {
            return false;
        }
        try (DocumentContext dc = tailer.readingDocument())
        {
            return dc.isPresent() && span(dc.wire().bytes(), span) && span[0] > 0 && span[1] < sequence;
        }
    }

    /**
     * Whether an excerpt's records tile it exactly: an excerpt is delivered whole or skipped whole.
     */
    private boolean tiles(final long address, final long length)
    {
        records.wrap(address, length);
        int next;
        do
        {
            next = records.next();
        }
        while (next > 0);
        return next == ExcerptRecords.END && length > 0;
    }

    private boolean span(final Bytes<?> bytes, final long[] firstAndLast)
    {
        final long length = bytes.readRemaining();
        if (length > maxFrameLength)
        {
            return false;
        }
        records.wrap(bytes.addressForRead(bytes.readPosition()), length);
        boolean any = false;
        while (records.next() > 0)
        {
            if (!any)
            {
                firstAndLast[0] = records.header().sequence();
                any = true;
            }
            firstAndLast[1] = records.header().sequence();
        }
        return any;
    }

    /**
     * Binary search of the excerpts from {@code low} to {@code high} (one cycle's) for the last one whose first
     * sequence is at most the target; a damaged or absent excerpt, or a sequence below 1 (sequences start at 1),
     * counts as past it. The caller steps forward
     * from the index found, so a miss costs time, not records.
     */
    private long searchBack(final long low, final long high, final long sequence)
    {
        long found = low;
        long lo = low + 1;
        long hi = high;
        while (lo <= hi)
        {
            final long mid = (lo + hi) >>> 1;
            final long first = peekSequence(mid);
            if (first > 0 && first <= sequence)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return found;
    }

    private boolean skipTo(final long sequence)
    {
        while (true)
        {
            final long before = tailer.index();
            long found = -1;
            try (DocumentContext dc = tailer.readingDocument())
            {
                if (!dc.isPresent())
                {
                    return false;
                }
                if (span(dc.wire().bytes(), span) && span[1] >= sequence)
                {
                    found = dc.index();
                }
            }
            if (found >= 0)
            {
                return tailer.moveToIndex(found);
            }
            if (before == tailer.index())
            {
                return false;
            }
        }
    }

    private int nextCycle(final int cycle)
    {
        try
        {
            return queue.nextCycle(cycle, TailerDirection.FORWARD);
        }
        catch (final ParseException ex)
        {
            return Integer.MAX_VALUE;
        }
    }
}
