/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tailer on the test thread reads while an appender on another thread writes: every record is seen exactly once,
 * in order, with its content, and the tailer finishes once the appender is done and it has drained the rest.
 */
class JournalTailingTest
{
    private static final int RECORDS = 300_000;
    private static final int HALF_WAY = RECORDS / 2;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldSeeEveryRecordOnceInOrderWhileAnotherThreadAppends() throws InterruptedException
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            final AtomicBoolean writerDone = new AtomicBoolean();
            final AtomicLong readerProgress = new AtomicLong();
            final AtomicLong seenAtHalfWay = new AtomicLong();
            final AtomicReference<Throwable> writerFailure = new AtomicReference<>();
            final Thread writer = new Thread(
                () -> write(journal, readerProgress, seenAtHalfWay, writerDone, writerFailure), "journal-writer");

            final RecordChecker checker = new RecordChecker(1);
            try (JournalTailer tailer = journal.tailer())
            {
                writer.start();
                while (true)
                {
                    final boolean done = writerDone.get();
                    final int delivered = tailer.poll(checker, 256);
                    readerProgress.set(checker.count());
                    if (done && 0 == delivered)
                    {
                        break;
                    }
                    if (0 == delivered)
                    {
                        Thread.onSpinWait();
                    }
                }
                assertThat(tailer.skippedRecords()).isZero();
                assertThat(tailer.lastSequence()).isEqualTo(RECORDS);
            }
            writer.join();

            assertThat(writerFailure.get()).isNull();
            assertThat(checker.firstMismatch()).isNull();
            assertThat(checker.count()).isEqualTo(RECORDS);
            assertThat(checker.nextExpectedSequence()).isEqualTo(RECORDS + 1);
            assertThat(seenAtHalfWay.get()).as("records read while the writer was half way (the writer waits for one)")
                .isGreaterThan(0).isLessThanOrEqualTo(HALF_WAY);
            assertThat(journal.lastSequence()).isEqualTo(RECORDS);
        }
    }

    /**
     * Append every record; half way, wait until the reader has seen something, so reading and writing overlap
     * whatever the scheduler does.
     */
    private static void write(
        final Journal journal,
        final AtomicLong readerProgress,
        final AtomicLong seenAtHalfWay,
        final AtomicBoolean done,
        final AtomicReference<Throwable> failure)
    {
        try
        {
            final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);
            final JournalAppender appender = journal.appender();
            for (int i = 1; i <= RECORDS; i++)
            {
                TestRecords.appendNext(appender, scratch);
                if (i == HALF_WAY)
                {
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (readerProgress.get() == 0 && System.nanoTime() < deadline)
                    {
                        Thread.yield();
                    }
                    seenAtHalfWay.set(readerProgress.get());
                }
            }
        }
        catch (final Throwable ex)
        {
            failure.set(ex);
        }
        finally
        {
            done.set(true);
        }
    }
}
