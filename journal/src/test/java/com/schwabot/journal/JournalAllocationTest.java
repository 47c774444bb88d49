/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot path allocates nothing per record: after warm-up, the bytes the calling thread allocates while appending
 * N records, and while polling them back, stay under a small fixed allowance for Chronicle's occasional internal
 * bookkeeping, which one byte per record would exceed many times over.
 */
class JournalAllocationTest
{
    private static final int WARM_UP_ROUNDS = 5;
    private static final int RECORDS_PER_ROUND = 20_000;
    private static final int MEASURED_RECORDS = 200_000;
    private static final long ALLOWED_BYTES = 8 * 1024;

    @TempDir
    Path dir;

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    void shouldAllocateNothingPerRecordWhenAppendingOrPolling()
    {
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        final UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(TestRecords.MAX_PAYLOAD_LENGTH));
        final RecordChecker checker = new RecordChecker(1);

        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock()));
            JournalTailer tailer = journal.tailer())
        {
            final JournalAppender appender = journal.appender();
            for (int round = 0; round < WARM_UP_ROUNDS; round++)
            {
                append(appender, scratch, RECORDS_PER_ROUND);
                poll(tailer, checker, RECORDS_PER_ROUND);
            }
            threads.getCurrentThreadAllocatedBytes();

            final long beforeAppend = threads.getCurrentThreadAllocatedBytes();
            append(appender, scratch, MEASURED_RECORDS);
            final long appendBytes = threads.getCurrentThreadAllocatedBytes() - beforeAppend;

            final long beforePoll = threads.getCurrentThreadAllocatedBytes();
            final long polled = poll(tailer, checker, MEASURED_RECORDS);
            final long pollBytes = threads.getCurrentThreadAllocatedBytes() - beforePoll;

            assertThat(polled).isEqualTo(MEASURED_RECORDS);
            assertThat(checker.firstMismatch()).isNull();
            assertThat(appendBytes).as("bytes allocated appending %d records", MEASURED_RECORDS)
                .isLessThanOrEqualTo(ALLOWED_BYTES);
            assertThat(pollBytes).as("bytes allocated polling %d records", MEASURED_RECORDS)
                .isLessThanOrEqualTo(ALLOWED_BYTES);
        }
    }

    @Test
    void shouldAllocateNothingPerRecordWhenAppendingBatchesOrPollingThem()
    {
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        final UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(TestRecords.MAX_PAYLOAD_LENGTH));
        final long[] seen = new long[2];
        final RecordHandler handler = (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
        {
            seen[0]++;
            seen[1] += TestRecords.payloadMatches(buffer, offset, length, sequence) ? 0 : 1;
        };

        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock()));
            JournalTailer tailer = journal.tailer())
        {
            final JournalAppender appender = journal.appender();
            for (int round = 0; round < WARM_UP_ROUNDS; round++)
            {
                appendBatches(appender, scratch, RECORDS_PER_ROUND);
                drain(tailer, handler, RECORDS_PER_ROUND);
            }
            threads.getCurrentThreadAllocatedBytes();

            final long beforeAppend = threads.getCurrentThreadAllocatedBytes();
            appendBatches(appender, scratch, MEASURED_RECORDS);
            final long appendBytes = threads.getCurrentThreadAllocatedBytes() - beforeAppend;

            final long beforePoll = threads.getCurrentThreadAllocatedBytes();
            final long polled = drain(tailer, handler, MEASURED_RECORDS);
            final long pollBytes = threads.getCurrentThreadAllocatedBytes() - beforePoll;

            assertThat(polled).isEqualTo(MEASURED_RECORDS);
            assertThat(seen[1]).as("records read back different").isZero();
            assertThat(appendBytes).as("bytes allocated appending %d records in batches", MEASURED_RECORDS)
                .isLessThanOrEqualTo(ALLOWED_BYTES);
            assertThat(pollBytes).as("bytes allocated polling %d batched records", MEASURED_RECORDS)
                .isLessThanOrEqualTo(ALLOWED_BYTES);
        }
    }

    private static void appendBatches(final JournalAppender appender, final UnsafeBuffer scratch, final int records)
    {
        for (int i = 0; i < records; i += 32)
        {
            appender.beginBatch();
            for (int k = 0; k < 32; k++)
            {
                final long sequence = appender.lastSequence() + 1 + k;
                final int length = TestRecords.writePayload(scratch, 0, sequence);
                appender.add(scratch, 0, length, TestRecords.ingressNanos(sequence), TestRecords.source(sequence),
                    TestRecords.applicationFlags(sequence));
            }
            appender.commitBatch();
        }
    }

    private static long drain(final JournalTailer tailer, final RecordHandler handler, final int records)
    {
        long polled = 0;
        while (polled < records)
        {
            final int delivered = tailer.poll(handler, 1000);
            if (0 == delivered)
            {
                break;
            }
            polled += delivered;
        }
        return polled;
    }

    private static void append(final JournalAppender appender, final UnsafeBuffer scratch, final int records)
    {
        for (int i = 0; i < records; i++)
        {
            TestRecords.appendNext(appender, scratch);
        }
    }

    private static long poll(final JournalTailer tailer, final RecordChecker checker, final int records)
    {
        long polled = 0;
        while (polled < records)
        {
            final int delivered = tailer.poll(checker, 1000);
            if (0 == delivered)
            {
                break;
            }
            polled += delivered;
        }
        return polled;
    }
}
