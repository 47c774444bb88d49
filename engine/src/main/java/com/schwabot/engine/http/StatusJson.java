package com.schwabot.engine.http;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;

import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.engine.json.JsonWriter;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.AlertMonitor;
import com.schwabot.engine.monitor.AlertState;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.JournalSpaceGuard;
import com.schwabot.engine.monitor.LatencySummary;
import com.schwabot.engine.monitor.MonitorSnapshot;
import com.schwabot.engine.monitor.StatusPublisher;

/**
 * The JSON documents of {@code /status} and {@code /health}, built from {@link MonitorSources} only.
 * <p>
 * Health: live while the business thread handles timer ticks (and the monitor that checks it still runs); ready while
 * live, the market-data feed is connected, trading is not halted and the journal has not stopped. Stateless;
 * allocates (HTTP thread only).
 */
final class StatusJson
{
    private StatusJson()
    {
    }

    /**
     * Whether the engine is live (its business thread makes progress).
     *
     * @param sources the sources.
     * @return true when live.
     */
    static boolean live(final MonitorSources sources)
    {
        return sources.snapshot().get().isLive(System.currentTimeMillis());
    }

    /**
     * Whether the engine is ready to trade: live, feed connected, not halted, journal not stopped.
     *
     * @param sources the sources.
     * @return true when ready.
     */
    static boolean ready(final MonitorSources sources)
    {
        final StatusPublisher status = sources.status();
        return live(sources) && status.feedUp() && !status.halted() &&
            sources.snapshot().get().journal().state() != JournalSpaceGuard.State.STOPPED;
    }

    /**
     * The health JSON: {@code status} UP or DOWN, live, ready and the checks.
     *
     * @param sources  the sources.
     * @param liveness true for {@code /health/live}: UP while live, whether ready or not; else UP when live and
     *                 ready.
     * @return the JSON.
     */
    static String health(final MonitorSources sources, final boolean liveness)
    {
        final StatusPublisher status = sources.status();
        final boolean live = live(sources);
        final boolean ready = ready(sources);
        final RiskReason reason = status.haltReason();
        return new JsonWriter().beginObject()
            .field("status", live && (ready || liveness) ? "UP" : "DOWN")
            .field("live", live)
            .field("ready", ready)
            .name("checks").beginObject()
            .field("businessThread", live ? "live" : "stalled")
            .field("feed", status.feedUp() ? "connected" : "disconnected")
            .field("gateway", status.gatewayUp() ? "connected" : "disconnected")
            .field("trading", status.halted() ? "halted (" + (null == reason ? "?" : reason.name()) + ")" : "active")
            .field("journal", sources.snapshot().get().journal().state().label())
            .endObject()
            .endObject().toString();
    }

    static String status(final MonitorSources sources)
    {
        final MonitorSnapshot snapshot = sources.snapshot().get();
        final StatusPublisher status = sources.status();
        final Map<String, Long> values = sources.counterValues();
        final JsonWriter json = new JsonWriter().beginObject()
            .field("time", Instant.ofEpochMilli(snapshot.timeMs()).toString())
            .field("startTime", Instant.ofEpochMilli(snapshot.startTimeMs()).toString())
            .field("uptimeMs", snapshot.timeMs() - snapshot.startTimeMs())
            .field("live", live(sources))
            .field("ready", ready(sources));
        json.name("pnl").beginObject()
            .field("total", status.pnl())
            .field("realized", status.realized())
            .field("fees", status.fees())
            .field("drawdownBps", snapshot.drawdownBps())
            .endObject();
        positions(json, sources.instruments(), status);
        risk(json, sources, snapshot, values);
        json.name("orders").beginObject()
            .field("sent", value(values, EngineCounter.ORDERS_SENT.label()))
            .field("cancelsSent", value(values, EngineCounter.CANCELS_SENT.label()))
            .field("executionReports", value(values, EngineCounter.EXECUTION_REPORTS.label()))
            .field("fills", value(values, EngineCounter.FILLS.label()))
            .field("venueRejects", value(values, EngineCounter.VENUE_REJECTS.label()))
            .field("canceled", value(values, EngineCounter.CANCELS.label()))
            .endObject();
        json.name("feed").beginObject()
            .field("connected", status.feedUp())
            .field("silentMs", snapshot.feedSilentMs())
            .field("marketEvents", value(values, EngineCounter.MARKET_EVENTS.label()))
            .field("frames", value(values, "venue.feed.frames"))
            .field("reconnects", value(values, "venue.feed.reconnects"))
            .field("disconnects", value(values, EngineCounter.FEED_DOWN.label()))
            .endObject();
        json.name("gateway").beginObject()
            .field("connected", status.gatewayUp())
            .field("reconnects", value(values, "venue.gateway.reconnects"))
            .field("syntheticRejects", value(values, "venue.gateway.synthetic_rejects"))
            .field("disconnects", value(values, EngineCounter.GATEWAY_DOWN.label()))
            .endObject();
        json.name("events").beginObject()
            .field("total", value(values, EngineCounter.INBOUND_FRAMES.label()))
            .field("perSecond", snapshot.eventsPerSecond())
            .field("dropped", value(values, EngineCounter.RING_FULL_DROPS.label()) +
                value(values, EngineCounter.OVERSIZED_DROPS.label()))
            .field("handlerErrors", value(values, EngineCounter.HANDLER_ERRORS.label()))
            .field("journalFailures", value(values, EngineCounter.JOURNAL_FAILURES.label()))
            .endObject();
        json.name("latencyUs").beginObject();
        latency(json.name("event"), snapshot.eventLatency());
        latency(json.name("order"), snapshot.orderLatency());
        json.endObject();
        json.field("freeDiskMb", snapshot.freeDiskMb() == AlertMonitor.NO_VALUE ? -1 : snapshot.freeDiskMb());
        journal(json, snapshot.journal(), values);
        alerts(json, snapshot);
        return json.endObject().toString();
    }

