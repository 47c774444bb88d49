package com.schwabot.engine.portfolio;

/**
 * A P&amp;L (equity) curve kept allocation-free: its peak, its current drawdown from that peak and the largest
 * drawdown seen, updated on every {@link #mark(double)}, and a fixed ring of the last {@link #capacity()} samples
 * (event time, value) taken by {@link #sample(long, double)} on timer ticks, for display.
 * <p>
 * Values are in the quote currency; the curve starts at 0 (nothing made or lost), so the first peak is 0. Not
 * thread-safe: business thread only.
 */
public final class EquityCurve
{
    private final long[] times;
    private final double[] values;
    private int next;
    private int size;
    private double current;
    private double peak;
    private double trough;
    private double maxDrawdown;

    /**
     * A curve.
     *
     * @param capacity samples kept, at least 1.
     */
    public EquityCurve(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        times = new long[capacity];
        values = new double[capacity];
    }

    /**
     * Mark the curve at a value: moves the peak, the trough and the largest drawdown.
     *
     * @param value the current P&amp;L.
     */
    public void mark(final double value)
    {
        current = value;
        if (value > peak)
        {
            peak = value;
        }
        if (value < trough)
        {
            trough = value;
        }
        final double drawdown = peak - value;
        if (drawdown > maxDrawdown)
        {
            maxDrawdown = drawdown;
        }
    }

    /**
     * Mark and keep a sample.
     *
     * @param timeNanos event time of the sample.
     * @param value     the current P&amp;L.
     */
    public void sample(final long timeNanos, final double value)
    {
        mark(value);
        times[next] = timeNanos;
        values[next] = value;
        next = next + 1 == values.length ? 0 : next + 1;
        if (size < values.length)
        {
            size++;
        }
    }

    /**
     * Last value marked.
     *
     * @return quote currency.
     */
    public double current()
    {
        return current;
    }

    /**
     * Highest value marked (at least 0, where the curve starts).
     *
     * @return quote currency.
     */
    public double peak()
    {
        return peak;
    }

    /**
     * Lowest value marked (at most 0).
     *
     * @return quote currency.
     */
    public double trough()
    {
        return trough;
    }

    /**
     * Current drawdown: peak minus current.
     *
     * @return quote currency, &gt;= 0.
     */
    public double drawdown()
    {
        return peak - current;
    }

    /**
     * Largest drawdown marked.
     *
     * @return quote currency, &gt;= 0.
     */
    public double maxDrawdown()
    {
        return maxDrawdown;
    }

    /**
     * Samples held.
     *
     * @return the count, at most {@link #capacity()}.
     */
    public int size()
    {
        return size;
    }

    /**
     * Samples kept at most.
     *
     * @return the capacity.
     */
    public int capacity()
    {
        return values.length;
    }

    /**
     * A sample, oldest first.
     *
     * @param k in [0, size).
     * @return its value.
     */
    public double value(final int k)
    {
        return values[slot(k)];
    }

    /**
     * Time of a sample, oldest first.
     *
     * @param k in [0, size).
     * @return its event time.
     */
    public long time(final int k)
    {
        return times[slot(k)];
    }

    private int slot(final int k)
    {
        if (k < 0 || k >= size)
        {
            throw new IndexOutOfBoundsException(k);
        }
        final int first = size < values.length ? 0 : next;
        final int s = first + k;
        return s >= values.length ? s - values.length : s;
    }
}
