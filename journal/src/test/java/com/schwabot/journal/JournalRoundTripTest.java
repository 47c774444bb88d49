/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRoundTripTest
{
    private static final int RECORDS = 1_000_000;

    @TempDir
    Path dir;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);

    @Test
    void shouldReadBackAMillionRecordsExactlyAsWritten()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            final JournalAppender appender = journal.appender();
            long previousIndex = -1;
            long badSequences = 0;
            long badIndexes = 0;
            for (long expected = 1; expected <= RECORDS; expected++)
            {
                final long sequence = TestRecords.appendNext(appender, scratch);
                badSequences += sequence == expected ? 0 : 1;
                badIndexes += appender.lastIndex() > previousIndex ? 0 : 1;
                previousIndex = appender.lastIndex();
            }
            assertThat(badSequences).as("appends that returned an unexpected sequence").isZero();
            assertThat(badIndexes).as("appends whose index did not increase").isZero();
            assertThat(journal.lastSequence()).isEqualTo(RECORDS);
            assertThat(journal.lastIndex()).isEqualTo(appender.lastIndex());

            final RecordChecker checker = new RecordChecker(1);
            try (JournalTailer tailer = journal.tailer())
            {
                while (tailer.poll(checker, 1000) > 0)
                {
                    assertThat(checker.firstMismatch()).isNull();
                }
                assertThat(tailer.poll(checker, 1000)).isZero();
                assertThat(tailer.lastSequence()).isEqualTo(RECORDS);
                assertThat(tailer.lastIndex()).isEqualTo(appender.lastIndex());
                assertThat(tailer.skippedRecords()).isZero();
            }
            assertThat(checker.firstMismatch()).isNull();
            assertThat(checker.count()).isEqualTo(RECORDS);
        }
    }

    @Test
    void shouldReplayFromASequenceAndFromAnIndex()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            final JournalAppender appender = journal.appender();
            long indexOf500 = -1;
            for (int i = 0; i < 1000; i++)
            {
                if (TestRecords.appendNext(appender, scratch) == 500)
                {
                    indexOf500 = appender.lastIndex();
                }
            }

            final RecordChecker fromSequence = new RecordChecker(250);
            assertThat(journal.replay(250, fromSequence)).isEqualTo(751);
            assertThat(fromSequence.firstMismatch()).isNull();

            final RecordChecker everything = new RecordChecker(1);
            assertThat(journal.replay(0, everything)).isEqualTo(1000);
            assertThat(everything.firstMismatch()).isNull();

            final RecordChecker fromIndex = new RecordChecker(500);
            assertThat(journal.replayFromIndex(indexOf500, fromIndex)).isEqualTo(501);
            assertThat(fromIndex.firstMismatch()).isNull();

            assertThat(journal.replay(1001, new RecordChecker(1001))).isZero();
            assertThat(journal.replayFromIndex(appender.lastIndex() + 1, new RecordChecker(1))).isZero();
        }
    }
}
