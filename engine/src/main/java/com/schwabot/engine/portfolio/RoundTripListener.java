package com.schwabot.engine.portfolio;

/**
 * Told by the {@link Portfolio} when a position opens and when a fill closes some or all of one (a round trip, the
 * input of learning). Called on the business thread, inside {@link Portfolio#onFill}.
 */
public interface RoundTripListener
{
    /**
     * A fill opened a position: from flat, or the part of a fill that went through zero.
     *
     * @param instrument instrument index.
     * @param direction  1 long, -1 short.
     */
    void onPositionOpened(int instrument, int direction);

    /**
     * A fill closed part or all of a position.
     *
     * @param instrument     instrument index.
     * @param direction      of the position closed: 1 long, -1 short.
     * @param closedNotional quantity closed times its average entry price, quote currency, positive.
     * @param netPnl         realized P&amp;L of the closed part at fill prices, minus its share of the entry fees and
     *                       of the exit fee; quote currency.
     * @param slippage       the closed part's share of entry and exit slippage against the decisions' reference
     *                       prices (already inside {@code netPnl}: the P&amp;L measured from the reference prices is
     *                       {@code netPnl + slippage} before fees); quote currency, positive = cost.
     * @param flat           true when the position is now flat (or reversed).
     */
    void onRoundTrip(int instrument, int direction, double closedNotional, double netPnl, double slippage,
        boolean flat);
}
