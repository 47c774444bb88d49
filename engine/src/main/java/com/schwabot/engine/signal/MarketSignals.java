package com.schwabot.engine.signal;

/**
 * The market indicators of one instrument, fed by the signal stage, and the features the tensor stage reads from
 * them. Prices are mantissas (every feature is a ratio, so the exponent cancels); times are event times.
 * <ul>
 *     <li>on each change of mid: EWMA volatility (lambda {@value #VOL_LAMBDA}, warm after {@value #VOL_WARM_UP}
 *     returns), Wilder RSI ({@value #RSI_PERIOD} changes), ATR ({@value #ATR_PERIOD} one-second bars of the mid),
 *     entropy of the signs of the last {@value #ENTROPY_WINDOW} mid changes, z-score of the mid over
 *     {@value #ZSCORE_WINDOW} mids, SMAs of the mid over {@value #SMA_FAST} and {@value #SMA_SLOW} mids;</li>
 *     <li>on each trade: the session (UTC day) VWAP;</li>
 *     <li>on each book change: the imbalance of the first {@value #IMBALANCE_LEVELS} levels, smoothed over
 *     {@value #IMBALANCE_WINDOW_MS} ms.</li>
 * </ul>
 * Features ({@link #FEATURES} of them, each in [-1, 1] and 0 until the indicators it needs are warm):
 * <ol start="0">
 *     <li>RSI centred: {@code (rsi - 50) / 50};</li>
 *     <li>z-score of the mid / 3, clamped;</li>
 *     <li>distance of the mid from the session VWAP in ATRs / 4, clamped;</li>
 *     <li>smoothed book imbalance;</li>
 *     <li>SMA trend: {@code (sma20 - sma100)} in ATRs / 2, clamped;</li>
 *     <li>the ensemble signal times the orderliness of returns, {@code 1 - entropy / log2 3} (a signal counts
 *     for more when returns move one way).</li>
 * </ol>
 * Not thread-safe: business thread only. Allocation-free after construction.
 */
public final class MarketSignals
{
    /** Number of features written by {@link #features}. */
    public static final int FEATURES = 6;
    /** EWMA decay of the volatility. */
    public static final double VOL_LAMBDA = 0.94;
    /** Returns before the volatility is warm. */
    public static final int VOL_WARM_UP = 20;
    /** RSI period in mid changes. */
    public static final int RSI_PERIOD = 14;
    /** ATR period in bars. */
    public static final int ATR_PERIOD = 14;
    /** ATR bar length: one second of event time. */
    public static final long ATR_BAR_NANOS = 1_000_000_000L;
    /** Mid changes in the entropy window. */
    public static final int ENTROPY_WINDOW = 100;
    /** Mids in the z-score window. */
    public static final int ZSCORE_WINDOW = 100;
    /** Fast SMA window in mids. */
    public static final int SMA_FAST = 20;
    /** Slow SMA window in mids. */
    public static final int SMA_SLOW = 100;
    /** Book levels of each side in the imbalance. */
    public static final int IMBALANCE_LEVELS = 5;
    /** Imbalance smoothing time constant. */
    public static final long IMBALANCE_WINDOW_MS = 500;

    private final EwmaVolatility volatility = new EwmaVolatility(VOL_LAMBDA, VOL_WARM_UP);
    private final Rsi rsi = new Rsi(RSI_PERIOD);
    private final Atr atr = new Atr(ATR_PERIOD, ATR_BAR_NANOS);
    private final SignEntropy entropy = new SignEntropy(ENTROPY_WINDOW);
    private final ZScore zScore = new ZScore(ZSCORE_WINDOW);
    private final Sma fast = new Sma(SMA_FAST);
    private final Sma slow = new Sma(SMA_SLOW);
    private final Vwap vwap = new Vwap(Vwap.DAY_NANOS);
    private final BookImbalance imbalance = new BookImbalance(IMBALANCE_WINDOW_MS * 1_000_000L);
    private double mid;

    /**
     * The mid changed.
     *
     * @param timeNanos event time.
     * @param newMid    the new mid (mantissa).
     */
    public void onMid(final long timeNanos, final double newMid)
    {
        if (mid > 0)
        {
            entropy.update(newMid - mid);
        }
        mid = newMid;
        volatility.update(timeNanos, newMid);
        rsi.update(newMid);
        atr.update(timeNanos, newMid);
        zScore.update(newMid);
        fast.update(newMid);
        slow.update(newMid);
    }

    /**
     * A trade.
     *
     * @param timeNanos event time.
     * @param price     price mantissa.
     * @param qty       quantity mantissa.
     */
    public void onTrade(final long timeNanos, final long price, final long qty)
    {
        vwap.update(timeNanos, price, qty);
    }

    /**
     * The book changed.
     *
     * @param timeNanos event time.
     * @param bids      quantity on the first bid levels.
     * @param asks      quantity on the first ask levels.
     * @return the smoothed imbalance.
     */
    public double onBook(final long timeNanos, final double bids, final double asks)
    {
        return imbalance.update(timeNanos, bids, asks);
    }

    /**
     * Write the features.
     *
     * @param into     destination.
     * @param offset   of the first feature.
     * @param count    features wanted, at most {@link #FEATURES} (the row may have less room).
     * @param ensemble the ensemble signal of the instrument, in [-1, 1].
     */
    public void features(final float[] into, final int offset, final int count, final double ensemble)
    {
        final double range = atr.value();
        for (int k = 0; k < count; k++)
        {
            final double x;
            switch (k)
            {
                case 0 -> x = rsi.isWarm() ? (rsi.value() - Rsi.NEUTRAL) / Rsi.NEUTRAL : 0.0;
                case 1 -> x = zScore.value() / 3.0;
                case 2 -> x = vwap.isWarm() && range > 0 ? (mid - vwap.value()) / range / 4.0 : 0.0;
                case 3 -> x = imbalance.value();
                case 4 -> x = slow.isWarm() && range > 0 ? (fast.value() - slow.value()) / range / 2.0 : 0.0;
                case 5 -> x = entropy.isWarm() ? ensemble * (1.0 - entropy.normalized()) : 0.0;
                default -> x = 0.0;
            }
            into[offset + k] = (float)clamp(x);
        }
    }

    /**
     * The volatility estimator of the mid.
     *
     * @return the estimator.
     */
    public EwmaVolatility volatility()
    {
        return volatility;
    }

    /**
     * RSI of the mid.
     *
     * @return the RSI.
     */
    public Rsi rsi()
    {
        return rsi;
    }

    /**
     * ATR of the mid.
     *
     * @return the ATR.
     */
    public Atr atr()
    {
        return atr;
    }

    /**
     * Session VWAP of the trades.
     *
     * @return the VWAP.
     */
    public Vwap vwap()
    {
        return vwap;
    }

    /**
     * Smoothed book imbalance.
     *
     * @return the imbalance.
     */
    public BookImbalance imbalance()
    {
        return imbalance;
    }

    /**
     * Entropy of the signs of mid changes.
     *
     * @return the entropy.
     */
    public SignEntropy entropy()
    {
        return entropy;
    }

    /**
     * Z-score of the mid.
     *
     * @return the z-score.
     */
    public ZScore zScore()
    {
        return zScore;
    }

    /**
     * Clamp to [-1, 1].
     *
     * @param x a value.
     * @return x clamped.
     */
    public static double clamp(final double x)
    {
        return x > 1.0 ? 1.0 : x < -1.0 ? -1.0 : x;
    }
}
