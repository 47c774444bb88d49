package com.schwabot.engine.signal;

/**
 * Z-score of a value against the mean and population standard deviation of the last {@code window} values, the new
 * value included: {@code z = (x - mean) / stdDev}, over a {@link RollingStats}.
 * <p>
 * Warm-up: {@link #isWarm()} is false until the window is full and its standard deviation is positive; {@link #value()}
 * is 0 until then. O(1) amortised per update (see {@link RollingStats}), allocation-free, not thread-safe.
 */
public final class ZScore
{
    private final RollingStats stats;
    private double z;

    /**
     * A z-score over a window.
     *
     * @param window values held, at least 2.
     */
    public ZScore(final int window)
    {
        stats = new RollingStats(window);
    }

    /**
     * Add a value and score it.
     *
     * @param x the value.
     * @return its z-score, 0 until warm.
     */
    public double update(final double x)
    {
        stats.update(x);
        final double sd = stats.stdDev();
        z = stats.isWarm() && sd > 0 ? (x - stats.mean()) / sd : 0.0;
        return z;
    }

    /**
     * The z-score of the last value.
     *
     * @return z, 0 until warm.
     */
    public double value()
    {
        return z;
    }

    /**
     * Whether the window is full and has spread.
     *
     * @return true when warm.
     */
    public boolean isWarm()
    {
        return stats.isWarm() && stats.stdDev() > 0;
    }

    /**
     * Mean of the window.
     *
     * @return the mean.
     */
    public double mean()
    {
        return stats.mean();
    }

    /**
     * Standard deviation of the window.
     *
     * @return the standard deviation.
     */
    public double stdDev()
    {
        return stats.stdDev();
    }
}
