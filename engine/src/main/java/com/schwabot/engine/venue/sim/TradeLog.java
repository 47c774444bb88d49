package com.schwabot.engine.venue.sim;

import java.util.Arrays;

/**
 * Public trades printed since the last trade frame. Not thread-safe; allocation-free unless it outgrows its
 * capacity.
 */
final class TradeLog
{
    private long[] ids;
    private long[] prices;
    private long[] quantities;
    private boolean[] buyerMaker;
    private int size;

    TradeLog(final int initialCapacity)
    {
        ids = new long[initialCapacity];
        prices = new long[initialCapacity];
        quantities = new long[initialCapacity];
        buyerMaker = new boolean[initialCapacity];
    }

    void add(final long id, final long priceTicks, final long lots, final boolean isBuyerMaker)
    {
        if (size == ids.length)
        {
            final int capacity = size * 2;
            ids = Arrays.copyOf(ids, capacity);
            prices = Arrays.copyOf(prices, capacity);
            quantities = Arrays.copyOf(quantities, capacity);
            buyerMaker = Arrays.copyOf(buyerMaker, capacity);
        }
        ids[size] = id;
        prices[size] = priceTicks;
        quantities[size] = lots;
        buyerMaker[size] = isBuyerMaker;
        size++;
    }

    int size()
    {
        return size;
    }

    long id(final int index)
    {
        return ids[index];
    }

    long price(final int index)
    {
        return prices[index];
    }

    long qty(final int index)
    {
        return quantities[index];
    }

    boolean isBuyerMaker(final int index)
    {
        return buyerMaker[index];
    }

    void clear()
    {
        size = 0;
    }
}
