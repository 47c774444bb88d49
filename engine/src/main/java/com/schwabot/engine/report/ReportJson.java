package com.schwabot.engine.report;

import java.math.BigDecimal;
import java.time.Instant;

import com.schwabot.engine.json.JsonWriter;

/**
 * A backtest report as JSON: every measure, instrument, run, trade and fill, and the sampled curve. Deterministic:
 * the same report gives the same bytes (no wall-clock time, no paths, doubles in shortest round-trip form).
 * Amounts are in the quote currency; times are epoch nanoseconds of event time, with ISO-8601 UTC beside them;
 * quantities and fill prices are exact decimals (strings).
 */
public final class ReportJson
{
    /** The layout's version, written as {@code "format"}. */
    public static final int FORMAT = 1;

    private ReportJson()
    {
    }

    /**
     * The JSON text.
     *
     * @param report the report.
     * @return the text, ending with a new line.
     */
    public static String write(final BacktestReport report)
    {
        final StringBuilder sb = new StringBuilder(4096 + report.fills().size() * 200 + report.trades().size() * 300 +
            report.equity().size() * 40);
        final JsonWriter json = new JsonWriter(sb);
        json.beginObject();
        json.line(1).field("report", "schwabot backtest");
        json.line(1).field("format", FORMAT);
        json.line(1).name("source");
        source(json, report.source());
        json.line(1).name("setup");
        setup(json, report.setup());
        json.line(1).name("metrics");
        metrics(json, report.metrics());
        json.line(1).name("instruments").beginArray();
        for (final BacktestReport.InstrumentResult instrument : report.instruments())
        {
            json.line(2);
            instrument(json, instrument);
        }
        json.close(1).endArray();
        json.line(1).name("sessions").beginArray();
        for (final BacktestReport.SessionResult session : report.sessions())
        {
            json.line(2);
            session(json, session);
        }
        json.close(1).endArray();
        json.line(1).name("trades").beginArray();
        for (final Trade trade : report.trades())
        {
            json.line(2);
            trade(json, trade);
        }
        json.close(1).endArray();
        json.line(1).name("fills").beginArray();
        fills(json, report);
        json.close(1).endArray();
        json.line(1).name("equity");
        equity(json, report);
        json.close(0).endObject();
        sb.append('\n');
        return sb.toString();
    }

    private static void source(final JsonWriter json, final BacktestReport.Source source)
    {
        json.beginObject().field("records", source.records()).field("inbound", source.inbound())
            .field("outbound", source.outbound()).field("firstSequence", source.firstSequence())
            .field("lastSequence", source.lastSequence()).field("firstTimeNanos", source.firstTimeNanos())
            .field("firstTime", iso(source.firstTimeNanos())).field("lastTimeNanos", source.lastTimeNanos())
            .field("lastTime", iso(source.lastTimeNanos())).endObject();
    }

    private static void setup(final JsonWriter json, final BacktestReport.Setup setup)
    {
        json.beginObject().field("fillModel", setup.simulated() ? "simulated" : "recorded")
            .field("fillLatencyNanos", null == setup.fills() ? 0 : setup.fills().latencyNanos())
            .field("takerFeeBps", null == setup.fills() ? 0 : setup.fills().takerFeeCentiBps() / 100.0)
            .field("makerFeeBps", null == setup.fills() ? 0 : setup.fills().makerFeeCentiBps() / 100.0)
            .field("riskProfile", setup.riskProfile())
            .field("capital", setup.capital()).field("quoteCurrency", setup.quoteCurrency())
            .field("sampleStepNanos", setup.stepNanos())
            .field("sampling", "equity = capital + P&L sampled every " + SampleInterval.describe(setup.stepNanos()) +
                " of event time; Sharpe and Sortino from the simple returns between samples, annualised by " +
                "sqrt(365 d / step)")
            .field("orderDigest", setup.orderDigest()).endObject();
    }

