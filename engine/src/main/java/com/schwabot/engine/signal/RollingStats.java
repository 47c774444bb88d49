package com.schwabot.engine.signal;

/**
 * Mean and population standard deviation over the last {@code window} values, kept in a ring. O(1) per update:
 * running sums of x and x squared, taken about the first value (so large prices with small moves keep their
 * precision) and recomputed from the ring every {@code window} updates so rounding does not drift.
 * Warm once the ring is full. Allocation-free after construction, not thread-safe.
 */
public final class RollingStats
{
    private final double[] ring;
    private int next;
    private int size;
    private long updates;
    private double sum;
    private double sumSquares;
    private double shift = Double.NaN;

    /**
     * A window.
     *
     * @param window values held, at least 2.
     */
    public RollingStats(final int window)
    {
        if (window < 2)
        {
            throw new IllegalArgumentException("window must be >= 2: " + window);
        }
        ring = new double[window];
    }

    /**
     * Add a value, evicting the oldest when full.
     *
     * @param value the value.
     */
    public void update(final double value)
    {
        if (Double.isNaN(shift))
        {
            shift = value;
        }
        final double x = value - shift;
        if (size == ring.length)
        {
            final double old = ring[next];
            sum -= old;
            sumSquares -= old * old;
        }
        else
        {
            size++;
        }
        ring[next] = x;
        sum += x;
        sumSquares += x * x;
        next = next + 1 == ring.length ? 0 : next + 1;
        if (++updates % ring.length == 0)
        {
            recompute();
        }
    }

    /**
     * Mean of the values held, 0 when empty.
     *
     * @return the mean.
     */
    public double mean()
    {
        return size == 0 ? 0.0 : shift + sum / size;
    }

    /**
     * Population standard deviation of the values held, 0 when fewer than two.
     *
     * @return the standard deviation.
     */
    public double stdDev()
    {
        if (size < 2)
        {
            return 0.0;
        }
        final double mean = sum / size;
        final double variance = sumSquares / size - mean * mean;
        return variance > 0 ? Math.sqrt(variance) : 0.0;
    }

    /**
     * Whether the window is full.
     *
     * @return true when warm.
     */
    public boolean isWarm()
    {
        return size == ring.length;
    }

    private void recompute()
    {
        double s = 0;
        double sq = 0;
        for (int i = 0; i < size; i++)
        {
            s += ring[i];
            sq += ring[i] * ring[i];
        }
        sum = s;
        sumSquares = sq;
    }
}
