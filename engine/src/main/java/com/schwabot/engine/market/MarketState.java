package com.schwabot.engine.market;

import com.schwabot.engine.book.OrderBook;

/**
 * What the engine knows of each instrument's market, by instrument index: the validated top of book, the last
 * trade, the L2 book and when each was last updated. Written by the validate stage, read by signal, risk and
 * order. Times are event times (epoch nanoseconds) for ordering checks and ingress times for staleness.
 * <p>
 * Not thread-safe: business thread only. Allocation-free after construction.
 */
public final class MarketState
{
    private final long[] bid;
    private final long[] bidQty;
    private final long[] ask;
    private final long[] askQty;
    private final long[] topUpdateId;
    private final long[] lastTradePrice;
    private final long[] lastTradeTimeNs;
    private final long[] lastUpdateIngressNs;
    private final OrderBook[] books;

    /**
     * State for a number of instruments.
     *
     * @param instruments   instrument count.
     * @param maxBookLevels levels held per book side.
     */
    public MarketState(final int instruments, final int maxBookLevels)
    {
        bid = new long[instruments];
        bidQty = new long[instruments];
        ask = new long[instruments];
        askQty = new long[instruments];
        topUpdateId = new long[instruments];
        lastTradePrice = new long[instruments];
        lastTradeTimeNs = new long[instruments];
        lastUpdateIngressNs = new long[instruments];
        books = new OrderBook[instruments];
        for (int i = 0; i < instruments; i++)
        {
            books[i] = new OrderBook(maxBookLevels);
            lastTradeTimeNs[i] = Long.MIN_VALUE;
            topUpdateId[i] = Long.MIN_VALUE;
        }
    }

    /**
     * Number of instruments.
     *
     * @return the count.
     */
    public int instrumentCount()
    {
        return books.length;
    }

    /**
     * Set the top of book.
     *
     * @param i        instrument index.
     * @param updateId venue update id of this top.
     * @param bidPrice best bid.
     * @param bidSize  best bid quantity.
     * @param askPrice best ask.
     * @param askSize  best ask quantity.
     */
    public void top(
        final int i, final long updateId, final long bidPrice, final long bidSize, final long askPrice,
        final long askSize)
    {
        topUpdateId[i] = updateId;
        bid[i] = bidPrice;
        bidQty[i] = bidSize;
        ask[i] = askPrice;
        askQty[i] = askSize;
    }

    /**
     * Record a trade.
     *
     * @param i      instrument index.
     * @param timeNs trade time.
     * @param price  trade price.
     */
    public void trade(final int i, final long timeNs, final long price)
    {
        lastTradeTimeNs[i] = timeNs;
        lastTradePrice[i] = price;
    }

    /**
     * Note that valid data arrived.
     *
     * @param i            instrument index.
     * @param ingressNanos time the data is as of: its ingress time, or the venue's time when that is earlier.
     */
    public void touched(final int i, final long ingressNanos)
    {
        lastUpdateIngressNs[i] = ingressNanos;
    }

    /**
     * Best bid price, 0 when none yet.
     *
     * @param i instrument index.
     * @return the price mantissa.
     */
    public long bid(final int i)
    {
        return bid[i];
    }

    /**
     * Best bid quantity.
     *
     * @param i instrument index.
     * @return the quantity mantissa.
     */
    public long bidQty(final int i)
    {
        return bidQty[i];
    }

    /**
     * Best ask price, 0 when none yet.
     *
     * @param i instrument index.
     * @return the price mantissa.
     */
    public long ask(final int i)
    {
        return ask[i];
    }

    /**
     * Best ask quantity.
     *
     * @param i instrument index.
     * @return the quantity mantissa.
     */
    public long askQty(final int i)
    {
        return askQty[i];
    }

    /**
     * Whether a two-sided top is known.
     *
     * @param i instrument index.
     * @return true when bid and ask are both set.
     */
    public boolean hasTop(final int i)
    {
        return bid[i] > 0 && ask[i] > 0;
    }

    /**
     * Mid price as a double mantissa ((bid + ask) / 2), 0 when no top.
     *
     * @param i instrument index.
     * @return the mid mantissa.
     */
    public double mid(final int i)
    {
        return hasTop(i) ? (bid[i] + (double)ask[i]) * 0.5 : 0.0;
    }

    /**
     * Update id of the current top.
     *
     * @param i instrument index.
     * @return the id, Long.MIN_VALUE before the first.
     */
    public long topUpdateId(final int i)
    {
        return topUpdateId[i];
    }

    /**
     * Last trade price.
     *
     * @param i instrument index.
     * @return the price mantissa, 0 before the first trade.
     */
    public long lastTradePrice(final int i)
    {
        return lastTradePrice[i];
    }

    /**
     * Last trade time.
     *
     * @param i instrument index.
     * @return epoch nanoseconds, Long.MIN_VALUE before the first trade.
     */
    public long lastTradeTimeNs(final int i)
    {
        return lastTradeTimeNs[i];
    }

    /**
     * Ingress time of the last valid market event.
     *
     * @param i instrument index.
     * @return epoch nanoseconds, 0 before the first.
     */
    public long lastUpdateIngressNs(final int i)
    {
        return lastUpdateIngressNs[i];
    }

    /**
     * The L2 book.
     *
     * @param i instrument index.
     * @return the book.
     */
    public OrderBook book(final int i)
    {
        return books[i];
    }

    /**
     * Forget the book, top and last trade time of every instrument of a venue connection that went down: they are
     * rebuilt from what the reconnected feed sends (so a corrupt update id or time held before cannot outlive it).
     *
     * @param i instrument index.
     */
    public void invalidate(final int i)
    {
        books[i].invalidate();
        bid[i] = 0;
        ask[i] = 0;
        bidQty[i] = 0;
        askQty[i] = 0;
        topUpdateId[i] = Long.MIN_VALUE;
        lastTradeTimeNs[i] = Long.MIN_VALUE;
    }
}