    private static void metrics(final JsonWriter json, final BacktestMetrics m)
    {
        json.beginObject().field("capital", m.capital()).field("finalPnl", m.finalPnl())
            .field("totalReturn", m.totalReturn()).field("sharpe", m.sharpe()).field("sortino", m.sortino())
            .field("maxDrawdown", m.maxDrawdown()).field("maxDrawdownFraction", m.maxDrawdownFraction())
            .field("trades", m.trades()).field("wins", m.wins()).field("losses", m.losses())
            .field("winRate", m.winRate()).field("grossProfit", m.grossProfit()).field("grossLoss", m.grossLoss())
            .field("profitFactor", m.profitFactor()).field("exposure", m.exposure())
            .field("tradedNotional", m.tradedNotional()).field("turnover", m.turnover()).field("fees", m.fees())
            .field("slippage", m.slippage()).field("returns", m.returns())
            .field("periodsPerYear", m.periodsPerYear()).endObject();
    }

    private static void instrument(final JsonWriter json, final BacktestReport.InstrumentResult i)
    {
        json.beginObject().field("symbol", i.symbol()).field("pnl", i.pnl()).field("fees", i.fees())
            .field("slippage", i.slippage()).field("fills", i.fills()).field("trades", i.trades())
            .field("tradedNotional", i.tradedNotional()).endObject();
    }

    private static void session(final JsonWriter json, final BacktestReport.SessionResult s)
    {
        json.beginObject().field("firstSequence", s.firstSequence()).field("firstTimeNanos", s.firstTimeNanos())
            .field("lastTimeNanos", s.lastTimeNanos()).field("inbound", s.inbound())
            .field("ordersSent", s.ordersSent()).field("fills", s.fills()).field("pnl", s.pnl())
            .field("orderDigest", s.digest()).field("reproduced", s.reproduced()).endObject();
    }

    private static void trade(final JsonWriter json, final Trade t)
    {
        json.beginObject().field("session", t.session()).field("symbol", t.symbol())
            .field("side", t.direction() > 0 ? "LONG" : "SHORT").field("entryTimeNanos", t.entryTimeNanos())
            .field("entryTime", iso(t.entryTimeNanos())).field("exitTimeNanos", t.exitTimeNanos())
            .field("exitTime", iso(t.exitTimeNanos())).field("qty", t.qty().toPlainString())
            .field("entryPrice", t.entryPrice()).field("exitPrice", t.exitPrice()).field("grossPnl", t.grossPnl())
            .field("fees", t.fees()).field("slippage", t.slippage()).field("netPnl", t.netPnl())
            .field("fills", t.fills()).field("open", t.open()).endObject();
    }

    private static void fills(final JsonWriter json, final BacktestReport report)
    {
        final FillLog fills = report.fills();
        for (int k = 0; k < fills.size(); k++)
        {
            final BacktestReport.InstrumentResult i = report.instruments().get(fills.instrument(k));
            json.line(2).beginObject().field("session", fills.session(k)).field("timeNanos", fills.time(k))
                .field("time", iso(fills.time(k))).field("symbol", i.symbol())
                .field("side", fills.buy(k) ? "BUY" : "SELL")
                .field("qty", decimal(fills.qty(k), i.qtyExponent()))
                .field("price", decimal(fills.price(k), i.priceExponent())).field("fee", fills.fee(k))
                .field("slippage", fills.slippage(k)).endObject();
        }
    }

    private static void equity(final JsonWriter json, final BacktestReport report)
    {
        final EquitySeries equity = report.equity();
        json.beginObject().field("stepNanos", report.setup().stepNanos());
        json.line(2).name("timeNanos").beginArray();
        for (int k = 0; k < equity.size(); k++)
        {
            json.value(equity.time(k));
        }
        json.endArray();
        json.line(2).name("pnl").beginArray();
        for (int k = 0; k < equity.size(); k++)
        {
            json.value(equity.pnl(k));
        }
        json.endArray();
        json.close(1).endObject();
    }

    static String decimal(final long mantissa, final int exponent)
    {
        return BigDecimal.valueOf(mantissa, -exponent).toPlainString();
    }

    static String iso(final long nanos)
    {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
            .toString();
    }
}
