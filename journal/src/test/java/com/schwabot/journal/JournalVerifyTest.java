/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalVerifyTest
{
    private static final int RECORDS = 100;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = TestRecords.clock();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);
    private final long[] indexOf = new long[RECORDS + 1];

    @Test
    void shouldReportASoundJournalAsOk()
    {
        writeRecords();
        try (Journal journal = Journal.openReadOnly(dir))
        {
            final VerifyReport report = journal.verify();

            assertThat(report.ok()).as(report.describe()).isTrue();
            assertThat(report.recordCount()).isEqualTo(RECORDS);
            assertThat(report.validRecordCount()).isEqualTo(RECORDS);
            assertThat(report.problems()).isEmpty();
            assertThat(report.problemCount()).isZero();
            assertThat(report.describe()).isEqualTo("OK records=100 valid=100 problems=0\n");
        }
    }

    @Test
    void shouldReportAPayloadDamagedOnDiskAsAChecksumMismatchAtItsRecord()
    {
        writeRecords();
        final QueueFiles.Location record = QueueFiles.findRecord(dir, 37);
        QueueFiles.flip(record, RecordHeader.LENGTH + SbeHeader.LENGTH + 5);

        try (Journal journal = Journal.openReadOnly(dir))
        {
            final VerifyReport report = journal.verify();

            assertThat(report.ok()).isFalse();
            assertThat(report.recordCount()).isEqualTo(RECORDS);
            assertThat(report.validRecordCount()).isEqualTo(RECORDS - 1);
            assertThat(report.problems()).hasSize(1);
            final JournalProblem problem = report.problems().get(0);
            assertThat(problem.kind()).isEqualTo(ProblemKind.CHECKSUM_MISMATCH);
            assertThat(problem.sequence()).isEqualTo(37);
            assertThat(problem.index()).isEqualTo(indexOf[37]);
            assertThat(problem.cycle()).isEqualTo(journal.queue().rollCycle().toCycle(indexOf[37]));
            assertThat(problem.describe()).matches(
                "CHECKSUM_MISMATCH cycle=\\d+ index=0x" + Long.toHexString(indexOf[37]) +
                " sequence=37: payload CRC32C 0x[0-9a-f]+ but the header says 0x[0-9a-f]+");
            assertThat(report.describe()).startsWith("DAMAGED records=100 valid=99 problems=1\nCHECKSUM_MISMATCH");

            final List<Long> read = new ArrayList<>();
            try (JournalTailer tailer = journal.tailer())
            {
                tailer.drain((sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
                    read.add(sequence));
                assertThat(tailer.checksumFailures()).isOne();
                assertThat(tailer.skippedRecords()).as("excerpts that are not records").isZero();
            }
            assertThat(read).as("every record but the damaged one").hasSize(RECORDS - 1).doesNotContain(37L)
                .contains(36L, 38L);
            final JournalStats stats = journal.stats();
            assertThat(stats.recordCount()).isEqualTo(RECORDS - 1);
            assertThat(stats.checksumFailures()).isOne();
        }
    }

    @Test
    void shouldDeliverWhatCanBeReadAndThenRefuseAWholeReadOverARecordThatFailsItsChecksum()
    {
        writeRecords();
        QueueFiles.flip(QueueFiles.findRecord(dir, 37), RecordHeader.LENGTH + SbeHeader.LENGTH + 5);

        try (Journal journal = Journal.openReadOnly(dir))
        {
            final List<Long> read = new ArrayList<>();
            assertThatThrownBy(() -> journal.replayWhole(10, (sequence, ingressNanos, source, flags, buffer, offset,
                length, index) -> read.add(sequence)))
                .isInstanceOf(JournalDamagedException.class)
                .hasMessage("journal " + dir + " cannot be read whole from sequence 10: 1 record(s) failed their " +
                    "checksum, 0 excerpt(s) were not records (`schwabot journal verify` names each)");
            assertThat(read).as("every record from 10 but the damaged one").hasSize(RECORDS - 10)
                .doesNotContain(37L).contains(10L, 36L, 38L, (long)RECORDS);

            assertThat(journal.replayWhole(38, (sequence, ingressNanos, source, flags, buffer, offset, length,
                index) -> { })).as("from after the damaged record").isEqualTo(RECORDS - 37);
        }
    }

    @Test
    void shouldSayWhereEveryReadStopsBeforeTheLastExcerptWhenAnExcerptHeaderIsDamaged()
    {
        writeRecords();
        try (Journal whole = Journal.openReadOnly(dir))
        {
            assertThat(whole.stats().unreadFromIndex()).as("a whole journal is read to its end").isEqualTo(-1);
        }
        final QueueFiles.Location record = QueueFiles.findRecord(dir, 60);
        final QueueFiles.Location excerptHeader =
            new QueueFiles.Location(record.file(), record.position() - Integer.BYTES);
        final byte[] headerBytes = new byte[Integer.BYTES];
        for (int i = 0; i < headerBytes.length; i++)
        {
            headerBytes[i] = QueueFiles.read(excerptHeader, i);
        }
        QueueFiles.write(excerptHeader, 3, new byte[] {(byte)(headerBytes[3] | 0x80)}); // its "not complete" bit set

        try (Journal journal = Journal.openReadOnly(dir))
        {
            final JournalStats stats = journal.stats();
            assertThat(stats.recordCount()).as("no read gets past it").isEqualTo(59);
            assertThat(stats.unreadFromIndex()).isEqualTo(indexOf[60]);
            try (JournalTailer tailer = journal.tailer())
            {
                tailer.drain((sequence, ingressNanos, source, flags, buffer, offset, length, index) -> { });
                assertThat(journal.unreadFrom(tailer)).isEqualTo(indexOf[60]);
            }
            assertThatThrownBy(() -> journal.replayWhole(1, (sequence, ingressNanos, source, flags, buffer, offset,
                length, index) -> { })).isInstanceOf(JournalDamagedException.class)
                .hasMessageContaining("0 record(s) failed their checksum, 0 excerpt(s) were not records, and reading " +
                    "stopped at index 0x" + Long.toHexString(indexOf[60]) + ", before the last excerpt");
            assertThat(journal.verify().hasProblem(ProblemKind.SCAN_STOPPED_EARLY)).isTrue();
        }
        assertThatThrownBy(() -> Journal.open(TestRecords.context(dir, clock)))
            .as("a writer would append where no reader gets").isInstanceOf(JournalDamagedException.class)
            .hasMessageContaining(record.file().getFileName() + " has an excerpt header marked incomplete at byte " +
                excerptHeader.position() + " with complete excerpts after it");
        QueueFiles.write(excerptHeader, 0, headerBytes);
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            assertThat(journal.lastSequence()).as("mended, it opens").isEqualTo(RECORDS);
            assertThat(journal.verify().ok()).isTrue();
        }
    }

    @Test
    void shouldReportADamagedMagicAndSkipTheRecordWhenTailing()
    {
        writeRecords();
        final QueueFiles.Location record = QueueFiles.findRecord(dir, 50);
        assertThat(QueueFiles.read(record, RecordHeader.MAGIC_OFFSET)).isEqualTo((byte)'S');
        QueueFiles.flip(record, RecordHeader.MAGIC_OFFSET);

        try (Journal journal = Journal.openReadOnly(dir))
        {
            final VerifyReport report = journal.verify();

            assertThat(report.problems()).extracting(JournalProblem::kind)
                .containsExactly(ProblemKind.BAD_MAGIC, ProblemKind.SEQUENCE_GAP);
            final JournalProblem badMagic = report.problems().get(0);
            assertThat(badMagic.index()).isEqualTo(indexOf[50]);
            assertThat(badMagic.sequence()).isEqualTo(JournalProblem.UNKNOWN_SEQUENCE);
            assertThat(badMagic.detail()).isEqualTo("magic 0x4aac, expected 0x4a53");
            final JournalProblem gap = report.problems().get(1);
            assertThat(gap.index()).isEqualTo(indexOf[51]);
            assertThat(gap.sequence()).isEqualTo(51);
            assertThat(gap.detail()).isEqualTo("sequence jumped from 49 to 51: 1 missing");

            try (JournalTailer tailer = journal.tailer())
            {
                final long[] delivered = new long[RECORDS + 2];
                final int[] count = new int[1];
                tailer.poll((seq, time, source, flags, buffer, offset, length, index) -> delivered[count[0]++] = seq,
                    RECORDS + 1);
                assertThat(count[0]).isEqualTo(RECORDS - 1);
                assertThat(delivered[48]).isEqualTo(49);
                assertThat(delivered[49]).isEqualTo(51);
                assertThat(tailer.skippedRecords()).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldReportAFrameLengthOrVersionThatDoesNotMatch()
    {
        writeRecords();
        QueueFiles.writeIntLe(QueueFiles.findRecord(dir, 60), RecordHeader.FRAME_LENGTH_OFFSET, 1000);
        QueueFiles.flip(QueueFiles.findRecord(dir, 70), RecordHeader.VERSION_OFFSET);

        try (Journal journal = Journal.openReadOnly(dir))
        {
            final VerifyReport report = journal.verify();

            assertThat(report.problems()).extracting(JournalProblem::kind).containsExactly(
                ProblemKind.LENGTH_MISMATCH, ProblemKind.SEQUENCE_GAP,
                ProblemKind.BAD_VERSION, ProblemKind.SEQUENCE_GAP);
            final JournalProblem length = report.problems().get(0);
            assertThat(length.sequence()).isEqualTo(60);
            assertThat(length.index()).isEqualTo(indexOf[60]);
            assertThat(length.detail()).isEqualTo("header frame length 1000 but the excerpt holds " +
                (RecordHeader.LENGTH + TestRecords.payloadLength(60)) + " bytes");
            final JournalProblem version = report.problems().get(2);
            assertThat(version.index()).isEqualTo(indexOf[70]);
            assertThat(version.detail()).isEqualTo("record version 254, this build reads 1");
            assertThat(journal.stats().skippedRecords()).isEqualTo(2);
        }
    }

    @Test
    void shouldReportASequenceGapAndARegressionWrittenAroundTheAppender()
    {
        writeRecords();
        final long gapIndex;
        final long regressionIndex;
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            gapIndex = RawQueue.appendExcerpt(journal, RawQueue.record(RECORDS + 2, 24));
            regressionIndex = RawQueue.appendExcerpt(journal, RawQueue.record(RECORDS + 2, 24));
        }
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            assertThat(journal.lastSequence()).isEqualTo(RECORDS + 2);
            assertThat(journal.appender().append(scratch, 0, TestRecords.writePayload(scratch, 0, 1), 0, 0))
                .isEqualTo(RECORDS + 3);

            final VerifyReport report = journal.verify();

            assertThat(report.recordCount()).isEqualTo(RECORDS + 3);
            assertThat(report.validRecordCount()).isEqualTo(RECORDS + 3);
            assertThat(report.problems()).extracting(JournalProblem::kind)
                .containsExactly(ProblemKind.SEQUENCE_GAP, ProblemKind.SEQUENCE_REGRESSION);
            final JournalProblem gap = report.problems().get(0);
            assertThat(gap.index()).isEqualTo(gapIndex);
            assertThat(gap.sequence()).isEqualTo(RECORDS + 2);
            assertThat(gap.detail()).isEqualTo("sequence jumped from 100 to 102: 1 missing");
            final JournalProblem regression = report.problems().get(1);
            assertThat(regression.index()).isEqualTo(regressionIndex);
            assertThat(regression.detail()).isEqualTo("sequence 102 follows 102");
        }
    }

    @Test
    void shouldReportShortExcerptsAndPayloadsThatCannotHoldTheirSbeFrame()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            final JournalAppender appender = journal.appender();
            TestRecords.appendNext(appender, scratch);
            final long shortIndex = RawQueue.appendExcerpt(journal, new byte[RecordHeader.LENGTH - 1]);
            TestRecords.writeSbeHeader(scratch, 0, 0, 4);
            appender.append(scratch, 0, SbeHeader.LENGTH - 1, 0, 0);
            TestRecords.writeSbeHeader(scratch, 0, 17, 4);
            appender.append(scratch, 0, SbeHeader.LENGTH + 16, 0, 0);

            final VerifyReport report = journal.verify();

            assertThat(report.recordCount()).isEqualTo(4);
            assertThat(report.validRecordCount()).isEqualTo(1);
            assertThat(report.problems()).extracting(JournalProblem::kind).containsExactly(
                ProblemKind.SHORT_EXCERPT, ProblemKind.PAYLOAD_TOO_SHORT, ProblemKind.BLOCK_LENGTH_OVERFLOW);
            assertThat(report.problems().get(0).index()).isEqualTo(shortIndex);
            assertThat(report.problems().get(0).detail())
                .isEqualTo("excerpt of 39 bytes is shorter than the 40-byte record header");
            assertThat(report.problems().get(1).sequence()).isEqualTo(2);
            assertThat(report.problems().get(1).detail()).isEqualTo("payload of 7 bytes cannot hold an SBE header");
            assertThat(report.problems().get(2).sequence()).isEqualTo(3);
            assertThat(report.problems().get(2).detail())
                .isEqualTo("SBE block length 17 exceeds the 16 body bytes (template 4)");
            try (JournalTailer tailer = journal.tailer())
            {
                assertThat(tailer.poll((seq, time, source, flags, buffer, offset, length, index) -> { }, 10))
                    .as("records with bad SBE frames are delivered: the journal keeps what it was given").isEqualTo(3);
                assertThat(tailer.skippedRecords()).isEqualTo(1);
            }
        }
    }

    @Test
    void shouldListProblemsUpToTheCapAndCountTheRest()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, clock).maxReportedProblems(2)))
        {
            TestRecords.appendNext(journal.appender(), scratch);
            for (int i = 0; i < 5; i++)
            {
                RawQueue.appendExcerpt(journal, new byte[8]);
            }

            final VerifyReport report = journal.verify();

            assertThat(report.problems()).hasSize(2);
            assertThat(report.problemsNotListed()).isEqualTo(3);
            assertThat(report.problemCount()).isEqualTo(5);
            assertThat(report.hasProblem(ProblemKind.SHORT_EXCERPT)).isTrue();
            assertThat(report.hasProblem(ProblemKind.BAD_MAGIC)).isFalse();
            assertThat(report.describe()).endsWith("\n... and 3 more problems not listed\n");
        }
    }

    @Test
    void shouldReportAndSkipAnExcerptLongerThanTheMappedWindow()
    {
        final int bigPayload = 100_000;
        try (Journal journal = Journal.open(
            TestRecords.context(dir, clock).blockSize(1 << 20).maxPayloadLength(bigPayload)))
        {
            final JournalAppender appender = journal.appender();
            TestRecords.appendNext(appender, scratch);
            final UnsafeBuffer big = new UnsafeBuffer(new byte[bigPayload]);
            TestRecords.writeSbeHeader(big, 0, 0, 2);
            appender.append(big, 0, bigPayload, 0, 0);
            TestRecords.appendNext(appender, scratch);
        }
        try (Journal journal = Journal.open(
            TestRecords.context(dir, clock).readOnly(true).blockSize(256 * 1024).maxPayloadLength(1000)))
        {
            assertThat(journal.maxFrameLength()).isEqualTo(64 * 1024 - 4);
            final VerifyReport report = journal.verify();
            assertThat(report.problems()).extracting(JournalProblem::kind)
                .containsExactly(ProblemKind.OVERSIZE_EXCERPT, ProblemKind.SEQUENCE_GAP);
            assertThat(report.problems().get(0).detail()).isEqualTo("excerpt of 100040 bytes is longer than the " +
                "65532 bytes mapped contiguously with this block size: reopen with a larger blockSize");

            final RecordChecker checker = new RecordChecker(1);
            try (JournalTailer tailer = journal.tailer())
            {
                assertThat(tailer.poll(checker, 10)).isEqualTo(2);
                assertThat(tailer.skippedRecords()).isEqualTo(1);
            }
        }
    }

    private void writeRecords()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            final JournalAppender appender = journal.appender();
            for (int i = 1; i <= RECORDS; i++)
            {
                TestRecords.appendNext(appender, scratch);
                indexOf[i] = appender.lastIndex();
            }
        }
    }
}
