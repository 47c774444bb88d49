package com.schwabot.engine.venue.sim;

import java.util.Arrays;

/**
 * One side of an L2 book: price levels (in ticks) with their quantities (in lots), best first. Bids are kept in
 * descending price order, asks in ascending order. Primitive arrays, binary search, no allocation unless the side
 * outgrows its capacity (it then doubles). Not thread-safe.
 */
final class BookSide
{
    private final boolean bids;
    private long[] prices;
    private long[] quantities;
    private int size;

    BookSide(final boolean bids, final int initialCapacity)
    {
        this.bids = bids;
        this.prices = new long[initialCapacity];
        this.quantities = new long[initialCapacity];
    }

    boolean isBids()
    {
        return bids;
    }

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return 0 == size;
    }

    /**
     * @param level 0 is the best.
     * @return price in ticks.
     */
    long price(final int level)
    {
        return prices[level];
    }

    /**
     * @param level 0 is the best.
     * @return quantity in lots.
     */
    long qty(final int level)
    {
        return quantities[level];
    }

    /**
     * @param price in ticks.
     * @return the quantity at that price, 0 when there is no level.
     */
    long qtyAt(final long price)
    {
        final int index = indexOf(price);
        return index >= 0 ? quantities[index] : 0;
    }

    /**
     * Whether a level at {@code levelPrice} is reachable by an order of this side's opposite with limit
     * {@code limit}: for asks, {@code levelPrice <= limit}; for bids, {@code levelPrice >= limit}.
     *
     * @param levelPrice price of a level of this side, in ticks.
     * @param limit      the incoming order's limit, in ticks.
     * @return true when they cross.
     */
    boolean reachable(final long levelPrice, final long limit)
    {
        return bids ? levelPrice >= limit : levelPrice <= limit;
    }

    /**
     * Set, add or (with 0) remove a level.
     *
     * @param price    in ticks.
     * @param quantity in lots, 0 to remove.
     */
    void set(final long price, final long quantity)
    {
        final int index = indexOf(price);
        if (index >= 0)
        {
            if (0 == quantity)
            {
                System.arraycopy(prices, index + 1, prices, index, size - index - 1);
                System.arraycopy(quantities, index + 1, quantities, index, size - index - 1);
                size--;
            }
            else
            {
                quantities[index] = quantity;
            }
        }
        else if (0 != quantity)
        {
            final int insertAt = -(index + 1);
            if (size == prices.length)
            {
                prices = Arrays.copyOf(prices, size * 2);
                quantities = Arrays.copyOf(quantities, size * 2);
            }
            System.arraycopy(prices, insertAt, prices, insertAt + 1, size - insertAt);
            System.arraycopy(quantities, insertAt, quantities, insertAt + 1, size - insertAt);
            prices[insertAt] = price;
            quantities[insertAt] = quantity;
            size++;
        }
    }

    /**
     * Binary search in priority order.
     *
     * @param price in ticks.
     * @return the level's index, or {@code -(insertionPoint) - 1}.
     */
    int indexOf(final long price)
    {
        final long key = bids ? -price : price;
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midKey = bids ? -prices[mid] : prices[mid];
            if (midKey < key)
            {
                low = mid + 1;
            }
            else if (midKey > key)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }
}
