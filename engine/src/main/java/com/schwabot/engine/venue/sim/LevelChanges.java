package com.schwabot.engine.venue.sim;

import java.util.Arrays;

/**
 * The levels of one book side changed since the last depth diff, each with its latest quantity (0 = removed), in
 * the order they first changed. Compacted on the way in (a price appears once), so a diff carries final values as
 * Binance's do. Not thread-safe; allocation-free unless it outgrows its capacity.
 */
final class LevelChanges
{
    private long[] prices;
    private long[] quantities;
    private int size;

    LevelChanges(final int initialCapacity)
    {
        prices = new long[initialCapacity];
        quantities = new long[initialCapacity];
    }

    void record(final long price, final long quantity)
    {
        for (int i = 0; i < size; i++)
        {
            if (prices[i] == price)
            {
                quantities[i] = quantity;
                return;
            }
        }
        if (size == prices.length)
        {
            prices = Arrays.copyOf(prices, size * 2);
            quantities = Arrays.copyOf(quantities, size * 2);
        }
        prices[size] = price;
        quantities[size] = quantity;
        size++;
    }

    int size()
    {
        return size;
    }

    long price(final int index)
    {
        return prices[index];
    }

    long qty(final int index)
    {
        return quantities[index];
    }

    void clear()
    {
        size = 0;
    }
}
