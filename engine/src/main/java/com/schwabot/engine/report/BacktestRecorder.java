package com.schwabot.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.portfolio.FillListener;
import com.schwabot.engine.portfolio.Portfolio;
import com.schwabot.engine.replay.ReplayObserver;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.journal.JournalStats;

/**
 * Records a backtest for its report while {@link Replayer} runs it: every fill (from the portfolio's
 * {@link FillListener}), the trades they make ({@link TradeLedger}), and the total P&amp;L sampled at fixed steps of
 * event time (the journal's ingress times, never the wall clock). Across the runs of a journal the curve continues:
 * each run starts from the P&amp;L the previous ones ended with.
 * <p>
 * Sampling: before the replay feeds an event at time t, every step boundary b &lt;= t not yet sampled gets the P&amp;L
 * then (after every event before b); the first boundary is the first event's time rounded down to the step, and
 * each run ends with one sample at the next boundary after its last event, holding its final P&amp;L. Per event this
 * costs one comparison; per fill, a few array writes.
 * <p>
 * Not thread-safe: the replay thread, then {@link #report} once the replay returned.
 */
public final class BacktestRecorder implements ReplayObserver, FillListener
{
    private final SchwabotConfig config;
    private final long step;
    private final InstrumentTable instruments;
    private final EquitySeries equity = new EquitySeries();
    private final FillLog fills = new FillLog();
    private final List<Trade> trades = new ArrayList<>();
    private final List<BacktestReport.SessionResult> sessions = new ArrayList<>();
    private final double[] pnl;
    private final double[] fees;
    private final double[] slippage;
    private final long[] fillCount;
    private final double[] notional;
    private TradingCore core;
    private TradeLedger ledger;
    private int session = -1;
    private int sessionFills;
    private double offset;
    private long nextBoundary = Long.MIN_VALUE;
    private boolean boundarySet;
    private boolean sawEvent;
    private long firstEvent;
    private long lastEvent;
    private long span;

    /**
     * A recorder.
     *
     * @param config    the configuration of the replay (instruments, the active risk profile's capital).
     * @param stepNanos the sampling step (see {@link SampleInterval#forSpan}).
     */
    public BacktestRecorder(final SchwabotConfig config, final long stepNanos)
    {
        if (stepNanos <= 0)
        {
            throw new IllegalArgumentException("step must be positive: " + stepNanos);
        }
        this.config = config;
        this.step = stepNanos;
        instruments = new InstrumentTable(config.instruments());
        final int n = instruments.count();
        pnl = new double[n];
        fees = new double[n];
        slippage = new double[n];
        fillCount = new long[n];
        notional = new double[n];
    }

    /**
     * A recorder whose step suits a journal's time span.
     *
     * @param config the configuration.
     * @param stats  the journal's statistics.
     * @return the recorder.
     */
    public static BacktestRecorder forJournal(final SchwabotConfig config, final JournalStats stats)
    {
        return new BacktestRecorder(config, SampleInterval.forSpan(stats.firstIngressNanos(),
            stats.lastIngressNanos()));
    }

    /**
     * {@inheritDoc}
     */
    public void onSessionStart(final long firstSequence, final TradingCore core)
    {
        this.core = core;
        session++;
        sessionFills = 0;
        ledger = new TradeLedger(core.instruments(), session, trades);
        core.portfolio().fillListener(this);
        boundarySet = false;
        nextBoundary = Long.MIN_VALUE;
        sawEvent = false;
    }

    /**
     * {@inheritDoc}
     */
    public void onEvent(final long ingressNanos)
    {
        if (!sawEvent)
        {
            sawEvent = true;
            firstEvent = ingressNanos;
        }
        lastEvent = ingressNanos;
        if (ingressNanos >= nextBoundary)
        {
            sampleUpTo(ingressNanos);
        }
    }

