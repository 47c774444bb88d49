/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.util.zip.CRC32C;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Appends records to a {@link Journal}: writes the {@link RecordHeader} and copies the payload straight into the
 * excerpt's mapped memory. Allocation-free in steady state; never reads a clock (the ingress time comes from the
 * caller).
 * <p>
 * A record is one excerpt ({@link #append}), or several records share one excerpt ({@link #beginBatch()},
 * {@link #add}, {@link #commitBatch()}): back to back, each with its own header, sequence and checksum, committed
 * together or not at all. One excerpt costs Chronicle's fixed per-excerpt work (header, index, commit) once for the
 * whole batch: the business thread journals a Disruptor batch this way before acting on any of it.
 * <p>
 * The payload's checksum is computed from the caller's buffer (whose bounds the copy checked), and nothing reads the
 * mapped memory back: where the file system cannot back a page of the mapping (a full disk under a sparse queue
 * file), writing it raises SIGBUS, which the JVM turns into an {@link InternalError} for the unsafe writes and copies
 * that Chronicle and Agrona do, but which kills the JVM in the CRC32C intrinsic's stub had it read that page.
 * <p>
 * Not thread-safe: one appender per journal, used by one thread (the business thread).
 */
public final class JournalAppender implements AutoCloseable
{
    private final ExcerptAppender appender;
    private final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
    private final RecordHeader header = new RecordHeader();
    private final CRC32C heapChecksum = new CRC32C();
    private final boolean checksum;
    private final int maxPayloadLength;
    private final int batchCapacity;
    private long lastSequence;
    private long lastIndex = -1;
    private final WriteMark writeMark = new WriteMark();
    private DocumentContext batch;
    private long batchSequence;
    private int batchBytes;
    private Bytes<?> writeBytes;
    private long writeEnd;

    JournalAppender(
        final ExcerptAppender appender, final long lastSequence, final JournalContext context, final int batchCapacity)
    {
        this.appender = appender;
        this.lastSequence = lastSequence;
        this.checksum = context.checksum();
        this.maxPayloadLength = context.maxPayloadLength();
        this.batchCapacity = batchCapacity;
    }

    /**
     * Hand this appender to another thread: the next thread to append becomes its one user as far as Chronicle's
     * check that a single thread uses it goes. For a caller that passes it between threads one at a time, each
     * handing it on with a happens-before edge (the JIT warm-up's business thread and its driver, through a ring's
     * sequences); never two threads at once: nothing here is thread-safe.
     */
    public void handOver()
    {
        appender.singleThreadedCheckReset();
    }

    /**
     * Append one record.
     *
     * @param buffer       holding the payload, an SBE frame (8-byte header then body).
     * @param offset       at which the payload starts.
     * @param length       of the payload in bytes.
     * @param ingressNanos ingress time in epoch nanoseconds, stamped by the caller.
     * @param source       source of the message, see {@link JournalSource}.
     * @return the sequence assigned to the record.
     * @throws IllegalArgumentException when the length is negative or above the configured maximum.
     */
    public long append(
        final DirectBuffer buffer, final int offset, final int length, final long ingressNanos, final long source)
    {
        return append(buffer, offset, length, ingressNanos, source, 0);
    }

    /**
     * Append one record with application flags.
     *
     * @param buffer           holding the payload, an SBE frame (8-byte header then body).
     * @param offset           at which the payload starts.
     * @param length           of the payload in bytes.
     * @param ingressNanos     ingress time in epoch nanoseconds, stamped by the caller.
     * @param source           source of the message, see {@link JournalSource}.
     * @param applicationFlags bits within {@link RecordHeader#APPLICATION_FLAGS_MASK}, stored as given.
     * @return the sequence assigned to the record.
     * @throws IllegalArgumentException when the length is negative or above the configured maximum, or a flag is
     *                                  outside the application mask.
     */
    public long append(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long ingressNanos,
        final long source,
        final int applicationFlags)
    {
        checkRecord(length, applicationFlags);

        if (null != batch)
        {
            throw new IllegalStateException("a batch is open: add to it or commit it first");
        }
        final long sequence = lastSequence + 1;
        try (DocumentContext dc = appender.writingDocument())
        {
            try
            {
                write(dc.wire().bytes(), buffer, offset, length, ingressNanos, source, applicationFlags, sequence);
            }
            catch (final Throwable ex)
            {
                dc.rollbackOnClose();
                throw ex;
            }
        }
        lastSequence = sequence;
        lastIndex = appender.lastIndexAppended();
        writeMark.publish(writeBytes, writeEnd);
        return sequence;
    }

    /**
     * Open a batch: the records {@link #add}ed until {@link #commitBatch()} go into one excerpt and become readable
     * together; {@link #abortBatch()} (or a failure while adding) drops them all and their sequences are reused.
     *
     * @throws IllegalStateException when a batch is already open.
     */
    public void beginBatch()
    {
        if (null != batch)
        {
            throw new IllegalStateException("a batch is already open");
        }
        batch = appender.writingDocument();
        batchSequence = lastSequence;
        batchBytes = 0;
    }

    /**
     * Whether a payload fits the open batch: an excerpt stays within {@link #batchCapacity()} bytes, except that an
     * empty batch takes any record the journal accepts.
     *
     * @param length payload length.
     * @return true when {@link #add} will take it.
     */
    public boolean fits(final int length)
    {
        return 0 == batchBytes || batchBytes + RecordHeader.LENGTH + (long)length <= batchCapacity;
    }

    /**
     * Largest excerpt a batch grows to, in bytes.
     *
     * @return the batch capacity.
     */
    public int batchCapacity()
    {
        return batchCapacity;
    }

    /**
     * Add a record to the open batch. On any failure the batch is aborted (nothing of it is written) and the
     * exception is rethrown.
     *
     * @param buffer           holding the payload, an SBE frame.
     * @param offset           at which the payload starts.
     * @param length           of the payload in bytes.
     * @param ingressNanos     ingress time in epoch nanoseconds.
     * @param source           source of the message.
     * @param applicationFlags bits within {@link RecordHeader#APPLICATION_FLAGS_MASK}.
     * @return the sequence the record will have once the batch is committed.
     * @throws IllegalStateException    when no batch is open.
     * @throws IllegalArgumentException when the length or flags are invalid, or the record does not {@link #fits}.
     */
    public long add(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long ingressNanos,
        final long source,
        final int applicationFlags)
    {
        if (null == batch)
        {
            throw new IllegalStateException("no batch is open");
        }
        try
        {
            checkRecord(length, applicationFlags);
            if (!fits(length))
            {
                throw new IllegalArgumentException("record of " + length + " bytes does not fit the batch (" +
                    batchBytes + " of " + batchCapacity + " bytes used)");
            }
            final long sequence = batchSequence + 1;
            write(batch.wire().bytes(), buffer, offset, length, ingressNanos, source, applicationFlags, sequence);
            batchSequence = sequence;
            batchBytes += RecordHeader.LENGTH + length;
            return sequence;
        }
        catch (final Throwable ex)
        {
            abortBatch();
            throw ex;
        }
    }

    /**
     * Commit the open batch as one excerpt (nothing when it holds no record).
     *
     * @return the sequence of the batch's last record (the last sequence when the batch was empty).
     * @throws IllegalStateException when no batch is open.
     */
    public long commitBatch()
    {
        final DocumentContext dc = batch;
        if (null == dc)
        {
            throw new IllegalStateException("no batch is open");
        }
        batch = null;
        if (0 == batchBytes)
        {
            dc.rollbackOnClose();
            dc.close();
            return lastSequence;
        }
        dc.close();
        lastSequence = batchSequence;
        lastIndex = appender.lastIndexAppended();
        writeMark.publish(writeBytes, writeEnd);
        return lastSequence;
    }

    /**
     * Drop the open batch: none of its records is written. Nothing when no batch is open.
     */
    public void abortBatch()
    {
        final DocumentContext dc = batch;
        if (null != dc)
        {
            batch = null;
            try
            {
                dc.rollbackOnClose();
            }
            finally
            {
                dc.close();
            }
        }
    }

    private void checkRecord(final int length, final int applicationFlags)
    {
        if ((applicationFlags & ~RecordHeader.APPLICATION_FLAGS_MASK) != 0)
        {
            throw new IllegalArgumentException("application flags 0x" + Integer.toHexString(applicationFlags) +
                " outside mask 0x" + Integer.toHexString(RecordHeader.APPLICATION_FLAGS_MASK));
        }
        if (length < 0 || length > maxPayloadLength)
        {
            throw new IllegalArgumentException("payload length " + length + " not in [0, " + maxPayloadLength + "]");
        }
    }

    /**
     * Write one record (header, then the payload copied from the caller's buffer) at the write position of an open
     * excerpt: the checksum is taken from the caller's buffer, never read back from the mapped page.
     */
    private void write(
        final Bytes<?> bytes,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long ingressNanos,
        final long source,
        final int applicationFlags,
        final long sequence)
    {
        final int frameLength = RecordHeader.LENGTH + length;
        final long position = bytes.writePosition();
        bytes.writeSkip(frameLength);
        final long address = bytes.addressForWrite(position);
        frame.wrap(address, frameLength);
        frame.putBytes(RecordHeader.LENGTH, buffer, offset, length);
        final int crc = checksum ? PayloadChecksum.compute(buffer, offset, length, heapChecksum) : 0;
        final int flags = (checksum ? RecordHeader.FLAG_CHECKSUM : 0) | applicationFlags;
        header.wrap(frame, 0).write(frameLength, flags, sequence, ingressNanos, source, crc);
        writeBytes = bytes;
        writeEnd = position + frameLength;
    }

    /**
     * Where this appender last committed, for a {@link JournalPretoucher} on another thread.
     *
     * @return the appender's write mark.
     */
    WriteMark writeMark()
    {
        return writeMark;
    }

    /**
     * Sequence of the last record appended (or found at open), 0 when none.
     *
     * @return the last sequence.
     */
    public long lastSequence()
    {
        return lastSequence;
    }

    /**
     * Chronicle index of the last record appended by this appender, -1 when none.
     *
     * @return the last index.
     */
    public long lastIndex()
    {
        return lastIndex;
    }

    /**
     * Close the Chronicle appender.
     */
    public void close()
    {
        abortBatch();
        appender.close();
    }
}
