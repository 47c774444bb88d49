package com.schwabot.engine.book;

/**
 * One side of an L2 book: price levels kept sorted best first in two primitive arrays, at most a fixed number of
 * levels. A level update inserts, replaces or (quantity 0) removes by binary search and an array shift: O(log n)
 * to find, O(n) to shift, with n the levels held, which stays small and cache-resident. A level worse than every
 * level held (each level of a snapshot, which arrives best first) is appended without a search. When the side is
 * full, a new level worse than all held is ignored and a new better level pushes the worst out.
 * <p>
 * Not thread-safe: owned by the business thread. Allocation-free after construction.
 */
public final class BookSide
{
    private final boolean bids;
    private final long[] prices;
    private final long[] qtys;
    private int size;

    /**
     * An empty side.
     *
     * @param bids      true for bids (best = highest), false for asks (best = lowest).
     * @param maxLevels levels held at most.
     */
    public BookSide(final boolean bids, final int maxLevels)
    {
        this.bids = bids;
        this.prices = new long[maxLevels];
        this.qtys = new long[maxLevels];
    }

    /**
     * Levels held.
     *
     * @return the level count.
     */
    public int size()
    {
        return size;
    }

    /**
     * Price of a level, 0 = best.
     *
     * @param level index.
     * @return the price mantissa.
     */
    public long price(final int level)
    {
        return prices[level];
    }

    /**
     * Quantity of a level, 0 = best.
     *
     * @param level index.
     * @return the quantity mantissa.
     */
    public long qty(final int level)
    {
        return qtys[level];
    }

    /**
     * Best price, 0 when empty.
     *
     * @return the best price mantissa.
     */
    public long bestPrice()
    {
        return size > 0 ? prices[0] : 0;
    }

    /**
     * Quantity at the best price, 0 when empty.
     *
     * @return the best quantity mantissa.
     */
    public long bestQty()
    {
        return size > 0 ? qtys[0] : 0;
    }

    /**
     * Sum of the quantities of the best levels.
     *
     * @param levels how many levels from the best.
     * @return the quantity.
     */
    public long depth(final int levels)
    {
        long total = 0;
        final int n = Math.min(levels, size);
        for (int i = 0; i < n; i++)
        {
            total += qtys[i];
        }
        return total;
    }

    /**
     * Remove every level.
     */
    public void clear()
    {
        size = 0;
    }

    /**
     * Set a level: quantity 0 removes it.
     *
     * @param price mantissa.
     * @param qty   mantissa, 0 to remove.
     */
    public void set(final long price, final long qty)
    {
        if (0 == size || worse(price, prices[size - 1]))
        {
            if (0 != qty && size < prices.length)
            {
                prices[size] = price;
                qtys[size] = qty;
                size++;
            }
            return;
        }
        final int index = find(price);
        if (index >= 0)
        {
            if (0 == qty)
            {
                System.arraycopy(prices, index + 1, prices, index, size - index - 1);
                System.arraycopy(qtys, index + 1, qtys, index, size - index - 1);
                size--;
            }
            else
            {
                qtys[index] = qty;
            }
            return;
        }
        if (0 == qty)
        {
            return;
        }
        final int insert = -index - 1;
        if (insert >= prices.length)
        {
            return;
        }
        final int moved = Math.min(size, prices.length - 1) - insert;
        if (moved > 0)
        {
            System.arraycopy(prices, insert, prices, insert + 1, moved);
            System.arraycopy(qtys, insert, qtys, insert + 1, moved);
        }
        prices[insert] = price;
        qtys[insert] = qty;
        size = Math.min(size + 1, prices.length);
    }

    /**
     * Whether a price ranks after another on this side.
     */
    private boolean worse(final long price, final long than)
    {
        return bids ? price < than : price > than;
    }

    /**
     * Binary search in best-first order.
     *
     * @return the index when found, else -(insertion point) - 1.
     */
    private int find(final long price)
    {
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long p = prices[mid];
            if (p == price)
            {
                return mid;
            }
            final boolean better = bids ? p > price : p < price;
            if (better)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -(low + 1);
    }
}
