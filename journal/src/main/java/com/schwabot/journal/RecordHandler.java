/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import org.agrona.DirectBuffer;

/**
 * Receives journal records from a {@link JournalTailer}. The buffer is a flyweight over the queue's mapped memory:
 * it is valid only for the duration of the call and must not be kept; copy what is needed.
 */
@FunctionalInterface
public interface RecordHandler
{
    /**
     * One record.
     *
     * @param sequence     journal sequence number.
     * @param ingressNanos ingress time in epoch nanoseconds.
     * @param source       source, see {@link JournalSource}.
     * @param flags        the application flags of the record (within {@link RecordHeader#APPLICATION_FLAGS_MASK}).
     * @param buffer       view holding the payload (an SBE frame).
     * @param offset       at which the payload starts in the buffer.
     * @param length       of the payload.
     * @param index        Chronicle index of the excerpt holding the record.
     */
    void onRecord(
        long sequence,
        long ingressNanos,
        long source,
        int flags,
        DirectBuffer buffer,
        int offset,
        int length,
        long index);
}
