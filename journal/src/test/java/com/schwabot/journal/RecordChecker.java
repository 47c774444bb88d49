/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import org.agrona.DirectBuffer;

/**
 * A {@link RecordHandler} that checks each record against {@link TestRecords} and that sequences run contiguously
 * from an expected first one and indexes increase (or, where records share excerpts, never decrease). It allocates
 * only to describe the first mismatch.
 */
final class RecordChecker implements RecordHandler
{
    private final boolean sharedExcerpts;
    private long expectedSequence;
    private long count;
    private long lastIndex = -1;
    private String firstMismatch;

    RecordChecker(final long firstSequence)
    {
        this(firstSequence, false);
    }

    RecordChecker(final long firstSequence, final boolean sharedExcerpts)
    {
        this.expectedSequence = firstSequence;
        this.sharedExcerpts = sharedExcerpts;
    }

    public void onRecord(
        final long sequence,
        final long ingressNanos,
        final long source,
        final int flags,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long index)
    {
        count++;
        if (null == firstMismatch)
        {
            if (sequence != expectedSequence)
            {
                firstMismatch = "record " + count + ": sequence " + sequence + ", expected " + expectedSequence;
            }
            else if (ingressNanos != TestRecords.ingressNanos(sequence) ||
                source != TestRecords.source(sequence) ||
                flags != TestRecords.applicationFlags(sequence))
            {
                firstMismatch = "sequence " + sequence + ": ingress " + ingressNanos + " source " + source +
                    " flags " + flags;
            }
            else if (!TestRecords.payloadMatches(buffer, offset, length, sequence))
            {
                firstMismatch = "sequence " + sequence + ": payload of " + length + " bytes differs";
            }
            else if (sharedExcerpts ? index < lastIndex : index <= lastIndex)
            {
                firstMismatch = "sequence " + sequence + ": index 0x" + Long.toHexString(index) +
                    " after 0x" + Long.toHexString(lastIndex);
            }
        }
        expectedSequence = sequence + 1;
        lastIndex = index;
    }

    long count()
    {
        return count;
    }

    long nextExpectedSequence()
    {
        return expectedSequence;
    }

    String firstMismatch()
    {
        return firstMismatch;
    }
}
