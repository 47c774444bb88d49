/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal followed while its writer appends ({@link JournalContext#follow(boolean)}): the cycle files the writer
 * creates later are read, and a queue file named after no cycle (a copy beside the journal's files), which Chronicle
 * cannot parse the name of, is left out and reported once, whether it was there at open or appears while following.
 * The copies are of a file other than the first: the writer's own listing of the directory parses the first and
 * last names only, and a copy of the first file would sort first and make the writer fail at its next roll (the
 * writer refuses such a directory at open, {@link Journal#requireWhole}). The timeouts guard against a follower that
 * never sees a new file; they are not speed targets.
 */
class JournalFollowTest
{
    private static final int PER_CYCLE = 20;
    private static final long HOUR_MILLIS = 3_600_000L;

    @TempDir
    Path dir;

    private final SetTimeProvider clock = TestRecords.clock();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[TestRecords.MAX_PAYLOAD_LENGTH]);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldFollowIntoTheCycleFilesTheWriterCreatesLater()
    {
        try (Journal writer = Journal.open(TestRecords.context(dir, clock).rollCycle(JournalRollCycle.HOURLY)))
        {
            appendCycle(writer);
            try (Journal follower = openToFollow(); JournalTailer tailer = follower.tailer())
            {
                assertThat(follower.damage()).isEmpty();
                final List<Long> read = new ArrayList<>();
                follow(follower, tailer, read, PER_CYCLE);

                clock.advanceMillis(HOUR_MILLIS);
                appendCycle(writer);
                clock.advanceMillis(HOUR_MILLIS);
                appendCycle(writer);

                assertThat(follow(follower, tailer, read, 3 * PER_CYCLE)).isEmpty();
                assertThat(read).isEqualTo(sequences(1, 3 * PER_CYCLE));
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldLeaveOutACopyPresentAtOpenAndFollowPastIt() throws IOException
    {
        try (Journal writer = Journal.open(TestRecords.context(dir, clock).rollCycle(JournalRollCycle.HOURLY)))
        {
            appendCycle(writer);
            clock.advanceMillis(HOUR_MILLIS);
            appendCycle(writer);
            final List<Path> files = QueueFiles.cycleFiles(dir);
            final Path copy = Files.copy(files.get(1), dir.resolve(baseName(files.get(1)) + " copy.cq4"));

            try (Journal follower = openToFollow(); JournalTailer tailer = follower.tailer())
            {
                assertThat(follower.damage()).containsExactly(copy.getFileName() + " is not named after a cycle as " +
                    "queue files are (such as " + files.get(0).getFileName() + "): a copy or a backup? Chronicle " +
                    "cannot place it; it is left out");
                final List<Long> read = new ArrayList<>();
                assertThat(follow(follower, tailer, read, 2 * PER_CYCLE)).as("said at open, not again").isEmpty();

                clock.advanceMillis(HOUR_MILLIS);
                appendCycle(writer);

                assertThat(follow(follower, tailer, read, 3 * PER_CYCLE)).isEmpty();
                assertThat(read).isEqualTo(sequences(1, 3 * PER_CYCLE));
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldLeaveOutACopyThatAppearsWhileFollowingAndSayItOnce() throws IOException
    {
        try (Journal writer = Journal.open(TestRecords.context(dir, clock).rollCycle(JournalRollCycle.HOURLY)))
        {
            appendCycle(writer);
            clock.advanceMillis(HOUR_MILLIS);
            appendCycle(writer);
            try (Journal follower = openToFollow(); JournalTailer tailer = follower.tailer())
            {
                final List<Long> read = new ArrayList<>();
                follow(follower, tailer, read, 2 * PER_CYCLE);

                final List<Path> files = QueueFiles.cycleFiles(dir);
                final Path copy = Files.copy(files.get(1), dir.resolve(baseName(files.get(1)) + " copy.cq4"));
                clock.advanceMillis(HOUR_MILLIS);
                appendCycle(writer);

                final List<String> said = follow(follower, tailer, read, 3 * PER_CYCLE);
                assertThat(said).containsExactly(copy.getFileName() + " is not named after a cycle as queue files " +
                    "are (such as " + files.get(0).getFileName() + "): a copy or a backup? Chronicle cannot place " +
                    "it; it is left out");
                assertThat(follower.refresh()).as("said once").isEmpty();
                assertThat(read).isEqualTo(sequences(1, 3 * PER_CYCLE));
            }
        }
    }

    @Test
    void shouldSayNothingNewOnRefreshOfAJournalNotOpenedToFollow()
    {
        try (Journal writer = Journal.open(TestRecords.context(dir, clock)))
        {
            appendCycle(writer);
        }
        try (Journal reader = Journal.openReadOnly(dir))
        {
            assertThat(reader.refresh()).isEmpty();
        }
    }

    private Journal openToFollow()
    {
        return Journal.open(new JournalContext().directory(dir).readOnly(true).follow(true));
    }

    private void appendCycle(final Journal writer)
    {
        for (int i = 0; i < PER_CYCLE; i++)
        {
            TestRecords.appendNext(writer.appender(), scratch);
        }
    }

    /**
     * Poll, refreshing the journal whenever nothing is available, until a number of records have been read in all.
     *
     * @return what the refreshes said.
     */
    private static List<String> follow(
        final Journal journal, final JournalTailer tailer, final List<Long> read, final int total)
    {
        final List<String> said = new ArrayList<>();
        while (read.size() < total)
        {
            if (tailer.poll((sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
                read.add(sequence), total - read.size()) == 0)
            {
                said.addAll(journal.refresh());
                Thread.onSpinWait();
            }
        }
        return said;
    }

    private static List<Long> sequences(final long from, final long to)
    {
        final List<Long> sequences = new ArrayList<>();
        for (long sequence = from; sequence <= to; sequence++)
        {
            sequences.add(sequence);
        }
        return sequences;
    }

    private static String baseName(final Path file)
    {
        final String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".cq4".length());
    }
}
