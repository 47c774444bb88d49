package com.schwabot.engine.signal;

/**
 * Simple moving average over the last {@code window} values, kept in a ring. O(1) per update: a running sum taken
 * about the first value (so large prices with small moves keep their precision), recomputed from the ring once every
 * {@code window} updates so rounding cannot drift (amortised O(1)).
 * <p>
 * Warm-up: {@link #isWarm()} is false until {@code window} values have been seen; before that {@link #value()} is the
 * mean of the values so far (0 before the first). Allocation-free after construction, not thread-safe.
 */
public final class Sma
{
    private final double[] ring;
    private int next;
    private int size;
    private long updates;
    private double sum;
    private double shift = Double.NaN;

    /**
     * An average over a window.
     *
     * @param window values averaged, at least 1.
     */
    public Sma(final int window)
    {
        if (window < 1)
        {
            throw new IllegalArgumentException("SMA window must be >= 1: " + window);
        }
        ring = new double[window];
    }

    /**
     * Add a value, evicting the oldest when the window is full.
     *
     * @param value the value.
     * @return the new average.
     */
    public double update(final double value)
    {
        if (Double.isNaN(shift))
        {
            shift = value;
        }
        final double x = value - shift;
        if (size == ring.length)
        {
            sum -= ring[next];
        }
        else
        {
            size++;
        }
        ring[next] = x;
        sum += x;
        next = next + 1 == ring.length ? 0 : next + 1;
        if (++updates % ring.length == 0)
        {
            double s = 0;
            for (int i = 0; i < size; i++)
            {
                s += ring[i];
            }
            sum = s;
        }
        return value();
    }

    /**
     * The average of the values held.
     *
     * @return the average, 0 before the first value.
     */
    public double value()
    {
        return size == 0 ? 0.0 : shift + sum / size;
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

    /**
     * Window length.
     *
     * @return the number of values averaged once warm.
     */
    public int window()
    {
        return ring.length;
    }
}
