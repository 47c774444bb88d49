package com.schwabot.engine.venue.sim;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2LongHashMap;

/**
 * The open client orders: a fixed pool of slots held as parallel primitive arrays (no order objects), a free list,
 * and two indexes: per connection by client order id, and by exchange order id. A slot is taken when an order is
 * accepted and given back when it is filled or canceled. Not thread-safe; allocation-free in steady state (a
 * connection's index map is created on its first order).
 */
final class OrderStore
{
    /** No slot. */
    static final int NONE = -1;

    static final byte BUY = 0;
    static final byte SELL = 1;

    private final int[] sessionIds;
    private final long[] clOrdIds;
    private final long[] exchangeOrderIds;
    private final int[] instrumentIndexes;
    private final byte[] sides;
    private final long[] priceTicks;
    private final long[] qtyLots;
    private final long[] filledLots;
    private final int[] freeSlots;
    private int freeCount;
    private final Int2ObjectHashMap<Long2LongHashMap> bySession = new Int2ObjectHashMap<>();
    private final Long2LongHashMap byExchangeOrderId = new Long2LongHashMap(NONE);

    OrderStore(final int capacity)
    {
        sessionIds = new int[capacity];
        clOrdIds = new long[capacity];
        exchangeOrderIds = new long[capacity];
        instrumentIndexes = new int[capacity];
        sides = new byte[capacity];
        priceTicks = new long[capacity];
        qtyLots = new long[capacity];
        filledLots = new long[capacity];
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    boolean isFull()
    {
        return 0 == freeCount;
    }

    int openCount()
    {
        return freeSlots.length - freeCount;
    }

    /**
     * Take a slot for an accepted order. The caller checked {@link #isFull()} and that the id is not open.
     *
     * @return the slot.
     */
    int allocate(
        final int sessionId,
        final long clOrdId,
        final long exchangeOrderId,
        final int instrumentIndex,
        final byte side,
        final long price,
        final long lots)
    {
        final int slot = freeSlots[--freeCount];
        sessionIds[slot] = sessionId;
        clOrdIds[slot] = clOrdId;
        exchangeOrderIds[slot] = exchangeOrderId;
        instrumentIndexes[slot] = instrumentIndex;
        sides[slot] = side;
        priceTicks[slot] = price;
        qtyLots[slot] = lots;
        filledLots[slot] = 0;
        Long2LongHashMap ids = bySession.get(sessionId);
        if (null == ids)
        {
            ids = new Long2LongHashMap(NONE);
            bySession.put(sessionId, ids);
        }
        ids.put(clOrdId, slot);
        byExchangeOrderId.put(exchangeOrderId, slot);
        return slot;
    }

    void release(final int slot)
    {
        final Long2LongHashMap ids = bySession.get(sessionIds[slot]);
        if (null != ids)
        {
            ids.remove(clOrdIds[slot]);
        }
        byExchangeOrderId.remove(exchangeOrderIds[slot]);
        freeSlots[freeCount++] = slot;
    }

    /**
     * @return the open order's slot, or {@link #NONE}.
     */
    int find(final int sessionId, final long clOrdId)
    {
        final Long2LongHashMap ids = bySession.get(sessionId);
        return null == ids ? NONE : (int)ids.get(clOrdId);
    }

    /**
     * @return the open order's slot, or {@link #NONE}.
     */
    int findByExchangeOrderId(final long exchangeOrderId)
    {
        return (int)byExchangeOrderId.get(exchangeOrderId);
    }

    /**
     * Copy the slots of a connection's open orders and forget the connection.
     *
     * @param sessionId the connection.
     * @return the slots, in exchange-order-id order (so cancel-on-disconnect is deterministic); empty when none.
     */
    int[] removeSession(final int sessionId)
    {
        final Long2LongHashMap ids = bySession.remove(sessionId);
        if (null == ids || ids.isEmpty())
        {
            return new int[0];
        }
        final int[] slots = new int[ids.size()];
        int count = 0;
        final Long2LongHashMap.ValueIterator values = ids.values().iterator();
        while (values.hasNext())
        {
            slots[count++] = (int)values.nextValue();
        }
        for (int i = 1; i < count; i++)
        {
            final int slot = slots[i];
            int j = i - 1;
            while (j >= 0 && exchangeOrderIds[slots[j]] > exchangeOrderIds[slot])
            {
                slots[j + 1] = slots[j];
                j--;
            }
            slots[j + 1] = slot;
        }
        return slots;
    }

    int sessionId(final int slot)
    {
        return sessionIds[slot];
    }

    long clOrdId(final int slot)
    {
        return clOrdIds[slot];
    }

    long exchangeOrderId(final int slot)
    {
        return exchangeOrderIds[slot];
    }

    int instrumentIndex(final int slot)
    {
        return instrumentIndexes[slot];
    }

    byte side(final int slot)
    {
        return sides[slot];
    }

    long priceTicks(final int slot)
    {
        return priceTicks[slot];
    }

    long qtyLots(final int slot)
    {
        return qtyLots[slot];
    }

    long filledLots(final int slot)
    {
        return filledLots[slot];
    }

    long leavesLots(final int slot)
    {
        return qtyLots[slot] - filledLots[slot];
    }

    void addFilled(final int slot, final long lots)
    {
        filledLots[slot] += lots;
    }
}
