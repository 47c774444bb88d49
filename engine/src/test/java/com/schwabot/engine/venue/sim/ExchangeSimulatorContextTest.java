package com.schwabot.engine.venue.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.schwabot.config.ConfigLoader;
import com.schwabot.config.SchwabotConfig;

/**
 * Building the simulator from the engine's configuration, validation, and the tick timer.
 */
class ExchangeSimulatorContextTest
{
    @Test
    void shouldTakeItsSettingsFromTheConfigurationAndTickOnItsTimer() throws Exception
    {
        final SchwabotConfig config = ConfigLoader.load(null, Map.of());
        final ExchangeSimulator.Context context = ExchangeSimulator.Context.from(config).conclude();

        assertThat(context.simInstruments()).extracting(SimInstrument::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(context.simInstruments().get(0).tickMantissa()).isEqualTo(1);
        assertThat(context.simInstruments().get(1).streamName(StreamType.DEPTH20)).isEqualTo("ethusdt@depth20");
        assertThat(context.seed()).isEqualTo(42);
        assertThat(context.tickIntervalMs()).isEqualTo(10);
        assertThat(context.host()).isEqualTo("127.0.0.1");
        assertThat(context.marketDataPort()).isZero();

        try (ExchangeSimulator simulator = ExchangeSimulator.launch(context))
        {
            assertThat(simulator.marketDataPort()).isPositive();
            assertThat(simulator.orderEntryPort()).isPositive().isNotEqualTo(simulator.marketDataPort());
            Await.until(() -> simulator.counters().get(SimCounter.TICKS) >= 5, () -> "five ticks");
        }
    }

    @Test
    void shouldReportEveryBadSettingAtOnce()
    {
        final ExchangeSimulator.Context context = SimFixtures.context(1)
            .symbols(List.of("BTCUSDT", "XRPUSDT"))
            .bookLevels(0)
            .makerFeeBps(20_000)
            .heartbeatIntervalMs(100)
            .heartbeatTimeoutMs(50);

        assertThatThrownBy(context::conclude)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("symbols=XRPUSDT")
            .hasMessageContaining("bookLevels=0 (allowed: 1..1000)")
            .hasMessageContaining("makerFeeBps=20000")
            .hasMessageContaining("heartbeatTimeoutMs=50");
    }

    @Test
    void shouldServeOrdersOnTheEpollTransportWhenAskedAndAvailable() throws Exception
    {
        try (ExchangeSimulator simulator = ExchangeSimulator.launch(SimFixtures.context(1).preferEpoll(true));
            TestOrderClient client = new TestOrderClient(simulator.context().host(), simulator.orderEntryPort()))
        {
            client.send(SimFixtures.newOrder(1, SimFixtures.ETH_ID, com.schwabot.codecs.sbe.Side.SELL,
                com.schwabot.codecs.sbe.OrderType.LIMIT, com.schwabot.codecs.sbe.TimeInForce.GTC, 900_000_000L, 1));
            assertThat(client.nextReport().execType()).isEqualTo(com.schwabot.codecs.sbe.ExecType.NEW);
        }
    }

    @Test
    void shouldRefuseToStartTwiceAndCloseIdempotently()
    {
        final ExchangeSimulator simulator = ExchangeSimulator.launch(SimFixtures.context(1));
        assertThatThrownBy(simulator::start).isInstanceOf(IllegalStateException.class);
        simulator.close();
        simulator.close();
    }
}
