package com.schwabot.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.ConfigLoader;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.config.secret.Secret;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest
{
    /** Runs bind the monitoring server to a free port: never the default 8080, which may be taken. */
    static final Map<String, String> FREE_PORT = Map.of("SCHWABOT_MONITORING_HTTP_PORT", "0");

    private static final String TOKEN = "run-test-admin-token-0123456789";
    private static final String PASSPHRASE = "run test passphrase 0123456789";

    @TempDir
    Path temp;

    @Test
    void shouldRunTheEngineAgainstTheSimulatorForADurationAndPrintStatusAndDigest()
    {
        final CliRunner.Result result =
            CliRunner.run(FREE_PORT, "run", "--duration", "3s", "--data-dir", temp.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
            .startsWith("# schwabot run: journal " + temp.resolve("data/journal"))
            .containsPattern("\\n# monitoring http://127\\.0\\.0\\.1:\\d+/ \\(dashboard; /health /metrics /status; " +
                "admin disabled: add the token with schwabot keys add admin, or set SCHWABOT_ADMIN_TOKEN\\)\\n")
            .contains("# counters " + temp.resolve("data/cnc/counters.dat") + " (schwabot stat --dir " +
                temp.resolve("data/cnc") + ")")
            .contains("# logs " + temp.resolve("logs") + " (schwabot.log, audit.log)")
            .contains("events/s=", "orders=", "fills=", "pos=BTCUSDT:", "pnl=")
            .contains("# stopped: ")
            .containsPattern("order digest [0-9a-f]{64} \\(\\d+ frames\\)");
        assertThat(Files.isDirectory(temp.resolve("data/journal"))).isTrue();
        assertThat(Files.isRegularFile(temp.resolve("data/cnc/counters.dat"))).isTrue();
        assertThat(result.err()).isEmpty();
    }

    @Test
    void shouldQuoteAPathWithSpacesInTheCommandsItSuggests()
    {
        final Path dir = temp.resolve("my runs/it's here");

        final CliRunner.Result result =
            CliRunner.run(FREE_PORT, "run", "--duration", "2s", "--data-dir", dir.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        final String quoted = "'" + temp + "/my runs/it'\\''s here";
        assertThat(result.out())
            .contains("# counters " + dir.resolve("data/cnc/counters.dat") + " (schwabot stat --dir " + quoted +
                "/data/cnc')")
            .contains("# journal " + dir.resolve("data/journal") + " (replay it: schwabot replay --journal " +
                quoted + "/data/journal')");
    }

    @Test
    void shouldRefuseBeforeTradingDatabasesThatCannotTakeTheJournalOrAJournalCutShort() throws IOException
    {
        final Path first = temp.resolve("first");
        final CliRunner.Result ran =
            CliRunner.run(FREE_PORT, "run", "--duration", "2s", "--data-dir", first.toString());
        assertThat(ran.status()).as(ran.toString()).isEqualTo(ExitCodes.OK);

        final Path second = temp.resolve("second");
        Files.createDirectories(second.resolve("data"));
        copyTree(first.resolve("data/db"), second.resolve("data/db"));
        final CliRunner.Result refused =
            CliRunner.run(FREE_PORT, "run", "--duration", "2s", "--data-dir", second.toString());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(ExitCodes.IO);
        assertThat(refused.err()).startsWith("schwabot: persistence: " + second.resolve("data/db") +
            "/schwabot_trading.db holds rows of another journal than " + second.resolve("data/journal") +
            ", which holds no record yet: use another persistence.sqlite_dir");
        assertThat(refused.out()).as("nothing started, nothing traded").isEmpty();
        assertThat(second.resolve("data/journal")).doesNotExist();

        final Path journal = first.resolve("data/journal");
        final Path file;
        try (Stream<Path> files = Files.list(journal))
        {
            file = files.filter((f) -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final long cut = dataEnd(file) / 2 + 1;
        try (java.nio.channels.FileChannel channel =
            java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE))
        {
            channel.truncate(cut);
        }
        final CliRunner.Result damaged =
            CliRunner.run(FREE_PORT, "run", "--duration", "2s", "--data-dir", first.toString());
        assertThat(damaged.status()).as(damaged.toString()).isEqualTo(ExitCodes.IO);
        assertThat(damaged.err()).startsWith("schwabot: the engine could not start: journal " + journal +
            " is damaged: " + file.getFileName() + " is cut short: " + cut + " bytes")
            .contains("move the damaged file out of the directory");
        assertThat(damaged.out()).isEmpty();
        assertThat(Files.size(file)).as("nothing appended").isEqualTo(cut);
    }

    /**
     * Where a queue file's data ends: past its last byte that is not zero (Chronicle extends it with zeros).
     */
    private static long dataEnd(final Path file) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0)
        {
            end--;
        }
        return end;
    }

    private static void copyTree(final Path from, final Path to) throws IOException
    {
        try (Stream<Path> entries = Files.walk(from))
        {
            for (final Path entry : entries.toList())
            {
                Files.copy(entry, to.resolve(from.relativize(entry).toString()));
            }
        }
    }

    @Test
    void shouldWriteJsonLogLinesUnderTheLogDirectoryAndNeverASecret() throws IOException
    {
        final Map<String, String> env = Map.of("SCHWABOT_MONITORING_HTTP_PORT", "0", "SCHWABOT_LOGGING_LEVEL",
            "debug", "SCHWABOT_ADMIN_TOKEN", TOKEN, "SCHWABOT_PASSPHRASE", PASSPHRASE);

        final CliRunner.Result result = CliRunner.run(env, "run", "--duration", "2s", "--data-dir", temp.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("POST /halt /resume with the bearer token")
            .contains(", engine profile low-cpu, for ");
        final List<String> lines = Files.readAllLines(temp.resolve("logs/schwabot.log"), StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty().allSatisfy((line) -> assertThat(line)
            .startsWith("{\"timestamp\":").contains("\"level\":\"", "\"loggerName\":\"", "\"formattedMessage\":")
            .endsWith("}"));
        assertThat(lines).anySatisfy((line) -> assertThat(line).contains("engine started")
                .contains("threads: profile low-cpu: business thread wake-on-publish (spin 10, yield 5, park until " +
                    "a publish, at most 100 ms) (profile), gateway sender " +
                    "wake-on-publish (spin 10, yield 5, park until a publish, at most 10 ms)"))
            .anySatisfy((line) -> assertThat(line).contains("monitoring server at http:"));
        assertThat(allText(temp.resolve("logs")) + result.all()).doesNotContain(TOKEN, PASSPHRASE);
    }

    @Test
    void shouldTakeTheAdminTokenFromTheSecretsStoreUnlessTheEnvironmentSetsOne() throws Exception
    {
        final String stored = "stored-admin-token-0123456789abcdef";
        final Path dir = temp.resolve("config");
        final Map<String, String> env = Map.of("SCHWABOT_CONFIG_DIR", dir.toString(), "SCHWABOT_PASSPHRASE",
            PASSPHRASE, "SCHWABOT_MONITORING_HTTP_PORT", "0");
        assertThat(CliRunner.run(env, "keys", "init", "--iterations", Integer.toString(CliRunner.TEST_ITERATIONS))
            .status()).isEqualTo(ExitCodes.OK);
        assertThat(CliRunner.withInput(env, stored + "\n", "keys", "add", "admin").status()).isEqualTo(ExitCodes.OK);

        final CliRunner.Result result = CliRunner.run(env, "run", "--duration", "1s", "--data-dir", temp.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("POST /halt /resume with the bearer token")
            .contains(", engine profile low-cpu, for ");
        assertThat(allText(temp.resolve("logs")) + result.all()).doesNotContain(stored, PASSPHRASE);

        final SchwabotConfig config = new ConfigLoader().configDir(dir).environment(env)
            .minKdfIterations(CliRunner.TEST_ITERATIONS).load();
        try (Secret fromStore = RunCommand.adminToken(config, env);
            Secret fromEnv = RunCommand.adminToken(config, Map.of("SCHWABOT_ADMIN_TOKEN", TOKEN)))
        {
            assertThat(new String(fromStore.chars())).isEqualTo(stored);
            assertThat(new String(fromEnv.chars())).isEqualTo(TOKEN);
        }
        assertThat(RunCommand.adminToken(ConfigLoader.load(null, Map.of()), Map.of())).isNull();
        final CliRunner.Result noKey = CliRunner.run(Map.of("SCHWABOT_CONFIG_DIR", dir.toString(),
            "SCHWABOT_MONITORING_HTTP_PORT", "0"), "run", "--duration", "1s", "--data-dir", temp.toString());
        assertThat(noKey.status()).isEqualTo(ExitCodes.SECRETS);
        assertThat(noKey.err()).startsWith("schwabot: the admin token (api_keys.yaml entry 'admin'): no master key");
    }

    @Test
    void shouldRefuseAnAdminTokenShorterThanSixteenBytes()
    {
        final CliRunner.Result result = CliRunner.run(Map.of("SCHWABOT_ADMIN_TOKEN", "short"), "run",
            "--duration", "1s", "--data-dir", temp.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.SECRETS);
        assertThat(result.err()).isEqualTo("schwabot: SCHWABOT_ADMIN_TOKEN is too short: the admin token must be " +
            "at least 16 bytes (e.g. openssl rand -hex 32)" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldNotStartWithTheBusinessThreadPinnedToACpuTheProcessMayNotRunOn()
    {
        final String allowed = com.schwabot.engine.ThreadAffinity.allowedCpuList();
        org.junit.jupiter.api.Assumptions.assumeTrue(null != allowed, "no CPU list in /proc/self/status (not Linux)");
        final int cpu = 4095;
        final Map<String, String> env = new java.util.HashMap<>(FREE_PORT);
        env.put("SCHWABOT_ENGINE_BUSINESS_THREAD_CPU", Integer.toString(cpu));

        final CliRunner.Result result = CliRunner.run(env, "run", "--duration", "5s", "--data-dir",
            temp.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).isEqualTo("schwabot: the engine could not start: engine.business_thread_cpu=4095 " +
            "is not a CPU this process may run on; allowed: " + allowed + System.lineSeparator());
    }

    /**
     * Every file under a directory, read as text.
     *
     * @param dir the directory.
     * @return the contents, concatenated.
     * @throws IOException when one cannot be read.
     */
    static String allText(final Path dir) throws IOException
    {
        final StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void shouldListEveryConfigurationErrorWithFileKeyValueAndAllowedValues() throws IOException
    {
        final Path dir = configDir("engine:\n  input_ring_size: 1000\n  wait_strategy: spinning\n");

        final CliRunner.Result result = CliRunner.run("run", "--config", dir.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList()).containsExactly(
            "schwabot: invalid configuration from " + dir + " (2 errors):",
            "  config.yaml: engine.input_ring_size = 1000: must be a power of two in [64, 16777216] (line 2)",
            "  config.yaml: engine.wait_strategy = spinning: must be one of [busy-spin, yielding, sleeping, " +
                "blocking, wake-on-publish], or null (the profile's choice) (line 3)");
    }

    @Test
    void shouldRefuseToRunWithoutAVenueButLetConfigCheckPassWithANote() throws IOException
    {
        final Path dir = configDir("venues:\n  simulator:\n    enabled: false\n");

        final CliRunner.Result run = CliRunner.run("run", "--config", dir.toString(), "--data-dir", temp.toString());
        assertThat(run.status()).as(run.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("schwabot: " + RunCommand.NO_VENUE + System.lineSeparator());
        assertThat(temp.resolve("data")).as("nothing started").doesNotExist();

        final CliRunner.Result check = CliRunner.run("config", "check", "--config", dir.toString());
        assertThat(check.status()).as(check.toString()).isEqualTo(ExitCodes.OK);
        assertThat(check.out()).startsWith("configuration OK (")
            .endsWith("note: " + RunCommand.NO_VENUE + System.lineSeparator());
    }

    @Test
    void shouldSayWhichDirectoryItCouldNotCreateWithTheIoCode() throws IOException
    {
        final Path file = Files.writeString(temp.resolve("afile"), "x");

        final CliRunner.Result result = CliRunner.run(FREE_PORT, "run", "--duration", "2s", "--data-dir",
            file.resolve("sub").toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).isEqualTo("schwabot: the engine could not start: FileSystemException: " +
            file.resolve("sub/data") + ": Not a directory" + System.lineSeparator());
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldReadTheConfigurationDirectoryFromTheEnvironment() throws IOException
    {
        final Path dir = configDir("engine:\n  input_ring_size: 1024\n");

        final CliRunner.Result result =
            CliRunner.run(Map.of("SCHWABOT_CONFIG_DIR", dir.toString()), "config", "show");

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("# Configuration directory: " + dir, "input_ring_size: 1024  # file");
    }

    @Test
    void shouldPreferTheCommandLineDirectoryToTheEnvironment() throws IOException
    {
        final Path dir = configDir("engine:\n  input_ring_size: 2048\n");

        final CliRunner.Result result = CliRunner.run(
            Map.of("SCHWABOT_CONFIG_DIR", temp.resolve("missing").toString()), "config", "show", "--config",
            dir.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("input_ring_size: 2048  # file");
    }

    @Test
    void shouldApplyEnvironmentOverridesAndIgnoreTheLauncherVariables()
    {
        final CliRunner.Result result = CliRunner.run(Map.of(
            "SCHWABOT_ENGINE_WAIT_STRATEGY", "blocking",
            "SCHWABOT_SKIP_BUILD", "1",
            "SCHWABOT_JAVA_OPTS", "-Xmx1g"), "config", "show");

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("wait_strategy: blocking  # env SCHWABOT_ENGINE_WAIT_STRATEGY");
    }

    @Test
    void shouldRejectAnUnknownSchwabotVariableAndABadOverride()
    {
        final CliRunner.Result result = CliRunner.run(
            Map.of("SCHWABOT_ENGINE_INPUT_RING_SIZE", "7", "SCHWABOT_TYPO", "1"), "run");

        assertThat(result.status()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err())
            .contains("env SCHWABOT_TYPO: unknown Schwabot environment variable")
            .contains("env SCHWABOT_ENGINE_INPUT_RING_SIZE -> config.yaml: engine.input_ring_size = 7: must be");
    }

    @Test
    void shouldReportAMissingConfigurationDirectory()
    {
        final CliRunner.Result result = CliRunner.run("run", "--config", temp.resolve("nope").toString());

        assertThat(result.status()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.err()).contains("configuration directory " + temp.resolve("nope") + " does not exist");
    }

    @Test
    void shouldPointTheRunAtBinanceThroughTheConfigurationAndItsValidation()
    {
        final CliRunner.Result noKey = CliRunner.run("run", "--venue", "binance", "--duration", "1s");
        final CliRunner.Result badEndpoint = CliRunner.run(
            "run", "--venue", "binance", "--binance-endpoint", "ftp://nowhere", "--duration", "1s");
        final CliRunner.Result unknown = CliRunner.run("run", "--venue", "nyse");

        assertThat(noKey.status()).as(noKey.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(noKey.err()).contains("venues.binance.api_key_name: no api_keys.yaml entry named 'binance-main'");
        assertThat(badEndpoint.status()).isEqualTo(ExitCodes.CONFIG);
        assertThat(badEndpoint.err()).contains("  --binance-endpoint ftp://nowhere -> config.yaml: " +
            "venues.binance.ws_endpoint = ftp://nowhere: must be a ws:// or wss:// URL")
            .doesNotContain("SCHWABOT_VENUES_BINANCE_WS_ENDPOINT");
        assertThat(unknown.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--venue nyse: must be simulator or binance");
    }

    @Test
    void shouldSayThatAnotherEngineRunsWithTheDataDirectory() throws Exception
    {
        final java.util.concurrent.CompletableFuture<CliRunner.Result> first =
            java.util.concurrent.CompletableFuture.supplyAsync(() ->
            CliRunner.run(FREE_PORT, "run", "--duration", "6s", "--data-dir", temp.toString()));
        final Path counters = temp.resolve("data/cnc");
        final long deadline = System.currentTimeMillis() + 60_000;
        while (!active(counters) || !Files.exists(temp.resolve("data/db/schwabot_persist.lock")))
        {
            assertThat(System.currentTimeMillis()).as("the first run started").isLessThan(deadline);
            assertThat(first).as("the first run still runs").isNotDone();
            Thread.sleep(100);
        }
        Thread.sleep(1_000); // the databases are being written: the first run holds their lock

        final CliRunner.Result second =
            CliRunner.run(FREE_PORT, "run", "--duration", "1s", "--data-dir", temp.toString());

        assertThat(second.status()).as(second.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(second.err()).isEqualTo("schwabot: the engine could not start: another engine (pid " +
            ProcessHandle.current().pid() + ") is running with the data directory " + temp + ": stop it first, or " +
            "give this run another --data-dir" + System.lineSeparator());
        assertThat(second.out()).isEmpty();
        final CliRunner.Result firstResult = first.get();
        assertThat(firstResult.status()).as(firstResult.toString()).isEqualTo(ExitCodes.OK);
    }

    private static boolean active(final Path countersDir)
    {
        try (com.schwabot.engine.monitor.CountersFile file =
            com.schwabot.engine.monitor.CountersFile.openReadOnly(countersDir))
        {
            return file.isActive(System.currentTimeMillis());
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    @Test
    void shouldRefuseVenueOptionsThatWouldBeIgnoredOrOverruled()
    {
        final CliRunner.Result endpoint = CliRunner.run(FREE_PORT, "run", "--binance-endpoint", "wss://example.org/ws",
            "--duration", "1s", "--data-dir", temp.toString());
        final CliRunner.Result both = CliRunner.run(FREE_PORT, "run", "--venue", "binance", "--simulator",
            "127.0.0.1:9001:9002", "--duration", "1s", "--data-dir", temp.toString());

        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(endpoint.err()).isEqualTo("schwabot: --binance-endpoint wss://example.org/ws: Binance is not " +
            "enabled, so the run would not use it: add --venue binance (or set venues.binance.enabled: true)" +
            System.lineSeparator());
        assertThat(both.status()).as(both.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).isEqualTo("schwabot: --venue binance and --simulator 127.0.0.1:9001:9002 name two " +
            "venues: give one" + System.lineSeparator());
        assertThat(endpoint.out() + both.out()).as("nothing started").isEmpty();
        assertThat(temp.resolve("data")).doesNotExist();
    }

    @Test
    void shouldNameTheOptionNotAVariableWhenAnOptionSetsAnInvalidValue()
    {
        final CliRunner.Result result = CliRunner.run("run", "--simulator", "127.0.0.1:99999:1", "--duration", "1s");

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.CONFIG);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList()).containsExactly(
            "schwabot: invalid configuration from the bundled defaults (1 error):",
            "  --simulator 127.0.0.1:99999:1 -> config.yaml: venues.simulator.market_data_port = 99999: " +
                "must be in [0, 65535]");
    }

    @Test
    void shouldRejectABadDuration()
    {
        final CliRunner.Result result = CliRunner.run("run", "--duration", "soon");
        final CliRunner.Result zero = CliRunner.run("run", "--duration", "0s");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("'soon' is not a duration");
        assertThat(zero.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("'0s' must be a positive duration");
    }

    @Test
    void shouldShowAndCheckTheConfiguration() throws IOException
    {
        final Path bad = configDir("journal:\n  roll_cycle: weekly\n");

        final CliRunner.Result show = CliRunner.run("config", "show");
        final CliRunner.Result check = CliRunner.run("config", "check");
        final CliRunner.Result failed = CliRunner.run("config", "check", "--config", bad.toString());

        assertThat(show.status()).isEqualTo(ExitCodes.OK);
        assertThat(show.out())
            .startsWith("# Effective Schwabot configuration")
            .contains("roll_cycle: daily  # default");
        assertThat(check.status()).isEqualTo(ExitCodes.OK);
        assertThat(check.out()).isEqualTo(
            "configuration OK (the bundled defaults; 2 instruments, risk profile conservative)" +
            System.lineSeparator());
        assertThat(failed.status()).isEqualTo(ExitCodes.CONFIG);
        assertThat(failed.err()).contains("config.yaml: journal.roll_cycle = weekly: must be one of");
    }

    private Path configDir(final String configYaml) throws IOException
    {
        final Path dir = Files.createDirectories(temp.resolve("config"));
        Files.writeString(dir.resolve("config.yaml"), configYaml);
        return dir;
    }

    @Test
    void shouldNameTheFileThatStoppedTheJournalInsteadOfBlamingTheDisk() throws IOException
    {
        final Path journal = temp.resolve("journal");
        final List<Path> days = TestJournals.writeDays(journal, 2, 4);
        final String cause = "an append to the journal failed: java.lang.RuntimeException: Unable to parse " +
            "20231114F copy using format yyyyMMdd'F'";
        assertThat(RunCommand.journalStopMessage(journal, cause)).as("a whole journal: the disk, most likely")
            .startsWith("the journal stopped: " + cause + "; the run stopped and the journal ends on its last whole " +
                "record (check it: schwabot journal verify ").contains("free space, then run again");

        Files.copy(days.get(0), journal.resolve("20231114F copy.cq4"));

        assertThat(RunCommand.journalStopMessage(journal, cause))
            .startsWith("the journal stopped: " + cause + "; the run stopped and the journal ends on its last whole " +
                "record; journal " + journal + " is damaged: 20231114F copy.cq4 is not named after a cycle")
            .contains("move the damaged file out of the directory")
            .endsWith("then run again: the session continues, halted if it was (POST /resume)")
            .doesNotContain("free space");
    }
}
