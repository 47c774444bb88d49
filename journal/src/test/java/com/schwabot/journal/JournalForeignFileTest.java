/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue file that does not begin with Chronicle's queue header (zeros, random bytes, a metadata excerpt of
 * something else) is left out of a read-only journal and reported, instead of being read as an empty cycle after
 * Chronicle has waited for its header (which took a minute, and let verify say OK). The timeouts guard against
 * that wait coming back; they are not speed targets.
 */
class JournalForeignFileTest
{
    private static final int PER_CYCLE = 100;
    private static final int CYCLES = 3;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = TestRecords.clock();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldLeaveOutACycleFileOfZerosAndReportIt() throws IOException
    {
        final Path middle = writeCycles().get(1);
        final long size = Files.size(middle);
        Files.write(middle, new byte[(int)Math.min(size, 1 << 20)]);

        assertLeftOut(middle, "it starts with zeros where Chronicle's header is");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldLeaveOutACycleFileOfRandomBytesAndReportIt() throws IOException
    {
        final Path middle = writeCycles().get(1);
        final Random random = new Random(2026120701L);
        for (int attempt = 0; attempt < 8; attempt++)
        {
            final byte[] noise = new byte[100_000];
            random.nextBytes(noise);
            Files.write(middle, noise);
            assertLeftOut(middle, "is not a Chronicle queue file");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldLeaveOutAFileWhoseFirstExcerptIsMetadataOfSomethingElse() throws IOException
    {
        final Path middle = writeCycles().get(1);
        final byte[] text = "header: NotAStore { writePosition: 0 }".getBytes(StandardCharsets.US_ASCII);
        final ByteBuffer file = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        file.putInt(ReadOnlyView.META_DATA | text.length).put(text);
        Files.write(middle, file.array());

        assertLeftOut(middle, "its first excerpt does not name Chronicle's store type (SCQStore)");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReportAJournalWhoseOnlyFileIsZerosAsDamagedAndEmpty() throws IOException
    {
        final Path only = dir.resolve("20261207F.cq4");
        Files.write(only, new byte[8192]);
        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).singleElement().asString()
                .isEqualTo("20261207F.cq4 is not a Chronicle queue file: it starts with zeros where Chronicle's " +
                    "header is; it is left out");
            assertThat(TestRecords.sequences(journal)).isEmpty();
            final VerifyReport report = journal.verify();
            assertThat(report.ok()).isFalse();
            assertThat(report.recordCount()).isZero();
            assertThat(report.problems()).singleElement()
                .satisfies((p) -> assertThat(p.kind()).isEqualTo(ProblemKind.NOT_A_QUEUE_FILE));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseToAppendBehindAQueueFileCutShortOrNotAQueueFile() throws IOException
    {
        final List<Path> files = writeCycles();
        final Path last = files.get(CYCLES - 1);
        final byte[] whole = Files.readAllBytes(last);
        final QueueFiles.Location record = QueueFiles.findRecord(dir, CYCLES * PER_CYCLE - 10);
        try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE))
        {
            channel.truncate(record.position() + 7);
        }
        assertThatThrownBy(() -> Journal.open(TestRecords.context(dir, clock)))
            .isInstanceOf(JournalDamagedException.class)
            .hasMessageStartingWith("journal " + dir + " is damaged: " + last.getFileName() +
                " is cut short: " + (record.position() + 7) + " bytes, but the excerpt at byte ")
            .hasMessageContaining("move the damaged file out of the directory");

        Files.write(last, new byte[8192]);
        assertThatThrownBy(() -> Journal.open(TestRecords.context(dir, clock)))
            .isInstanceOf(JournalDamagedException.class)
            .hasMessageContaining(last.getFileName() + " is not a Chronicle queue file: it starts with zeros");
        assertThat(Files.size(last)).as("nothing was written").isEqualTo(8192);

        Files.write(last, whole);
        try (Journal journal = Journal.open(TestRecords.context(dir, clock)))
        {
            assertThat(journal.lastSequence()).as("whole again, it opens").isEqualTo(CYCLES * PER_CYCLE);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldLeaveOutAndReportACopyNamedAfterNoCycleAndRefuseToAppendBesideIt() throws IOException
    {
        final List<Path> files = writeCycles();
        final Path copy = Files.copy(files.get(1), dir.resolve(baseName(files.get(1)) + " copy.cq4"));
        final String why = copy.getFileName() + " is not named after a cycle as queue files are (such as " +
            files.get(0).getFileName() + "): a copy or a backup? Chronicle cannot place it";

        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).containsExactly(why + "; it is left out");
            assertThat(TestRecords.sequences(journal)).as("every cycle, once").hasSize(CYCLES * PER_CYCLE);
            final VerifyReport report = journal.verify();
            assertThat(report.ok()).isFalse();
            assertThat(report.validRecordCount()).isEqualTo(CYCLES * PER_CYCLE);
            assertThat(report.problems()).singleElement()
                .satisfies((p) -> assertThat(p.kind()).isEqualTo(ProblemKind.MISNAMED_FILE));
        }
        assertThat(Journal.rollCycleOf(dir)).isEqualTo(JournalRollCycle.HOURLY);
        assertThatThrownBy(() -> Journal.open(TestRecords.context(dir, clock)))
            .isInstanceOf(JournalDamagedException.class)
            .hasMessageStartingWith("journal " + dir + " is damaged: " + why + " (schwabot journal verify ");
    }

    @Test
    void shouldQuoteAJournalPathWithASpaceInTheVerifyCommandItSuggests() throws IOException
    {
        final Path journal = dir.resolve("my journal");
        final List<Path> files = TestRecords.writeHourly(journal, clock, scratch, PER_CYCLE, 2);
        Files.copy(files.get(1), journal.resolve(baseName(files.get(1)) + " copy.cq4"));

        assertThatThrownBy(() -> Journal.requireWhole(journal))
            .isInstanceOf(JournalDamagedException.class)
            .hasMessageContaining(" (schwabot journal verify '" + journal + "' says what it holds; ");
    }

    private static String baseName(final Path file)
    {
        final String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".cq4".length());
    }

    @Test
    void shouldAcceptEveryFileChronicleWrote()
    {
        writeCycles();
        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).isEmpty();
            assertThat(TestRecords.sequences(journal)).hasSize(PER_CYCLE * CYCLES);
            assertThat(journal.verify().ok()).isTrue();
        }
    }

    private void assertLeftOut(final Path file, final String why) throws IOException
    {
        final byte[] before = Files.readAllBytes(file);
        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).singleElement().asString()
                .startsWith(file.getFileName() + " is not a Chronicle queue file")
                .contains(why)
                .endsWith("; it is left out");
            final List<Long> expected = new ArrayList<>();
            for (long s = 1; s <= PER_CYCLE; s++)
            {
                expected.add(s);
            }
            for (long s = 2 * PER_CYCLE + 1; s <= CYCLES * PER_CYCLE; s++)
            {
                expected.add(s);
            }
            assertThat(TestRecords.sequences(journal)).as("the records of the other cycles").isEqualTo(expected);

            final VerifyReport report = journal.verify();
            assertThat(report.ok()).isFalse();
            assertThat(report.validRecordCount()).isEqualTo(2 * PER_CYCLE);
            assertThat(report.hasProblem(ProblemKind.NOT_A_QUEUE_FILE)).isTrue();
            assertThat(report.hasProblem(ProblemKind.SEQUENCE_GAP)).as("the left-out cycle's records").isTrue();
            assertThat(journal.stats().recordCount()).isEqualTo(2 * PER_CYCLE);
        }
        assertThat(Files.readAllBytes(file)).as("the original is never written").isEqualTo(before);
    }

    private List<Path> writeCycles()
    {
        return TestRecords.writeHourly(dir, clock, scratch, PER_CYCLE, CYCLES);
    }
}
