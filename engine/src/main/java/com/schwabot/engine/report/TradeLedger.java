package com.schwabot.engine.report;

import java.math.BigDecimal;
import java.util.List;

import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;

/**
 * Turns a run's fills into {@link Trade}s with the portfolio's rules (average entry price; a reduction realizes
 * (exit - average) x qty with the position's sign; a fill through zero closes the trade with the part that closed and
 * opens the next with the rest, its fee shared by quantity), so the trades' net P&amp;L adds up to the portfolio's.
 * One ledger per run. Not thread-safe: the replay thread only; it allocates one {@link Trade} per closed trade.
 */
public final class TradeLedger
{
    private final InstrumentTable instruments;
    private final int session;
    private final List<Trade> out;
    private final double[] priceScale;
    private final double[] qtyScale;
    private final long[] position;
    private final double[] average;
    private final long[] entryTime;
    private final long[] maxAbs;
    private final long[] entryQty;
    private final double[] entryNotional;
    private final long[] exitQty;
    private final double[] exitNotional;
    private final double[] gross;
    private final double[] fees;
    private final double[] slippage;
    private final int[] fills;

    /**
     * A ledger for one run.
     *
     * @param instruments the run's instruments.
     * @param session     the run's index.
     * @param out         where closed trades are added, in the order they close.
     */
    public TradeLedger(final InstrumentTable instruments, final int session, final List<Trade> out)
    {
        this.instruments = instruments;
        this.session = session;
        this.out = out;
        final int n = instruments.count();
        priceScale = new double[n];
        qtyScale = new double[n];
        position = new long[n];
        average = new double[n];
        entryTime = new long[n];
        maxAbs = new long[n];
        entryQty = new long[n];
        entryNotional = new double[n];
        exitQty = new long[n];
        exitNotional = new double[n];
        gross = new double[n];
        fees = new double[n];
        slippage = new double[n];
        fills = new int[n];
        for (int i = 0; i < n; i++)
        {
            priceScale[i] = Math.pow(10, instruments.priceExponent(i));
            qtyScale[i] = Math.pow(10, instruments.qtyExponent(i));
        }
    }

    /**
     * Apply a fill.
     *
     * @param i              instrument index.
     * @param buy            true for a buy.
     * @param qty            quantity mantissa, positive.
     * @param price          price mantissa.
     * @param fee            fee, quote currency.
     * @param referencePrice price mantissa the decision expected.
     * @param timeNanos      event time of the fill.
     */
    public void onFill(
        final int i, final boolean buy, final long qty, final long price, final double fee,
        final double referencePrice, final long timeNanos)
    {
        final double px = price * priceScale[i];
        final double slip = (price - referencePrice) * priceScale[i] * qty * qtyScale[i] * (buy ? 1 : -1);
        final long signed = buy ? qty : -qty;
        final long before = position[i];
        if (before == 0 || Long.signum(before) == Long.signum(signed))
        {
            if (before == 0)
            {
                open(i, timeNanos);
            }
            add(i, signed, px, fee, slip);
            return;
        }
        final int direction = Long.signum(before);
        final long closed = Math.min(Math.abs(before), qty);
        final double share = (double)closed / qty;
        gross[i] += (px - average[i]) * closed * qtyScale[i] * direction;
        exitQty[i] += closed;
        exitNotional[i] += px * closed * qtyScale[i];
        fees[i] += fee * share;
        slippage[i] += slip * share;
        fills[i]++;
        final long after = before + signed;
        position[i] = after;
        if (after == 0 || Long.signum(after) != direction)
        {
            out.add(trade(i, direction, timeNanos, exitNotional[i] / (exitQty[i] * qtyScale[i]), gross[i], false));
            position[i] = 0;
            if (after != 0)
            {
                open(i, timeNanos);
                add(i, after, px, fee * (1 - share), slip * (1 - share));
            }
        }
    }

    /**
     * End of the run: add the trades still open, marked at the last mid (at their average price without one).
     *
     * @param market    the run's market state.
     * @param timeNanos the run's last event time.
     */
    public void closeRun(final MarketState market, final long timeNanos)
    {
        for (int i = 0; i < position.length; i++)
        {
            if (position[i] != 0)
            {
                final double mark = market.hasTop(i) ? market.mid(i) * priceScale[i] : average[i];
                final double unrealized = (mark - average[i]) * position[i] * qtyScale[i];
                final double exitPrice = exitQty[i] > 0 ?
                    (exitNotional[i] + mark * Math.abs(position[i]) * qtyScale[i]) /
                    ((exitQty[i] + Math.abs(position[i])) * qtyScale[i]) : mark;
                out.add(trade(i, Long.signum(position[i]), timeNanos, exitPrice, gross[i] + unrealized, true));
                position[i] = 0;
            }
        }
    }

    /**
     * Signed position the ledger holds.
     *
     * @param i instrument index.
     * @return quantity mantissa.
     */
    public long position(final int i)
    {
        return position[i];
    }

    private void open(final int i, final long timeNanos)
    {
        entryTime[i] = timeNanos;
        average[i] = 0;
        maxAbs[i] = 0;
        entryQty[i] = 0;
        entryNotional[i] = 0;
        exitQty[i] = 0;
        exitNotional[i] = 0;
        gross[i] = 0;
        fees[i] = 0;
        slippage[i] = 0;
        fills[i] = 0;
    }

    private void add(final int i, final long signed, final double px, final double fee, final double slip)
    {
        final long before = position[i];
        final long after = before + signed;
        final long qty = Math.abs(signed);
        average[i] = (average[i] * Math.abs(before) + px * qty) / Math.abs(after);
        position[i] = after;
        maxAbs[i] = Math.max(maxAbs[i], Math.abs(after));
        entryQty[i] += qty;
        entryNotional[i] += px * qty * qtyScale[i];
        fees[i] += fee;
        slippage[i] += slip;
        fills[i]++;
    }

    private Trade trade(
        final int i, final int direction, final long exitTime, final double exitPrice, final double grossPnl,
        final boolean open)
    {
        return new Trade(session, instruments.symbol(i), direction, entryTime[i], exitTime,
            BigDecimal.valueOf(maxAbs[i], -instruments.qtyExponent(i)), entryNotional[i] / (entryQty[i] * qtyScale[i]),
            exitPrice, grossPnl, fees[i], slippage[i], fills[i], open);
    }
}
