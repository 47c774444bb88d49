/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.openhft.chronicle.core.time.SetTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue file cut short on disk is read from a padded copy: the records before the cut are read, the cut is
 * reported, nothing touches a page past the end of a mapped file (whose fault the JVM would raise later, anywhere in
 * the thread), and the original is left as it was.
 */
class JournalTruncatedFileTest
{
    private static final int RECORDS = 300;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = TestRecords.clock();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);

    @Test
    void shouldReadAWholeJournalInPlaceAndReportNoDamage()
    {
        writeRecords();
        final Path view;
        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).isEmpty();
            view = journal.queue().file().toPath();
            assertThat(view).isNotEqualTo(dir);
            assertThat(TestRecords.sequences(journal)).hasSize(RECORDS);
        }
        assertThat(view).doesNotExist();
    }

    @Test
    void shouldReportNoDamageForAJournalBeingWritten()
    {
        try (Journal writer = Journal.open(TestRecords.context(dir, clock)))
        {
            final JournalAppender appender = writer.appender();
            for (int i = 0; i < RECORDS; i++)
            {
                TestRecords.appendNext(appender, scratch);
                if (i % 100 == 0)
                {
                    try (Journal reader = Journal.openReadOnly(dir))
                    {
                        assertThat(reader.damage()).as("after %d records", i + 1).isEmpty();
                        assertThat(TestRecords.sequences(reader)).hasSize(i + 1);
                    }
                }
            }
        }
    }

    @Test
    void shouldReportNoDamageForAnExcerptBeingWritten()
    {
        try (Journal writer = Journal.open(TestRecords.context(dir, clock)))
        {
            for (int i = 0; i < 10; i++)
            {
                TestRecords.appendNext(writer.appender(), scratch);
            }
            try (ExcerptAppender raw = writer.queue().createAppender();
                DocumentContext inProgress = raw.writingDocument())
            {
                inProgress.wire().bytes().writeInt(0x70).writeLong(0x0102030405060708L).writeLong(-1L);
                Journal.requireWhole(dir);
                try (Journal reader = Journal.openReadOnly(dir))
                {
                    assertThat(reader.damage()).as("a writer's excerpt in progress is not damage").isEmpty();
                    assertThat(TestRecords.sequences(reader)).hasSize(10);
                }
                inProgress.rollbackOnClose();
            }
        }
    }

    @Test
    void shouldReadTheRecordsBeforeACutInsideARecordAndReportTheCut() throws IOException
    {
        writeRecords();
        final QueueFiles.Location record = QueueFiles.findRecord(dir, 200);
        final Path file = record.file();
        final long originalSize = Files.size(file);
        truncate(file, record.position() + 10);

        final Path view;
        try (Journal journal = Journal.openReadOnly(dir))
        {
            view = journal.queue().file().toPath();
            assertThat(view).isNotEqualTo(dir);
            assertThat(journal.damage()).singleElement().asString()
                .startsWith(file.getFileName() + " is cut short: " + (record.position() + 10) + " bytes")
                .contains("read as if the file ended at byte");
            assertThat(TestRecords.sequences(journal)).isEqualTo(range(1, 199));
            assertThat(journal.lastSequence()).isEqualTo(199);

            final VerifyReport report = journal.verify();
            assertThat(report.ok()).isFalse();
            assertThat(report.validRecordCount()).isEqualTo(199);
            assertThat(report.problems()).first()
                .satisfies((p) -> assertThat(p.kind()).isEqualTo(ProblemKind.TRUNCATED_FILE))
                .satisfies((p) -> assertThat(p.describe()).startsWith("TRUNCATED_FILE cycle=? index=? sequence=?: " +
                    file.getFileName() + " is cut short"));
            assertThat(journal.stats().recordCount()).isEqualTo(199);
        }
        assertThat(view).doesNotExist();
        assertThat(Files.size(file)).isEqualTo(record.position() + 10).isLessThan(originalSize);
    }

    @Test
    void shouldReadAPrefixOfTheRecordsWhereverTheFileIsCut() throws IOException
    {
        writeRecords();
        final Path file = QueueFiles.cycleFiles(dir).get(0);
        final long firstRecord = QueueFiles.findRecord(dir, 1).position();
        final long dataEnd = QueueFiles.findRecord(dir, RECORDS).position() + TestRecords.MAX_PAYLOAD_LENGTH;
        final byte[] data = new byte[(int)dataEnd];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            channel.read(ByteBuffer.wrap(data), 0);
        }
        final List<String> failures = new ArrayList<>();
        int opened = 0;
        for (long cut = 0; cut < dataEnd; cut += cut < firstRecord ? 499 : 83)
        {
            Files.write(file, Arrays.copyOf(data, (int)cut));
            try (Journal journal = Journal.openReadOnly(dir))
            {
                final List<Long> read = TestRecords.sequences(journal);
                final VerifyReport report = journal.verify();
                opened++;
                if (!read.equals(range(1, read.size())) || report.validRecordCount() != read.size() ||
                    journal.damage().isEmpty() || !report.hasProblem(ProblemKind.TRUNCATED_FILE))
                {
                    failures.add("cut at " + cut + ": read " + read.size() + " " + journal.damage() + " " +
                        report.describe());
                }
            }
            catch (final RuntimeException | StackOverflowError ex)
            {
                failures.add("cut at " + cut + ": " + ex);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(opened).isGreaterThan(RECORDS);
    }

    @Test
    void shouldReadEveryRecordOfAJournalWhoseMetadataFileIsCutShort() throws IOException
    {
        writeRecords();
        final Path metadata = dir.resolve("metadata.cq4t");
        truncate(metadata, 1000);
        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).isEmpty();
            assertThat(TestRecords.sequences(journal)).hasSize(RECORDS);
        }
        assertThat(Files.size(metadata)).isEqualTo(1000);
    }

    @Test
    void shouldReadEveryCycleOfAJournalWrittenHourlyWithoutItsMetadata()
    {
        TestRecords.writeHourly(dir, clock, scratch, 100, 3);
        assertThat(QueueFiles.cycleFiles(dir)).hasSize(3);
        assertThat(ReadOnlyView.rollCycleNaming(QueueFiles.cycleFiles(dir))).isEqualTo(JournalRollCycle.HOURLY);
        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).isEmpty();
            assertThat(TestRecords.sequences(journal)).isEqualTo(range(1, RECORDS));
            assertThat(journal.lastSequence()).isEqualTo(RECORDS);
            assertThat(journal.verify().ok()).isTrue();
        }
    }

    @Test
    void shouldSayThatNoReaderGetsPastACutFileToTheFilesAfterIt() throws IOException
    {
        TestRecords.writeHourly(dir, clock, scratch, 100, 3);
        final List<Path> files = QueueFiles.cycleFiles(dir);
        assertThat(files).hasSize(3);
        final QueueFiles.Location record = QueueFiles.findRecord(dir, 50);
        assertThat(record.file()).isEqualTo(files.get(0));
        try (FileChannel channel = FileChannel.open(files.get(0), StandardOpenOption.WRITE))
        {
            channel.truncate(record.position() + 7);
        }

        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(TestRecords.sequences(journal)).as("no read gets past the cut").isEqualTo(range(1, 49));
            assertThat(journal.damage()).singleElement().asString()
                .startsWith(files.get(0).getFileName() + " is cut short: ")
                .endsWith("; no reader gets past the cut, so the 2 files after it (" + files.get(1).getFileName() +
                    " to " + files.get(2).getFileName() + ") are not read");
        }
    }

    @Test
    void shouldFindTheCutOfAnEmptyFileAtItsStart() throws IOException
    {
        final Path empty = Files.createFile(dir.resolve("empty.cq4"));
        assertThat(ReadOnlyView.findCut(empty)).isEqualTo(new ReadOnlyView.Cut(0, 0, 4, false));
    }

    private void writeRecords()
    {
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            final JournalAppender appender = journal.appender();
            for (int i = 0; i < RECORDS; i++)
            {
                TestRecords.appendNext(appender, scratch);
            }
        }
    }

    private static List<Long> range(final long from, final long to)
    {
        final List<Long> range = new ArrayList<>();
        for (long s = from; s <= to; s++)
        {
            range.add(s);
        }
        return range;
    }

    private static void truncate(final Path file, final long size) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(size);
        }
    }
}
