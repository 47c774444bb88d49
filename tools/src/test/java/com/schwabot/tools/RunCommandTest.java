package com.schwabot.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest
{
    @TempDir
    Path temp;

    @Test
    void shouldRunTheEngineAgainstTheSimulatorForADurationAndPrintStatusAndDigest()
    {
        final CliRunner.Result result = CliRunner.run("run", "--duration", "3s", "--data-dir", temp.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
            .startsWith("# schwabot run: journal " + temp.resolve("data/journal"))
            .contains("events/s=", "orders=", "fills=", "pos=BTCUSDT:", "pnl=")
            .contains("# stopped: ")
            .containsPattern("order digest [0-9a-f]{64} \\(\\d+ frames\\)");
        assertThat(Files.isDirectory(temp.resolve("data/journal"))).isTrue();
        assertThat(result.err()).isEmpty();
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
                "blocking] (line 3)");
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
        assertThat(badEndpoint.err()).contains("env SCHWABOT_VENUES_BINANCE_WS_ENDPOINT");
        assertThat(unknown.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--venue nyse: must be simulator or binance");
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
}
