package com.schwabot.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.journal.Tmpfs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schwabot run} with its journal on a disk that fills up while it trades (a 32 MiB tmpfs, skipped where it
 * cannot be mounted; the databases, logs and counters stay on the test's directory): the status line shows the halt
 * and the journal alert below the 16 MiB reserve; below the 8 MiB stop limit the run stops as after Ctrl-C, prints
 * its summary and digest, and exits with the I/O status and one line saying why; then {@code journal verify} passes
 * and {@code replay} reproduces the digest. And a run does not start at all on a disk below the stop limit.
 */
class RunFullDiskTest
{
    private static final long MB = 1L << 20;

    @TempDir
    Path temp;

    @Test
    void shouldStopTheRunWithTheIoStatusWhenTheJournalsDiskFillsUpAndLeaveAJournalThatVerifies() throws Exception
    {
        try (Tmpfs disk = Tmpfs.mount(temp.resolve("disk"), 32))
        {
            final Path journalDir = disk.directory().resolve("journal");
            final Map<String, String> env = new HashMap<>(RunCommandTest.FREE_PORT);
            env.put("SCHWABOT_JOURNAL_DIR", journalDir.toString());
            env.put("SCHWABOT_JOURNAL_MIN_FREE_MB", "16");
            env.put("SCHWABOT_JOURNAL_STOP_FREE_MB", "8");
            final AtomicReference<Throwable> fillerFailure = new AtomicReference<>();
            final Thread filler = new Thread(() -> fill(disk, journalDir, fillerFailure), "test-filler");
            filler.start();

            final CliRunner.Result run = CliRunner.run(env, "run", "--duration", "60s", "--data-dir",
                temp.resolve("data").toString());
            filler.join();

            assertThat(fillerFailure.get()).isNull();
            assertThat(run.status()).as(run.toString()).isEqualTo(ExitCodes.IO);
            assertThat(run.out()).contains(" HALTED", "ALERTS=").containsPattern("ALERTS=[a-z_,]*journal")
                .contains("# stopped: ").containsPattern("order digest [0-9a-f]{64}");
            assertThat(run.err()).startsWith("schwabot: the journal stopped: ")
                .contains("below journal.stop_free_mb (8388608 bytes); the run stopped",
                    "schwabot journal verify " + journalDir);
            final String digest = run.out().replaceAll("(?s).*order digest ([0-9a-f]{64}).*", "$1");

            final CliRunner.Result verify = CliRunner.run("journal", "verify", journalDir.toString());
            assertThat(verify.status()).as(verify.toString()).isEqualTo(ExitCodes.OK);
            final CliRunner.Result replay = CliRunner.run("replay", "--journal", journalDir.toString(), "--no-report");
            assertThat(replay.status()).as(replay.toString()).isEqualTo(ExitCodes.OK);
            assertThat(replay.out()).contains(digest, "reproduced: yes");
        }
    }

    @Test
    void shouldNotStartOnADiskBelowTheStopLimit()
    {
        final Map<String, String> env = new HashMap<>(RunCommandTest.FREE_PORT);
        env.put("SCHWABOT_JOURNAL_MIN_FREE_MB", "100000000");
        env.put("SCHWABOT_JOURNAL_STOP_FREE_MB", "99999999");

        final CliRunner.Result run = CliRunner.run(env, "run", "--duration", "5s", "--data-dir", temp.toString());

        assertThat(run.status()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("schwabot: the engine could not start: no room for the journal: ")
            .contains("bytes free on the disk of " + temp.resolve("data/journal"),
                "below journal.stop_free_mb (104857598951424 bytes); free space first");
    }

    /**
     * Once the run journals, take the disk below the reserve, let it show the halt for a few status lines, then take
     * it below the stop limit.
     */
    private static void fill(final Tmpfs disk, final Path journalDir, final AtomicReference<Throwable> failure)
    {
        try
        {
            final long deadline = System.currentTimeMillis() + 60_000;
            while (!hasQueueFile(journalDir))
            {
                assertThat(System.currentTimeMillis()).as("the run journals").isLessThan(deadline);
                Thread.sleep(50);
            }
            Thread.sleep(2_000);
            disk.fillTo(12 * MB);
            Thread.sleep(3_000);
            disk.fillTo(4 * MB);
        }
        catch (final Exception | AssertionError ex)
        {
            failure.set(ex);
        }
    }

    private static boolean hasQueueFile(final Path journalDir) throws IOException
    {
        if (!Files.isDirectory(journalDir))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(journalDir))
        {
            return files.anyMatch((file) -> file.getFileName().toString().endsWith(".cq4"));
        }
    }
}
