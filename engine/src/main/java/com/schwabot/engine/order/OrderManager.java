package com.schwabot.engine.order;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * The engine's working orders: a fixed pool of {@link Order}s, a map from client order id to order, the state
 * machine driven by execution reports, and per-instrument working quantities for the decision and risk stages.
 * Client order ids are given by the caller and must increase (the order stage derives them from the journal sequence
 * of the event that caused the order, which continues across restarts): {@link #open} refuses an id at or below the
 * highest it has opened, so an id is never used twice, even once its order has ended and its pool slot is reused.
 * <p>
 * States: PENDING_NEW on open; NEW on acknowledgement; PARTIALLY_FILLED on a fill short of the quantity; FILLED on
 * the last fill; CANCEL_PENDING when a cancel is sent (fills still count), back to the state before it when the venue
 * refuses the cancel as too late; CANCELED or REJECTED at the venue's word, or CANCELED locally (timeout of a cancel,
 * lost gateway). FILLED, CANCELED and REJECTED release the order.
 * <p>
 * Not thread-safe: business thread only. Allocation-free in steady state: the pool and the map are sized at start.
 */
public final class OrderManager
{
    private final Order[] pool;
    private final int[] free;
    private int freeCount;
    private final Long2ObjectHashMap<Order> live;
    private final long[] workingBuy;
    private final long[] workingSell;
    private final int[] openPerInstrument;
    private long highestClOrdId = Long.MIN_VALUE;

