package com.schwabot.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestConfigTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDefaultToNoLatencyAndTenBpsFees() throws ConfigException
    {
        final BacktestConfig backtest = TestFiles.load(null, Map.of()).backtest();

        assertThat(backtest.fillLatencyUs()).isZero();
        assertThat(backtest.takerFeeBps()).isEqualByComparingTo("10");
        assertThat(backtest.makerFeeBps()).isEqualByComparingTo("10");
    }

    @Test
    void shouldReadTheFileAndLetTheEnvironmentOverrideIt() throws ConfigException
    {
        TestFiles.write(dir, "config.yaml",
            "backtest:\n  fill_latency_us: 2500\n  taker_fee_bps: 7.5\n  maker_fee_bps: -0.25\n");

        final BacktestConfig fromFile = TestFiles.load(dir, Map.of()).backtest();
        final BacktestConfig fromEnv = TestFiles.load(dir, Map.of(
            "SCHWABOT_BACKTEST_FILL_LATENCY_US", "100", "SCHWABOT_BACKTEST_TAKER_FEE_BPS", "4")).backtest();

        assertThat(fromFile).isEqualTo(new BacktestConfig(2500, new BigDecimal("7.5"), new BigDecimal("-0.25")));
        assertThat(fromEnv.fillLatencyUs()).isEqualTo(100);
        assertThat(fromEnv.takerFeeBps()).isEqualByComparingTo("4");
        assertThat(fromEnv.makerFeeBps()).isEqualByComparingTo("-0.25");
    }

    @Test
    void shouldRejectBadValuesNamingFileKeyValueAndWhatIsAllowed()
    {
        TestFiles.write(dir, "config.yaml", String.join("\n",
            "backtest:",
            "  fill_latency_us: -1",
            "  taker_fee_bps: 0.125",
            "  maker_fee_bps: -500",
            "  slippage_bps: 3",
            ""));

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).hasSize(4);
        assertThat(ex.getMessage())
            .contains("config.yaml: backtest.fill_latency_us = -1: must be in [0, 60000000]")
            .contains("config.yaml: backtest.taker_fee_bps = 0.125: must have at most two decimals")
            .contains("config.yaml: backtest.maker_fee_bps = -500: must be in [-100.0, 1000.0]")
            .contains("config.yaml: backtest.slippage_bps: unknown key");
    }
}
