package com.schwabot.engine.http;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.config.Instrument;
import com.schwabot.config.VenueKind;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.JournalSpaceGuard;
import com.schwabot.engine.monitor.LatencySummary;
import com.schwabot.engine.monitor.MonitorSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsTextTest
{
    private static final long T0 = 1_700_000_000_000L;
    /** Positions are published as quantity mantissas: BTCUSDT at exponent -5, ETHUSDT at -4. */
    private static final InstrumentTable INSTRUMENTS = new InstrumentTable(List.of(
        new Instrument("BTCUSDT", 1, -2, -5, new BigDecimal("0.01"), new BigDecimal("0.00001"), VenueKind.SIMULATOR,
            null),
        new Instrument("ETHUSDT", 2, -2, -4, new BigDecimal("0.01"), new BigDecimal("0.0001"), VenueKind.SIMULATOR,
            null)));

    @Test
    void shouldRenderCountersGaugesLabelsAndSummariesAsPrometheusText()
    {
        final EngineCounters counters = new EngineCounters();
        counters.get(EngineCounter.ORDERS_SENT).set(12);
        counters.risk(RiskReason.ORDER_RATE).set(3);
        counters.newGauge("status.position.BTCUSDT").set(-150);
        counters.newGauge("status.position.ETHUSDT").set(-100);
        counters.newGauge("status.pnl.micros").set(-1_250_000);
        counters.newGauge("alert.stale_feed.active").set(1);
        counters.newCounter("alert.stale_feed.raised").set(2);
        counters.newLatencyGauge("latency.event.p99_ns").set(5_000);
        final LatencySummary latency = new LatencySummary(100, 2_000_000, 10, 10_000, 20_000, 30_000, 40_000, 50_000);

        final String text = MetricsText.render(counters.reader(), snapshot(latency, LatencySummary.EMPTY),
            INSTRUMENTS);
        final PrometheusText.Scrape scrape = PrometheusText.parse(text);

        assertThat(scrape.value("schwabot_orders_sent_total")).isEqualTo(12);
        assertThat(scrape.value("schwabot_risk_reject_total", "reason", "ORDER_RATE")).isEqualTo(3);
        assertThat(scrape.value("schwabot_risk_reject_total", "reason", "HALTED")).isZero();
        assertThat(scrape.value("schwabot_status_position", "symbol", "BTCUSDT")).isEqualTo(-0.0015);
        assertThat(text).contains("schwabot_status_position{symbol=\"ETHUSDT\"} -0.0100\n",
            "# HELP schwabot_status_position Engine gauge status.position (net quantity, in units of the instrument)");
        assertThat(scrape.value("schwabot_status_pnl")).isEqualTo(-1.25);
        assertThat(scrape.value("schwabot_alert_active", "alert", "stale_feed")).isEqualTo(1);
        assertThat(scrape.value("schwabot_alert_raised_total", "alert", "stale_feed")).isEqualTo(2);
        assertThat(scrape.value("schwabot_start_time_seconds")).isEqualTo(T0 / 1000.0);
        assertThat(scrape.value("schwabot_event_latency_seconds", "quantile", "0.99")).isEqualTo(30e-6);
        assertThat(scrape.value("schwabot_event_latency_seconds", "quantile", "1")).isEqualTo(50e-6);
        assertThat(scrape.value("schwabot_event_latency_seconds_count")).isEqualTo(100);
        assertThat(scrape.value("schwabot_event_latency_seconds_sum")).isEqualTo(0.002);
        assertThat(scrape.value("schwabot_order_latency_seconds", "quantile", "0.5")).isNaN();
        assertThat(scrape.types()).containsEntry("schwabot_status_position", "gauge")
            .containsEntry("schwabot_orders_sent_total", "counter").doesNotContainKey("schwabot_latency_event_p99_ns");
        assertThat(text).endsWith("\n").contains("# TYPE schwabot_risk_reject_total counter\n");
    }

    @Test
    void shouldRejectTextThatIsNotPrometheusFormat()
    {
        for (final String bad : List.of("1bad 1\n", "m{a=\"x} 1\n", "m 1x\n", "# TYPE m gauge\n# TYPE m gauge\nm 1\n",
            "a 1\nb 1\na 2\n", "m{a=\"1\",a=\"2\"} 1\n", "m 1\nm 2\n"))
        {
            assertThat(parses(bad)).as(bad).isFalse();
        }
        assertThat(parses("# HELP m x\n# TYPE m counter\nm 1\nm{x=\"a\\\"b\"} 2 1700000000000\n")).isTrue();
    }

    private static boolean parses(final String text)
    {
        try
        {
            PrometheusText.parse(text);
            return true;
        }
        catch (final IllegalArgumentException | IndexOutOfBoundsException ex)
        {
            return false;
        }
    }

    private static MonitorSnapshot snapshot(final LatencySummary event, final LatencySummary order)
    {
        return new MonitorSnapshot(T0 + 1_000, T0, 1_000, true, 0, 0, 0, 0, 0, event, order, List.of(),
            new JournalSpaceGuard.Status(Path.of("journal"), JournalSpaceGuard.State.OK, 1L << 40, 256L << 20,
                64L << 20, null));
    }
}
