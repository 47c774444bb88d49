package com.schwabot.engine.report;

import java.util.Arrays;

/**
 * Every fill of a backtest in growable primitive arrays (no object per fill): run, event time, instrument index,
 * side, quantity and price mantissas, fee and slippage. Not thread-safe: the replay thread writes it, the report
 * reads it once the replay is over.
 */
public final class FillLog
{
    private static final int INITIAL_CAPACITY = 256;

    private int size;
    private int[] session = new int[INITIAL_CAPACITY];
    private long[] time = new long[INITIAL_CAPACITY];
    private int[] instrument = new int[INITIAL_CAPACITY];
    private boolean[] buy = new boolean[INITIAL_CAPACITY];
    private long[] qty = new long[INITIAL_CAPACITY];
    private long[] price = new long[INITIAL_CAPACITY];
    private double[] fee = new double[INITIAL_CAPACITY];
    private double[] slippage = new double[INITIAL_CAPACITY];

    /**
     * Add a fill.
     *
     * @param s      run index.
     * @param t      event time.
     * @param i      instrument index.
     * @param isBuy  true for a buy.
     * @param q      quantity mantissa.
     * @param p      price mantissa.
     * @param f      fee, quote currency.
     * @param slip   slippage, quote currency, positive = cost.
     */
    public void add(
        final int s, final long t, final int i, final boolean isBuy, final long q, final long p, final double f,
        final double slip)
    {
        if (size == time.length)
        {
            grow();
        }
        session[size] = s;
        time[size] = t;
        instrument[size] = i;
        buy[size] = isBuy;
        qty[size] = q;
        price[size] = p;
        fee[size] = f;
        slippage[size] = slip;
        size++;
    }

    private void grow()
    {
        final int capacity = time.length * 2;
        session = Arrays.copyOf(session, capacity);
        time = Arrays.copyOf(time, capacity);
        instrument = Arrays.copyOf(instrument, capacity);
        buy = Arrays.copyOf(buy, capacity);
        qty = Arrays.copyOf(qty, capacity);
        price = Arrays.copyOf(price, capacity);
        fee = Arrays.copyOf(fee, capacity);
        slippage = Arrays.copyOf(slippage, capacity);
    }

    /**
     * @return fills held.
     */
    public int size()
    {
        return size;
    }

    /**
     * @param k fill index.
     * @return its run.
     */
    public int session(final int k)
    {
        return session[k];
    }

    /**
     * @param k fill index.
     * @return its event time.
     */
    public long time(final int k)
    {
        return time[k];
    }

    /**
     * @param k fill index.
     * @return its instrument index.
     */
    public int instrument(final int k)
    {
        return instrument[k];
    }

    /**
     * @param k fill index.
     * @return true for a buy.
     */
    public boolean buy(final int k)
    {
        return buy[k];
    }

    /**
     * @param k fill index.
     * @return its quantity mantissa.
     */
    public long qty(final int k)
    {
        return qty[k];
    }

    /**
     * @param k fill index.
     * @return its price mantissa.
     */
    public long price(final int k)
    {
        return price[k];
    }

    /**
     * @param k fill index.
     * @return its fee, quote currency.
     */
    public double fee(final int k)
    {
        return fee[k];
    }

    /**
     * @param k fill index.
     * @return its slippage, quote currency.
     */
    public double slippage(final int k)
    {
        return slippage[k];
    }
}
