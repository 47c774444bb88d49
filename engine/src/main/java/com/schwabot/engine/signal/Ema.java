package com.schwabot.engine.signal;

/**
 * Exponential moving average over a period of updates: alpha = 2 / (period + 1), seeded with the first value.
 * Warm once it has seen {@code period} values; before that {@link #isWarm()} is false and the value is the
 * average so far weighted as above. O(1), allocation-free, not thread-safe.
 */
public final class Ema
{
    private final double alpha;
    private final int period;
    private double value;
    private long count;

    /**
     * An EMA.
     *
     * @param period in updates, at least 1.
     */
    public Ema(final int period)
    {
        if (period < 1)
        {
            throw new IllegalArgumentException("EMA period must be >= 1: " + period);
        }
        this.period = period;
        this.alpha = 2.0 / (period + 1);
    }

    /**
     * Add a value.
     *
     * @param x the value.
     * @return the new average.
     */
    public double update(final double x)
    {
        value = count == 0 ? x : value + alpha * (x - value);
        count++;
        return value;
    }

    /**
     * Current average, 0 before the first value.
     *
     * @return the average.
     */
    public double value()
    {
        return value;
    }

    /**
     * Whether {@code period} values have been seen.
     *
     * @return true when warm.
     */
    public boolean isWarm()
    {
        return count >= period;
    }

    /**
     * Forget everything.
     */
    public void reset()
    {
        value = 0;
        count = 0;
    }
}
