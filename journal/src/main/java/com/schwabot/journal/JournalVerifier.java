/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Scans every excerpt of a journal and checks what a reader relies on: each excerpt holds one record, or several
 * back to back (a batch), each with the current magic and version, whose frame lengths tile the excerpt exactly;
 * each payload holds an SBE header whose block length fits, its CRC32C matches when present, and sequences run
 * contiguously. Damaged data never throws: it becomes a
 * {@link JournalProblem} saying where and what.
 */
final class JournalVerifier
{
    private final SingleChronicleQueue queue;
    private final int maxReportedProblems;
    private final int maxFrameLength;
    private final RecordHeader header = new RecordHeader();
    private final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
    private final RecordHeader nextHeader = new RecordHeader();
    private final UnsafeBuffer nextFrame = new UnsafeBuffer(0, 0);
    private final List<JournalProblem> problems = new ArrayList<>();
    private long problemsNotListed;
    private long recordCount;
    private long validRecordCount;
    private long previousSequence;

    JournalVerifier(final SingleChronicleQueue queue, final int maxReportedProblems, final int maxFrameLength)
    {
        this.queue = queue;
        this.maxReportedProblems = maxReportedProblems;
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * Scan the journal.
     *
     * @param damagedFiles the queue files found damaged when it was opened, reported first.
     * @param lastFileCut  whether the last queue file is read from a padded copy: its header and index name excerpts
     *                     past the cut, so Chronicle cannot find the last excerpt (it warns, and winds back to the
     *                     start), and the cut, already reported, is where the scan ends.
     * @return the report.
     */
    VerifyReport verify(final List<ReadOnlyView.Damage> damagedFiles, final boolean lastFileCut)
    {
        for (final ReadOnlyView.Damage damage : damagedFiles)
        {
            problem(damage.kind(), JournalProblem.UNKNOWN_CYCLE, JournalProblem.UNKNOWN_INDEX,
                JournalProblem.UNKNOWN_SEQUENCE, damage.detail());
        }
        final RollCycle rollCycle = queue.rollCycle();
        long lastScannedIndex = -1;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                final long indexBefore = tailer.index();
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    lastScannedIndex = dc.index();
                    check(dc.wire().bytes(), rollCycle.toCycle(lastScannedIndex), lastScannedIndex);
                }
                catch (final RuntimeException | InternalError ex)
                {
                    recordCount++;
                    problem(ProblemKind.UNREADABLE_EXCERPT, rollCycle.toCycle(indexBefore), indexBefore,
                        JournalProblem.UNKNOWN_SEQUENCE, ex.getClass().getSimpleName() + ": " + ex.getMessage());
                    break;
                }
            }
        }
        catch (final RuntimeException | InternalError ex)
        {
            problem(ProblemKind.UNREADABLE_EXCERPT, rollCycle.toCycle(Math.max(0, lastScannedIndex)),
                lastScannedIndex, JournalProblem.UNKNOWN_SEQUENCE,
                "scan failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return new VerifyReport(recordCount, validRecordCount, problems, problemsNotListed);
        }
        if (lastFileCut)
        {
            return new VerifyReport(recordCount, validRecordCount, problems, problemsNotListed);
        }
        final long lastIndex;
        try
        {
            lastIndex = queue.lastIndex();
        }
        catch (final RuntimeException | InternalError ex)
        {
            problem(ProblemKind.SCAN_STOPPED_EARLY, rollCycle.toCycle(Math.max(0, lastScannedIndex)),
                lastScannedIndex, JournalProblem.UNKNOWN_SEQUENCE,
                "the queue's last index cannot be read: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
            return new VerifyReport(recordCount, validRecordCount, problems, problemsNotListed);
        }
        if (lastIndex >= 0 && lastScannedIndex < lastIndex)
        {
            problem(ProblemKind.SCAN_STOPPED_EARLY, rollCycle.toCycle(lastIndex), lastIndex,
                JournalProblem.UNKNOWN_SEQUENCE, "last excerpt read was index 0x" + Long.toHexString(lastScannedIndex) +
                " but the queue's last index is 0x" + Long.toHexString(lastIndex));
        }
        return new VerifyReport(recordCount, validRecordCount, problems, problemsNotListed);
    }

    private void check(final Bytes<?> bytes, final int cycle, final long index)
    {
        final long length = bytes.readRemaining();
        if (length < RecordHeader.LENGTH)
        {
            recordCount++;
            problem(ProblemKind.SHORT_EXCERPT, cycle, index, JournalProblem.UNKNOWN_SEQUENCE,
                "excerpt of " + length + " bytes is shorter than the " + RecordHeader.LENGTH + "-byte record header");
            return;
        }
        if (length > maxFrameLength)
        {
            recordCount++;
            problem(ProblemKind.OVERSIZE_EXCERPT, cycle, index, JournalProblem.UNKNOWN_SEQUENCE,
                "excerpt of " + length + " bytes is longer than the " + maxFrameLength +
                " bytes mapped contiguously with this block size: reopen with a larger blockSize");
            return;
        }
        final long excerptAddress = bytes.addressForRead(bytes.readPosition());
        long position = 0;
        while (position < length && checkRecord(cycle, index, excerptAddress + position, length - position, position))
        {
            position += header.frameLength();
        }
    }

    /**
     * Check the record at a position of an excerpt.
     *
     * @return true when the record was readable and the next one follows it.
     */
    private boolean checkRecord(
        final int cycle, final long index, final long address, final long remaining, final long position)
    {
        recordCount++;
        if (remaining < RecordHeader.LENGTH)
        {
            problem(ProblemKind.SHORT_EXCERPT, cycle, index, JournalProblem.UNKNOWN_SEQUENCE, remaining +
                " bytes left at offset " + position + " of the excerpt, shorter than a record header");
            return false;
        }
        frame.wrap(address, (int)Math.min(remaining, Integer.MAX_VALUE));
        header.wrap(frame, 0);
        if (header.magic() != RecordHeader.MAGIC)
        {
            problem(ProblemKind.BAD_MAGIC, cycle, index, JournalProblem.UNKNOWN_SEQUENCE,
                "magic 0x" + Integer.toHexString(header.magic()) + ", expected 0x" +
                Integer.toHexString(RecordHeader.MAGIC) + at(position));
            return false;
        }
        if (header.version() != RecordHeader.CURRENT_VERSION)
        {
            problem(ProblemKind.BAD_VERSION, cycle, index, JournalProblem.UNKNOWN_SEQUENCE,
                "record version " + header.version() + ", this build reads " + RecordHeader.CURRENT_VERSION +
                at(position));
            return false;
        }
        final long sequence = header.sequence();
        final int frameLength = header.frameLength();
        if (frameLength < RecordHeader.LENGTH || frameLength > remaining ||
            (0 == position && frameLength != remaining && !followedByRecord(address, remaining, frameLength)))
        {
            problem(ProblemKind.LENGTH_MISMATCH, cycle, index, sequence, "header frame length " + frameLength +
                " but the excerpt holds " + remaining + " bytes" + (0 == position ? "" : " from offset " + position));
            return false;
        }
        checkSequence(cycle, index, sequence);
        frame.wrap(address, frameLength);
        header.wrap(frame, 0);
        if (checkPayload(cycle, index, sequence, address, frameLength - RecordHeader.LENGTH))
        {
            validRecordCount++;
        }
        return true;
    }

    /**
     * Whether the bytes after an excerpt's first record start another record: a batch. A single record whose
     * excerpt is longer than its frame length is a length mismatch.
     */
    private boolean followedByRecord(final long address, final long remaining, final int frameLength)
    {
        if (remaining - frameLength < RecordHeader.LENGTH)
        {
            return false;
        }
        nextFrame.wrap(address + frameLength, RecordHeader.LENGTH);
        return nextHeader.wrap(nextFrame, 0).isCurrentFormat();
    }

    private static String at(final long position)
    {
        return 0 == position ? "" : " (record at offset " + position + " of the excerpt)";
    }

    private void checkSequence(final int cycle, final long index, final long sequence)
    {
        if (previousSequence != 0 && sequence != previousSequence + 1)
        {
            if (sequence > previousSequence + 1)
            {
                problem(ProblemKind.SEQUENCE_GAP, cycle, index, sequence, "sequence jumped from " +
                    previousSequence + " to " + sequence + ": " + (sequence - previousSequence - 1) + " missing");
            }
            else
            {
                problem(ProblemKind.SEQUENCE_REGRESSION, cycle, index, sequence,
                    "sequence " + sequence + " follows " + previousSequence);
            }
        }
        previousSequence = sequence;
    }

    private boolean checkPayload(
        final int cycle, final long index, final long sequence, final long address, final int payloadLength)
    {
        if (payloadLength < SbeHeader.LENGTH)
        {
            problem(ProblemKind.PAYLOAD_TOO_SHORT, cycle, index, sequence,
                "payload of " + payloadLength + " bytes cannot hold an SBE header");
            return false;
        }
        final int blockLength = SbeHeader.blockLength(frame, RecordHeader.LENGTH);
        if (blockLength > payloadLength - SbeHeader.LENGTH)
        {
            problem(ProblemKind.BLOCK_LENGTH_OVERFLOW, cycle, index, sequence, "SBE block length " + blockLength +
                " exceeds the " + (payloadLength - SbeHeader.LENGTH) + " body bytes (template " +
                SbeHeader.templateId(frame, RecordHeader.LENGTH) + ")");
            return false;
        }
        if ((header.flags() & RecordHeader.FLAG_CHECKSUM) != 0)
        {
            final int crc = PayloadChecksum.compute(address, RecordHeader.LENGTH, payloadLength);
            if (crc != header.checksum())
            {
                problem(ProblemKind.CHECKSUM_MISMATCH, cycle, index, sequence, "payload CRC32C 0x" +
                    Integer.toHexString(crc) + " but the header says 0x" + Integer.toHexString(header.checksum()));
                return false;
            }
        }
        return true;
    }

    private void problem(
        final ProblemKind kind, final int cycle, final long index, final long sequence, final String detail)
    {
        if (problems.size() < maxReportedProblems)
        {
            problems.add(new JournalProblem(kind, cycle, index, sequence, detail));
        }
        else
        {
            problemsNotListed++;
        }
    }
}
