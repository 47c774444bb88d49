/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daily journal's queue file copied or renamed under another day's file name. Chronicle's file header does not name
 * the cycle, so Chronicle reads such a file wherever its name puts it: a copy of the last file (which has no
 * end-of-file mark yet) placed before another file made every reader stop at its end, and a copy of a rolled file
 * under a later name was read a second time; verify said SCAN_STOPPED_EARLY or SEQUENCE_REGRESSION, while stats, dump
 * and replay said nothing. Each file of the journal is checked against the others when it is opened read-only.
 */
class JournalMisplacedFileTest
{
    private static final int PER_CYCLE = 100;
    private static final int CYCLES = 3;
    private static final long DAY_MILLIS = 86_400_000L;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = TestRecords.clock();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);

    @Test
    void shouldReportARolledFileCopiedOverTheNextDaysFile() throws IOException
    {
        final List<Path> files = writeDays();
        Files.copy(files.get(0), files.get(1), StandardCopyOption.REPLACE_EXISTING);

        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).containsExactly("20260303F.cq4 holds sequences 1 to 100, but 20260302F.cq4, " +
                "an earlier cycle's file, already reached sequence 100 (a file copied or renamed under another " +
                "cycle's name, or from another journal?); it is read where its name puts it, so those sequences " +
                "come twice or out of order");
            assertThat(TestRecords.sequences(journal)).as("read as Chronicle reads it, the copy too")
                .hasSize(3 * PER_CYCLE);
            final JournalStats stats = journal.stats();
            assertThat(stats.damagedFiles()).isEqualTo(journal.damage());
            assertThat(stats.readWhole()).isFalse();
            final VerifyReport report = journal.verify();
            assertThat(report.hasProblem(ProblemKind.FILE_OUT_OF_ORDER)).isTrue();
            assertThat(report.hasProblem(ProblemKind.SEQUENCE_REGRESSION)).isTrue();
        }
        assertThatThrownBy(() -> Journal.open(TestRecords.context(dir, clock)))
            .isInstanceOf(JournalDamagedException.class)
            .hasMessageContaining("20260303F.cq4 holds sequences 1 to 100, but 20260302F.cq4");
    }

    @Test
    void shouldReportTheLastFileCopiedUnderALaterDaysNameWhichNoReaderReaches() throws IOException
    {
        final List<Path> files = writeDays();
        Files.copy(files.get(2), dir.resolve("20260305F.cq4"));

        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).containsExactly("20260304F.cq4 has no end-of-file mark, which every file " +
                "but a journal's last has, yet 20260305F.cq4 follows it: readers stop at its end and never read it " +
                "(a file copied or renamed under another cycle's name, or from another journal?)");
            assertThat(TestRecords.sequences(journal)).hasSize(CYCLES * PER_CYCLE);
            final JournalStats stats = journal.stats();
            assertThat(stats.unreadFromIndex()).as("the copy is out of reach").isNotNegative();
            assertThat(stats.damagedFiles()).hasSize(1);
            final VerifyReport report = journal.verify();
            assertThat(report.hasProblem(ProblemKind.NO_END_OF_FILE_MARK)).isTrue();
            assertThat(report.hasProblem(ProblemKind.SCAN_STOPPED_EARLY)).isTrue();
        }
        assertThatThrownBy(() -> Journal.open(TestRecords.context(dir, clock)))
            .isInstanceOf(JournalDamagedException.class)
            .hasMessageContaining("20260304F.cq4 has no end-of-file mark");
    }

    @Test
    void shouldNameEveryFileAReaderNeverReachesBehindAFileWithoutTheMark() throws IOException
    {
        final List<Path> files = writeDays();
        Files.move(files.get(2), dir.resolve("20260301F.cq4"));

        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).containsExactly("20260301F.cq4 has no end-of-file mark, which every file " +
                "but a journal's last has, yet 2 later files follow it (20260302F.cq4 to 20260303F.cq4): readers " +
                "stop at its end and never read them (a file copied or renamed under another cycle's name, or from " +
                "another journal?)");
            assertThat(TestRecords.sequences(journal)).as("the renamed file only").hasSize(PER_CYCLE)
                .startsWith(2L * PER_CYCLE + 1);
        }
    }

    @Test
    void shouldReadAJournalWrittenOverSeveralDaysAndReopenedAsWhole() throws IOException
    {
        writeDays();
        clock.advanceMillis(2 * DAY_MILLIS);
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            TestRecords.appendNext(journal.appender(), scratch);
        }
        assertThat(QueueFiles.cycleFiles(dir)).hasSize(CYCLES + 1);

        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).as("a reopened writer marks the end of the file before").isEmpty();
            assertThat(TestRecords.sequences(journal)).hasSize(CYCLES * PER_CYCLE + 1);
            assertThat(journal.stats().readWhole()).isTrue();
            assertThat(journal.verify().ok()).isTrue();
        }
    }

    @Test
    void shouldReadASingleFileRenamedToAnotherDayWhole() throws IOException
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            for (int i = 0; i < PER_CYCLE; i++)
            {
                TestRecords.appendNext(journal.appender(), scratch);
            }
        }
        Files.move(QueueFiles.cycleFiles(dir).get(0), dir.resolve("20260101F.cq4"));

        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).as("nothing disagrees with it: it reads whole").isEmpty();
            assertThat(TestRecords.sequences(journal)).hasSize(PER_CYCLE);
        }
    }

    /**
     * Three daily files of {@link #PER_CYCLE} records each, the middle one's in batches of ten, so the last record of
     * an excerpt is not its first.
     */
    private List<Path> writeDays()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            final JournalAppender appender = journal.appender();
            for (int day = 0; day < CYCLES; day++)
            {
                for (int i = 0; i < PER_CYCLE; i++)
                {
                    if (day == 1 && i % 10 == 0)
                    {
                        appender.beginBatch();
                    }
                    if (day == 1)
                    {
                        final long sequence = appender.lastSequence() + i % 10 + 1;
                        appender.add(scratch, 0, TestRecords.writePayload(scratch, 0, sequence),
                            TestRecords.ingressNanos(sequence), TestRecords.source(sequence), 0);
                    }
                    else
                    {
                        TestRecords.appendNext(appender, scratch);
                    }
                    if (day == 1 && i % 10 == 9)
                    {
                        appender.commitBatch();
                    }
                }
                clock.advanceMillis(DAY_MILLIS);
            }
        }
        final List<Path> files = QueueFiles.cycleFiles(dir);
        assertThat(files).extracting((f) -> f.getFileName().toString())
            .containsExactly("20260302F.cq4", "20260303F.cq4", "20260304F.cq4");
        return files;
    }
}
