/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the queue files a reader reads against each other, in the order of their names (their cycles). Chronicle's
 * file header does not name the file's cycle: the name alone places it, so a file copied or renamed under another
 * cycle's name is read there without complaint. What it holds tells, since the journal's appender writes
 * sequences that only go up, across files and reopens, and Chronicle ends every file it rolls from with an
 * end-of-file mark:
 * <ul>
 * <li>a file other than the last without the mark (a journal's last file, copied or renamed to sit before another):
 * readers stop at its end and never read the files after it ({@link ProblemKind#NO_END_OF_FILE_MARK});</li>
 * <li>a file whose sequences, first to last, are all at or before a sequence an earlier file already holds (a copy
 * of an earlier cycle's file under a later name, or files whose names were swapped): its records come a second
 * time, or out of order ({@link ProblemKind#FILE_OUT_OF_ORDER}). A file whose first record only goes back (a
 * damaged sequence) is left to verify's record checks.</li>
 * </ul>
 * The files after one without the mark are not checked: no reader reaches them.
 * A single file renamed to another cycle, with none around it to disagree with, cannot be told and reads whole.
 */
final class CycleOrder
{
    private static final String COPIED = " (a file copied or renamed under another cycle's name, or from another " +
        "journal?)";

    private CycleOrder()
    {
    }

    /**
     * Check files against each other.
     *
     * @param files the files a reader reads (whole, or cut after a record), in the order of their names.
     * @return a finding per file out of its place; empty when there is none.
     */
    static List<ReadOnlyView.Finding> check(final List<QueueFileScan> files)
    {
        final List<ReadOnlyView.Finding> findings = new ArrayList<>();
        long highest = QueueFileScan.UNKNOWN_SEQUENCE;
        QueueFileScan highestFile = null;
        for (int i = 0; i < files.size(); i++)
        {
            final QueueFileScan file = files.get(i);
            if (i < files.size() - 1 && null == file.cut() && !file.endMark())
            {
                findings.add(unmarked(file, files.subList(i + 1, files.size())));
                break;
            }
            if (!file.hasSequences())
            {
                continue;
            }
            if (null != highestFile && file.lastSequence() <= highest)
            {
                findings.add(new ReadOnlyView.Finding(file.file(), ProblemKind.FILE_OUT_OF_ORDER,
                    " holds sequences " + file.firstSequence() + " to " + file.lastSequence() + ", but " +
                    highestFile.file().getFileName() + ", an earlier cycle's file, already reached sequence " +
                    highest + COPIED, "; it is read where its name puts it, so those sequences come twice or out of " +
                    "order", null, false));
            }
            if (file.lastSequence() > highest)
            {
                highest = file.lastSequence();
                highestFile = file;
            }
        }
        return findings;
    }

    private static ReadOnlyView.Finding unmarked(final QueueFileScan file, final List<QueueFileScan> after)
    {
        final String next = after.get(0).file().getFileName().toString();
        final String following = after.size() == 1 ? next + " follows it" :
            after.size() + " later files follow it (" + next + " to " +
            after.get(after.size() - 1).file().getFileName() + ")";
        return new ReadOnlyView.Finding(file.file(), ProblemKind.NO_END_OF_FILE_MARK,
            " has no end-of-file mark, which every file but a journal's last has, yet " + following +
            ": readers stop at its end and never read " + (after.size() == 1 ? "it" : "them") + COPIED, "", null,
            false);
    }
}
