package com.schwabot.tools;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
    void shouldNameTheAddressAndExitOneWhenAPortIsInUse() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final int port = taken.getLocalPort();

            final CliRunner.Result marketData = CliRunner.run("sim", "--duration", "2s", "--market-data-port",
                Integer.toString(port), "--order-port", "0");
            final CliRunner.Result orders = CliRunner.run("sim", "--duration", "2s", "--market-data-port", "0",
                "--order-port", Integer.toString(port));

            assertThat(marketData.status()).as(marketData.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(marketData.err()).isEqualTo("schwabot: simulator market data cannot listen on 127.0.0.1:" +
                port + ": Address already in use\n");
            assertThat(marketData.out()).isEmpty();
            assertThat(orders.status()).as(orders.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(orders.err()).isEqualTo("schwabot: simulator order entry cannot listen on 127.0.0.1:" +
                port + ": Address already in use\n");
        }
    }

    @Test
    void shouldNameTheAddressAndExitOneWhenTheEmbeddedSimulatorsPortIsInUse() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final int port = taken.getLocalPort();
            final Map<String, String> env = Map.of("SCHWABOT_MONITORING_HTTP_PORT", "0",
                "SCHWABOT_VENUES_SIMULATOR_MARKET_DATA_PORT", Integer.toString(port));

            final CliRunner.Result result = CliRunner.run(env, "run", "--duration", "2s", "--data-dir",
                temp.toString());

            assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).contains("schwabot: the engine could not start: simulator market data cannot " +
                "listen on 127.0.0.1:" + port + ": Address already in use\n");
        }
    }

    @Test
    void shouldRunItsDurationThenExitOneNamingAVenueItNeverReached() throws Exception
    {
        final int marketDataPort = closedPort();
        final int orderPort = closedPort();

        final CliRunner.Result result = CliRunner.run(RunCommandTest.FREE_PORT, "run", "--duration", "3s",
            "--data-dir", temp.toString(), "--simulator", "127.0.0.1:" + marketDataPort + ":" + orderPort);

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).contains("# stopped: ").containsPattern("order digest [0-9a-f]{64} \\(0 frames\\)");
        assertThat(result.err()).containsPattern("^schwabot: the venue was never reached: market data " +
            "ws://127\\.0\\.0\\.1:" + marketDataPort + "/ws \\(\\d+ attempts failed\\), order entry tcp " +
            "127\\.0\\.0\\.1:" + orderPort + " \\(\\d+ attempts failed\\); the engine kept retrying until " +
            "it stopped \\(is the venue running, at that address\\?\\)\\n$");
    }

    @Test
    void shouldExitZeroWhenTheVenueComesUpAfterTheEngine() throws Exception
    {
        final int marketDataPort = closedPort();
        final int orderPort = closedPort();
        final Map<String, String> simPorts = Map.of("SCHWABOT_VENUES_SIMULATOR_MARKET_DATA_PORT",
            Integer.toString(marketDataPort), "SCHWABOT_VENUES_SIMULATOR_ORDER_PORT", Integer.toString(orderPort));
        final CompletableFuture<CliRunner.Result> run = CompletableFuture.supplyAsync(() -> CliRunner.run(
            RunCommandTest.FREE_PORT, "run", "--duration", "8s", "--data-dir", temp.toString(), "--simulator",
            "127.0.0.1:" + marketDataPort + ":" + orderPort));
        Thread.sleep(1_500);

        try (ExchangeSimulator sim = ExchangeSimulator.launch(
            ExchangeSimulator.Context.from(ConfigLoader.load(null, simPorts))))
        {
            final CliRunner.Result result = run.get(60, TimeUnit.SECONDS);

            assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
            assertThat(result.err()).isEmpty();
            assertThat(sim.counters().get(SimCounter.OE_LOGONS)).isEqualTo(1);
        }
    }

    private static int closedPort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            return socket.getLocalPort();
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
