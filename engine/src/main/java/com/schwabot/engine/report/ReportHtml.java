package com.schwabot.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A backtest report as one self-contained HTML page: inline CSS, charts as inline SVG ({@link SvgChart}), no
 * script and no external asset, so it opens with no network. The markup is also well-formed XML (XHTML syntax:
 * every element closed, attributes quoted, only the five XML entities), so any XML parser reads it. Deterministic
 * like {@link ReportJson}: the same report gives the same bytes.
 * <p>
 * Sections: a summary line, the metrics table, the equity curve, the drawdown chart, per-instrument P&amp;L (bar
 * chart and table), the runs and the trade list.
 */
public final class ReportHtml
{
    private static final String STYLE = """
        body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fff}
        h1{font-size:20px}h2{font-size:16px;margin-top:28px}
        table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #e3e6ec;text-align:right;
        white-space:nowrap}td.note{white-space:normal}
        th{background:#f3f5f8}td.l,th.l{text-align:left}.note{color:#667085}
        svg{display:block;max-width:100%;height:auto}svg text{font:11px system-ui,sans-serif;fill:#475467}
        .grid{stroke:#e3e6ec}.axis{stroke:#98a2b3}
        .equity{fill:none;stroke:#2563eb;stroke-width:1.5}.drawdown{fill:#fca5a5;stroke:#dc2626}
        .gain{fill:#16a34a}.loss{fill:#dc2626}td.gain{color:#15803d;fill:none}td.loss{color:#b91c1c;fill:none}
        """;

    private ReportHtml()
    {
    }

