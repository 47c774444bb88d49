package com.schwabot.engine.stage;

/**
 * Canonical market events, as {@link NormalizeStage} produces them from venue frames: instrument by index, prices
 * and quantities as mantissas at the instrument's exponents, times in epoch nanoseconds. One venue frame may give
 * several calls (a trades group, the levels of a depth update).
 * <p>
 * Called on the business thread only.
 */
public interface MarketListener
{
    /**
     * One public trade.
     *
     * @param instrument  index in the instrument table.
     * @param timeNs      trade time, epoch nanoseconds.
     * @param tradeId     venue trade id.
     * @param price       price mantissa.
     * @param qty         quantity mantissa.
     * @param buyerMaker  true when the buyer was the resting side (a sell aggressor).
     */
    void onTrade(int instrument, long timeNs, long tradeId, long price, long qty, boolean buyerMaker);

    /**
     * Best bid and ask.
     *
     * @param instrument index in the instrument table.
     * @param timeNs     event time, epoch nanoseconds.
     * @param updateId   the venue's book update id of this top.
     * @param bid        best bid price mantissa.
     * @param bidQty     best bid quantity mantissa.
     * @param ask        best ask price mantissa.
     * @param askQty     best ask quantity mantissa.
     */
    void onBookTop(int instrument, long timeNs, long updateId, long bid, long bidQty, long ask, long askQty);

    /**
     * Start of a depth snapshot or diff. Its levels follow through {@link #onDepthLevel} only when this returns true,
     * then {@link #onDepthEnd(int)} is called in every case.
     *
     * @param instrument    index in the instrument table.
     * @param timeNs        event time, epoch nanoseconds.
     * @param firstUpdateId first update id of a diff; for a snapshot, its update id.
     * @param lastUpdateId  last update id of a diff; for a snapshot, its update id.
     * @param snapshot      true for a snapshot (replaces the book), false for a diff.
     * @return true to receive the levels.
     */
    boolean onDepthBegin(int instrument, long timeNs, long firstUpdateId, long lastUpdateId, boolean snapshot);

    /**
     * One level of the depth update begun last; quantity 0 removes the level.
     *
     * @param instrument index in the instrument table.
     * @param bid        true for a bid level.
     * @param price      price mantissa.
     * @param qty        quantity mantissa, 0 to remove.
     */
    void onDepthLevel(int instrument, boolean bid, long price, long qty);

    /**
     * End of the depth update begun last.
     *
     * @param instrument index in the instrument table.
     */
    void onDepthEnd(int instrument);
}
