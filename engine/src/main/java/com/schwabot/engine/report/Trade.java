package com.schwabot.engine.report;

import java.math.BigDecimal;

/**
 * One trade of a backtest: a position in one instrument from flat back to flat (a fill through zero closes one
 * trade and opens the next with the rest). Prices are volume-weighted averages of the entry and exit fills; money is
 * in the quote currency. A trade still open when its run ended is marked at the last mid (its exit price) and
 * flagged {@link #open()}.
 *
 * @param session        index of the run (journal session) it belongs to, from 0.
 * @param symbol         the instrument.
 * @param direction      1 long, -1 short.
 * @param entryTimeNanos event time of its first fill.
 * @param exitTimeNanos  event time of the fill that closed it (the run's last event time when open).
 * @param qty            largest absolute position it held, base units, exact.
 * @param entryPrice     average price of the fills that built it.
 * @param exitPrice      average price of the fills that reduced it; when open, of those and the mark for the rest.
 * @param grossPnl       P&amp;L at fill prices before fees (with the open rest marked at mid when open).
 * @param fees           fees of its fills (a fill through zero shares its fee by quantity).
 * @param slippage       slippage of its fills against the decisions' reference prices, positive = cost (already
 *                       inside the fill prices, so inside {@code grossPnl}).
 * @param fills          fills that made it.
 * @param open           true when the run ended before it was closed.
 */
public record Trade(
    int session,
    String symbol,
    int direction,
    long entryTimeNanos,
    long exitTimeNanos,
    BigDecimal qty,
    double entryPrice,
    double exitPrice,
    double grossPnl,
    double fees,
    double slippage,
    int fills,
    boolean open)
{
    /**
     * P&amp;L net of fees.
     *
     * @return quote currency.
     */
    public double netPnl()
    {
        return grossPnl - fees;
    }
}