    private static void positions(final JsonWriter json, final InstrumentTable instruments,
        final StatusPublisher status)
    {
        json.name("positions").beginArray();
        for (int i = 0; i < instruments.count(); i++)
        {
            final long qty = status.position(i);
            json.beginObject()
                .field("symbol", instruments.symbol(i))
                .field("qty", new BigDecimal(BigInteger.valueOf(qty), -instruments.qtyExponent(i)).toPlainString())
                .endObject();
        }
        json.endArray();
    }

    private static void risk(final JsonWriter json, final MonitorSources sources, final MonitorSnapshot snapshot,
        final Map<String, Long> values)
    {
        final StatusPublisher status = sources.status();
        final RiskReason reason = status.haltReason();
        json.name("risk").beginObject()
            .field("profile", sources.profile())
            .field("halted", status.halted())
            .field("haltReason", null == reason ? null : reason.name())
            .field("passed", value(values, EngineCounter.RISK_PASSED.label()))
            .field("rejected", value(values, EngineCounter.RISK_REJECTS.label()))
            .field("halts", value(values, EngineCounter.HALTS.label()))
            .field("rejectRateBps", snapshot.rejectRateBps() == AlertMonitor.NO_VALUE ? -1 : snapshot.rejectRateBps());
        json.name("rejectsByReason").beginObject();
        for (final RiskReason r : RiskReason.values())
        {
            final long count = value(values, "risk.reject." + r.name());
            if (r != RiskReason.NULL_VAL && count > 0)
            {
                json.field(r.name(), count);
            }
        }
        json.endObject().endObject();
    }

    private static void journal(final JsonWriter json, final JournalSpaceGuard.Status journal,
        final Map<String, Long> values)
    {
        json.name("journal").beginObject()
            .field("dir", journal.directory().toString())
            .field("state", journal.state().label())
            .field("freeBytes", journal.freeBytes())
            .field("reserveBytes", journal.reserveBytes())
            .field("stopBytes", journal.stopBytes())
            .field("cause", journal.cause())
            .field("spaceHalts", value(values, EngineCounter.JOURNAL_SPACE_HALTS.label()))
            .field("failures", value(values, EngineCounter.JOURNAL_FAILURES.label()))
            .field("refused", value(values, EngineCounter.JOURNAL_REFUSED.label()))
            .endObject();
    }

    private static void latency(final JsonWriter json, final LatencySummary latency)
    {
        json.beginObject()
            .field("count", latency.count())
            .field("windowCount", latency.windowCount())
            .field("p50", latency.p50() / 1000.0)
            .field("p90", latency.p90() / 1000.0)
            .field("p99", latency.p99() / 1000.0)
            .field("p999", latency.p999() / 1000.0)
            .field("max", latency.max() / 1000.0)
            .endObject();
    }

    private static void alerts(final JsonWriter json, final MonitorSnapshot snapshot)
    {
        json.name("alerts").beginArray();
        for (final AlertState state : snapshot.alerts())
        {
            json.beginObject()
                .field("name", state.alert().label())
                .field("active", state.active());
            if (state.value() == AlertMonitor.NO_VALUE)
            {
                json.field("value", (String)null);
            }
            else
            {
                json.field("value", state.value());
            }
            json.field("threshold", state.threshold())
                .field("unit", state.alert().unit())
                .field("since", state.active() ? Instant.ofEpochMilli(state.sinceMs()).toString() : null)
                .endObject();
        }
        json.endArray();
    }

    private static long value(final Map<String, Long> values, final String label)
    {
        final Long value = values.get(label);
        return null == value ? 0 : value;
    }
}