    /**
     * An empty manager.
     *
     * @param capacity    most orders alive at once.
     * @param instruments instrument count.
     */
    public OrderManager(final int capacity, final int instruments)
    {
        pool = new Order[capacity];
        free = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            pool[i] = new Order();
            pool[i].poolIndex = i;
            free[i] = capacity - 1 - i;
        }
        freeCount = capacity;
        live = new Long2ObjectHashMap<>(capacity * 2, 0.5f);
        workingBuy = new long[instruments];
        workingSell = new long[instruments];
        openPerInstrument = new int[instruments];
    }

    /**
     * Take an order from the pool and register it as PENDING_NEW, with its own price as reference.
     *
     * @param clOrdId    client order id, above every id opened so far.
     * @param instrument instrument index.
     * @param buy        side.
     * @param price      limit price mantissa.
     * @param qty        quantity mantissa.
     * @param nowNanos   event time.
     * @return the order, or null when the pool is exhausted or the id is not above every id opened so far.
     */
    public Order open(
        final long clOrdId, final int instrument, final boolean buy, final long price, final long qty,
        final long nowNanos)
    {
        return open(clOrdId, instrument, buy, price, qty, nowNanos, price);
    }

    /**
     * Take an order from the pool and register it as PENDING_NEW.
     *
     * @param clOrdId        client order id, above every id opened so far.
     * @param instrument     instrument index.
     * @param buy            side.
     * @param price          limit price mantissa.
     * @param qty            quantity mantissa.
     * @param nowNanos       event time.
     * @param referencePrice price mantissa the decision expected (slippage is measured against it).
     * @return the order, or null when the pool is exhausted or the id is not above every id opened so far.
     */
    public Order open(
        final long clOrdId, final int instrument, final boolean buy, final long price, final long qty,
        final long nowNanos, final double referencePrice)
    {
        if (freeCount == 0 || clOrdId <= highestClOrdId)
        {
            return null;
        }
        highestClOrdId = clOrdId;
        final Order order = pool[free[--freeCount]];
        order.clOrdId = clOrdId;
        order.instrument = instrument;
        order.buy = buy;
        order.price = price;
        order.qty = qty;
        order.cumQty = 0;
        order.exchangeOrderId = Long.MIN_VALUE;
        order.sentNanos = nowNanos;
        order.lastChangeNanos = nowNanos;
        order.referencePrice = referencePrice;
        order.state = OrderState.PENDING_NEW;
        live.put(clOrdId, order);
        working(order, qty);
        openPerInstrument[instrument]++;
        return order;
    }

    /**
     * A live order by client order id.
     *
     * @param clOrdId the id.
     * @return the order or null.
     */
    public Order get(final long clOrdId)
    {
        return live.get(clOrdId);
    }

    /**
     * The venue acknowledged an order.
     *
     * @param order           the order.
     * @param exchangeOrderId the venue's id.
     * @param nowNanos        event time.
     */
    public void onAck(final Order order, final long exchangeOrderId, final long nowNanos)
    {
        order.exchangeOrderId = exchangeOrderId;
        if (order.state == OrderState.PENDING_NEW)
        {
            order.state = OrderState.NEW;
        }
        else if (order.state == OrderState.CANCEL_PENDING && order.stateBeforeCancel == OrderState.PENDING_NEW)
        {
            order.stateBeforeCancel = OrderState.NEW;
        }
        order.lastChangeNanos = nowNanos;
    }

    /**
     * A fill: moves cumQty and the state; a complete fill releases the order.
     *
     * @param order    the order.
     * @param lastQty  quantity filled now.
     * @param nowNanos event time.
     */
    public void onFill(final Order order, final long lastQty, final long nowNanos)
    {
        final long fill = Math.min(lastQty, order.qty - order.cumQty);
        order.cumQty += fill;
        working(order, -fill);
        order.lastChangeNanos = nowNanos;
        if (order.cumQty >= order.qty)
        {
            terminate(order, OrderState.FILLED);
        }
        else if (order.state != OrderState.CANCEL_PENDING)
        {
            order.state = OrderState.PARTIALLY_FILLED;
        }
    }

    /**
     * A cancel was sent for an order.
     *
     * @param order    the order.
     * @param nowNanos event time.
     */
    public void onCancelSent(final Order order, final long nowNanos)
    {
        if (order.state != OrderState.CANCEL_PENDING)
        {
            order.stateBeforeCancel = order.state;
        }
        order.state = OrderState.CANCEL_PENDING;
        order.lastChangeNanos = nowNanos;
    }

    /**
     * The venue refused a cancel as too late: the order goes back to the state it had before the cancel was sent
     * (its fills, or its end, are still to come).
     *
     * @param order    the order.
     * @param nowNanos event time.
     */
    public void onCancelRejected(final Order order, final long nowNanos)
    {
        if (order.state == OrderState.CANCEL_PENDING)
        {
            order.state = order.cumQty > 0 ? OrderState.PARTIALLY_FILLED : order.stateBeforeCancel;
            order.lastChangeNanos = nowNanos;
        }
    }

    /**
     * Highest client order id opened so far.
     *
     * @return the id, Long.MIN_VALUE before the first.
     */
    public long highestClOrdId()
    {
        return highestClOrdId;
    }

    /**
     * The order ended without filling completely: canceled, expired or rejected. Releases it.
     *
     * @param order the order.
     * @param state {@link OrderState#CANCELED} or {@link OrderState#REJECTED}.
     */
    public void onDone(final Order order, final OrderState state)
    {
        terminate(order, state);
    }

    /**
     * Quantity working to buy.
     *
     * @param instrument instrument index.
     * @return leaves quantity of live buys.
     */
    public long workingBuy(final int instrument)
    {
        return workingBuy[instrument];
    }

    /**
     * Quantity working to sell.
     *
     * @param instrument instrument index.
     * @return leaves quantity of live sells.
     */
    public long workingSell(final int instrument)
    {
        return workingSell[instrument];
    }

    /**
     * Live orders of an instrument.
     *
     * @param instrument instrument index.
     * @return the count.
     */
    public int openOrders(final int instrument)
    {
        return openPerInstrument[instrument];
    }

    /**
     * Live orders over all instruments.
     *
     * @return the count.
     */
    public int openOrders()
    {
        return live.size();
    }

    /**
     * Visit every live order (terminating orders from the visitor is allowed only through the returned count:
     * collect, then act).
     *
     * @param into array receiving the live orders.
     * @return how many were written.
     */
    public int snapshot(final Order[] into)
    {
        int n = 0;
        final Long2ObjectHashMap<Order>.ValueIterator it = live.values().iterator();
        while (it.hasNext() && n < into.length)
        {
            into[n++] = it.next();
        }
        return n;
    }

    /**
     * Pool capacity.
     *
     * @return the most live orders.
     */
    public int capacity()
    {
        return pool.length;
    }

    private void terminate(final Order order, final OrderState state)
    {
        working(order, -(order.qty - order.cumQty));
        order.state = state;
        live.remove(order.clOrdId);
        openPerInstrument[order.instrument]--;
        free[freeCount++] = order.poolIndex;
    }

    private void working(final Order order, final long delta)
    {
        if (order.buy)
        {
            workingBuy[order.instrument] += delta;
        }
        else
        {
            workingSell[order.instrument] += delta;
        }
    }
}
