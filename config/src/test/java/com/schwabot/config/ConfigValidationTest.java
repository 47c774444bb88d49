package com.schwabot.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigValidationTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRejectUnknownKeyWithFileAndPath()
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  wait_stratgy: yielding\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).hasSize(1);
        final ConfigError error = ex.errors().get(0);
        assertThat(error.file()).isEqualTo("config.yaml");
        assertThat(error.path()).isEqualTo("engine.wait_stratgy");
        assertThat(error.problem()).contains("unknown key").contains("wait_strategy");
        assertThat(error.line()).isEqualTo(2);
    }

    @Test
    void shouldRejectUnknownTopLevelKeyAndUnknownKeyInListItem()
    {
        TestFiles.write(dir, "config.yaml", String.join("\n",
            "enigne: {}",
            "instruments:",
            "  - {symbol: BTCUSDT, id: 1, price_exponent: -2, qty_exponent: -5, tick_size: 0.01,",
            "     lot_size: 0.00001, venue: simulator, colour: red}",
            ""));

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).extracting(ConfigError::path)
            .contains("enigne", "instruments[0].colour");
    }

    @Test
    void shouldRejectWrongTypes()
    {
        TestFiles.write(dir, "config.yaml", String.join("\n",
            "engine:",
            "  input_ring_size: \"1024\"",
            "  shutdown_timeout_ms: 1.5",
            "venues:",
            "  simulator:",
            "    enabled: yes please",
            "monitoring:",
            "  alerts: 5",
            ""));

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.getMessage())
            .contains("config.yaml: engine.input_ring_size = 1024: must be an integer")
            .contains("config.yaml: engine.shutdown_timeout_ms = 1.5: must be an integer")
            .contains("config.yaml: venues.simulator.enabled = yes please: must be true or false")
            .contains("config.yaml: monitoring.alerts = 5: must be a mapping");
    }

    @Test
    void shouldRequireThePortsOfARunningSimulatorWhenItIsNotEmbedded()
    {
        final ConfigException ex = TestFiles.loadFails(dir, Map.of("SCHWABOT_VENUES_SIMULATOR_EMBEDDED", "false",
            "SCHWABOT_VENUES_SIMULATOR_ORDER_PORT", "9002", "SCHWABOT_VENUES_SIMULATOR_ACCOUNT", "0"));

        assertThat(ex.getMessage())
            .contains("config.yaml: venues.simulator.market_data_port = 0: must be the port of the running " +
                "simulator (not 0) when embedded is false")
            .contains("config.yaml: venues.simulator.account = 0: must be");
    }

    @Test
    void shouldNameTheCommandLineOptionThatSetAnInvalidValueOnce()
    {
        TestFiles.write(dir, "config.yaml", "venues:\n  simulator:\n    market_data_port: 9001\n");

        final ConfigException ex = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader().configDir(dir)
            .environment(Map.of("SCHWABOT_VENUES_SIMULATOR_ORDER_PORT", "9002"))
            .option("--simulator 127.0.0.1:99999:0", Map.of("SCHWABOT_VENUES_SIMULATOR_EMBEDDED", "false",
                "SCHWABOT_VENUES_SIMULATOR_MARKET_DATA_PORT", "99999", "SCHWABOT_VENUES_SIMULATOR_ORDER_PORT", "0"))
            .load());

        assertThat(ex.errors()).extracting(ConfigError::message).containsExactly(
            "--simulator 127.0.0.1:99999:0 -> config.yaml: venues.simulator.market_data_port = 99999: " +
                "must be in [0, 65535]",
            "--simulator 127.0.0.1:99999:0 -> config.yaml: venues.simulator.order_port = 0: must be the port of " +
                "the running simulator (not 0) when embedded is false");
        assertThat(ex.errors()).extracting(ConfigError::envVar).containsOnlyNulls();
        assertThat(ex.errors()).extracting(ConfigError::option).containsOnly("--simulator 127.0.0.1:99999:0");
    }

    @Test
    void shouldRejectOutOfRangeNumberNamingFilePathValueAndAllowedRange()
    {
        TestFiles.write(dir, "risk_limits.yaml", "profiles:\n  moderate:\n    max_order_qty: -5\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).hasSize(1);
        assertThat(ex.errors().get(0).message())
            .startsWith("risk_limits.yaml: profiles.moderate.max_order_qty = -5: must be > 0");
        assertThat(ex.errors().get(0).value()).isEqualTo("-5");
    }

    @Test
    void shouldRejectRingSizeThatIsNotAPowerOfTwo()
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  input_ring_size: 1000\n  output_ring_size: 16\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.getMessage())
            .contains("engine.input_ring_size = 1000: must be a power of two in [64, 16777216]")
            .contains("engine.output_ring_size = 16: must be in [64, 16777216]");
    }

    @Test
    void shouldReportAListWhereAMappingBelongsOnceWithoutTheKeysTheDefaultsSupply()
    {
        TestFiles.write(dir, "config.yaml", "engine: [1, 2]\nvenues:\n  simulator: 5\n");
        TestFiles.write(dir, "risk_limits.yaml", "profiles:\n  moderate: [3]\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).extracting(ConfigError::message).containsExactlyInAnyOrder(
            "config.yaml: engine: must be a mapping (line 1)",
            "config.yaml: venues.simulator = 5: must be a mapping (line 3)",
            "risk_limits.yaml: profiles.moderate: must be a mapping (line 2)");
    }

    @Test
    void shouldGiveTheLineOfAListOrAMappingWhereASingleValueBelongs()
    {
        TestFiles.write(dir, "config.yaml", String.join("\n",
            "engine:",
            "  input_ring_size: [1024]",
            "  profile:",
            "    name: balanced",
            "journal:",
            "  dir:",
            "    - data/journal",
            ""));

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).extracting(ConfigError::message).containsExactlyInAnyOrder(
            "config.yaml: engine.input_ring_size: expected a single value, found a list (line 2)",
            "config.yaml: engine.profile: expected a single value, found a mapping (line 4)",
            "config.yaml: journal.dir: expected a single value, found a list (line 7)");
        assertThat(ex.errors()).extracting(ConfigError::line).containsExactlyInAnyOrder(2, 4, 7);
    }

    @Test
    void shouldGiveTheLineOfAMappingWhereAListBelongs()
    {
        TestFiles.write(dir, "strategies.yaml", String.join("\n",
            "strategies:",
            "  symbol: BTCUSDT",
            ""));

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).extracting(ConfigError::message)
            .contains("strategies.yaml: strategies: must be a list of mappings (line 2)");
    }

    @Test
    void shouldRejectBadEnumListingAllowedValues()
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  wait_strategy: spin\n");
        TestFiles.write(dir, "risk_limits.yaml", "active_profile: yolo\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.getMessage())
            .contains("config.yaml: engine.wait_strategy = spin: must be one of [busy-spin, yielding, sleeping, " +
                "blocking, wake-on-publish]")
            .contains("risk_limits.yaml: active_profile = yolo: must be one of [conservative, moderate, aggressive]");
    }

    @Test
    void shouldRejectEmaFastNotBelowSlow()
    {
        TestFiles.write(dir, "strategies.yaml", String.join("\n",
            "strategies:",
            "  - name: m",
            "    type: momentum",
            "    enabled: true",
            "    instruments: [BTCUSDT]",
            "    params: {ema_fast_period: 30, ema_slow_period: 20, entry_threshold_bps: 5}",
            "ensemble: {threshold: 0.5, weights: {m: 1}}",
            ""));

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.getMessage())
            .contains("strategies.yaml: strategies[0].params.ema_fast_period = 30: must be < ema_slow_period (20)");
    }

    @Test
    void shouldRejectAJournalStopLimitNotBelowTheReserve()
    {
        TestFiles.write(dir, "config.yaml", "journal:\n  min_free_mb: 128\n  stop_free_mb: 128\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).hasSize(1);
        assertThat(ex.getMessage())
            .contains("config.yaml: journal.stop_free_mb = 128: must be < min_free_mb (128) (line 3)");
    }

    @Test
    void shouldRejectAJournalStopLimitNotBelowTheReserveAlongWithOtherJournalErrors()
    {
        TestFiles.write(dir, "config.yaml",
            "journal:\n  min_free_mb: 128\n  stop_free_mb: 256\n  block_size_mb: 0\n  roll_cycle: weekly\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).extracting(ConfigError::message).containsExactlyInAnyOrder(
            "config.yaml: journal.roll_cycle = weekly: must be one of [minutely, hourly, daily] (line 5)",
            "config.yaml: journal.block_size_mb = 0: must be in [1, 1024] (line 4)",
            "config.yaml: journal.stop_free_mb = 256: must be < min_free_mb (128) (line 3)");
    }

    @Test
    void shouldRejectAPretouchLookaheadOutOfRange()
    {
        TestFiles.write(dir, "config.yaml", "journal:\n  pretouch_mb: 2048\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).hasSize(1);
        assertThat(ex.getMessage()).contains("config.yaml: journal.pretouch_mb = 2048: must be in [0, 1024] (line 2)");
        assertThat(TestFiles.loadFails(dir, Map.of("SCHWABOT_JOURNAL_PRETOUCH_MB", "-1")).errors().get(0).problem())
            .isEqualTo("must be in [0, 1024]");
    }

    @Test
    void shouldRejectAJournalReserveOutOfRangeWithoutAComparison()
    {
        final ConfigException ex = TestFiles.loadFails(dir, Map.of("SCHWABOT_JOURNAL_MIN_FREE_MB", "1"));

        assertThat(ex.errors()).hasSize(1);
        assertThat(ex.errors().get(0).path()).isEqualTo("journal.min_free_mb");
        assertThat(ex.errors().get(0).problem()).isEqualTo("must be in [2, 100000000]");
    }

    @Test
    void shouldRejectCrossFieldViolations()
    {
        TestFiles.write(dir, "config.yaml", String.join("\n",
            "instruments:",
            "  - {symbol: BTCUSDT, id: 1, price_exponent: -2, qty_exponent: -5, tick_size: 0.001,",
            "     lot_size: 0.00001, venue: simulator}",
            "  - {symbol: ETHUSDT, id: 1, price_exponent: -2, qty_exponent: -4, tick_size: 0.01,",
            "     lot_size: 0.0001, venue: simulator}",
            "venues:",
            "  simulator: {instruments: [BTCUSDT, SOLUSDT]}",
            "  binance: {enabled: true}",
            ""));
        TestFiles.write(dir, "risk_limits.yaml", "profiles:\n  aggressive:\n    max_net_exposure: 600000\n");
        TestFiles.write(dir, "strategies.yaml", String.join("\n",
            "strategies:",
            "  - {name: r, type: mean_reversion, enabled: true, instruments: [XRPUSDT],",
            "     params: {lookback: 50, entry_zscore: 1.0, exit_zscore: 1.5}}",
            "  - {name: r, type: imbalance, enabled: false, instruments: [BTCUSDT],",
            "     params: {depth_levels: 5, threshold: 0.3, window_ms: 100}}",
            "ensemble: {threshold: 0.5, weights: {r: 1, ghost: 0.5}}",
            ""));

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.getMessage())
            .contains("config.yaml: instruments[0].tick_size = 0.001: must be a multiple of 10^-2 (price_exponent)")
            .contains("config.yaml: instruments[1].id: duplicate instrument id 1 (already used by BTCUSDT)")
            .contains("config.yaml: venues.simulator.instruments[1]: unknown instrument 'SOLUSDT'")
            .contains("config.yaml: venues.binance.api_key_name: no api_keys.yaml entry named 'binance-main'")
            .contains("risk_limits.yaml: profiles.aggressive.max_net_exposure = 600000: must be <= " +
                "max_gross_exposure (500000)")
            .contains("strategies.yaml: strategies[0].params.exit_zscore = 1.5: must be < entry_zscore (1.0)")
            .contains("strategies.yaml: strategies[0].instruments[0]: unknown instrument 'XRPUSDT'")
            .contains("strategies.yaml: strategies[1].name: duplicate strategy name 'r'")
            .contains("strategies.yaml: ensemble.weights.ghost: no strategy named 'ghost'");
    }

    @Test
    void shouldRejectEnabledStrategyWithoutWeight()
    {
        TestFiles.write(dir, "strategies.yaml", "ensemble:\n  weights: {btc_momentum: 1.0}\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.getMessage()).contains(
            "strategies.yaml: ensemble.weights: missing a weight for enabled strategy 'eth_mean_reversion'");
    }

    @Test
    void shouldReportYamlSyntaxErrorWithFileAndLine()
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  wait_strategy: sleeping\n   input_ring_size: [1\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).hasSize(1);
        assertThat(ex.errors().get(0).file()).isEqualTo("config.yaml");
        assertThat(ex.errors().get(0).problem()).startsWith("YAML syntax error at line 3");
    }

    @Test
    void shouldSayWhereAFileIsNotUtf8Text() throws java.io.IOException
    {
        final byte[] latin1 = "# r\u00e9glages\nengine:\n  profile: balanced\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.file.Files.write(dir.resolve("config.yaml"), latin1);

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).hasSize(1);
        assertThat(ex.getMessage()).contains("config.yaml: " + dir.resolve("config.yaml") + " is not UTF-8 text: " +
            "byte 0xe9 in column 4 is not UTF-8: save the file as UTF-8 (line 1)");
    }

    @Test
    void shouldRejectDuplicateKey()
    {
        TestFiles.write(dir, "config.yaml", "logging:\n  level: info\n  level: debug\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.getMessage()).contains("config.yaml: logging.level: duplicate key (line 3)");
    }

    @Test
    void shouldRejectUnknownEnvironmentVariable()
    {
        final ConfigException ex = TestFiles.loadFails(null, Map.of(
            "SCHWABOT_ENGINE_WAIT_STRATEGYY", "yielding", "PATH", "/bin", "SCHWABOTX", "1"));

        assertThat(ex.errors()).hasSize(1);
        assertThat(ex.errors().get(0).envVar()).isEqualTo("SCHWABOT_ENGINE_WAIT_STRATEGYY");
        assertThat(ex.getMessage()).contains("env SCHWABOT_ENGINE_WAIT_STRATEGYY: unknown Schwabot environment");
    }

    @Test
    void shouldAcceptReservedEnvironmentVariables() throws ConfigException
    {
        final SchwabotConfig config = TestFiles.load(null, Map.of(
            EnvMapping.PASSPHRASE, "correct horse", EnvMapping.KEY_FILE, "/nonexistent", EnvMapping.ADMIN_TOKEN, "t"));

        assertThat(config.engine()).isNotNull();
    }

    @Test
    void shouldNameEnvironmentVariableWhenItsValueIsInvalid()
    {
        final ConfigException ex = TestFiles.loadFails(null, Map.of(
            "SCHWABOT_RISK_PROFILES_MODERATE_MAX_ORDER_QTY", "-5",
            "SCHWABOT_ENGINE_INPUT_RING_SIZE", "lots"));

        assertThat(ex.errors()).hasSize(2);
        assertThat(ex.errors()).extracting(ConfigError::envVar)
            .containsExactlyInAnyOrder(
                "SCHWABOT_RISK_PROFILES_MODERATE_MAX_ORDER_QTY", "SCHWABOT_ENGINE_INPUT_RING_SIZE");
        assertThat(ex.getMessage()).contains("env SCHWABOT_RISK_PROFILES_MODERATE_MAX_ORDER_QTY -> risk_limits.yaml: " +
            "profiles.moderate.max_order_qty = -5: must be > 0");
    }

    @Test
    void shouldReportEveryErrorTogether()
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  wait_strategy: spin\n  input_ring_size: 3\ntypo: 1\n");
        TestFiles.write(dir, "risk_limits.yaml", "profiles:\n  moderate:\n    max_open_orders: 0\n");
        TestFiles.write(dir, "strategies.yaml", "ensemble:\n  threshold: 2\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of("SCHWABOT_NOPE", "1"));

        assertThat(ex.errors()).extracting(ConfigError::path).contains(
            "engine.wait_strategy", "engine.input_ring_size", "typo", "profiles.moderate.max_open_orders",
            "ensemble.threshold");
        assertThat(ex.errors()).hasSize(6);
        assertThat(ex.getMessage()).startsWith("invalid configuration (6 errors):");
    }

    @Test
    void shouldRejectMissingConfigDirectory()
    {
        final ConfigException ex = TestFiles.loadFails(dir.resolve("absent"), Map.of());

        assertThat(ex.errors()).extracting(ConfigError::message)
            .containsExactly("configuration directory " + dir.resolve("absent") + " does not exist");
    }

    @Test
    void shouldRejectAnEmptyConfigDirectoryVariableInsteadOfRunningOnTheDefaults()
    {
        for (final String empty : new String[] {"", "  "})
        {
            final ConfigException ex = TestFiles.loadFails(null, Map.of(EnvMapping.CONFIG_DIR, empty));

            assertThat(ex.errors()).extracting(ConfigError::message).containsExactly("env " + EnvMapping.CONFIG_DIR +
                " = '" + empty + "': names no configuration directory: unset the variable for the bundled defaults, " +
                "or name a directory");
        }
    }

    @Test
    void shouldRejectAFileGivenAsTheConfigDirectory() throws Exception
    {
        final Path file = Files.writeString(dir.resolve("config.txt"), "engine: {}\n");

        final ConfigException ex = TestFiles.loadFails(file, Map.of());

        assertThat(ex.errors()).extracting(ConfigError::message)
            .containsExactly("configuration directory " + file + " is a file, not a directory");
    }

    @Test
    void shouldRejectMissingKeyInListItem()
    {
        TestFiles.write(dir, "config.yaml", String.join("\n",
            "instruments:",
            "  - {symbol: BTCUSDT, id: 1, price_exponent: -2, qty_exponent: -5, tick_size: 0.01, venue: simulator}",
            "venues: {simulator: {instruments: [BTCUSDT]}}",
            ""));
        TestFiles.write(dir, "strategies.yaml", String.join("\n",
            "strategies: []",
            "ensemble: {threshold: 0.5, weights: {}}",
            ""));

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).hasSize(1);
        assertThat(ex.getMessage()).contains("config.yaml: instruments[0].lot_size: missing required key");
    }
}
