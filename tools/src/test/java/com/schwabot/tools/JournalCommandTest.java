package com.schwabot.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;

import static org.assertj.core.api.Assertions.assertThat;

class JournalCommandTest
{
    @TempDir
    Path temp;

    @Test
    void shouldDumpOneLinePerRecordWithSequenceTimeSourceFlagsAndTheMessage()
    {
        final Path dir = sampleJournal();

        final CliRunner.Result result = CliRunner.run("journal", "dump", dir.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        final List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith(
            "seq=1 time=2023-11-14T22:13:20.123456789Z venue=1 conn=2 flags=0x04 Trade{");
        assertThat(lines.get(0)).contains("tradeId=" + TestJournals.TRADE_ID, "price=6512345e-2");
        assertThat(lines.get(1))
            .startsWith("seq=2 time=2023-11-14T22:13:20.123457789Z venue=1 conn=2 flags=0x00 BookTop{");
        assertThat(lines.get(2)).startsWith("seq=3 ").contains(" Heartbeat{");
        assertThat(lines.get(3)).startsWith("seq=4 ").contains(" BadFrame{", "schemaId=77");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void shouldDumpFromASequenceUpToALimit()
    {
        final Path dir = sampleJournal();

        final CliRunner.Result result = CliRunner.run("journal", "dump", dir.toString(), "--from", "2", "--limit", "2");

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        final List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("seq=2 ");
        assertThat(lines.get(1)).startsWith("seq=3 ");
    }

    @Test
    void shouldPrintNothingFromASequenceAfterTheEndAndSaySoOnStderr()
    {
        final Path dir = sampleJournal();
        final CliRunner.Result result = CliRunner.run("journal", "dump", dir.toString(), "--from", "99");

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("journal " + dir + ": no record at or after sequence 99" +
            System.lineSeparator());
    }

    @Test
    void shouldFollowRecordsAppendedWhileDumping() throws Exception
    {
        final Path dir = sampleJournal();
        final CompletableFuture<CliRunner.Result> dump = CompletableFuture.supplyAsync(
            () -> CliRunner.run("journal", "dump", dir.toString(), "--follow", "--from", "3", "--limit", "4"));
        Thread.sleep(200);
        assertThat(dump).isNotDone();

        TestJournals.appendHeartbeats(dir, 2);

        final CliRunner.Result result = dump.get(30, TimeUnit.SECONDS);
        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines().map((line) -> line.substring(0, line.indexOf(' '))).toList())
            .containsExactly("seq=3", "seq=4", "seq=5", "seq=6");
    }

    @Test
    void shouldRejectANonPositiveLimit()
    {
        final CliRunner.Result result = CliRunner.run("journal", "dump", sampleJournal().toString(), "--limit", "0");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("schwabot: --limit must be >= 1");
    }

    @Test
    void shouldVerifyASoundJournal()
    {
        final CliRunner.Result result = CliRunner.run("journal", "verify", sampleJournal().toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("OK records=4 valid=4 problems=0");
    }

    @Test
    void shouldReportADamagedJournalWithExitOne() throws IOException
    {
        final Path dir = sampleJournal();
        TestJournals.damageTrade(dir);

        final CliRunner.Result result = CliRunner.run("journal", "verify", dir.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).contains("DAMAGED records=4 valid=3 problems=1", "CHECKSUM_MISMATCH", "sequence=1");
    }

    @Test
    void shouldLeaveOutARecordThatFailsItsChecksumAndSaySo() throws IOException
    {
        final Path dir = sampleJournal();
        TestJournals.damageTrade(dir);
        final String warning = "warning: journal " + dir + ": left out 0 excerpts that are not valid records and 1 " +
            "records whose payload fails its CRC32C (`schwabot journal verify` names them)" + System.lineSeparator();

        assertThat(warnsAndRuns(warning, "journal", "dump", dir.toString()).out().lines()
            .map((line) -> line.substring(0, line.indexOf(' '))).toList()).containsExactly("seq=2", "seq=3", "seq=4");

        final CliRunner.Result stats = CliRunner.run("journal", "stats", dir.toString());
        assertThat(stats.status()).as(stats.toString()).isEqualTo(ExitCodes.OK);
        assertThat(stats.out())
            .contains("records        3", "bad checksum   1 (records whose payload fails its CRC32C");
    }

    @Test
    void shouldReportAQueueFileThatIsNotChronicleOnesWithoutWaitingForItsHeader() throws IOException
    {
        final Path dir = Files.createDirectory(temp.resolve("zeros"));
        Files.write(dir.resolve("20261207F.cq4"), new byte[8192]);
        final String why = "20261207F.cq4 is not a Chronicle queue file: it starts with zeros where Chronicle's " +
            "header is; it is left out";

        final CliRunner.Result verify = CliRunner.run("journal", "verify", dir.toString());
        assertThat(verify.status()).as(verify.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(verify.out()).contains("DAMAGED records=0 valid=0 problems=1", "NOT_A_QUEUE_FILE", why);

        final CliRunner.Result dump = CliRunner.run("journal", "dump", dir.toString());
        assertThat(dump.status()).as(dump.toString()).isEqualTo(ExitCodes.OK);
        assertThat(dump.out()).isEmpty();
        assertThat(dump.err()).isEqualTo("warning: journal " + dir + ": " + why + System.lineSeparator() +
            "journal " + dir + ": no record" + System.lineSeparator());
    }

    @Test
    void shouldCountRecordsPerTemplateWithTheSchemaNames()
    {
        final CliRunner.Result result = CliRunner.run("journal", "stats", sampleJournal().toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
            .contains("records        4")
            .contains("first          seq=1 time=2023-11-14T22:13:20.123456789Z")
            .contains("last           seq=4 time=2023-11-14T22:13:20.123459789Z")
            .containsPattern("Trade +101 +1 +1 +\\d+")
            .containsPattern("BookTop +101 +2 +1 +\\d+")
            .containsPattern("Heartbeat +101 +13 +1 +\\d+")
            .containsPattern("\\(unknown\\) +77 +5 +1 +12");
    }

    @Test
    void shouldWarnThatADaysFileCopiedUnderTheNextDaysNameIsReadTwice() throws IOException
    {
        final Path dir = temp.resolve("copied");
        final List<Path> days = TestJournals.writeDays(dir, 3, 4);
        Files.copy(days.get(0), days.get(1), StandardCopyOption.REPLACE_EXISTING);
        final String why = "20231115F.cq4 holds sequences 1 to 4, but 20231114F.cq4, an earlier cycle's file, " +
            "already reached sequence 4 (a file copied or renamed under another cycle's name, or from another " +
            "journal?); it is read where its name puts it, so those sequences come twice or out of order";
        final String warning = "warning: journal " + dir + ": " + why + System.lineSeparator();

        assertThat(warnsAndRuns(warning, "journal", "stats", dir.toString()).out())
            .contains("records        12", "damaged file   " + why + System.lineSeparator());
        assertThat(warnsAndRuns(warning, "journal", "dump", dir.toString()).out().lines()).hasSize(12);

        final CliRunner.Result verify = CliRunner.run("journal", "verify", dir.toString());
        assertThat(verify.status()).as(verify.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(verify.out()).contains("FILE_OUT_OF_ORDER cycle=? index=? sequence=?: " + why,
            "SEQUENCE_REGRESSION");

        warnsAndRuns(warning, "replay", "--journal", dir.toString(), "--no-report", "--no-progress");
    }

    @Test
    void shouldNameACopyBesideTheQueueFilesInsteadOfFailingToParseItsName() throws IOException
    {
        final Path dir = temp.resolve("with copy");
        final List<Path> days = TestJournals.writeDays(dir, 2, 4);
        Files.copy(days.get(0), dir.resolve("20231114F copy.cq4"));
        final String why = "20231114F copy.cq4 is not named after a cycle as queue files are (such as " +
            "20231114F.cq4): a copy or a backup? Chronicle cannot place it";
        final String warning = "warning: journal " + dir + ": " + why + "; it is left out" + System.lineSeparator();

        final CliRunner.Result verify = CliRunner.run("journal", "verify", dir.toString());
        assertThat(verify.status()).as(verify.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(verify.out()).contains("DAMAGED records=8 valid=8 problems=1",
            "MISNAMED_FILE cycle=? index=? sequence=?: " + why);

        assertThat(warnsAndRuns(warning, "journal", "stats", dir.toString()).out()).contains("records        8");
        assertThat(warnsAndRuns(warning, "journal", "dump", dir.toString()).out().lines()).hasSize(8);

        warnsAndRuns(warning, "replay", "--journal", dir.toString(), "--no-report", "--no-progress");

        final CliRunner.Result run = CliRunner.run(Map.of("SCHWABOT_MONITORING_HTTP_PORT", "0",
            "SCHWABOT_JOURNAL_DIR", dir.toString()), "run", "--duration", "2s", "--data-dir",
            temp.resolve("data").toString());
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitCodes.IO);
        assertThat(run.err()).startsWith("schwabot: the engine could not start: journal " + dir + " is damaged: " +
            why + " (schwabot journal verify ");
        assertThat(run.out()).as("nothing started").isEmpty();
    }

    @Test
    void shouldFollowAJournalBesideACopyLeavingTheCopyOutAsTheOtherReadersDo() throws Exception
    {
        final Path dir = temp.resolve("with copy");
        final List<Path> days = TestJournals.writeDays(dir, 2, 4);
        final CliRunner.Result result;
        try (Journal writer = Journal.open(new JournalContext().directory(dir)))
        {
            Files.copy(days.get(1), dir.resolve("20231115F copy.cq4"));
            final CompletableFuture<CliRunner.Result> dump = CompletableFuture.supplyAsync(
                () -> CliRunner.run("journal", "dump", dir.toString(), "--follow", "--limit", "10"));
            Thread.sleep(200);
            assertThat(dump).isNotDone();
            TestJournals.appendHeartbeats(writer, 2);

            result = dump.get(30, TimeUnit.SECONDS);
        }
        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).isEqualTo(copyLeftOut(dir));
        assertThat(result.out().lines().map((line) -> line.substring(0, line.indexOf(' '))).toList())
            .containsExactly("seq=1", "seq=2", "seq=3", "seq=4", "seq=5", "seq=6", "seq=7", "seq=8", "seq=9", "seq=10");
    }

    @Test
    void shouldFollowOnPastACopyMadeWhileFollowingAndSayOnceThatItIsLeftOut() throws Exception
    {
        final Path dir = temp.resolve("copied later");
        final List<Path> days = TestJournals.writeDays(dir, 2, 4);
        final CliRunner.Result result;
        try (Journal writer = Journal.open(new JournalContext().directory(dir)))
        {
            final CompletableFuture<CliRunner.Result> dump = CompletableFuture.supplyAsync(
                () -> CliRunner.run("journal", "dump", dir.toString(), "--follow", "--limit", "10"));
            Thread.sleep(200);
            assertThat(dump).isNotDone();
            Files.copy(days.get(1), dir.resolve("20231115F copy.cq4"));
            Thread.sleep(100);
            TestJournals.appendHeartbeats(writer, 2);

            result = dump.get(30, TimeUnit.SECONDS);
        }
        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).isEqualTo(copyLeftOut(dir));
        assertThat(result.out().lines()).hasSize(10);
    }

    /**
     * The warning of a reader that leaves out the copy of the second day's file (a copy of another than the first: the
     * writer's listing parses the first name, and a copy of the first file sorts before it).
     */
    private static String copyLeftOut(final Path dir)
    {
        return "warning: journal " + dir + ": 20231115F copy.cq4 is not named after a cycle as queue files are (such " +
            "as 20231114F.cq4): a copy or a backup? Chronicle cannot place it; it is left out" + System.lineSeparator();
    }

    @Test
    void shouldWarnThatNoReaderGetsPastTheLastFileCopiedUnderALaterDaysName() throws IOException
    {
        final Path dir = temp.resolve("last-copied");
        final List<Path> days = TestJournals.writeDays(dir, 2, 4);
        Files.copy(days.get(1), dir.resolve("20231116F.cq4"));
        final String why = "20231115F.cq4 has no end-of-file mark, which every file but a journal's last has, yet " +
            "20231116F.cq4 follows it: readers stop at its end and never read it (a file copied or renamed under " +
            "another cycle's name, or from another journal?)";

        final CliRunner.Result stats = CliRunner.run("journal", "stats", dir.toString());
        assertThat(stats.status()).as(stats.toString()).isEqualTo(ExitCodes.OK);
        assertThat(stats.err()).isEqualTo("warning: journal " + dir + ": " + why + System.lineSeparator());
        assertThat(stats.out()).contains("records        8", "damaged file   " + why, "unread         from index");

        final CliRunner.Result dump = CliRunner.run("journal", "dump", dir.toString());
        assertThat(dump.status()).as(dump.toString()).isEqualTo(ExitCodes.OK);
        assertThat(dump.err()).startsWith("warning: journal " + dir + ": " + why + System.lineSeparator())
            .contains("the read stopped at index");

        final CliRunner.Result verify = CliRunner.run("journal", "verify", dir.toString());
        assertThat(verify.status()).as(verify.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(verify.out()).contains("NO_END_OF_FILE_MARK cycle=? index=? sequence=?: " + why);
    }

    @Test
    void shouldFailWithTheIoCodeOnAMissingDirectory()
    {
        for (final String command : List.of("dump", "verify", "stats"))
        {
            final CliRunner.Result result = CliRunner.run("journal", command, temp.resolve("nope").toString());

            assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.IO);
            assertThat(result.err()).isEqualTo("schwabot: journal directory does not exist: " +
                temp.resolve("nope") + System.lineSeparator());
        }
    }

    @Test
    void shouldFailWithTheIoCodeOnADirectoryThatIsNotAJournal() throws IOException
    {
        final Path empty = Files.createDirectory(temp.resolve("empty"));

        final CliRunner.Result result = CliRunner.run("journal", "verify", empty.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).contains("is not a journal");
    }

    @Test
    void shouldSayAFileGivenAsTheJournalIsNotOne() throws IOException
    {
        final Path file = Files.writeString(temp.resolve("journal.txt"), "not a journal");

        final CliRunner.Result result = CliRunner.run("journal", "stats", file.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).isEqualTo("schwabot: " + file + " is not a journal: it is a file, and a journal is " +
            "a directory" + System.lineSeparator());
    }

    @Test
    void shouldRequireTheDirectory()
    {
        final CliRunner.Result result = CliRunner.run("journal", "stats");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("schwabot: Missing required parameter: 'DIR'\n");
    }

    private Path sampleJournal()
    {
        final Path dir = temp.resolve("journal");
        TestJournals.writeSample(dir);
        return dir;
    }

    /**
     * Run a command that must succeed with exactly one warning on stderr.
     */
    private static CliRunner.Result warnsAndRuns(final String warning, final String... args)
    {
        final CliRunner.Result result = CliRunner.run(args);
        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).as(String.join(" ", args)).isEqualTo(warning);
        return result;
    }
}
