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
    /** The scan ended before the last excerpt Chronicle knows of. */
    SCAN_STOPPED_EARLY
}
