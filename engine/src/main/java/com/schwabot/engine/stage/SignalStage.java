package com.schwabot.engine.stage;

import com.schwabot.config.StrategyParams;
import com.schwabot.engine.book.OrderBook;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.signal.BookImbalance;
import com.schwabot.engine.signal.Ema;
import com.schwabot.engine.signal.MarketSignals;
import com.schwabot.engine.signal.ZScore;

/**
 * Stage 3, signal: per-instrument incremental indicators and the strategies of strategies.yaml, each giving a
 * signal in [-1, 1] per instrument it trades (positive = buy), plus market features ({@link MarketSignals}: EWMA
 * volatility, RSI, ATR, session VWAP, book imbalance, entropy of return signs, z-score, SMAs). Every instrument whose
 * state changed is marked dirty for the tensor stage, which scores the dirty rows once per batch.
 * <ul>
 *     <li>momentum (EMA cross of the mid): (fast - slow) / slow, in units of {@code entry_threshold_bps}, clamped;
 *     0 until the slow EMA has seen its period;</li>
 *     <li>mean reversion: minus the z-score of the mid against its rolling mean over {@code lookback} mids, in units
 *     of {@code entry_zscore}, clamped; 0 inside {@code exit_zscore} and until the window is full;</li>
 *     <li>order-book imbalance over {@code depth_levels} (the top of book while the book is not synced), smoothed
 *     with time constant {@code window_ms}, in units of {@code threshold}, clamped.</li>
 * </ul>
 * Indicators update on each change of mid (momentum, mean reversion, volatility, RSI, ATR, entropy, z-score, SMAs),
 * of the book (imbalance) or on each trade (VWAP). Time is the event clock's.
 * <p>
 * Not thread-safe: business thread only. Allocation-free after construction.
 */
public final class SignalStage implements ValidMarketListener
{
    private final MarketState market;
    private final StrategyTable strategies;
    private final EventClock clock;
    private final int instruments;
    private final double[][] signals;
    private final Ema[][] fast;
    private final Ema[][] slow;
    private final ZScore[][] windows;
    private final BookImbalance[][] imbalance;
    private final MarketSignals[] marketSignals;
    private final double[] lastMid;
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
        windows = new ZScore[s][instruments];
        imbalance = new BookImbalance[s][instruments];
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
                    windows[k][i] = new ZScore(r.lookback());
                }
                else if (strategies.params(k) instanceof StrategyParams.Imbalance b)
                {
                    imbalance[k][i] = new BookImbalance(Math.max(1, b.windowMs()) * 1_000_000L);
                }
            }
        }
        marketSignals = new MarketSignals[instruments];
        for (int i = 0; i < instruments; i++)
        {
            marketSignals[i] = new MarketSignals();
        }
        lastMid = new double[instruments];
        dirty = new boolean[instruments];
        dirtyList = new int[instruments];
    }

    /**
     * {@inheritDoc}
     */
    public void onValidTrade(
        final int instrument, final long timeNs, final long price, final long qty, final boolean buyerMaker)
    {
        marketSignals[instrument].onTrade(clock.nanos(), price, qty);
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
        final long now = clock.nanos();
        final double mid = market.mid(instrument);
        final boolean midChanged = mid != lastMid[instrument];
        final MarketSignals m = marketSignals[instrument];
        if (midChanged)
        {
            m.onMid(now, mid);
            lastMid[instrument] = mid;
        }
        m.onBook(now, depth(instrument, true, MarketSignals.IMBALANCE_LEVELS),
            depth(instrument, false, MarketSignals.IMBALANCE_LEVELS));
        for (int s = 0; s < strategies.count(); s++)
        {
            if (strategies.trades(s, instrument))
            {
                update(s, instrument, mid, midChanged, now);
            }
        }
        markDirty(instrument);
    }

    private void update(final int s, final int i, final double mid, final boolean midChanged, final long now)
    {
        final StrategyParams params = strategies.params(s);
        if (params instanceof StrategyParams.Momentum m)
        {
            if (midChanged)
            {
                final double f = fast[s][i].update(mid);
                final double sl = slow[s][i].update(mid);
                signals[s][i] = slow[s][i].isWarm() ?
                    MarketSignals.clamp((f - sl) / sl * 10_000.0 / m.entryThresholdBps()) : 0.0;
            }
        }
        else if (params instanceof StrategyParams.MeanReversion r)
        {
            if (midChanged)
            {
                final double z = windows[s][i].update(mid);
                signals[s][i] = !windows[s][i].isWarm() || Math.abs(z) < r.exitZscore() ? 0.0 :
                    MarketSignals.clamp(-z / r.entryZscore());
            }
        }
        else if (params instanceof StrategyParams.Imbalance b)
        {
            final double smoothed = imbalance[s][i].update(
                now, depth(i, true, b.depthLevels()), depth(i, false, b.depthLevels()));
            signals[s][i] = MarketSignals.clamp(smoothed / b.threshold());
        }
    }

    private double depth(final int i, final boolean bids, final int levels)
    {
        final OrderBook book = market.book(i);
        if (book.isValid())
        {
            return bids ? book.bids().depth(levels) : book.asks().depth(levels);
        }
        return bids ? market.bidQty(i) : market.askQty(i);
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
     * The market indicators and features of an instrument.
     *
     * @param i instrument index.
     * @return its market signals.
     */
    public MarketSignals market(final int i)
    {
        return marketSignals[i];
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
}
