/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pretoucher on real queue files in a temporary directory, with small blocks (1 MiB) so that a test crosses many:
 * it keeps the pages ahead of the appender touched (the appending thread's own page faults, read from
 * {@code /proc/thread-self/stat}, almost vanish, with a lookahead below the block size or above it), advises the
 * appender's mappings against read-ahead (their flags in {@code /proc/self/smaps}), follows the appender across
 * rolls, never changes a record while touching concurrently with appends, and touches nothing that would take the
 * disk below its reserve.
 */
class JournalPretoucherTest
{
    private static final long BLOCK = 1 << 20;
    private static final long LOOKAHEAD = 256 * 1024;
    private static final int BATCH = 16;
    private static final long MINUTE_MS = 60_000;
    private static final int ROUNDS = 10_000;
    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");
    private static final Path SMAPS = Path.of("/proc/self/smaps");
    /** {@code VM_RAND_READ} in smaps' {@code VmFlags}: the mapping was advised {@code MADV_RANDOM}. */
    private static final String RANDOM_READ_FLAG = "rr";

    @TempDir
    Path dir;

    private final UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(TestRecords.MAX_PAYLOAD_LENGTH));
    private final SetTimeProvider clock = TestRecords.clock();

    private Journal open()
    {
        return Journal.open(new JournalContext().directory(dir).timeProvider(clock).blockSize(BLOCK)
            .rollCycle(JournalRollCycle.MINUTELY).maxPayloadLength(TestRecords.MAX_PAYLOAD_LENGTH));
    }

    @ParameterizedTest(name = "lookahead {0} bytes")
    @ValueSource(longs = {LOOKAHEAD, 4 * BLOCK})
    void shouldTakeThePageFaultsOfNewPagesOffTheAppendingThread(final long lookahead) throws Exception
    {
        assumeTrue(Files.isReadable(THREAD_STAT), "needs Linux's /proc/thread-self/stat to count page faults");
        try (Journal journal = open();
            LockstepPretoucher pretoucher = new LockstepPretoucher(journal.pretoucher(lookahead, 0)))
        {
            final JournalAppender appender = journal.appender();
            appendBatches(appender, 2 * BLOCK, null);

            final long alone = minorFaultsAppending(appender, 8 * BLOCK, null);
            final long pretouched = minorFaultsAppending(appender, 8 * BLOCK, pretoucher);

            final long newPages = 8 * BLOCK / JournalPretoucher.PAGE_SIZE;
            assertThat(alone).as("page faults appending 8 MiB alone").isGreaterThan(newPages / 2);
            assertThat(pretouched).as("page faults appending 8 MiB behind the pretoucher (alone: %d)", alone)
                .isLessThan(alone / 10);
            assertThat(pretoucher.agent.pagesTouched()).isGreaterThanOrEqualTo(newPages);
            assertThat(pretoucher.agent.overtaken()).as("appends past the pages touched, in step").isZero();
        }
        assertAllRecordsRead();
    }

    @Test
    void shouldAdviseTheAppendersMappingAgainstReadAhead() throws Exception
    {
        assumeTrue(Files.isReadable(SMAPS), "needs Linux's /proc/self/smaps to read a mapping's flags");
        try (Journal journal = open())
        {
            final JournalAppender appender = journal.appender();
            appendBatches(appender, 1, null);
            final Path file = QueueFiles.cycleFiles(dir).get(0).toRealPath();
            assertThat(mappingFlags(file)).as("the appender's mappings of %s, alone", file).isNotEmpty()
                .noneMatch((flags) -> flags.contains(RANDOM_READ_FLAG));

            try (LockstepPretoucher pretoucher = new LockstepPretoucher(journal.pretoucher(LOOKAHEAD, 0)))
            {
                appendBatches(appender, 3 * BLOCK, pretoucher);
                assertThat(mappingFlags(file)).as("the mappings of %s, behind the pretoucher", file).isNotEmpty()
                    .allMatch((flags) -> flags.contains(RANDOM_READ_FLAG));

                clock.advanceMillis(MINUTE_MS);
                appendBatches(appender, 2 * BLOCK, pretoucher);
                final Path rolled = QueueFiles.cycleFiles(dir).get(1).toRealPath();
                assertThat(mappingFlags(rolled)).as("the mappings of %s, after the roll", rolled).isNotEmpty()
                    .allMatch((flags) -> flags.contains(RANDOM_READ_FLAG));
                assertThat(pretoucher.agent.blocksAdvised()).as("blocks advised").isGreaterThanOrEqualTo(5);
                assertThat(pretoucher.agent.blocksNotAdvised()).as("blocks not advised").isZero();
            }
        }
        assertAllRecordsRead();
    }

    @Test
    void shouldFollowTheAppenderAcrossRollsAndKeepItsLookahead() throws Exception
    {
        try (Journal journal = open();
            LockstepPretoucher pretoucher = new LockstepPretoucher(journal.pretoucher(LOOKAHEAD, 0)))
        {
            final JournalAppender appender = journal.appender();
            for (int cycle = 0; cycle < 3; cycle++)
            {
                final long touchedBefore = pretoucher.agent.pagesTouched();
                final long start = appender.writeMark().file() == null ? 0 : appender.writeMark().end();
                appendBatches(appender, 3 * BLOCK, pretoucher);
                final long end = appender.writeMark().end();
                final long touched = pretoucher.agent.pagesTouched() - touchedBefore;
                assertThat(touched).as("pages touched in cycle %d (written %d to %d)", cycle, start, end).isBetween(
                    (end - start) / JournalPretoucher.PAGE_SIZE - 2,
                    (end + LOOKAHEAD - start) / JournalPretoucher.PAGE_SIZE + 1);
                clock.advanceMillis(MINUTE_MS);
                appendBatches(appender, 1, pretoucher);
                assertThat(appender.writeMark().end()).as("a new queue file after the roll").isLessThan(end);
            }
        }
        assertAllRecordsRead();
        assertThat(QueueFiles.cycleFiles(dir)).hasSize(4);
    }

    @Test
    void shouldChangeNoRecordWhileTouchingAlongsideTheAppender()
    {
        final JournalPretoucher pretoucher;
        try (Journal journal = open())
        {
            pretoucher = journal.pretoucher(LOOKAHEAD, 0);
            final AgentRunner runner = new AgentRunner(new SleepingIdleStrategy(10_000), Throwable::printStackTrace,
                null, pretoucher);
            AgentRunner.startOnThread(runner);
            try
            {
                final JournalAppender appender = journal.appender();
                for (int cycle = 0; cycle < 3; cycle++)
                {
                    for (int i = 0; i < ROUNDS; i++)
                    {
                        if (i % 3 == 0)
                        {
                            TestRecords.appendNext(appender, scratch);
                        }
                        else
                        {
                            appendBatch(appender);
                        }
                    }
                    clock.advanceMillis(MINUTE_MS);
                }
            }
            finally
            {
                runner.close();
            }
        }
        assertThat(pretoucher.pagesTouched()).as("pages touched concurrently").isPositive();
        final VerifyReport report = assertAllRecordsRead();
        assertThat(report.recordCount()).isEqualTo(3 * (ROUNDS / 3 + 1 + (ROUNDS - ROUNDS / 3 - 1) * BATCH));
    }

    @Test
    void shouldTouchNothingThatWouldTakeTheDiskBelowItsReserve() throws Exception
    {
        final long free = Files.getFileStore(dir).getUsableSpace();
        try (Journal journal = open();
            LockstepPretoucher pretoucher = new LockstepPretoucher(journal.pretoucher(LOOKAHEAD, free * 2)))
        {
            appendBatches(journal.appender(), BLOCK, pretoucher);
            assertThat(pretoucher.agent.pagesTouched()).isZero();
            assertThat(pretoucher.agent.skippedForSpace()).isPositive();
        }
        assertAllRecordsRead();
    }

    @Test
    void shouldStopTouchingAtTheReserveOfADiskThatFillsUp() throws Exception
    {
        final long reserve = 3 * BLOCK;
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), 8))
        {
            final Path journalDir = disk.directory().resolve("journal");
            long leastFreeAfterTouching = Long.MAX_VALUE;
            try (Journal journal = Journal.open(new JournalContext().directory(journalDir).timeProvider(clock)
                    .blockSize(BLOCK).maxPayloadLength(TestRecords.MAX_PAYLOAD_LENGTH));
                LockstepPretoucher pretoucher = new LockstepPretoucher(journal.pretoucher(LOOKAHEAD, reserve)))
            {
                final JournalAppender appender = journal.appender();
                while (disk.usableSpace() >= reserve - BLOCK)
                {
                    final long touchedBefore = pretoucher.agent.pagesTouched();
                    appendBatch(appender);
                    pretoucher.catchUp();
                    if (pretoucher.agent.pagesTouched() > touchedBefore)
                    {
                        leastFreeAfterTouching = Math.min(leastFreeAfterTouching, disk.usableSpace());
                    }
                }
                assertThat(pretoucher.agent.pagesTouched()).as("pages touched while there was room").isPositive();
                assertThat(pretoucher.agent.skippedForSpace()).as("stretches left for lack of room").isPositive();
                assertThat(pretoucher.agent.overtaken()).as("appends past the pages touched, once held back")
                    .isPositive();
            }
            assertThat(leastFreeAfterTouching).as("least free space after the pretoucher touched pages")
                .isGreaterThanOrEqualTo(reserve);
            try (Journal journal = Journal.openReadOnly(journalDir))
            {
                final VerifyReport report = journal.verify();
                assertThat(report.ok()).as(report.describe()).isTrue();
            }
        }
    }

    @Test
    void shouldRefuseALookaheadBelowAPageOrANegativeReserve()
    {
        try (Journal journal = open())
        {
            assertThatThrownBy(() -> journal.pretoucher(JournalPretoucher.PAGE_SIZE - 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lookahead 4095 bytes is less than a page (4096 bytes)");
            assertThatThrownBy(() -> journal.pretoucher(LOOKAHEAD, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reserve -1 bytes is negative");
        }
    }

    private long minorFaultsAppending(
        final JournalAppender appender, final long bytes, final LockstepPretoucher pretoucher) throws IOException
    {
        final long before = minorFaults();
        appendBatches(appender, bytes, pretoucher);
        return minorFaults() - before;
    }

    /**
     * Append batches until {@code bytes} more are written, or until the appender has moved to a new queue file (its
     * write position then falls below where it started); after each commit, when given a pretoucher, let it touch
     * all it wants to before the next batch.
     */
    private void appendBatches(final JournalAppender appender, final long bytes, final LockstepPretoucher pretoucher)
    {
        final long start = null == appender.writeMark().file() ? 0 : appender.writeMark().end();
        do
        {
            appendBatch(appender);
            if (null != pretoucher)
            {
                pretoucher.catchUp();
            }
        }
        while (appender.writeMark().end() - start < bytes && appender.writeMark().end() >= start);
    }

    private void appendBatch(final JournalAppender appender)
    {
        appender.beginBatch();
        for (int k = 0; k < BATCH; k++)
        {
            final long sequence = appender.lastSequence() + 1 + k;
            final int length = TestRecords.writePayload(scratch, 0, sequence);
            appender.add(scratch, 0, length, TestRecords.ingressNanos(sequence), TestRecords.source(sequence),
                TestRecords.applicationFlags(sequence));
        }
        appender.commitBatch();
    }

    private VerifyReport assertAllRecordsRead()
    {
        try (Journal journal = Journal.open(new JournalContext().directory(dir).readOnly(true)))
        {
            final VerifyReport report = journal.verify();
            assertThat(report.ok()).as(report.describe()).isTrue();
            final RecordChecker checker = new RecordChecker(1, true);
            assertThat(journal.replay(1, checker)).isEqualTo(report.recordCount());
            assertThat(checker.firstMismatch()).isNull();
            return report;
        }
    }

    /**
     * The flags ({@code VmFlags} of {@code /proc/self/smaps}) of each mapping of a file in this process, one list of
     * flags a mapping.
     */
    private static List<List<String>> mappingFlags(final Path file) throws IOException
    {
        final List<List<String>> flags = new ArrayList<>();
        boolean inFile = false;
        for (final String line : Files.readAllLines(SMAPS))
        {
            if (line.startsWith("VmFlags:"))
            {
                if (inFile)
                {
                    flags.add(List.of(line.substring("VmFlags:".length()).trim().split(" +")));
                }
                inFile = false;
            }
            else if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*"))
            {
                inFile = line.endsWith(" " + file);
            }
        }
        return flags;
    }

    /** The calling thread's minor page faults, field 10 of {@code /proc/thread-self/stat}. */
    private static long minorFaults() throws IOException
    {
        final String stat = Files.readString(THREAD_STAT);
        final String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[7]);
    }

    /**
     * Runs a pretoucher on a thread of its own, in step with the test: {@link #catchUp()} returns once it has touched
     * everything it wants to after the appender's last commit.
     */
    private static final class LockstepPretoucher implements AutoCloseable
    {
        final JournalPretoucher agent;
        private final Thread thread;
        private volatile long requested;
        private volatile long done;
        private volatile boolean stop;

        LockstepPretoucher(final JournalPretoucher agent)
        {
            this.agent = agent;
            this.thread = new Thread(this::run, "test-pretouch");
            thread.start();
        }

        private void run()
        {
            long seen = 0;
            while (!stop)
            {
                final long request = requested;
                if (request != seen)
                {
                    while (agent.doWork() > 0)
                    {
                        Thread.onSpinWait();
                    }
                    seen = request;
                    done = request;
                }
                Thread.onSpinWait();
            }
            agent.onClose();
        }

        void catchUp()
        {
            final long request = requested + 1;
            requested = request;
            while (done != request)
            {
                Thread.onSpinWait();
            }
        }

        @Override
        public void close()
        {
            stop = true;
            try
            {
                thread.join();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the pretoucher", ex);
            }
        }
    }
}
