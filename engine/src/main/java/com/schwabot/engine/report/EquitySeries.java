package com.schwabot.engine.report;

import java.util.Arrays;

/**
 * The sampled P&amp;L curve of a backtest: (event time, total P&amp;L) pairs in growable primitive arrays, times
 * strictly increasing. Not thread-safe: the replay thread writes it, the report reads it afterwards.
 */
public final class EquitySeries
{
    private static final int INITIAL_CAPACITY = 1024;

    private long[] times = new long[INITIAL_CAPACITY];
    private double[] pnl = new double[INITIAL_CAPACITY];
    private int size;

    /**
     * Add a sample.
     *
     * @param timeNanos event time, after the last sample's.
     * @param value     total P&amp;L then, quote currency.
     */
    public void add(final long timeNanos, final double value)
    {
        if (size > 0 && timeNanos <= times[size - 1])
        {
            throw new IllegalArgumentException("sample times must increase: " + timeNanos + " after " +
                times[size - 1]);
        }
        if (size == times.length)
        {
            times = Arrays.copyOf(times, size * 2);
            pnl = Arrays.copyOf(pnl, size * 2);
        }
        times[size] = timeNanos;
        pnl[size] = value;
        size++;
    }

    /**
     * @return samples held.
     */
    public int size()
    {
        return size;
    }

    /**
     * @param k sample index.
     * @return its event time.
     */
    public long time(final int k)
    {
        return times[k];
    }

    /**
     * @param k sample index.
     * @return its P&amp;L.
     */
    public double pnl(final int k)
    {
        return pnl[k];
    }

    /**
     * @return a copy of the P&amp;L values.
     */
    public double[] pnlValues()
    {
        return Arrays.copyOf(pnl, size);
    }

    /**
     * @return a copy of the times.
     */
    public long[] timeValues()
    {
        return Arrays.copyOf(times, size);
    }
}