    private void sampleUpTo(final long time)
    {
        if (!boundarySet)
        {
            boundarySet = true;
            final long first = Math.floorDiv(time, step) * step;
            nextBoundary = equity.size() > 0 ? Math.max(first, equity.time(equity.size() - 1) + step) : first;
        }
        if (nextBoundary <= time)
        {
            final double value = offset + core.portfolio().totalPnl(core.market());
            while (nextBoundary <= time)
            {
                equity.add(nextBoundary, value);
                nextBoundary += step;
            }
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onFill(
        final int instrument, final boolean buy, final long qty, final long price, final double fee,
        final double referencePrice)
    {
        final Portfolio portfolio = core.portfolio();
        final long time = core.clock().nanos();
        final double slip = (price - referencePrice) * portfolio.priceScale(instrument) * qty *
            portfolio.qtyScale(instrument) * (buy ? 1 : -1);
        fills.add(session, time, instrument, buy, qty, price, fee, slip);
        ledger.onFill(instrument, buy, qty, price, fee, referencePrice, time);
        notional[instrument] += Math.abs(price * portfolio.priceScale(instrument)) * qty *
            portfolio.qtyScale(instrument);
        sessionFills++;
    }

    /**
     * {@inheritDoc}
     */
    public void onSessionEnd(final ReplayResult.Session result)
    {
        final Portfolio portfolio = core.portfolio();
        final double total = portfolio.totalPnl(core.market());
        if (sawEvent)
        {
            if (!boundarySet)
            {
                sampleUpTo(lastEvent);
            }
            equity.add(nextBoundary, offset + total);
            span += lastEvent - firstEvent;
            ledger.closeRun(core.market(), lastEvent);
        }
        for (int i = 0; i < pnl.length; i++)
        {
            pnl[i] += portfolio.pnl(i, core.market());
            fees[i] += portfolio.fees(i);
            slippage[i] += portfolio.slippage(i);
            fillCount[i] += portfolio.fills(i);
        }
        sessions.add(new BacktestReport.SessionResult(result.firstSequence(), sawEvent ? firstEvent : 0,
            sawEvent ? lastEvent : 0, result.inbound(), result.ordersSent(), sessionFills, total, result.digest(),
            result.reproduced()));
        offset += total;
        portfolio.fillListener(null);
        core = null;
        ledger = null;
    }

    /**
     * The report of the replay just run.
     *
     * @param result the replay's result.
     * @param stats  the journal's statistics.
     * @param fillSettings the simulated venue's settings (reported when the fills were simulated).
     * @return the report.
     */
    public BacktestReport report(
        final ReplayResult result, final JournalStats stats, final FillSettings fillSettings)
    {
        final List<BacktestReport.InstrumentResult> perInstrument = new ArrayList<>(pnl.length);
        double totalFees = 0;
        double totalSlippage = 0;
        double totalNotional = 0;
        for (int i = 0; i < pnl.length; i++)
        {
            int count = 0;
            for (final Trade trade : trades)
            {
                count += trade.symbol().equals(instruments.symbol(i)) ? 1 : 0;
            }
            perInstrument.add(new BacktestReport.InstrumentResult(instruments.symbol(i),
                instruments.priceExponent(i), instruments.qtyExponent(i), pnl[i], fees[i], slippage[i],
                fillCount[i], count, notional[i]));
            totalFees += fees[i];
            totalSlippage += slippage[i];
            totalNotional += notional[i];
        }
        final double capital = config.risk().active().capital().doubleValue();
        final BacktestMetrics metrics = BacktestMetrics.compute(capital, step, equity.pnlValues(), trades, span,
            totalNotional, totalFees, totalSlippage);
        final BacktestReport.Source source = new BacktestReport.Source(result.records(), result.inbound(),
            result.outbound(), stats.firstSequence(), stats.lastSequence(), stats.firstIngressNanos(),
            stats.lastIngressNanos());
        final BacktestReport.Setup setup = new BacktestReport.Setup(result.simulated(),
            result.simulated() ? fillSettings : null, config.risk().activeProfile().label().toLowerCase(Locale.ROOT),
            capital, config.risk().quoteCurrency(), step, result.digest());
        return new BacktestReport(source, setup, metrics, List.copyOf(perInstrument), List.copyOf(sessions),
            List.copyOf(trades), fills, equity);
    }
}
