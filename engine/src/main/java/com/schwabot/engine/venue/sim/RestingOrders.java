package com.schwabot.engine.venue.sim;

/**
 * The resting client orders of one instrument, per side, in priority order: buys by price descending, sells by
 * price ascending, then by exchange order id (time priority). Holds slots of the {@link OrderStore}. Insertion and
 * removal shift arrays: the simulator holds few client orders. Not thread-safe; allocation-free.
 */
final class RestingOrders
{
    private final OrderStore orders;
    private final int[] buys;
    private final int[] sells;
    private int buyCount;
    private int sellCount;

    RestingOrders(final OrderStore orders, final int capacity)
    {
        this.orders = orders;
        this.buys = new int[capacity];
        this.sells = new int[capacity];
    }

    int buyCount()
    {
        return buyCount;
    }

    int sellCount()
    {
        return sellCount;
    }

    /** @return slot of the best buy; only when {@link #buyCount()} is positive. */
    int bestBuy()
    {
        return buys[0];
    }

    /** @return slot of the best sell; only when {@link #sellCount()} is positive. */
    int bestSell()
    {
        return sells[0];
    }

    void add(final int slot)
    {
        if (orders.side(slot) == OrderStore.BUY)
        {
            buyCount = insert(buys, buyCount, slot, true);
        }
        else
        {
            sellCount = insert(sells, sellCount, slot, false);
        }
    }

    void remove(final int slot)
    {
        if (orders.side(slot) == OrderStore.BUY)
        {
            buyCount = remove(buys, buyCount, slot);
        }
        else
        {
            sellCount = remove(sells, sellCount, slot);
        }
    }

    private int insert(final int[] slots, final int count, final int slot, final boolean descending)
    {
        final long price = orders.priceTicks(slot);
        int at = count;
        while (at > 0 && isBehind(slots[at - 1], price, descending))
        {
            slots[at] = slots[at - 1];
            at--;
        }
        slots[at] = slot;
        return count + 1;
    }

    private boolean isBehind(final int other, final long price, final boolean descending)
    {
        final long otherPrice = orders.priceTicks(other);
        return descending ? otherPrice < price : otherPrice > price;
    }

    private static int remove(final int[] slots, final int count, final int slot)
    {
        for (int i = 0; i < count; i++)
        {
            if (slots[i] == slot)
            {
                System.arraycopy(slots, i + 1, slots, i, count - i - 1);
                return count - 1;
            }
        }
        return count;
    }
}
