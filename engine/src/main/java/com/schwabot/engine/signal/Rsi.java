package com.schwabot.engine.signal;

/**
 * Relative strength index with Wilder's smoothing over {@code period} changes: the first average gain and loss are
 * the simple means of the first {@code period} changes, then {@code avg = (avg * (period - 1) + x) / period}.
 * {@code RSI = 100 - 100 / (1 + avgGain / avgLoss)}; 100 when there were gains and no losses, 50 when neither.
 * <p>
 * Warm-up: a change needs two values, so {@link #isWarm()} becomes true with value {@code period + 1}; until then
 * {@link #value()} is the neutral 50. O(1) per update, allocation-free, not thread-safe.
 */
public final class Rsi
{
    /** The neutral value, returned until warm. */
    public static final double NEUTRAL = 50.0;

    private final int period;
    private double previous = Double.NaN;
    private long changes;
    private double avgGain;
    private double avgLoss;

    /**
     * An RSI.
     *
     * @param period in changes, at least 1.
     */
    public Rsi(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("RSI period must be >= 1: " + period);
        }
        this.period = period;
    }

    /**
     * Add a value.
     *
     * @param x the value (a price).
     * @return the RSI after it, in [0, 100].
     */
    public double update(final double x)
    {
        if (Double.isNaN(previous))
        {
            previous = x;
            return value();
        }
        final double change = x - previous;
        previous = x;
        final double gain = change > 0 ? change : 0.0;
        final double loss = change < 0 ? -change : 0.0;
        changes++;
        if (changes <= period)
        {
            avgGain += gain;
            avgLoss += loss;
            if (changes == period)
            {
                avgGain /= period;
                avgLoss /= period;
            }
        }
        else
        {
            avgGain = (avgGain * (period - 1) + gain) / period;
            avgLoss = (avgLoss * (period - 1) + loss) / period;
        }
        return value();
    }

    /**
     * The RSI.
     *
     * @return in [0, 100]; {@link #NEUTRAL} until warm.
     */
    public double value()
    {
        if (!isWarm())
        {
            return NEUTRAL;
        }
        if (avgLoss == 0.0)
        {
            return avgGain == 0.0 ? NEUTRAL : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + avgGain / avgLoss);
    }

    /**
     * Whether {@code period} changes have been seen.
     *
     * @return true when warm.
     */
    public boolean isWarm()
    {
        return changes >= period;
    }
}
