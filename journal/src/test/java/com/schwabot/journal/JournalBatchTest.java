/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batches: several records in one excerpt. Everything a reader does with single-record excerpts must work the same
 * with batches mixed in: read back in order, position at any sequence, resume after an index, verify, find the last
 * sequence when reopened, and a batch is written whole or not at all.
 */
class JournalBatchTest
{
    private static final int RECORDS = 20_000;

    @TempDir
    Path dir;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);

    @Test
    void shouldReadBackMixedSinglesAndBatchesAndPositionAtEverySequence()
    {
        final List<Long> excerptFirstSequences = new ArrayList<>();
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            final JournalAppender appender = journal.appender();
            writeMixed(appender, new Random(42), RECORDS, excerptFirstSequences);
            assertThat(appender.lastSequence()).isEqualTo(RECORDS);
            assertThat(excerptFirstSequences.size()).as("excerpts").isLessThan(RECORDS / 4);

            final RecordChecker all = new RecordChecker(1, true);
            assertThat(journal.replay(0, all)).isEqualTo(RECORDS);
            assertThat(all.firstMismatch()).isNull();

            final VerifyReport report = journal.verify();
            assertThat(report.problems()).isEmpty();
            assertThat(report.recordCount()).isEqualTo(RECORDS);
            assertThat(report.validRecordCount()).isEqualTo(RECORDS);
            assertThat(journal.stats().recordCount()).isEqualTo(RECORDS);

            final Random random = new Random(7);
            for (int i = 0; i < 300; i++)
            {
                final long from = 1 + random.nextInt(RECORDS);
                final RecordChecker tail = new RecordChecker(from, true);
                try (JournalTailer tailer = journal.tailer())
                {
                    assertThat(tailer.moveToSequence(from)).isTrue();
                    assertThat(tailer.poll(tail, 1)).as("a poll delivers at least one record").isPositive();
                }
                assertThat(tail.firstMismatch()).as("from %d: the first record delivered is that sequence", from)
                    .isNull();
            }
        }
        try (Journal reopened = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            assertThat(reopened.lastSequence()).as("the last sequence of a batch, found at open").isEqualTo(RECORDS);
            assertThat(TestRecords.appendNext(reopened.appender(), scratch)).isEqualTo(RECORDS + 1);
        }
    }

    @ParameterizedTest(name = "damaged to {0}")
    @ValueSource(longs = {0L, -1L, 0x00FF_FFFF_FFFF_FFFFL})
    void shouldPositionAtEveryIntactSequenceAroundARecordWhoseSequenceWasDamaged(final long damaged)
    {
        final int records = 2_000;
        final List<Long> excerptFirstSequences = new ArrayList<>();
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            writeMixed(journal.appender(), new Random(11), records, excerptFirstSequences);
        }
        final long victim = excerptFirstSequences.get(excerptFirstSequences.size() / 2);
        final QueueFiles.Location location = QueueFiles.findRecord(dir, victim);
        QueueFiles.write(location, RecordHeader.SEQUENCE_OFFSET,
            ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(damaged).array());

        try (Journal journal = Journal.openReadOnly(dir))
        {
            final List<Long> all = new ArrayList<>();
            journal.replay(1, (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
                all.add(sequence));
            assertThat(all).as("every record, the damaged one where it lies").hasSize(records);
            assertThat(all.get((int)victim - 1)).isEqualTo(damaged);

            final List<String> misplaced = new ArrayList<>();
            for (long f = 1; f <= records; f++)
            {
                final long from = f;
                if (from == victim)
                {
                    continue;
                }
                final List<Long> delivered = new ArrayList<>();
                try (JournalTailer tailer = journal.tailer())
                {
                    tailer.moveToSequence(from);
                    tailer.poll((sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
                        delivered.add(sequence), 50);
                }
                final List<Long> intact = delivered.stream().filter((sequence) -> sequence != damaged).toList();
                if (intact.isEmpty() || intact.get(0) != from || intact.stream().anyMatch((s) -> s < from))
                {
                    misplaced.add(from + " -> " + delivered.subList(0, Math.min(3, delivered.size())));
                }
            }
            assertThat(misplaced).as("from sequence -> first sequences delivered (damaged: %d)", victim).isEmpty();
        }
    }

    @Test
    void shouldDeliverWholeExcerptsSoAResumeAfterTheLastIndexLosesAndRepeatsNothing()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            writeMixed(journal.appender(), new Random(3), 5_000, new ArrayList<>());
            final RecordChecker checker = new RecordChecker(1, true);
            long resumeAfter = -1;
            while (true)
            {
                try (JournalTailer tailer = journal.tailer())
                {
                    if (resumeAfter >= 0)
                    {
                        assertThat(tailer.afterIndex(resumeAfter)).isTrue();
                    }
                    final int delivered = tailer.poll(checker, 7);
                    if (0 == delivered)
                    {
                        break;
                    }
                    resumeAfter = tailer.lastIndex();
                }
            }
            assertThat(checker.firstMismatch()).isNull();
            assertThat(checker.count()).isEqualTo(5_000);
        }
    }

    @Test
    void shouldWriteNothingOfAnAbortedOrFailedBatchAndReuseItsSequences()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            final JournalAppender appender = journal.appender();
            TestRecords.appendNext(appender, scratch);
            appender.beginBatch();
            assertThat(add(appender, 2)).isEqualTo(2);
            assertThat(add(appender, 3)).isEqualTo(3);
            appender.abortBatch();
            assertThat(appender.lastSequence()).isEqualTo(1);

            appender.beginBatch();
            assertThat(add(appender, 2)).isEqualTo(2);
            assertThatThrownBy(() -> appender.add(scratch, 0, 10, 0, 0, 0x8000_0000))
                .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(appender::commitBatch).as("the failure aborted the batch")
                .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> add(appender, 2)).isInstanceOf(IllegalStateException.class);

            appender.beginBatch();
            assertThatThrownBy(appender::beginBatch).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> TestRecords.appendNext(appender, scratch))
                .as("no single append inside a batch").isInstanceOf(IllegalStateException.class);
            assertThat(appender.commitBatch()).as("an empty batch writes nothing").isEqualTo(1);

            appender.beginBatch();
            add(appender, 2);
            add(appender, 3);
            assertThat(appender.commitBatch()).isEqualTo(3);

            final RecordChecker checker = new RecordChecker(1, true);
            assertThat(journal.replay(0, checker)).isEqualTo(3);
            assertThat(checker.firstMismatch()).isNull();
            assertThat(journal.verify().problems()).isEmpty();
        }
    }

    @Test
    void shouldSplitWhereTheBatchCapacityEndsAndReportADamagedRecordInsideABatch()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, TestRecords.clock())))
        {
            final JournalAppender appender = journal.appender();
            assertThat(appender.batchCapacity()).isEqualTo(64 * 1024);
            appender.beginBatch();
            long sequence = 1;
            int inFirst = 0;
            while (appender.fits(TestRecords.payloadLength(sequence)))
            {
                add(appender, sequence++);
                inFirst++;
            }
            final long next = sequence;
            assertThatThrownBy(() -> add(appender, next)).as("past the capacity")
                .isInstanceOf(IllegalArgumentException.class);
            assertThat(appender.lastSequence()).as("the failed add aborted the batch").isZero();
            assertThat(inFirst).isGreaterThan(500);
            appender.beginBatch();
            for (long s = 1; s <= inFirst; s++)
            {
                add(appender, s);
            }
            assertThat(appender.commitBatch()).isEqualTo(inFirst);
            final long firstIndex = journal.firstIndex();
            assertThat(journal.lastIndex()).as("one excerpt").isEqualTo(firstIndex);

            // Damage the third record's magic inside the excerpt.
            try (JournalTailer tailer = journal.tailer())
            {
                final long[] address = new long[1];
                tailer.poll((seq, in, src, fl, buffer, offset, length, index) ->
                {
                    if (3 == seq)
                    {
                        address[0] = buffer.addressOffset();
                    }
                }, 1);
                new UnsafeBuffer(address[0], RecordHeader.LENGTH).putInt(4, 0xBAD);
            }
            final VerifyReport report = journal.verify();
            assertThat(report.problems()).hasSize(1);
            assertThat(report.problems().get(0).kind()).isEqualTo(ProblemKind.BAD_MAGIC);
            final RecordChecker checker = new RecordChecker(1, true);
            try (JournalTailer tailer = journal.tailer())
            {
                assertThat(tailer.poll(checker, 1_000)).as("a damaged excerpt is skipped whole").isZero();
                assertThat(tailer.skippedRecords()).isEqualTo(1);
            }
            assertThat(checker.firstMismatch()).isNull();
        }
    }

    private long add(final JournalAppender appender, final long sequence)
    {
        final int length = TestRecords.writePayload(scratch, 0, sequence);
        return appender.add(scratch, 0, length, TestRecords.ingressNanos(sequence), TestRecords.source(sequence),
            TestRecords.applicationFlags(sequence));
    }

    private void writeMixed(
        final JournalAppender appender, final Random random, final int records, final List<Long> excerpts)
    {
        long sequence = 1;
        while (sequence <= records)
        {
            excerpts.add(sequence);
            if (random.nextInt(10) == 0)
            {
                assertThat(TestRecords.appendNext(appender, scratch)).isEqualTo(sequence++);
                continue;
            }
            final int size = 1 + random.nextInt(40);
            appender.beginBatch();
            for (int i = 0; i < size && sequence <= records; i++)
            {
                assertThat(add(appender, sequence)).isEqualTo(sequence);
                sequence++;
            }
            assertThat(appender.commitBatch()).isEqualTo(sequence - 1);
        }
    }
}
