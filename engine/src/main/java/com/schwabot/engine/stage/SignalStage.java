package com.schwabot.engine.stage;

import com.schwabot.config.StrategyParams;
import com.schwabot.engine.book.OrderBook;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.signal.Ema;
import com.schwabot.engine.signal.RollingStats;

/**
 * Stage 3, signal: per-instrument incremental indicators and the strategies of strategies.yaml, each giving a
 * signal in [-1, 1] per instrument it trades (positive = buy), plus market features. Every instrument whose
 * signals changed is marked dirty for the tensor stage, which scores the dirty rows once per batch.
 * <ul>
 *     <li>momentum (EMA cross of the mid): (fast - slow) / slow, in units of {@code entry_threshold_bps}, clamped;
 *     0 until the slow EMA has seen its period;</li>
 *     <li>mean reversion: minus the z-score of the mid against its rolling mean over {@code lookback} mids, in units
 *     of {@code entry_zscore}, clamped; 0 inside {@code exit_zscore} and until the window is full;</li>
 *     <li>order-book imbalance over {@code depth_levels} (the top of book while the book is not synced), smoothed
 *     with time constant {@code window_ms}, in units of {@code threshold}, clamped.</li>
 * </ul>
 * Indicators update on each change of mid (momentum, mean reversion, volatility) or of the book (imbalance).
 * <p>
 * Not thread-safe: business thread only. Allocation-free after construction.
 */
public final class SignalStage implements ValidMarketListener
{
    private static final double VOL_LAMBDA = 0.94;

    private final MarketState market;
    private final StrategyTable strategies;
    private final EventClock clock;
    private final int instruments;
    private final double[][] signals;
    private final Ema[][] fast;
    private final Ema[][] slow;
    private final RollingStats[][] windows;
    private final double[][] imbalance;
    private final long[][] imbalanceTimeNs;
    private final double[] lastMid;
    private final double[] variance;
    private final boolean[] dirty;
    private final int[] dirtyList;
    private int dirtyCount;

    /**
     * A signal stage.
     *
     * @param market     the market state.
     * @param strategies the enabled strategies.
     * @param clock      the event clock.
     */
    public SignalStage(final MarketState market, final StrategyTable strategies, final EventClock clock)
    {
        this.market = market;
        this.strategies = strategies;
        this.clock = clock;
        this.instruments = market.instrumentCount();
        final int s = strategies.count();
        signals = new double[s][instruments];
        fast = new Ema[s][instruments];
        slow = new Ema[s][instruments];
        windows = new RollingStats[s][instruments];
        imbalance = new double[s][instruments];
        imbalanceTimeNs = new long[s][instruments];
        for (int k = 0; k < s; k++)
        {
            for (int i = 0; i < instruments; i++)
            {
                if (strategies.params(k) instanceof StrategyParams.Momentum m)
                {
                    fast[k][i] = new Ema(m.emaFastPeriod());
                    slow[k][i] = new Ema(m.emaSlowPeriod());
                }
                else if (strategies.params(k) instanceof StrategyParams.MeanReversion r)
                {
                    windows[k][i] = new RollingStats(r.lookback());
                }
            }
        }
        lastMid = new double[instruments];
        variance = new double[instruments];
        dirty = new boolean[instruments];
        dirtyList = new int[instruments];
    }

    /**
     * {@inheritDoc}
     */
    public void onValidTrade(
        final int instrument, final long timeNs, final long price, final long qty, final boolean buyerMaker)
    {
        // Trades feed the market state (last price, staleness); the first strategies act on the book.
    }

    /**
     * {@inheritDoc}
     */
    public void onValidBook(final int instrument, final long timeNs)
    {
        if (!market.hasTop(instrument))
        {
            return;
        }
        final double mid = market.mid(instrument);
        final boolean midChanged = mid != lastMid[instrument];
        if (midChanged)
        {
            if (lastMid[instrument] > 0)
            {
                final double r = Math.log(mid / lastMid[instrument]);
                variance[instrument] = VOL_LAMBDA * variance[instrument] + (1 - VOL_LAMBDA) * r * r;
            }
            lastMid[instrument] = mid;
        }
        for (int s = 0; s < strategies.count(); s++)
        {
            if (strategies.trades(s, instrument))
            {
                update(s, instrument, mid, midChanged);
            }
        }
        markDirty(instrument);
    }

