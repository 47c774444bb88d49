/*
 * Schwabot journal.
 */
package com.schwabot.journal;

/**
 * What {@link JournalVerifier} found wrong with a journal.
 */
public enum ProblemKind
{
    /** Sequence numbers jumped forward: records are missing. */
    SEQUENCE_GAP,
    /** Sequence number did not increase: a duplicate or a regression. */
    SEQUENCE_REGRESSION,
    /** Excerpt shorter than a record header. */
    SHORT_EXCERPT,
    /** Excerpt longer than the window mapped contiguously with the block size the journal was opened with. */
    OVERSIZE_EXCERPT,
    /** Record header magic is not {@link RecordHeader#MAGIC}. */
    BAD_MAGIC,
    /** Record header version is not one this code reads. */
    BAD_VERSION,
    /** Frame length in the record header differs from the excerpt length. */
    LENGTH_MISMATCH,
    /** Payload shorter than an 8-byte SBE message header. */
    PAYLOAD_TOO_SHORT,
    /** SBE header block length larger than the SBE body in the payload. */
    BLOCK_LENGTH_OVERFLOW,
    /** CRC32C of the payload differs from the one in the record header. */
    CHECKSUM_MISMATCH,
    /** Chronicle could not read an excerpt (its exception is in the detail). */
    UNREADABLE_EXCERPT,
    /**
     * A queue file ends inside an excerpt (a crash on some file systems, a full disk, a partial copy): it was read
     * as if it ended before that excerpt; the detail names the file and the offsets.
     */
    TRUNCATED_FILE,
    /**
     * A queue file does not begin with Chronicle's queue header (zeros, another kind of file, overwritten bytes): it
     * was left out; the detail names the file and what it begins with.
     */
    NOT_A_QUEUE_FILE,
    /**
     * A queue file other than the last has no end-of-file mark (Chronicle's appender writes one into every file it
     * rolls from; only a journal's last file lacks it): readers stop at its end and never read the files after it. A
     * journal's last file copied or renamed under an earlier cycle's name, or another file under a later one, does
     * this; the detail names the file and those after it.
     */
    NO_END_OF_FILE_MARK,
    /**
     * A queue file holds only sequences at or before one that a file of an earlier cycle already holds: a copy of
     * another cycle's file, or a file renamed under another cycle's name (Chronicle's file header does not name the
     * cycle; the sequences tell). It is read where its name puts it; the detail names both files.
     */
    FILE_OUT_OF_ORDER,
    /**
     * A {@code .cq4} file whose name is not a cycle's file name ({@code 20261207F.cq4} for a daily journal), such as a
     * copy saved beside the journal's files ({@code 20261207F copy.cq4}): Chronicle places a queue file by its name
     * alone, and cannot open a journal holding one it cannot parse. It is left out; the detail names it.
     */
    MISNAMED_FILE,
    /** The scan ended before the last excerpt Chronicle knows of. */
    SCAN_STOPPED_EARLY
}
