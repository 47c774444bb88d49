/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Positioning tailers by sequence and resuming them by index over a journal that spans several minutely roll cycles,
 * with an empty minute between two of them, and a damaged excerpt inside one cycle.
 */
class JournalResumeTest
{
    private static final long MINUTE_MS = 60_000;
    private static final int PER_CYCLE = 25;
    private static final int CYCLES = 4;
    private static final int RECORDS = PER_CYCLE * CYCLES;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = TestRecords.clock();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);
    private final long[] indexOf = new long[RECORDS + 1];

    @BeforeEach
    void writeSeveralCycles()
    {
        try (Journal journal = open())
        {
            final JournalAppender appender = journal.appender();
            for (int cycle = 0; cycle < CYCLES; cycle++)
            {
                for (int i = 0; i < PER_CYCLE; i++)
                {
                    final long sequence = TestRecords.appendNext(appender, scratch);
                    indexOf[(int)sequence] = appender.lastIndex();
                    if (cycle == 2 && i == 10)
                    {
                        RawQueue.appendExcerpt(journal, new byte[RecordHeader.LENGTH]);
                    }
                }
                clock.advanceMillis(cycle == 1 ? 2 * MINUTE_MS : MINUTE_MS);
            }
        }
    }

    @Test
    void shouldWriteOneFilePerMinute()
    {
        assertThat(QueueFiles.cycleFiles(dir)).hasSize(CYCLES);
        try (Journal journal = open())
        {
            final int firstCycle = journal.queue().rollCycle().toCycle(indexOf[1]);
            assertThat(journal.queue().rollCycle().toCycle(indexOf[RECORDS])).isEqualTo(firstCycle + CYCLES);
        }
    }

    @Test
    void shouldMoveToEverySequence()
    {
        try (Journal journal = open(); JournalTailer tailer = journal.tailer())
        {
            for (long sequence = 1; sequence <= RECORDS; sequence++)
            {
                assertThat(tailer.moveToSequence(sequence)).as("move to %d", sequence).isTrue();
                final RecordChecker checker = new RecordChecker(sequence);
                assertThat(tailer.poll(checker, 1)).isEqualTo(1);
                assertThat(checker.firstMismatch()).as("sequence %d", sequence).isNull();
                assertThat(tailer.lastIndex()).isEqualTo(indexOf[(int)sequence]);
            }
        }
    }

    @Test
    void shouldMoveBeforeTheFirstAndPastTheLastSequence()
    {
        try (Journal journal = open(); JournalTailer tailer = journal.tailer())
        {
            assertThat(tailer.moveToSequence(0)).isTrue();
            assertThat(tailer.poll(new RecordChecker(1), 1)).isEqualTo(1);

            assertThat(tailer.moveToSequence(RECORDS + 1)).isFalse();
            assertThat(tailer.poll(new RecordChecker(1), 1)).isZero();

            assertThat(tailer.moveToSequence(RECORDS)).isTrue();
            final RecordChecker checker = new RecordChecker(RECORDS);
            assertThat(tailer.poll(checker, 10)).isEqualTo(1);
            assertThat(checker.firstMismatch()).isNull();
        }
    }

    @Test
    void shouldResumeAfterEveryIndex()
    {
        try (Journal journal = open(); JournalTailer tailer = journal.tailer())
        {
            for (int sequence = 1; sequence < RECORDS; sequence++)
            {
                assertThat(tailer.afterIndex(indexOf[sequence])).as("after %d", sequence).isTrue();
                final RecordChecker checker = new RecordChecker(sequence + 1);
                assertThat(tailer.poll(checker, 1)).isEqualTo(1);
                assertThat(checker.firstMismatch()).as("after %d", sequence).isNull();
            }
            assertThat(tailer.afterIndex(indexOf[RECORDS])).isTrue();
            assertThat(tailer.poll(new RecordChecker(1), 1)).isZero();
            assertThat(tailer.afterIndex(indexOf[RECORDS] + 1)).as("an index past the end").isFalse();
        }
    }

    @Test
    void shouldResumeFromAPersistedIndexAfterAReopenAndMoreCycles()
    {
        final long savedIndex;
        try (Journal journal = open(); JournalTailer tailer = journal.tailer())
        {
            final RecordChecker checker = new RecordChecker(1);
            assertThat(tailer.poll(checker, 40)).isEqualTo(40);
            savedIndex = tailer.lastIndex();
            assertThat(tailer.lastSequence()).isEqualTo(40);
        }
        clock.advanceMillis(5 * MINUTE_MS);
        try (Journal journal = open())
        {
            for (int i = 0; i < 10; i++)
            {
                TestRecords.appendNext(journal.appender(), scratch);
            }
        }
        try (Journal journal = open(); JournalTailer tailer = journal.tailer())
        {
            assertThat(tailer.afterIndex(savedIndex)).isTrue();
            final RecordChecker checker = new RecordChecker(41);
            while (tailer.poll(checker, 7) > 0)
            {
                assertThat(checker.firstMismatch()).isNull();
            }
            assertThat(checker.count()).isEqualTo(RECORDS + 10 - 40);
            assertThat(checker.nextExpectedSequence()).isEqualTo(RECORDS + 11);
            assertThat(tailer.skippedRecords()).as("the damaged excerpt in the third cycle").isEqualTo(1);
        }
    }

    private Journal open()
    {
        return Journal.open(TestRecords.context(dir, clock).rollCycle(JournalRollCycle.MINUTELY));
    }
}
