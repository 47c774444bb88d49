package com.schwabot.engine.report;

import com.schwabot.engine.replay.FillSettings;

import java.util.List;

/**
 * Everything a backtest report shows, in event time only (nothing from the wall clock), so the same journal and
 * configuration always give the same report. Built by {@link BacktestRecorder#report}; written by
 * {@link ReportJson} and {@link ReportHtml}.
 *
 * @param source      the journal replayed.
 * @param setup       how it was replayed.
 * @param metrics     the performance measures.
 * @param instruments per instrument, in the configuration's order.
 * @param sessions    per run of the journal.
 * @param trades      every trade, in the order they closed (trades still open at a run's end last in that run).
 * @param fills       every fill.
 * @param equity      the sampled P&amp;L curve.
 */
public record BacktestReport(
    Source source,
    Setup setup,
    BacktestMetrics metrics,
    List<InstrumentResult> instruments,
    List<SessionResult> sessions,
    List<Trade> trades,
    FillLog fills,
    EquitySeries equity)
{
    /**
     * The journal replayed.
     *
     * @param records        journal records.
     * @param inbound        inbound records fed through the pipeline.
     * @param outbound       outbound records (orders a live run sent; not replayed).
     * @param firstSequence  first journal sequence.
     * @param lastSequence   last journal sequence.
     * @param firstTimeNanos first ingress time.
     * @param lastTimeNanos  last ingress time.
     */
    public record Source(
        long records, long inbound, long outbound, long firstSequence, long lastSequence, long firstTimeNanos,
        long lastTimeNanos)
    {
    }

    /**
     * How the journal was replayed.
     *
     * @param simulated     true when a simulated venue filled the orders, false for the recorded venue reports.
     * @param fills         the simulated venue's settings (latency, fees), or null for the recorded venue reports.
     * @param riskProfile   the active risk profile.
     * @param capital       its capital: the equity base of returns, drawdown fraction and turnover.
     * @param quoteCurrency the currency of every amount.
     * @param stepNanos     the equity sampling step.
     * @param orderDigest   SHA-256 of the order stream the replay sent (the last run's), hex.
     */
    public record Setup(
        boolean simulated, FillSettings fills, String riskProfile, double capital, String quoteCurrency,
        long stepNanos, String orderDigest)
    {
    }

    /**
     * One instrument's results over every run.
     *
     * @param symbol        the symbol.
     * @param priceExponent its price exponent.
     * @param qtyExponent   its quantity exponent.
     * @param pnl           realized + unrealized at the runs' ends - fees, quote currency.
     * @param fees          fees paid.
     * @param slippage      slippage paid.
     * @param fills         fills.
     * @param trades        trades (closed and open).
     * @param tradedNotional sum of |price x qty| of its fills.
     */
    public record InstrumentResult(
        String symbol, int priceExponent, int qtyExponent, double pnl, double fees, double slippage, long fills,
        int trades, double tradedNotional)
    {
    }

    /**
     * One run of the journal (a SESSION_START mark starts the next).
     *
     * @param firstSequence  journal sequence of its first record.
     * @param firstTimeNanos its first inbound event time (0 when it had none).
     * @param lastTimeNanos  its last inbound event time.
     * @param inbound        inbound events.
     * @param ordersSent     orders and cancels the replay sent.
     * @param fills          fills.
     * @param pnl            its P&amp;L at its end.
     * @param digest         SHA-256 of the orders the replay sent, hex.
     * @param reproduced     for recorded fills: whether the replay sent exactly the recorded orders.
     */
    public record SessionResult(
        long firstSequence, long firstTimeNanos, long lastTimeNanos, long inbound, long ordersSent, long fills,
        double pnl, String digest, boolean reproduced)
    {
    }
}
