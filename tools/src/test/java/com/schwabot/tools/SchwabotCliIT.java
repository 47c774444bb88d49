package com.schwabot.tools;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.config.ApiKeysFile;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalStats;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as a user runs it: the shaded jar in a child JVM with the flags of tools/jvm.flags, and the
 * launcher tools/schwabot. Each child JVM costs about a second, so each test checks several things per run.
 */
class SchwabotCliIT
{
    private static final String PASSPHRASE = "it passphrase";
    private static final String SECRET = "it-secret-value-0123456789";
    private static final String API_KEY = "it-api-key-abcdef";
    private static final String ITERATIONS = Integer.toString(ApiKeysFile.MIN_ITERATIONS);
    private static final String TOKEN = "it-admin-token-0123456789abcdef";
    private static final String WRONG_TOKEN = "it-wrong-token-0123456789abcdef";
    /** SIGKILLs of {@code schwabot run} in each crash-recovery test: 2, or {@code -Pfuzz}'s 25. */
    private static final int SIGKILLS = Integer.getInteger("schwabot.sigkill.rounds", 2);

    @TempDir
    Path temp;

    @BeforeAll
    static void requireTheBuiltJar()
    {
        assertThat(ChildCli.JAR).as("run mvn package first: the jar is built in the package phase").exists();
    }

