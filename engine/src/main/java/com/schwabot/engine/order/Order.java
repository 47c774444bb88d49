package com.schwabot.engine.order;

/**
 * One order's state, pooled by {@link OrderManager} and reused once terminal. Quantities and prices are mantissas
 * at the instrument's exponents. Not thread-safe: business thread only.
 */
public final class Order
{
    long clOrdId;
    int instrument;
    boolean buy;
    long price;
    long qty;
    long cumQty;
    long exchangeOrderId;
    long sentNanos;
    long lastChangeNanos;
    double referencePrice;
    OrderState state;
    OrderState stateBeforeCancel;
    int poolIndex;

    /**
     * Client order id.
     *
     * @return the id.
     */
    public long clOrdId()
    {
        return clOrdId;
    }

    /**
     * Instrument index.
     *
     * @return the index.
     */
    public int instrument()
    {
        return instrument;
    }

    /**
     * Side.
     *
     * @return true for a buy.
     */
    public boolean isBuy()
    {
        return buy;
    }

    /**
     * Limit price mantissa.
     *
     * @return the price.
     */
    public long price()
    {
        return price;
    }

    /**
     * Ordered quantity mantissa.
     *
     * @return the quantity.
     */
    public long qty()
    {
        return qty;
    }

    /**
     * Filled quantity mantissa.
     *
     * @return the cumulative quantity.
     */
    public long cumQty()
    {
        return cumQty;
    }

    /**
     * Quantity still working.
     *
     * @return qty - cumQty, 0 once terminal.
     */
    public long leavesQty()
    {
        return state.isTerminal() ? 0 : qty - cumQty;
    }

    /**
     * Current state.
     *
     * @return the state.
     */
    public OrderState state()
    {
        return state;
    }

    /**
     * Event time at which it was sent.
     *
     * @return epoch nanoseconds.
     */
    public long sentNanos()
    {
        return sentNanos;
    }

    /**
     * Price mantissa the decision expected when it sent the order (the mid then): fills are measured against it
     * for slippage.
     *
     * @return the reference price mantissa.
     */
    public double referencePrice()
    {
        return referencePrice;
    }

    /**
     * Venue order id, once acknowledged.
     *
     * @return the id, Long.MIN_VALUE before the acknowledgement.
     */
    public long exchangeOrderId()
    {
        return exchangeOrderId;
    }
}
