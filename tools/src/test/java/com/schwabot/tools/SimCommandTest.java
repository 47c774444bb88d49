package com.schwabot.tools;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.ConfigLoader;
import com.schwabot.engine.venue.sim.ExchangeSimulator;
import com.schwabot.engine.venue.sim.SimCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code schwabot sim} on its own, and {@code schwabot run --simulator} against a simulator that is not its own.
 */
class SimCommandTest
{
    @TempDir
    Path temp;

    @Test
    void shouldServeUntilItsDurationPrintingWhereItListensHowToConnectAndItsStatus()
    {
        final CliRunner.Result result = CliRunner.run("sim", "--duration", "2500ms", "--market-data-port", "0",
            "--order-port", "0");

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
            .containsPattern("^# schwabot sim: market data ws://127\\.0\\.0\\.1:\\d+/ws, order entry tcp " +
                "127\\.0\\.0\\.1:\\d+, seed 42, for PT2\\.5S\\n")
            .containsPattern("\\n# engines connect with: schwabot run --simulator 127\\.0\\.0\\.1:\\d+:\\d+\\n")
            .containsPattern("\\norders=0 fills=0 open=0 logons=0 resent=0\\n")
            .containsPattern("\\n# stopped: orders=0 fills=0 open=0 logons=0 resent=0\\n$");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void shouldRunTheEngineAgainstARunningSimulatorLoggingOnToItsAccount() throws Exception
    {
        try (ExchangeSimulator sim = ExchangeSimulator.launch(
            ExchangeSimulator.Context.from(ConfigLoader.load(null, Map.of()))))
        {
            final CliRunner.Result result = CliRunner.run(RunCommandTest.FREE_PORT, "run", "--duration", "3s",
                "--data-dir", temp.toString(), "--simulator",
                "127.0.0.1:" + sim.marketDataPort() + ":" + sim.orderEntryPort());

            assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
            assertThat(result.out()).contains("events/s=", "pos=BTCUSDT:", "# stopped: ");
            assertThat(sim.counters().get(SimCounter.OE_LOGONS)).isEqualTo(1);
            assertThat(sim.counters().get(SimCounter.MD_CONNECTIONS)).isEqualTo(1);
            assertThat(sim.submit((core) -> core.accountIds()).get(5, TimeUnit.SECONDS)).containsExactly(1L);
        }
    }

    @Test
    void shouldRefuseAMalformedSimulatorAddress()
    {
        final CliRunner.Result result = CliRunner.run(RunCommandTest.FREE_PORT, "run", "--simulator", "localhost:9001",
            "--data-dir", temp.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--simulator localhost:9001: must be HOST:MARKET_DATA_PORT:ORDER_PORT");
    }
}