    /**
     * The page.
     *
     * @param report the report.
     * @return the HTML text.
     */
    public static String write(final BacktestReport report)
    {
        final StringBuilder out = new StringBuilder(32_768 + report.trades().size() * 400 +
            report.equity().size() * 60);
        final BacktestReport.Source source = report.source();
        final BacktestReport.Setup setup = report.setup();
        final String title = "Schwabot backtest " + ReportJson.iso(source.firstTimeNanos()) + " .. " +
            ReportJson.iso(source.lastTimeNanos());
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
            .append("<meta charset=\"utf-8\"/>\n<title>").append(escape(title)).append("</title>\n<style>\n")
            .append(STYLE).append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        out.append("<p class=\"note\">").append(escape(String.format(Locale.ROOT,
            "Journal sequences %d..%d: %d records, %d inbound events replayed; runs: %d. Fills: %s. Risk profile " +
            "%s, capital %s %s. Equity sampled every %s of event time; Sharpe and Sortino are annualised by " +
            "sqrt(365 d / %s) = sqrt(%.0f). Order digest %s.",
            source.firstSequence(), source.lastSequence(), source.records(), source.inbound(),
            report.sessions().size(), setup.simulated() ?
                String.format(Locale.ROOT, "simulated venue (fill latency %d ns, taker fee %.2f bps, maker fee " +
                "%.2f bps)", setup.fills().latencyNanos(), setup.fills().takerFeeCentiBps() / 100.0,
                setup.fills().makerFeeCentiBps() / 100.0) : "recorded venue reports",
            setup.riskProfile(), money(setup.capital()), setup.quoteCurrency(),
            SampleInterval.describe(setup.stepNanos()), SampleInterval.describe(setup.stepNanos()),
            report.metrics().periodsPerYear(), setup.orderDigest()))).append("</p>\n");
        metrics(out, report);
        charts(out, report);
        instruments(out, report);
        sessions(out, report);
        trades(out, report);
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void metrics(final StringBuilder out, final BacktestReport report)
    {
        final BacktestMetrics m = report.metrics();
        final String ccy = report.setup().quoteCurrency();
        final String step = SampleInterval.describe(report.setup().stepNanos());
        out.append("<h2 id=\"metrics\">Metrics</h2>\n<table class=\"metrics\">\n");
        row(out, "Total return", percent(m.totalReturn()), "final P&L " + money(m.finalPnl()) + " " + ccy +
            " / capital " + money(m.capital()) + " " + ccy);
        row(out, "Sharpe", ratio(m.sharpe()), "mean / standard deviation of the " + m.returns() + " returns per " +
            step + ", x sqrt(periods per year)");
        row(out, "Sortino", ratio(m.sortino()), "mean / downside deviation (target 0) of the same returns, " +
            "x sqrt(periods per year)");
        row(out, "Max drawdown", money(m.maxDrawdown()) + " " + ccy + " (" + percent(m.maxDrawdownFraction()) + ")",
            "largest fall of the sampled equity from its peak");
        row(out, "Win rate", percent(m.winRate()), m.wins() + " winning of " + m.trades() + " closed trades (" +
            m.losses() + " losing)");
        row(out, "Profit factor", ratio(m.profitFactor()), "winning trades " + money(m.grossProfit()) +
            " / losing trades " + money(-m.grossLoss()) + " " + ccy + " (net of fees)");
        row(out, "Exposure", percent(m.exposure()), "fraction of event time with a position open");
        row(out, "Turnover", ratio(m.turnover()) + " x capital", "traded notional " + money(m.tradedNotional()) +
            " " + ccy);
        row(out, "Fees", money(m.fees()) + " " + ccy, "paid on " + report.fills().size() + " fills");
        row(out, "Slippage", money(m.slippage()) + " " + ccy, "fill prices against the decisions' mids " +
            "(inside the P&L; positive = cost)");
        out.append("</table>\n");
    }

    private static void charts(final StringBuilder out, final BacktestReport report)
    {
        final EquitySeries series = report.equity();
        final double capital = report.setup().capital();
        final long[] times = series.timeValues();
        final double[] equity = series.pnlValues();
        final double[] drawdown = new double[equity.length];
        double peak = capital;
        for (int k = 0; k < equity.length; k++)
        {
            equity[k] += capital;
            peak = Math.max(peak, equity[k]);
            drawdown[k] = peak > 0 ? (equity[k] - peak) / peak * 100 : equity[k] - peak;
        }
        final String ccy = report.setup().quoteCurrency();
        out.append("<h2 id=\"equity\">Equity curve</h2>\n");
        SvgChart.series(out, "Equity (capital + P&L), " + ccy, times, equity, false, "equity", ccy);
        out.append("<h2 id=\"drawdown\">Drawdown</h2>\n");
        SvgChart.series(out, "Drawdown from the peak equity, %", times, drawdown, true, "drawdown",
            capital > 0 ? "%" : ccy);
    }

    private static void instruments(final StringBuilder out, final BacktestReport report)
    {
        final String ccy = report.setup().quoteCurrency();
        final List<String> labels = new ArrayList<>();
        final double[] values = new double[report.instruments().size()];
        for (int k = 0; k < values.length; k++)
        {
            labels.add(report.instruments().get(k).symbol());
            values[k] = report.instruments().get(k).pnl();
        }
        out.append("<h2 id=\"instruments\">P&amp;L per instrument</h2>\n");
        SvgChart.bars(out, "P&L per instrument, " + ccy, labels, values, ccy);
        out.append("<table class=\"instruments\">\n<tr><th class=\"l\">instrument</th><th>P&amp;L</th>")
            .append("<th>fees</th><th>slippage</th><th>fills</th><th>trades</th><th>traded notional</th></tr>\n");
        for (final BacktestReport.InstrumentResult i : report.instruments())
        {
            out.append("<tr><td class=\"l\">").append(escape(i.symbol())).append("</td>");
            signed(out, i.pnl());
            cell(out, money(i.fees()));
            cell(out, money(i.slippage()));
            cell(out, Long.toString(i.fills()));
            cell(out, Integer.toString(i.trades()));
            cell(out, money(i.tradedNotional()));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static void sessions(final StringBuilder out, final BacktestReport report)
    {
        out.append("<h2 id=\"runs\">Runs</h2>\n<table class=\"runs\">\n<tr><th>first sequence</th>")
            .append("<th class=\"l\">from</th><th class=\"l\">to</th><th>events</th><th>orders</th><th>fills</th>")
            .append("<th>P&amp;L</th><th class=\"l\">order digest</th></tr>\n");
        for (final BacktestReport.SessionResult s : report.sessions())
        {
            out.append("<tr>");
            cell(out, Long.toString(s.firstSequence()));
            out.append("<td class=\"l\">").append(ReportJson.iso(s.firstTimeNanos())).append("</td><td class=\"l\">")
                .append(ReportJson.iso(s.lastTimeNanos())).append("</td>");
            cell(out, Long.toString(s.inbound()));
            cell(out, Long.toString(s.ordersSent()));
            cell(out, Long.toString(s.fills()));
            signed(out, s.pnl());
            out.append("<td class=\"l\">").append(escape(s.digest())).append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void trades(final StringBuilder out, final BacktestReport report)
    {
        out.append("<h2 id=\"trades\">Trades (").append(report.trades().size()).append(")</h2>\n")
            .append("<table class=\"trades\">\n<tr><th>#</th><th>run</th><th class=\"l\">instrument</th>")
            .append("<th class=\"l\">side</th><th class=\"l\">entry</th><th class=\"l\">exit</th><th>qty</th>")
            .append("<th>entry price</th><th>exit price</th><th>gross P&amp;L</th><th>fees</th><th>slippage</th>")
            .append("<th>net P&amp;L</th><th>fills</th></tr>\n");
        int n = 0;
        for (final Trade t : report.trades())
        {
            out.append("<tr>");
            cell(out, Integer.toString(++n));
            cell(out, Integer.toString(t.session()));
            out.append("<td class=\"l\">").append(escape(t.symbol())).append("</td><td class=\"l\">")
                .append(t.direction() > 0 ? "LONG" : "SHORT").append(t.open() ? " (open)" : "")
                .append("</td><td class=\"l\">").append(ReportJson.iso(t.entryTimeNanos()))
                .append("</td><td class=\"l\">").append(ReportJson.iso(t.exitTimeNanos())).append("</td>");
            cell(out, t.qty().toPlainString());
            cell(out, price(t.entryPrice()));
            cell(out, price(t.exitPrice()));
            signed(out, t.grossPnl());
            cell(out, money(t.fees()));
            cell(out, money(t.slippage()));
            signed(out, t.netPnl());
            cell(out, Integer.toString(t.fills()));
            out.append("</tr>\n");
        }
        out.append("</table>\n");
    }

    private static void row(final StringBuilder out, final String name, final String value, final String note)
    {
        out.append("<tr><th class=\"l\">").append(escape(name)).append("</th><td>").append(escape(value))
            .append("</td><td class=\"l note\">").append(escape(note)).append("</td></tr>\n");
    }

    private static void cell(final StringBuilder out, final String text)
    {
        out.append("<td>").append(escape(text)).append("</td>");
    }

    private static void signed(final StringBuilder out, final double value)
    {
        out.append("<td class=\"").append(value < 0 ? "loss" : "gain").append("\">").append(money(value))
            .append("</td>");
    }

    static String money(final double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.4f", value) : "n/a";
    }

    private static String price(final double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%,.6f", value) : "n/a";
    }

    private static String ratio(final double value)
    {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : "n/a";
    }

    private static String percent(final double fraction)
    {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.4f %%", fraction * 100) : "n/a";
    }

    /**
     * Text for XML and HTML alike: the five characters that need it, as the predefined entities.
     *
     * @param text the text.
     * @return the escaped text.
     */
    static String escape(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
