package com.schwabot.engine.signal;

/**
 * Average true range over time bars of a price (the engine feeds the mid on every book change, stamped with event
 * time). Bar k covers event times {@code [k * barNanos, (k + 1) * barNanos)}; a bar closes when the first price of a
 * later bar arrives, so a bar with no price in it is skipped, and the jump over the gap shows in the next bar's true
 * range through the previous close. True range = {@code max(high, previousClose) - min(low, previousClose)}, or
 * {@code high - low} for the first bar. Wilder smoothing over {@code period} bars: the first ATR is the mean of the
 * first {@code period} true ranges, then {@code atr = (atr * (period - 1) + tr) / period}.
 * <p>
 * Warm-up: {@link #isWarm()} is false until {@code period} bars have closed; until then {@link #value()} is 0. The
 * bar being formed is not in the average. A time earlier than the open bar's counts in the open bar. O(1) per update,
 * allocation-free, not thread-safe.
 */
public final class Atr
{
    private final int period;
    private final long barNanos;
    private long bar = Long.MIN_VALUE;
    private double high;
    private double low;
    private double close;
    private double previousClose = Double.NaN;
    private long bars;
    private double atr;

    /**
     * An ATR.
     *
     * @param period   bars averaged, at least 1.
     * @param barNanos bar length in nanoseconds of event time, positive.
     */
    public Atr(final int period, final long barNanos)
    {
        if (period < 1 || barNanos <= 0)
        {
            throw new IllegalArgumentException("ATR period must be >= 1 and bar > 0: " + period + ", " + barNanos);
        }
        this.period = period;
        this.barNanos = barNanos;
    }

    /**
     * Add a price.
     *
     * @param timeNanos event time.
     * @param price     the price.
     */
    public void update(final long timeNanos, final double price)
    {
        final long k = Math.floorDiv(timeNanos, barNanos);
        if (bar == Long.MIN_VALUE)
        {
            open(k, price);
        }
        else if (k > bar)
        {
            closeBar();
            open(k, price);
        }
        else
        {
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
        }
    }

    private void open(final long k, final double price)
    {
        bar = k;
        high = price;
        low = price;
        close = price;
    }

    private void closeBar()
    {
        final double tr = Double.isNaN(previousClose) ? high - low :
            Math.max(high, previousClose) - Math.min(low, previousClose);
        previousClose = close;
        bars++;
        if (bars <= period)
        {
            atr += tr;
            if (bars == period)
            {
                atr /= period;
            }
        }
        else
        {
            atr = (atr * (period - 1) + tr) / period;
        }
    }

    /**
     * The average true range, in price units.
     *
     * @return the ATR, 0 until warm.
     */
    public double value()
    {
        return isWarm() ? atr : 0.0;
    }

    /**
     * Whether {@code period} bars have closed.
     *
     * @return true when warm.
     */
    public boolean isWarm()
    {
        return bars >= period;
    }

    /**
     * Bars closed so far.
     *
     * @return the count.
     */
    public long bars()
    {
        return bars;
    }
}
