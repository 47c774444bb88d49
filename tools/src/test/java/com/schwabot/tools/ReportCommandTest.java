package com.schwabot.tools;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code replay} writes the report of a backtest and prints where; {@code report} rebuilds it from the journal to
 * the same bytes. The journal is the hand-checked CSV scenario of the engine's ImportReplayTest (copied to
 * scenario/): one long BTCUSDT trade of 0.01, net -0.7001 after 0.7999 of fees.
 */
class ReportCommandTest
{
    @TempDir
    Path temp;

    static Path scenario(final String name)
    {
        try
        {
            return Path.of(ReportCommandTest.class.getResource("/scenario/" + name).toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private Path importScenario()
    {
        final Path journal = temp.resolve("journal");
        final CliRunner.Result imported = CliRunner.run("import", "--config", scenario("config").toString(),
            "--journal", journal.toString(), scenario("scenario.csv").toString());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(ExitCodes.OK);
        return journal;
    }

    private static List<Path> reportPaths(final String out)
    {
        return out.lines().filter((line) -> line.startsWith("report ")).map((line) -> Path.of(line.substring(7)))
            .toList();
    }

    private static List<Path> files(final Path dir) throws IOException
    {
        try (Stream<Path> list = Files.list(dir))
        {
            return list.sorted().toList();
        }
    }

    @Test
    void shouldWriteTheReportOfABacktestAndPrintWhereItWent() throws IOException
    {
        final Path journal = importScenario();
        final Path reports = temp.resolve("reports");

        final CliRunner.Result replay = CliRunner.run("replay", "--config", scenario("config").toString(),
            "--journal", journal.toString(), "--reports", reports.toString());

        assertThat(replay.status()).as(replay.toString()).isEqualTo(ExitCodes.OK);
        assertThat(replay.err()).as("no progress bar without a terminal").isEmpty();
        assertThat(replay.out()).contains("orders sent 2, fills 2", "P&L -0.70");
        final List<Path> paths = reportPaths(replay.out());
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).getFileName().toString()).matches("backtest-20240101T235958Z-[0-9a-f]{8}\\.json");
        assertThat(paths.get(1).toString()).isEqualTo(paths.get(0).toString().replace(".json", ".html"));
        assertThat(files(reports)).containsExactlyInAnyOrderElementsOf(paths);
        final String json = Files.readString(paths.get(0));
        assertThat(json).contains("\"fillModel\":\"simulated\"", "\"trades\":1,", "\"netPnl\":-0.700",
            "\"qty\":\"0.01000\"");
        assertThat(Files.readString(paths.get(1))).contains("<svg", "Trades (1)", "BTCUSDT");
    }

    @Test
    void shouldRebuildTheSameReportFromTheJournal() throws IOException
    {
        final Path journal = importScenario();
        final Path reports = temp.resolve("reports");
        final CliRunner.Result replay = CliRunner.run("replay", "--config", scenario("config").toString(),
            "--journal", journal.toString(), "--reports", reports.toString());
        final List<Path> written = reportPaths(replay.out());
        final byte[] json = Files.readAllBytes(written.get(0));
        final byte[] html = Files.readAllBytes(written.get(1));
        for (final Path path : written)
        {
            Files.delete(path);
        }

        final CliRunner.Result report = CliRunner.run("report", "--config", scenario("config").toString(),
            "--journal", journal.toString(), "--reports", reports.toString());

        assertThat(report.status()).as(report.toString()).isEqualTo(ExitCodes.OK);
        assertThat(report.out()).startsWith("rebuilt from 27 journal records (runs: 1, fills: simulated): trades 1, " +
            "P&L -0.7001, fees 0.7999\n");
        assertThat(reportPaths(report.out())).isEqualTo(written);
        assertThat(Files.readAllBytes(written.get(0))).isEqualTo(json);
        assertThat(Files.readAllBytes(written.get(1))).isEqualTo(html);
    }

    @Test
    void shouldWriteNoReportWhenAskedNot() throws IOException
    {
        final Path journal = importScenario();

        final CliRunner.Result replay = CliRunner.run("replay", "--config", scenario("config").toString(),
            "--journal", journal.toString(), "--reports", temp.resolve("reports").toString(), "--no-report");

        assertThat(replay.status()).isEqualTo(ExitCodes.OK);
        assertThat(reportPaths(replay.out())).isEmpty();
        assertThat(temp.resolve("reports")).doesNotExist();
    }

    @Test
    void shouldSayWhenTheReportsCannotBeWritten() throws IOException
    {
        final Path journal = importScenario();
        final Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        final String why = "it is a file, not a directory (--reports names the directory the report's two files go " +
            "into)";

        for (final String command : List.of("replay", "report"))
        {
            final CliRunner.Result result = CliRunner.run(command, "--config", scenario("config").toString(),
                "--journal", journal.toString(), "--reports", file.toString());
            final CliRunner.Result under = CliRunner.run(command, "--config", scenario("config").toString(),
                "--journal", journal.toString(), "--reports", file.resolve("reports").toString());

            assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.IO);
            assertThat(result.err()).isEqualTo("schwabot: cannot write the report to " + file + ": " + why +
                System.lineSeparator());
            assertThat(result.out()).as("refused before the replay").isEmpty();
            assertThat(under.status()).as(under.toString()).isEqualTo(ExitCodes.IO);
            assertThat(under.err()).isEqualTo("schwabot: cannot write the report to " + file.resolve("reports") +
                ": " + file + " is a file, not a directory (--reports names the directory the report's two files " +
                "go into)" + System.lineSeparator());
        }
        final CliRunner.Result missing = CliRunner.run("report", "--journal", temp.resolve("nothing").toString());
        assertThat(missing.status()).isEqualTo(ExitCodes.IO);
    }

    @Test
    void shouldSayWhenTheReportsDirectoryIsNotWritable() throws IOException
    {
        final Path journal = importScenario();
        final Path locked = Files.createDirectory(temp.resolve("locked"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        assumeFalse(Files.isWritable(locked), "permissions are not enforced for this user (root)");

        final CliRunner.Result result = CliRunner.run("replay", "--config", scenario("config").toString(),
            "--journal", journal.toString(), "--reports", locked.resolve("reports").toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).isEqualTo("schwabot: cannot write the report to " + locked.resolve("reports") +
            ": " + locked + " is not writable (its permissions, or a read-only file system), so the directory " +
            "cannot be created in it" + System.lineSeparator());
    }

    @Test
    void shouldNameThePathAndWhyWhenWritingTheReportFails()
    {
        final Path file = temp.resolve("not-a-dir");

        assertThat(BacktestReports.reason(new FileAlreadyExistsException(file.toString())))
            .isEqualTo(file + " exists and is not a directory");
        assertThat(BacktestReports.reason(new FileSystemException(file + "/x", null,
            "Not a directory"))).isEqualTo(file + "/x: Not a directory");
        assertThat(BacktestReports.reason(new AccessDeniedException(file.toString())))
            .isEqualTo(file + ": permission denied");
    }
}
