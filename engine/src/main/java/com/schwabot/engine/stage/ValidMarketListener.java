package com.schwabot.engine.stage;

/**
 * Market events that passed validation; the state they changed is in {@code MarketState}. Business thread only.
 */
public interface ValidMarketListener
{
    /**
     * A valid trade.
     *
     * @param instrument instrument index.
     * @param timeNs     trade time.
     * @param price      price mantissa.
     * @param qty        quantity mantissa.
     * @param buyerMaker true when the aggressor sold.
     */
    void onValidTrade(int instrument, long timeNs, long price, long qty, boolean buyerMaker);

    /**
     * The top of book (or the book) of an instrument changed and is valid.
     *
     * @param instrument instrument index.
     * @param timeNs     event time.
     */
    void onValidBook(int instrument, long timeNs);
}
