package com.schwabot.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigLoaderTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLoadBundledDefaultsWithoutDirectory() throws ConfigException
    {
        final SchwabotConfig config = ConfigLoader.load(null, Map.of());

        assertThat(config.configDir()).isNull();
        assertThat(config.engine().inputRingSize()).isEqualTo(65536);
        assertThat(config.engine().profile()).isEqualTo(EngineProfile.LOW_CPU);
        assertThat(config.engine().waitStrategy()).isEqualTo(WaitStrategy.WAKE_ON_PUBLISH);
        assertThat(config.engine().hasCpuAffinity()).isFalse();
        assertThat(config.journal().dir()).isEqualTo(Path.of("data/journal"));
        assertThat(config.journal().rollCycle()).isEqualTo(RollCycle.DAILY);
        assertThat(config.journal().minFreeMb()).as("four blocks").isEqualTo(4L * config.journal().blockSizeMb());
        assertThat(config.journal().stopFreeMb()).as("one block").isEqualTo(config.journal().blockSizeMb());
        assertThat(config.journal().pretouchMb()).isEqualTo(16);
        assertThat(config.instruments()).extracting(Instrument::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(config.venues().simulator().enabled()).isTrue();
        assertThat(config.venues().simulator().host()).isEqualTo("127.0.0.1");
        assertThat(config.venues().binance().enabled()).isFalse();
        assertThat(config.tensor().backend()).isEqualTo(TensorBackendKind.AUTO);
        assertThat(config.tensor().cacheDir()).isEqualTo(Path.of("data/cache"));
        assertThat(config.monitoring().httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.risk().activeProfile()).isEqualTo(RiskProfileName.CONSERVATIVE);
        assertThat(config.risk().profiles()).hasSize(3);
        assertThat(config.strategies().strategies()).hasSize(3);
        assertThat(config.apiKeys().entries()).isEmpty();
    }

    @Test
    void shouldMissingFilesFallBackToDefaults() throws ConfigException
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  wait_strategy: yielding\n");

        final SchwabotConfig config = TestFiles.load(dir, Map.of());

        assertThat(config.engine().waitStrategy()).isEqualTo(WaitStrategy.YIELDING);
        assertThat(config.engine().inputRingSize()).isEqualTo(65536);
        assertThat(config.risk().activeProfile()).isEqualTo(RiskProfileName.CONSERVATIVE);
        assertThat(config.configDir()).isEqualTo(dir);
    }

    @Test
    void shouldPreferFileOverDefaultAndEnvironmentOverFile() throws ConfigException
    {
        TestFiles.write(dir, "config.yaml", String.join("\n",
            "engine:",
            "  wait_strategy: yielding",
            "  output_ring_size: 1024",
            "monitoring:",
            "  http_port: 9000",
            "venues:",
            "  simulator:",
            "    instruments: [BTCUSDT]",
            ""));
        TestFiles.write(dir, "risk_limits.yaml", String.join("\n",
            "active_profile: moderate",
            "profiles:",
            "  moderate:",
            "    max_order_qty: 0.5",
            ""));
        final Map<String, String> env = Map.of(
            "SCHWABOT_ENGINE_WAIT_STRATEGY", "busy-spin",
            "SCHWABOT_MONITORING_HTTP_PORT", "9100",
            "SCHWABOT_RISK_PROFILES_MODERATE_MAX_ORDER_QTY", "0.25",
            "SCHWABOT_STRATEGIES_ENSEMBLE_THRESHOLD", "0.75",
            "SCHWABOT_VENUES_SIMULATOR_INSTRUMENTS", "ETHUSDT, BTCUSDT",
            "SCHWABOT_ENGINE_BUSINESS_THREAD_CPU", "1");

        final SchwabotConfig config = TestFiles.load(dir, env);

        assertThat(config.engine().waitStrategy()).isEqualTo(WaitStrategy.BUSY_SPIN);
        assertThat(config.engine().outputRingSize()).isEqualTo(1024);
        assertThat(config.engine().inputRingSize()).isEqualTo(65536);
        assertThat(config.engine().businessThreadCpu()).isEqualTo(1);
        assertThat(config.monitoring().httpPort()).isEqualTo(9100);
        assertThat(config.risk().activeProfile()).isEqualTo(RiskProfileName.MODERATE);
        assertThat(config.risk().active().maxOrderQty()).isEqualByComparingTo("0.25");
        assertThat(config.risk().active().maxOrderNotional()).isEqualByComparingTo("5000");
        assertThat(config.strategies().ensemble().threshold()).isEqualTo(0.75);
        assertThat(config.venues().simulator().instruments()).containsExactly("ETHUSDT", "BTCUSDT");
    }

    @Test
    void shouldReadConfigDirFromEnvironment() throws ConfigException
    {
        TestFiles.write(dir, "config.yaml", "journal:\n  roll_cycle: hourly\n");

        final SchwabotConfig config = ConfigLoader.load(null, Map.of(EnvMapping.CONFIG_DIR, dir.toString()));

        assertThat(config.journal().rollCycle()).isEqualTo(RollCycle.HOURLY);
    }

    @Test
    void shouldHoldMoneyAsExactDecimals() throws ConfigException
    {
        TestFiles.write(dir, "risk_limits.yaml", String.join("\n",
            "profiles:",
            "  conservative:",
            "    daily_loss_limit: 100.10",
            "    max_order_notional: 0.1",
            ""));

        final RiskProfile profile = TestFiles.load(dir, Map.of()).risk().profiles().get(RiskProfileName.CONSERVATIVE);

        assertThat(profile.dailyLossLimit()).isEqualTo(new BigDecimal("100.1"));
        assertThat(profile.maxOrderNotional()).isEqualTo(new BigDecimal("0.1"));
        assertThat(TestFiles.load(dir, Map.of()).instrument("BTCUSDT").tickSize()).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void shouldReplaceListsFromFilesWholesale() throws ConfigException
    {
        TestFiles.write(dir, "strategies.yaml", String.join("\n",
            "strategies:",
            "  - name: only_one",
            "    type: imbalance",
            "    enabled: true",
            "    instruments: [ETHUSDT]",
            "    params: {depth_levels: 3, threshold: 0.4, window_ms: 250}",
            "ensemble:",
            "  threshold: 0.5",
            "  weights: {only_one: 1.0}",
            ""));

        final StrategiesConfig strategies = TestFiles.load(dir, Map.of()).strategies();

        assertThat(strategies.strategies()).hasSize(1);
        assertThat(strategies.strategies().get(0).params())
            .isEqualTo(new StrategyParams.Imbalance(3, 0.4, 250));
        assertThat(strategies.ensemble().weights()).isEqualTo(Map.of("only_one", 1.0));
        assertThat(List.of(strategies.strategies().get(0).type())).containsExactly(StrategyType.IMBALANCE);
    }
}
