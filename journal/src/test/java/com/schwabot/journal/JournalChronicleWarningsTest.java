/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import net.openhft.chronicle.core.Jvm;
import net.openhft.chronicle.core.onoes.ExceptionKey;
import net.openhft.chronicle.core.onoes.LogLevel;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the journal asks of Chronicle does not make it warn, where the journal knows better and says so itself:
 * Chronicle's warnings reached the console of the command line. An hourly (or minutely) journal opened in place with
 * the default daily roll cycle (the persistence reader of every run, {@code persist}, {@code dump --follow}) made it
 * warn "Overriding roll length from existing metadata"; a read of a journal whose last file is cut short asked it for
 * the last index, which that file's header names past the cut, and it warned "Unable to find toEnd() so winding to
 * the start".
 */
class JournalChronicleWarningsTest
{
    private static final int PER_CYCLE = 50;
    private static final int CYCLES = 3;
    private static final long HOUR_MILLIS = 3_600_000L;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = TestRecords.clock();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);
    private Map<ExceptionKey, Integer> recorded;

    @BeforeEach
    void recordChroniclesWarnings()
    {
        recorded = Jvm.recordExceptions(false, false, false);
    }

    @AfterEach
    void resetChroniclesHandlers()
    {
        Jvm.resetExceptionHandlers();
    }

    @Test
    void shouldReadAnHourlyJournalInPlaceWithItsOwnRollCycle()
    {
        TestRecords.writeHourly(dir, clock, scratch, PER_CYCLE, CYCLES);
        try (Journal journal = Journal.open(new JournalContext().directory(dir).readOnly(true).readInPlace(true)))
        {
            assertThat(journal.context().rollCycle()).as("the context's default").isEqualTo(JournalRollCycle.DAILY);
            assertThat(TestRecords.sequences(journal)).hasSize(CYCLES * PER_CYCLE);
        }
        assertThat(warnings()).isEmpty();
    }

    @Test
    void shouldAppendToAnHourlyJournalByTheHourWhateverTheContextSays()
    {
        TestRecords.writeHourly(dir, clock, scratch, PER_CYCLE, CYCLES);
        clock.advanceMillis(HOUR_MILLIS);
        try (Journal journal = Journal.open(TestRecords.context(dir, clock).rollCycle(JournalRollCycle.DAILY)))
        {
            TestRecords.appendNext(journal.appender(), scratch);
        }
        assertThat(Journal.rollCycleOf(dir)).isEqualTo(JournalRollCycle.HOURLY);
        assertThat(QueueFiles.cycleFiles(dir)).hasSize(CYCLES + 1);
        assertThat(warnings()).isEmpty();
    }

    @Test
    void shouldReadAndVerifyAJournalWhoseLastFileIsCutWithoutAskingChronicleForItsEnd() throws IOException
    {
        TestRecords.writeHourly(dir, clock, scratch, PER_CYCLE, CYCLES);
        final QueueFiles.Location record = QueueFiles.findRecord(dir, CYCLES * PER_CYCLE - 5);
        try (FileChannel channel = FileChannel.open(record.file(), StandardOpenOption.WRITE))
        {
            channel.truncate(record.position() + 9);
        }
        try (Journal journal = Journal.openReadOnly(dir))
        {
            assertThat(journal.damage()).singleElement().asString().contains(" is cut short: ");
            final JournalStats stats = journal.stats();
            assertThat(stats.recordCount()).isEqualTo(CYCLES * PER_CYCLE - 6);
            assertThat(stats.unreadFromIndex()).as("the cut, named, is where the read ends").isEqualTo(-1);
            assertThat(journal.verify().problems()).extracting(JournalProblem::kind)
                .containsExactly(ProblemKind.TRUNCATED_FILE);
        }
        assertThat(warnings()).isEmpty();
    }

    /**
     * Chronicle's warnings and errors, but the one a checked read-only open always gets: it opens a view without the
     * metadata file on purpose ({@link ReadOnlyView}), and the command line's logging configuration drops that line.
     */
    private List<ExceptionKey> warnings()
    {
        return recorded.keySet().stream()
            .filter((key) -> key.level() == LogLevel.WARN || key.level() == LogLevel.ERROR)
            .filter((key) -> !key.message().startsWith("Failback to readonly tablestore")).toList();
    }
}
