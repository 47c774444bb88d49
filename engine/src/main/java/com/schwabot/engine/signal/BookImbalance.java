package com.schwabot.engine.signal;

/**
 * Order-book imbalance {@code (bid - ask) / (bid + ask)} of the quantities resting on the first levels of each side,
 * in [-1, 1] (positive: more bids), smoothed in event time with a time constant: on an update {@code dt} after the
 * previous one, {@code value += (1 - exp(-dt / window)) * (raw - value)}, so the weight of a reading does not depend
 * on how often the book changes. Two updates at the same time leave the value where it was.
 * <p>
 * Warm-up: the first update sets the value to its raw imbalance; {@link #isWarm()} is true from then on, and
 * {@link #value()} is 0 before it. {@link StrictMath#exp} keeps replays bit-identical; its result is kept for the
 * last {@code dt} (feeds tick at steady intervals, and an update at the same time as the last has {@code dt = 0}),
 * which gives the same bits without the call. O(1), allocation-free, not thread-safe.
 */
public final class BookImbalance
{
    private final double windowNanos;
    private double factorDt;
    private double factor;
    private double value;
    private long lastNanos;
    private boolean warm;

    /**
     * An imbalance.
     *
     * @param windowNanos smoothing time constant, positive.
     */
    public BookImbalance(final long windowNanos)
    {
        if (windowNanos <= 0)
        {
            throw new IllegalArgumentException("window must be positive: " + windowNanos);
        }
        this.windowNanos = windowNanos;
    }

    /**
     * The raw imbalance of two quantities.
     *
     * @param bids quantity on the bid side.
     * @param asks quantity on the ask side.
     * @return in [-1, 1], 0 when both are 0.
     */
    public static double raw(final double bids, final double asks)
    {
        final double total = bids + asks;
        return total > 0 ? (bids - asks) / total : 0.0;
    }

    /**
     * Add a reading.
     *
     * @param timeNanos event time.
     * @param bids      quantity on the bid side.
     * @param asks      quantity on the ask side.
     * @return the smoothed imbalance.
     */
    public double update(final long timeNanos, final double bids, final double asks)
    {
        final double raw = raw(bids, asks);
        if (!warm)
        {
            value = raw;
            warm = true;
        }
        else
        {
            final double dt = Math.max(0, timeNanos - lastNanos);
            if (dt != factorDt)
            {
                factorDt = dt;
                factor = 1.0 - StrictMath.exp(-dt / windowNanos);
            }
            value += factor * (raw - value);
        }
        lastNanos = Math.max(lastNanos, timeNanos);
        return value;
    }

    /**
     * The smoothed imbalance.
     *
     * @return in [-1, 1], 0 until warm.
     */
    public double value()
    {
        return value;
    }

    /**
     * Whether a reading has been seen.
     *
     * @return true when warm.
     */
    public boolean isWarm()
    {
        return warm;
    }
}