    @Test
    void shouldPrintHelpForEveryCommandAndExitZero() throws Exception
    {
        for (final List<String> path : SchwabotCliTest.commandPaths())
        {
            final List<String> args = new ArrayList<>(path);
            args.add("--help");

            final CliRunner.Result result = ChildCli.jar(temp, Map.of(), "", args.toArray(new String[0]));

            assertThat(result.status()).as(args + "\n" + result).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).as(args.toString()).startsWith(
                ("Usage: schwabot " + String.join(" ", path)).trim() + " [").contains("Exit codes:");
            assertThat(result.err()).isEmpty();
        }
        final CliRunner.Result version = ChildCli.jar(temp, Map.of(), "", "--version");
        assertThat(version.status()).isEqualTo(ExitCodes.OK);
        assertThat(version.out()).startsWith("schwabot 0.");
    }

    @Test
    void shouldRunTheEngineOnTheDefaultsThenReplayItsJournalToTheSameDigest() throws Exception
    {
        final CliRunner.Result result = ChildCli.jar(temp, RunCommandTest.FREE_PORT, "", "run", "--duration", "7s",
            "--data-dir", temp.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("events/s=", "# stopped: ", "order digest ");
        assertThat(result.err()).as("a quiet console: no log lines").isEmpty();
        final String digest = result.out().lines().filter((l) -> l.startsWith("order digest ")).findFirst()
            .orElseThrow().split(" ")[2];

        final String journal = temp.resolve("data/journal").toString();
        final List<byte[]> reports = new ArrayList<>();
        for (int run = 0; run < 2; run++)
        {
            final CliRunner.Result replay = ChildCli.jar(temp, Map.of(), "", "replay", "--journal", journal);
            assertThat(replay.status()).as(replay.toString()).isEqualTo(ExitCodes.OK);
            assertThat(replay.out()).contains("reproduced: yes", "order digest " + digest,
                "report reports/backtest-", ".json\nreport reports/backtest-");
            final Path json = temp.resolve(reportLines(replay.out()).get(0));
            assertThat(Files.readString(json)).contains("\"fillModel\":\"recorded\"", "\"orderDigest\":\"" + digest);
            reports.add(Files.readAllBytes(json));
            reports.add(Files.readAllBytes(temp.resolve(reportLines(replay.out()).get(1))));
        }
        assertThat(reports.get(2)).as("the same replay twice: the same JSON").isEqualTo(reports.get(0));
        assertThat(reports.get(3)).as("and the same HTML").isEqualTo(reports.get(1));
    }

    private static List<String> reportLines(final String out)
    {
        return out.lines().filter((line) -> line.startsWith("report ")).map((line) -> line.substring(7)).toList();
    }

    @Test
    void shouldRecoverPositionsAndOrdersAfterSigkillAndSendNoOrderTwice() throws Exception
    {
        final Random random = new Random(20261125L);
        final String journal = temp.resolve("data/journal").toString();
        for (int kill = 0; kill < SIGKILLS; kill++)
        {
            final ChildCli.Running run = ChildCli.start(temp, RunCommandTest.FREE_PORT, "run", "--data-dir",
                temp.toString());
            run.awaitLine(Pattern.compile("orders=([1-9][0-9]*)"), 60_000);
            Thread.sleep(random.nextInt(1_500));
            run.kill();
        }

        final CliRunner.Result restarted = ChildCli.jar(temp, RunCommandTest.FREE_PORT, "", "run", "--duration", "3s",
            "--data-dir", temp.toString());

        assertThat(restarted.status()).as(restarted.toString()).isEqualTo(ExitCodes.OK);
        assertThat(restarted.out())
            .containsPattern("# recovered the session begun at journal sequence 1: \\d+ events");
        final String digest = restarted.out().lines().filter((l) -> l.startsWith("order digest ")).findFirst()
            .orElseThrow().split(" ")[2];
        final CliRunner.Result verify = ChildCli.jar(temp, Map.of(), "", "journal", "verify", journal);
        assertThat(verify.status()).as(verify.toString()).isEqualTo(ExitCodes.OK);
        final CliRunner.Result replay = ChildCli.jar(temp, Map.of(), "", "replay", "--journal", journal);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(ExitCodes.OK);
        assertThat(replay.out()).contains("reproduced: yes", "order digest " + digest);

        final List<Long> clOrdIds = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder order = new NewOrderDecoder();
        try (Journal opened = Journal.openReadOnly(temp.resolve("data/journal")))
        {
            opened.replay(0, (sequence, ingress, source, flags, buffer, offset, length, index) ->
            {
                header.wrap(buffer, offset);
                if (header.schemaId() == MessageHeaderDecoder.SCHEMA_ID &&
                    header.templateId() == NewOrderDecoder.TEMPLATE_ID)
                {
                    clOrdIds.add(order.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH,
                        header.blockLength(), header.version()).clOrdId());
                }
            });
        }
        assertThat(clOrdIds).as("orders in the journal after " + SIGKILLS + " kills and a restart").isNotEmpty()
            .doesNotHaveDuplicates();
    }

    /**
     * The venue outlives the engine: {@code schwabot sim} in one process, {@code schwabot run --simulator} in
     * another, killed with SIGKILL ({@link #SIGKILLS} times) at seeded random moments and restarted while the
     * simulator runs on, each restart recovering the session the kills interrupted. A last
     * run without market data (so it sends nothing) takes whatever the venue still has for it; its positions and fills
     * are then the account's as the simulator prints them, and it exits 1 saying its market data was never reached.
     */
    @Test
    void shouldResumeFromTheVenueAfterSigkillsWhileTheSimulatorRuns() throws Exception
    {
        final Random random = new Random(20261206L);
        final ChildCli.Running sim = ChildCli.start(temp, Map.of(), "sim", "--market-data-port", "0", "--order-port",
            "0");
        try
        {
            final String address = sim.awaitLine(
                Pattern.compile("# engines connect with: schwabot run --simulator (\\S+)\\n"), 60_000);
            final String dataDir = temp.toString();
            for (int kill = 0; kill < SIGKILLS; kill++)
            {
                final ChildCli.Running run = ChildCli.start(temp, RunCommandTest.FREE_PORT, "run", "--data-dir",
                    dataDir, "--simulator", address);
                final long recovered = Long.parseLong(run.awaitLine(Pattern.compile(" orders=(\\d+) "), 60_000));
                awaitOrdersAbove(run, recovered);
                Thread.sleep(random.nextInt(1_500));
                run.kill();
            }
            final CliRunner.Result restarted = ChildCli.jar(temp, RunCommandTest.FREE_PORT, "", "run", "--duration",
                "3s", "--data-dir", dataDir, "--simulator", address);
            final String[] parts = address.split(":");
            final CliRunner.Result settled = ChildCli.jar(temp, RunCommandTest.FREE_PORT, "", "run", "--duration",
                "3s", "--data-dir", dataDir, "--simulator", parts[0] + ":" + unusedPort() + ":" + parts[2]);

            assertThat(restarted.status()).as(restarted.toString()).isEqualTo(ExitCodes.OK);
            assertThat(settled.status()).as("its market data never reached: " + settled).isEqualTo(ExitCodes.FAILURE);
            assertThat(settled.err()).contains("schwabot: the venue was never reached: market data ws://" + parts[0] +
                ":").doesNotContain("order entry");
            for (final CliRunner.Result result : List.of(restarted, settled))
            {
                assertThat(result.out()).containsPattern("# recovered the session begun at journal sequence 1: " +
                    "\\d+ events .*; the venue resends its reports after exec id \\d+\\n");
            }
            final String digest = digest(settled.out());
            assertThat(digest).as("no market data: nothing sent").isEqualTo(digest(restarted.out()));
            final String engine = lastMatch(settled.out(), "# stopped: .* fills=(\\d+) .* pos=(\\S+) ");
            final int printed = sim.out().length();
            final String[] venue = new String[1];
            final long deadline = System.nanoTime() + 30_000_000_000L;
            while (null == venue[0] && System.nanoTime() < deadline)
            {
                Thread.sleep(100);
                venue[0] = lastMatch(sim.out().substring(printed), "account=1 fills=(\\d+) pos=(\\S+)\\n");
            }
            assertThat(engine).as("the restarted engine's fills and positions are the venue's")
                .isEqualTo(venue[0]);

            assertJournalResumedAndReplays(temp.resolve("data/journal"), digest);

            final CliRunner.Result stopped = sim.stop();
            assertThat(stopped.status()).as("SIGTERM, after the shutdown hook: " + stopped).isEqualTo(128 + 15);
            final String[] fillsAndPositions = venue[0].split(" ");
            assertThat(stopped.out()).contains("\n# stopped: orders=")
                .endsWith(" account=1 fills=" + fillsAndPositions[0] + " pos=" + fillsAndPositions[1] + "\n");
            assertThat(stopped.err()).isEmpty();
        }
        finally
        {
            sim.kill();
        }
    }

    /**
     * The journal verifies and replays to the digest; every logon answer after the first resumed exactly after the
     * last report journaled before it; no client order id is there twice.
     */
    private void assertJournalResumedAndReplays(final Path journalDir, final String digest) throws Exception
    {
        final CliRunner.Result verify = ChildCli.jar(temp, Map.of(), "", "journal", "verify", journalDir.toString());
        assertThat(verify.status()).as(verify.toString()).isEqualTo(ExitCodes.OK);
        final CliRunner.Result replay = ChildCli.jar(temp, Map.of(), "", "replay", "--journal",
            journalDir.toString(), "--no-report");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(ExitCodes.OK);
        assertThat(replay.out()).contains("reproduced: yes", "order digest " + digest);

        final List<Long> clOrdIds = new ArrayList<>();
        final List<String> logons = new ArrayList<>();
        final long[] lastExecId = { Long.MIN_VALUE };
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder order = new NewOrderDecoder();
        final ExecutionReportDecoder report = new ExecutionReportDecoder();
        final LogonDecoder logon = new LogonDecoder();
        try (Journal opened = Journal.openReadOnly(journalDir))
        {
            opened.replay(0, (sequence, ingress, source, flags, buffer, offset, length, index) ->
            {
                header.wrap(buffer, offset);
                final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
                if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
                {
                    return;
                }
                switch (header.templateId())
                {
                    case NewOrderDecoder.TEMPLATE_ID -> clOrdIds.add(
                        order.wrap(buffer, body, header.blockLength(), header.version()).clOrdId());
                    case ExecutionReportDecoder.TEMPLATE_ID ->
                    {
                        final long execId = report.wrap(buffer, body, header.blockLength(), header.version()).execId();
                        lastExecId[0] = execId == ExecutionReportDecoder.execIdNullValue() ? lastExecId[0] : execId;
                    }
                    case LogonDecoder.TEMPLATE_ID ->
                    {
                        logon.wrap(buffer, body, header.blockLength(), header.version());
                        logons.add(logon.reset() + " after " + logon.lastExecId() + " (journaled " + lastExecId[0] +
                            ")");
                        lastExecId[0] = logon.lastExecId();
                    }
                    default ->
                    {
                    }
                }
            });
        }
        assertThat(clOrdIds).as("orders in the journal").isNotEmpty().doesNotHaveDuplicates();
        assertThat(logons).as("a logon answer per run (and per reconnect)").hasSizeGreaterThanOrEqualTo(4);
        assertThat(logons.get(0)).startsWith("YES after ");
        for (final String resumed : logons.subList(1, logons.size()))
        {
            final String after = resumed.substring("NO after ".length(), resumed.indexOf(' ', "NO after ".length()));
            assertThat(resumed).as("resumed at the journal's last exec id")
                .isEqualTo("NO after " + after + " (journaled " + after + ")");
        }
    }

    /**
     * Wait until a run's status line counts more orders than it recovered: it has logged on and sent its own.
     */
    private static void awaitOrdersAbove(final ChildCli.Running run, final long recovered) throws Exception
    {
        final long deadline = System.nanoTime() + 60_000_000_000L;
        while (true)
        {
            final String orders = lastMatch(run.out(), " orders=(\\d+) ");
            if (null != orders && Long.parseLong(orders) > recovered)
            {
                return;
            }
            assertThat(System.nanoTime() - deadline).as("no order sent by the run:\n" + run.out()).isNegative();
            Thread.sleep(50);
        }
    }

    private static String digest(final String out)
    {
        return out.lines().filter((l) -> l.startsWith("order digest ")).findFirst().orElseThrow().split(" ")[2];
    }

    /**
     * @return the groups of the last match, joined by a space, or null when none.
     */
    private static String lastMatch(final String text, final String regex)
    {
        final java.util.regex.Matcher matcher = Pattern.compile(regex).matcher(text);
        String last = null;
        while (matcher.find())
        {
            final StringBuilder groups = new StringBuilder();
            for (int g = 1; g <= matcher.groupCount(); g++)
            {
                groups.append(g > 1 ? " " : "").append(matcher.group(g));
            }
            last = groups.toString();
        }
        return last;
    }

    private static int unusedPort() throws IOException
    {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldImportACsvThenBacktestAndPersistIt() throws Exception
    {
        final Path csv = Files.writeString(temp.resolve("BTCUSDT-trades-2024-01-02.csv"), ImportCommandTest.TRADES);
        final Path bad = Files.writeString(temp.resolve("BTCUSDT-aggTrades-2024-01-02.csv"), "1,42130.515,1,1,1," +
            "1704153600123,True,True\n");
        final String journal = temp.resolve("journal").toString();

        final CliRunner.Result rejected = ChildCli.jar(temp, Map.of(), "", "import", "--journal", journal,
            bad.toString());
        final CliRunner.Result imported = ChildCli.jar(temp, Map.of(), "", "import", "--journal", journal,
            csv.toString());
        final CliRunner.Result replay = ChildCli.jar(temp, Map.of(), "", "replay", "--journal", journal,
            "--reports", "bt-reports");
        final List<String> written = reportLines(replay.out());
        final byte[] html = Files.readAllBytes(temp.resolve(written.get(1)));
        Files.delete(temp.resolve(written.get(1)));
        final CliRunner.Result report = ChildCli.jar(temp, Map.of(), "", "report", "--journal", journal,
            "--reports", "bt-reports");
        final CliRunner.Result persist = ChildCli.jar(temp, Map.of(), "", "persist", "--journal", journal,
            "--data-dir", temp.toString());

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(rejected.err()).endsWith("  " + bad + ":1: price = 42130.515: more decimal places than " +
            "BTCUSDT's price_exponent -2 allows\n");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(ExitCodes.OK);
        assertThat(imported.out()).startsWith("imported 1 file into " + journal + ": 3 rows, 3 records");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(ExitCodes.OK);
        assertThat(replay.out()).contains("replayed 3 records");
        assertThat(written).hasSize(2).allMatch((path) -> path.startsWith("bt-reports/backtest-20240102T000000Z-"));
        assertThat(report.status()).as(report.toString()).isEqualTo(ExitCodes.OK);
        assertThat(reportLines(report.out())).isEqualTo(written);
        assertThat(Files.readAllBytes(temp.resolve(written.get(1)))).as("rebuilt to the same bytes").isEqualTo(html);
        assertThat(persist.status()).as(persist.toString()).isEqualTo(ExitCodes.OK);
        assertThat(persist.out()).contains(": 3 new records");
        assertThat(temp.resolve("data/db/schwabot_monitoring.db")).exists();
        assertThat(imported.err() + replay.err() + report.err() + persist.err()).isEmpty();
    }

    /**
     * Ctrl-C (SIGTERM here: the same shutdown hook) stops the run in order, saving the learned weights to the weight
     * cache on the way out: Chronicle Map's own shutdown hook used to close the cache first, and the run ended with
     * "internal error ... ChronicleHashClosedException" instead of its last status line.
     */
    @Test
    void shouldStopInOrderOnSigtermAndSaveTheWeights() throws Exception
    {
        final ChildCli.Running run = ChildCli.start(temp, RunCommandTest.FREE_PORT, "run", "--data-dir",
            temp.toString());
        try
        {
            run.awaitLine(Pattern.compile("events=([1-9][0-9]*)"), 60_000);
            final CliRunner.Result stopped = run.stop();

            assertThat(stopped.status()).as("SIGTERM, after the shutdown hook: " + stopped).isEqualTo(128 + 15);
            assertThat(stopped.out()).as(stopped.toString()).contains("\n# stopped: events/s=");
            assertThat(stopped.out() + stopped.err()).as(stopped.toString())
                .doesNotContain("internal error").doesNotContain("Exception");
        }
        finally
        {
            run.kill();
        }
    }

    @Test
    void shouldCatchUpTheDatabasesAfterTheRunIsKilled() throws Exception
    {
        final Path trading = temp.resolve("data/db/schwabot_trading.db");
        final Process run = ChildCli.start(temp, "run", "--data-dir", temp.toString());
        try
        {
            final long deadline = System.nanoTime() + 60_000_000_000L;
            while (committed(trading) < 300 && System.nanoTime() < deadline)
            {
                Thread.sleep(50);
            }
            assertThat(committed(trading)).as("the run persists as it goes").isGreaterThanOrEqualTo(300);
        }
        finally
        {
            run.destroyForcibly().waitFor();
        }
        final long atKill = committed(trading);

        final CliRunner.Result persist = ChildCli.jar(temp, Map.of(), "", "persist", "--journal",
            temp.resolve("data/journal").toString(), "--data-dir", temp.toString());

        assertThat(persist.status()).as(persist.toString()).isEqualTo(ExitCodes.OK);
        try (Journal journal = Journal.openReadOnly(temp.resolve("data/journal")))
        {
            final JournalStats stats = journal.stats();
            assertThat(committed(trading)).isEqualTo(stats.lastSequence()).isGreaterThanOrEqualTo(atKill);
            assertThat(PersistCommandTest.number(trading, "SELECT count(*) FROM executions"))
                .isEqualTo(stats.count(MessageHeaderDecoder.SCHEMA_ID, ExecutionReportDecoder.TEMPLATE_ID));
            assertThat(PersistCommandTest.number(temp.resolve("data/db/schwabot_state.db"),
                "SELECT count(*) FROM runs")).isEqualTo(1);
        }
    }

    private static long committed(final Path db) throws java.sql.SQLException
    {
        return Files.exists(db) ?
            PersistCommandTest.number(db, "SELECT ifnull((SELECT sequence FROM journal_position), 0)") : 0;
    }

    @Test
    void shouldKeepChroniclesWarningsOffTheConsoleOfAMinutelyJournalAndSayWhatTheConfigurationDoesNotChange()
        throws Exception
    {
        final Map<String, String> minutely = new HashMap<>(RunCommandTest.FREE_PORT);
        minutely.put("SCHWABOT_JOURNAL_ROLL_CYCLE", "minutely");
        final Path journal = temp.resolve("data/journal");

        final CliRunner.Result first = ChildCli.jar(temp, minutely, "", "run", "--duration", "2s", "--data-dir",
            temp.toString());
        final CliRunner.Result daily = ChildCli.jar(temp, RunCommandTest.FREE_PORT, "", "run", "--duration", "2s",
            "--data-dir", temp.toString());
        final CliRunner.Result persist = ChildCli.jar(temp, Map.of(), "", "persist", "--journal", journal.toString(),
            "--sqlite-dir", temp.resolve("db").toString());

        assertThat(first.status()).as(first.toString()).isEqualTo(ExitCodes.OK);
        assertThat(first.err()).as("no Chronicle warning (the persistence reader's roll cycle)").isEmpty();
        assertThat(daily.status()).as(daily.toString()).isEqualTo(ExitCodes.OK);
        assertThat(daily.err()).isEqualTo("warning: journal " + journal + " rolls minutely, as its files are named: " +
            "config.yaml journal.roll_cycle = daily applies to a new journal only\n");
        assertThat(persist.status()).as(persist.toString()).isEqualTo(ExitCodes.OK);
        assertThat(persist.err()).isEmpty();
        try (Stream<Path> files = Files.list(journal))
        {
            assertThat(files.map((f) -> f.getFileName().toString()).filter((f) -> f.endsWith(".cq4")))
                .isNotEmpty().allMatch((f) -> f.matches("\\d{8}-\\d{4}\\.cq4"));
        }
    }

    @Test
    void shouldSayOnlyWhatSchwabotFoundWhenTheLastFileOfAJournalIsCut() throws Exception
    {
        final Path dir = temp.resolve("journal");
        TestJournals.writeSample(dir);
        TestJournals.appendHeartbeats(dir, 100);
        final Path file;
        try (Stream<Path> files = Files.list(dir))
        {
            file = files.filter((f) -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] start = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file))
        {
            in.readNBytes(start, 0, start.length);
        }
        int dataEnd = start.length;
        while (dataEnd > 0 && start[dataEnd - 1] == 0)
        {
            dataEnd--;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(dataEnd - 4000); // some 50 heartbeats before the end
        }

        for (final String command : List.of("stats", "dump", "verify"))
        {
            final CliRunner.Result result = ChildCli.jar(temp, Map.of(), "", "journal", command, dir.toString());

            assertThat(result.status()).as(result.toString())
                .isEqualTo(command.equals("verify") ? ExitCodes.FAILURE : ExitCodes.OK);
            assertThat(result.err() + result.out()).as(command).contains(" is cut short: ")
                .doesNotContain("WARN", "n.o.c.", "toEnd()");
        }
    }

    @Test
    void shouldListTheErrorsOfABadConfigurationWithTheConfigCode() throws Exception
    {
        final Path dir = badConfig();

        final CliRunner.Result result = ChildCli.jar(temp, Map.of(), "", "run", "--config", dir.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("schwabot: invalid configuration from " + dir + " (1 error):\n" +
            "  config.yaml: engine.input_ring_size = 1000: must be a power of two in [64, 16777216] (line 2)\n");
    }

    @Test
    void shouldRunTheLauncher() throws Exception
    {
        final CliRunner.Result help = ChildCli.launcher(temp, Map.of(), "--help");
        final CliRunner.Result run = ChildCli.launcher(temp, RunCommandTest.FREE_PORT, "run", "--duration", "2s",
            "--data-dir", temp.toString());
        final CliRunner.Result bad = ChildCli.launcher(temp, Map.of("SCHWABOT_CONFIG_DIR", badConfig().toString()),
            "config", "check");

        assertThat(help.status()).as(help.toString()).isEqualTo(ExitCodes.OK);
        assertThat(help.out()).startsWith("Usage: schwabot [-hV] [COMMAND]");
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("# stopped: ", "order digest ");
        assertThat(run.err()).isEmpty();
        assertThat(bad.status()).as(bad.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(bad.err()).contains("config.yaml: engine.input_ring_size = 1000: must be a power of two");
    }

    @Test
    void shouldVerifyCountAndDumpARealJournalAndReportADamagedOne() throws Exception
    {
        final Path dir = temp.resolve("journal");
        TestJournals.writeSample(dir);

        final CliRunner.Result verify = ChildCli.jar(temp, Map.of(), "", "journal", "verify", dir.toString());
        final CliRunner.Result stats = ChildCli.jar(temp, Map.of(), "", "journal", "stats", dir.toString());
        final CliRunner.Result dump = ChildCli.jar(temp, Map.of(), "", "journal", "dump", dir.toString());
        TestJournals.damageTrade(dir);
        final CliRunner.Result damaged = ChildCli.jar(temp, Map.of(), "", "journal", "verify", dir.toString());

        assertThat(verify.status()).as(verify.toString()).isEqualTo(ExitCodes.OK);
        assertThat(verify.out()).contains("OK records=4 valid=4 problems=0");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(ExitCodes.OK);
        assertThat(stats.out()).contains("records        4").containsPattern("Trade +101 +1 +1 ")
            .containsPattern("Heartbeat +101 +13 +1 ");
        assertThat(dump.status()).as(dump.toString()).isEqualTo(ExitCodes.OK);
        assertThat(dump.out().lines().toList()).hasSize(4).first().asString()
            .startsWith("seq=1 time=2023-11-14T22:13:20.123456789Z venue=1 conn=2 flags=0x04 Trade{");
        assertThat(damaged.status()).as(damaged.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(damaged.out()).contains("DAMAGED records=4 valid=3 problems=1", "CHECKSUM_MISMATCH");
        assertThat(verify.err() + stats.err() + dump.err() + damaged.err()).isEmpty();
    }

    @Test
    void shouldManageKeysWithThePassphraseFromTheEnvironmentAndTheSecretOnStdin() throws Exception
    {
        final Path dir = temp.resolve("config");
        final Map<String, String> env =
            Map.of("SCHWABOT_CONFIG_DIR", dir.toString(), "SCHWABOT_PASSPHRASE", PASSPHRASE);
        final Map<String, String> rotated =
            Map.of("SCHWABOT_CONFIG_DIR", dir.toString(), "SCHWABOT_PASSPHRASE", "rotated " + PASSPHRASE);

        final CliRunner.Result init = ChildCli.jar(temp, env, "", "keys", "init", "--iterations", ITERATIONS);
        final CliRunner.Result add = ChildCli.jar(temp, env, API_KEY + "\n" + SECRET + "\n",
            "keys", "add", "binance-main", "--venue", "binance");
        final CliRunner.Result list = ChildCli.jar(temp, env, "", "keys", "list");
        final CliRunner.Result rotate = ChildCli.jar(temp, env, "rotated " + PASSPHRASE + "\n",
            "keys", "rotate", "--iterations", ITERATIONS);
        final CliRunner.Result check = ChildCli.jar(temp, rotated, "", "keys", "list", "--check");
        final CliRunner.Result wrong = ChildCli.jar(temp, env, "", "keys", "list", "--check");

        for (final CliRunner.Result ok : List.of(init, add, list, rotate, check))
        {
            assertThat(ok.status()).as(ok.toString()).isEqualTo(ExitCodes.OK);
            assertThat(ok.all()).doesNotContain(SECRET, API_KEY, PASSPHRASE);
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("api_keys.yaml"))))
            .isEqualTo("rw-------");
        assertThat(list.out()).isEqualTo(String.format("%-32s %s%n", "binance-main", "binance"));
        assertThat(check.out()).contains("binance-main", "ok");
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(ExitCodes.SECRETS);
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err()).isEqualTo("schwabot: wrong passphrase or key file for api_keys.yaml (the key check " +
            "failed; if the passphrase is right, the kdf section was altered)\n");
    }

    @Test
    void shouldServeMonitoringShowCountersToAnotherProcessAndAuditAdminWithoutLeakingSecrets() throws Exception
    {
        final Path config = temp.resolve("config");
        final Map<String, String> keys = Map.of("SCHWABOT_CONFIG_DIR", config.toString(),
            "SCHWABOT_PASSPHRASE", PASSPHRASE);
        assertThat(CliRunner.run(keys, "keys", "init", "--iterations", ITERATIONS).status()).isZero();
        assertThat(CliRunner.withInput(keys, API_KEY + "\n" + SECRET + "\n", "keys", "add", "binance-main",
            "--venue", "binance").status()).isZero();
        final Map<String, String> env = new HashMap<>(keys);
        env.putAll(Map.of("SCHWABOT_ADMIN_TOKEN", TOKEN, "SCHWABOT_MONITORING_HTTP_PORT", "0",
            "SCHWABOT_LOGGING_LEVEL", "debug"));
        final String cnc = temp.resolve("data/cnc").toString();

        final ChildCli.Running run = ChildCli.start(temp, env, "run", "--duration", "15s", "--data-dir",
            temp.toString());
        final String url = run.awaitLine(Pattern.compile("# monitoring (http://127\\.0\\.0\\.1:\\d+/) "), 60_000);
        final CliRunner.Result live = ChildCli.jar(temp, Map.of(), "", "stat", "--once", "--dir", cnc);
        final HttpClient http = HttpClient.newHttpClient();
        final HttpResponse<String> wrong = http.send(halt(url, WRONG_TOKEN), HttpResponse.BodyHandlers.ofString());
        final HttpResponse<String> halt = http.send(halt(url, TOKEN), HttpResponse.BodyHandlers.ofString());
        final HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(url + "metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
        final CliRunner.Result result = run.waitFor();
        final CliRunner.Result stopped = ChildCli.jar(temp, Map.of(), "", "stat", "--once", "--dir", cnc);

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).as("a quiet console").isEmpty();
        assertThat(result.out()).contains("# stopped: ").containsPattern("# stopped: .* HALTED");
        assertThat(live.status()).as(live.toString()).isEqualTo(ExitCodes.OK);
        assertThat(live.out()).contains(" running (heartbeat ").containsPattern("\\n +\\d+  count +[1-9]\\d*  " +
            "inbound\\.frames\\n").contains("venue.feed.connects", "venue.gateway.synthetic_rejects", "sim.fills",
            "alert.p99_latency.active", "latency.event.p99_ns", "status.position.BTCUSDT");
        assertThat(stopped.out()).contains(" stopped at ");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(halt.statusCode()).as(halt.body()).isEqualTo(202);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE schwabot_event_latency_seconds summary");
        final List<String> audit = Files.readAllLines(temp.resolve("logs/audit.log"));
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).contains("\"outcome\":\"refused\"", "\"status\":401", "\"remote\":\"127.0.0.1:");
        assertThat(audit.get(1)).contains("\"outcome\":\"accepted\"", "\"status\":202", "\"commandId\":");
        assertThat(Files.readString(temp.resolve("logs/schwabot.log"))).contains("admin halt accepted from 127.0.0.1:",
            "admin halt refused from 127.0.0.1:", "\"level\":\"DEBUG\"");
        assertThat(RunCommandTest.allText(temp.resolve("logs")) + result.all() + live.all())
            .doesNotContain(TOKEN, WRONG_TOKEN, PASSPHRASE, API_KEY, SECRET);
    }

    private static HttpRequest halt(final String url, final String token)
    {
        return HttpRequest.newBuilder(URI.create(url + "halt")).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private Path badConfig() throws IOException
    {
        final Path dir = Files.createDirectories(temp.resolve("bad-config"));
        Files.writeString(dir.resolve("config.yaml"), "engine:\n  input_ring_size: 1000\n");
        return dir;
    }
}
