package com.schwabot.tools;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalStats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PersistCommandTest
{
    @TempDir
    Path temp;

    @Test
    void shouldPersistARunLiveThenFindNothingNewToAddAfterIt() throws Exception
    {
        final CliRunner.Result run = CliRunner.run("run", "--duration", "4s", "--data-dir", temp.toString());
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitCodes.OK);
        final Path journal = temp.resolve("data/journal");
        final Path db = temp.resolve("data/db");
        final JournalStats stats;
        try (Journal j = Journal.openReadOnly(journal))
        {
            stats = j.stats();
        }

        assertThat(number(db.resolve("schwabot_trading.db"), "SELECT count(*) FROM executions"))
            .isEqualTo(stats.count(MessageHeaderDecoder.SCHEMA_ID, ExecutionReportDecoder.TEMPLATE_ID));
        assertThat(number(db.resolve("schwabot_trading.db"), "SELECT count(*) FROM orders"))
            .isEqualTo(stats.count(MessageHeaderDecoder.SCHEMA_ID, NewOrderDecoder.TEMPLATE_ID));
        assertThat(number(db.resolve("schwabot_state.db"), "SELECT count(*) FROM runs"))
            .isEqualTo(stats.count(MessageHeaderDecoder.SCHEMA_ID, AdminCommandDecoder.TEMPLATE_ID)).isEqualTo(1);
        assertThat(number(db.resolve("schwabot_state.db"), "SELECT count(*) FROM config_snapshots WHERE " +
            "run_sequence = 1 AND source = 'the bundled defaults' AND config LIKE '%profile: low-cpu%'"))
            .isEqualTo(1);
        for (final String name : new String[]{"schwabot_trading.db", "schwabot_monitoring.db", "schwabot_state.db"})
        {
            assertThat(number(db.resolve(name), "SELECT sequence FROM journal_position")).as(name)
                .isEqualTo(stats.lastSequence());
        }

        final CliRunner.Result persist = CliRunner.run("persist", "--journal", journal.toString(), "--data-dir",
            temp.toString());

        assertThat(persist.status()).as(persist.toString()).isEqualTo(ExitCodes.OK);
        assertThat(persist.out()).startsWith("persisted " + journal + " into " + db + ": 0 new records")
            .contains("  schwabot_trading.db      up to seq " + stats.lastSequence() + ": orders=")
            .contains("  schwabot_state.db        up to seq " + stats.lastSequence() + ": runs=1 config_snapshots=1");
    }

    @Test
    void shouldBuildTheDatabasesOfAnImportedJournalWhereAsked() throws Exception
    {
        final Path csv = Files.writeString(temp.resolve("BTCUSDT-trades-2024-01-02.csv"), ImportCommandTest.TRADES);
        final Path journal = temp.resolve("journal");
        CliRunner.run("import", "--journal", journal.toString(), csv.toString());
        final Path db = temp.resolve("db");

        final CliRunner.Result result = CliRunner.run("persist", "--journal", journal.toString(), "--sqlite-dir",
            db.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines().toList()).containsExactly(
            "persisted " + journal + " into " + db + ": 3 new records",
            "  schwabot_trading.db      up to seq 3: orders=0 cancels=0 executions=0 fills=0 positions=0",
            "  schwabot_monitoring.db   up to seq 3: metrics=0",
            "  schwabot_state.db        up to seq 3: runs=0 config_snapshots=0");
        assertThat(number(db.resolve("schwabot_monitoring.db"), "SELECT trade_frames FROM metrics_pending"))
            .isEqualTo(3);
    }

    @Test
    void shouldRefuseAJournalWithAQueueFileThatIsNotOneInsteadOfWaitingForItsHeader() throws Exception
    {
        final Path journal = Files.createDirectories(temp.resolve("zeros"));
        Files.write(journal.resolve("20261207F.cq4"), new byte[8192]);

        final CliRunner.Result result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRunner.run(
            "persist", "--journal", journal.toString(), "--sqlite-dir", temp.resolve("db").toString()));

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).startsWith("schwabot: journal " + journal + " is damaged: 20261207F.cq4 is not a " +
            "Chronicle queue file: it starts with zeros where Chronicle's header is");
    }

    @Test
    void shouldExitWithTheIoCodeForAMissingJournalOrADatabaseItCannotUse() throws Exception
    {
        final Path csv = Files.writeString(temp.resolve("BTCUSDT-trades-2024-01-02.csv"), ImportCommandTest.TRADES);
        final Path journal = temp.resolve("journal");
        CliRunner.run("import", "--journal", journal.toString(), csv.toString());
        final Path db = temp.resolve("db");
        CliRunner.run("persist", "--journal", journal.toString(), "--sqlite-dir", db.toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.resolve("schwabot_trading.db"));
            Statement s = c.createStatement())
        {
            s.executeUpdate("UPDATE schema_version SET version = 2");
        }

        final CliRunner.Result missing = CliRunner.run("persist", "--journal", temp.resolve("nope").toString());
        final CliRunner.Result newer = CliRunner.run("persist", "--journal", journal.toString(), "--sqlite-dir",
            db.toString());

        assertThat(missing.status()).isEqualTo(ExitCodes.IO);
        assertThat(missing.err()).isEqualTo("schwabot: journal directory does not exist: " + temp.resolve("nope") +
            "\n");
        assertThat(newer.status()).isEqualTo(ExitCodes.IO);
        assertThat(newer.err()).isEqualTo("schwabot: persist: " + db.resolve("schwabot_trading.db") + " has schema " +
            "version 2, newer than the 1 this build of schwabot writes: use a newer schwabot, or another " +
            "--sqlite-dir\n");
    }

    @Test
    void shouldNameTheOptionItsUserChoosesTheDirectoryWithWhenAnotherSchwabotHoldsTheDatabases() throws Exception
    {
        final Path csv = Files.writeString(temp.resolve("BTCUSDT-trades-2024-01-02.csv"), ImportCommandTest.TRADES);
        final Path journal = temp.resolve("journal");
        CliRunner.run("import", "--journal", journal.toString(), csv.toString());
        final Path db = Files.createDirectories(temp.resolve("db"));
        final Path lock = db.resolve("schwabot_persist.lock");

        final CliRunner.Result held;
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE))
        {
            final FileLock other = channel.lock();
            held = CliRunner.run("persist", "--journal", journal.toString(), "--sqlite-dir", db.toString());
            other.release();
        }

        assertThat(held.status()).as(held.toString()).isEqualTo(ExitCodes.IO);
        assertThat(held.err()).isEqualTo("schwabot: persist: the databases in " + db + " are being written by " +
            "another schwabot (it holds " + lock + "): stop it first, or use another --sqlite-dir\n");
    }

    static long number(final Path file, final String sql) throws SQLException
    {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery(sql))
        {
            rs.next();
            return rs.getLong(1);
        }
    }
}
