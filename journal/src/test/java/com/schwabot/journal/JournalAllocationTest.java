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
        measure(JournalAllocationTest::append, false);
    }

    @Test
    void shouldAllocateNothingPerRecordWhenAppendingBatchesOrPollingThem()
    {
        measure(JournalAllocationTest::appendBatches, true);
    }

    /** Appends a number of records of {@link TestRecords} to a journal. */
    @FunctionalInterface
    private interface Appending
    {
        void append(JournalAppender appender, UnsafeBuffer scratch, int records);
    }

    private void measure(final Appending appending, final boolean batches)
    {
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);
        final UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(TestRecords.MAX_PAYLOAD_LENGTH));
        final RecordChecker checker = new RecordChecker(1, batches);

        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock()));
            JournalTailer tailer = journal.tailer())
        {
            final JournalAppender appender = journal.appender();
            for (int round = 0; round < WARM_UP_ROUNDS; round++)
            {
                appending.append(appender, scratch, RECORDS_PER_ROUND);
                poll(tailer, checker, RECORDS_PER_ROUND);
            }
            threads.getCurrentThreadAllocatedBytes();

            final long beforeAppend = threads.getCurrentThreadAllocatedBytes();
            appending.append(appender, scratch, MEASURED_RECORDS);
            final long appendBytes = threads.getCurrentThreadAllocatedBytes() - beforeAppend;

            final long beforePoll = threads.getCurrentThreadAllocatedBytes();
            final long polled = poll(tailer, checker, MEASURED_RECORDS);
            final long pollBytes = threads.getCurrentThreadAllocatedBytes() - beforePoll;

            assertThat(polled).isEqualTo(MEASURED_RECORDS);
            assertThat(checker.firstMismatch()).isNull();
            assertThat(appendBytes).as("bytes allocated appending %d records (batches: %s)", MEASURED_RECORDS, batches)
                .isLessThanOrEqualTo(ALLOWED_BYTES);
            assertThat(pollBytes).as("bytes allocated polling %d records (batches: %s)", MEASURED_RECORDS, batches)
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