    private void update(final int s, final int i, final double mid, final boolean midChanged)
    {
        final StrategyParams params = strategies.params(s);
        if (params instanceof StrategyParams.Momentum m)
        {
            if (midChanged)
            {
                final double f = fast[s][i].update(mid);
                final double sl = slow[s][i].update(mid);
                signals[s][i] = slow[s][i].isWarm() ?
                    clamp((f - sl) / sl * 10_000.0 / m.entryThresholdBps()) : 0.0;
            }
        }
        else if (params instanceof StrategyParams.MeanReversion r)
        {
            if (midChanged)
            {
                final RollingStats w = windows[s][i];
                w.update(mid);
                final double sd = w.stdDev();
                if (w.isWarm() && sd > 0)
                {
                    final double z = (mid - w.mean()) / sd;
                    signals[s][i] = Math.abs(z) < r.exitZscore() ? 0.0 : clamp(-z / r.entryZscore());
                }
                else
                {
                    signals[s][i] = 0.0;
                }
            }
        }
        else if (params instanceof StrategyParams.Imbalance b)
        {
            signals[s][i] = clamp(smoothedImbalance(s, i, b) / b.threshold());
        }
    }

    private double smoothedImbalance(final int s, final int i, final StrategyParams.Imbalance params)
    {
        final OrderBook book = market.book(i);
        final double bids;
        final double asks;
        if (book.isValid())
        {
            bids = book.bids().depth(params.depthLevels());
            asks = book.asks().depth(params.depthLevels());
        }
        else
        {
            bids = market.bidQty(i);
            asks = market.askQty(i);
        }
        final double raw = bids + asks > 0 ? (bids - asks) / (bids + asks) : 0.0;
        final long now = clock.nanos();
        final long last = imbalanceTimeNs[s][i];
        if (0 == last)
        {
            imbalance[s][i] = raw;
        }
        else
        {
            final double dt = Math.max(0, now - last) / 1_000_000.0;
            final double alpha = 1.0 - Math.exp(-dt / Math.max(1, params.windowMs()));
            imbalance[s][i] += alpha * (raw - imbalance[s][i]);
        }
        imbalanceTimeNs[s][i] = now;
        return imbalance[s][i];
    }

    /**
     * Signal of a strategy for an instrument.
     *
     * @param s strategy slot.
     * @param i instrument index.
     * @return the signal in [-1, 1].
     */
    public double signal(final int s, final int i)
    {
        return signals[s][i];
    }

    /**
     * EWMA volatility of mid log returns per mid change (lambda 0.94), as a standard deviation.
     *
     * @param i instrument index.
     * @return the volatility, 0 before two mids.
     */
    public double volatility(final int i)
    {
        return Math.sqrt(variance[i]);
    }

    /**
     * Instruments marked dirty since the last {@link #clearDirty()}, in the order first marked.
     *
     * @return the count.
     */
    public int dirtyCount()
    {
        return dirtyCount;
    }

    /**
     * A dirty instrument.
     *
     * @param k position in the dirty list, [0, dirtyCount).
     * @return the instrument index.
     */
    public int dirty(final int k)
    {
        return dirtyList[k];
    }

    /**
     * Clear the dirty list (after the tensor stage has scored it).
     */
    public void clearDirty()
    {
        for (int k = 0; k < dirtyCount; k++)
        {
            dirty[dirtyList[k]] = false;
        }
        dirtyCount = 0;
    }

    private void markDirty(final int instrument)
    {
        if (!dirty[instrument])
        {
            dirty[instrument] = true;
            dirtyList[dirtyCount++] = instrument;
        }
    }

    private static double clamp(final double x)
    {
        return x > 1.0 ? 1.0 : x < -1.0 ? -1.0 : x;
    }
}
