package com.schwabot.engine.importer;

/**
 * The market events one CSV row converts to (a trade or a best bid/ask; up to four trades for a kline bar), as
 * primitive columns reused from row to row. Prices and quantities are mantissas at the instrument's exponents; times
 * are epoch microseconds.
 * <p>
 * Not thread-safe.
 */
final class MarketEvents
{
    /** Most events one row gives. */
    static final int CAPACITY = 4;

    private final boolean[] trade = new boolean[CAPACITY];
    private final int[] instrument = new int[CAPACITY];
    private final long[] timeMicros = new long[CAPACITY];
    private final long[] id = new long[CAPACITY];
    private final long[] price = new long[CAPACITY];
    private final long[] qty = new long[CAPACITY];
    private final boolean[] buyerMaker = new boolean[CAPACITY];
    private final long[] askPrice = new long[CAPACITY];
    private final long[] askQty = new long[CAPACITY];
    private int count;

    void clear()
    {
        count = 0;
    }

    int count()
    {
        return count;
    }

    /**
     * Add a trade.
     *
     * @param instrumentIndex index in the instrument table.
     * @param micros          trade time.
     * @param tradeId         trade id.
     * @param tradePrice      price mantissa.
     * @param tradeQty        quantity mantissa.
     * @param isBuyerMaker    true when the seller was the taker.
     */
    void addTrade(
        final int instrumentIndex,
        final long micros,
        final long tradeId,
        final long tradePrice,
        final long tradeQty,
        final boolean isBuyerMaker)
    {
        final int k = count++;
        trade[k] = true;
        instrument[k] = instrumentIndex;
        timeMicros[k] = micros;
        id[k] = tradeId;
        price[k] = tradePrice;
        qty[k] = tradeQty;
        buyerMaker[k] = isBuyerMaker;
    }

    /**
     * Add a best bid/ask.
     *
     * @param instrumentIndex index in the instrument table.
     * @param micros          event time.
     * @param updateId        book update id.
     * @param bid             bid price mantissa.
     * @param bidQty          bid quantity mantissa.
     * @param ask             ask price mantissa.
     * @param askQuantity     ask quantity mantissa.
     */
    void addQuote(
        final int instrumentIndex,
        final long micros,
        final long updateId,
        final long bid,
        final long bidQty,
        final long ask,
        final long askQuantity)
    {
        final int k = count++;
        trade[k] = false;
        instrument[k] = instrumentIndex;
        timeMicros[k] = micros;
        id[k] = updateId;
        price[k] = bid;
        qty[k] = bidQty;
        askPrice[k] = ask;
        askQty[k] = askQuantity;
    }

    boolean isTrade(final int k)
    {
        return trade[k];
    }

    int instrument(final int k)
    {
        return instrument[k];
    }

    long timeMicros(final int k)
    {
        return timeMicros[k];
    }

    /**
     * Trade id or book update id.
     *
     * @param k event.
     * @return the id.
     */
    long id(final int k)
    {
        return id[k];
    }

    /**
     * Trade price, or the bid of a quote.
     *
     * @param k event.
     * @return the mantissa.
     */
    long price(final int k)
    {
        return price[k];
    }

    /**
     * Trade quantity, or the bid quantity of a quote.
     *
     * @param k event.
     * @return the mantissa.
     */
    long qty(final int k)
    {
        return qty[k];
    }

    boolean buyerMaker(final int k)
    {
        return buyerMaker[k];
    }

    long askPrice(final int k)
    {
        return askPrice[k];
    }

    long askQty(final int k)
    {
        return askQty[k];
    }
}
