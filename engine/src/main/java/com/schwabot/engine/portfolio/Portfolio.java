package com.schwabot.engine.portfolio;

import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;

/**
 * Positions and P&amp;L built from execution reports only: per instrument the signed position (a quantity mantissa
 * at the instrument's exponent, exact), the average entry price, realized P&amp;L and fees; unrealized P&amp;L
 * marked at mid. Money amounts are in the quote currency as doubles (display and risk arithmetic; positions, which
 * must reconcile with the venue, are exact integers).
 * <p>
 * Average price: increases of a position move the average; reductions realize (exit - average) * qty with the
 * position's sign; a fill through zero realizes the closed part and opens the rest at the fill price.
 * <p>
 * Not thread-safe: business thread only. Allocation-free after construction.
 */
public final class Portfolio
{
    private final InstrumentTable instruments;
    private final long[] position;
    private final double[] averagePrice;
    private final double[] realized;
    private final double[] fees;
    private final long[] fillCount;
    private final double[] priceScale;
    private final double[] qtyScale;
    private double peakEquity;

    /**
     * An empty portfolio.
     *
     * @param instruments the instrument table.
     */
    public Portfolio(final InstrumentTable instruments)
    {
        this.instruments = instruments;
        final int n = instruments.count();
        position = new long[n];
        averagePrice = new double[n];
        realized = new double[n];
        fees = new double[n];
        fillCount = new long[n];
        priceScale = new double[n];
        qtyScale = new double[n];
        for (int i = 0; i < n; i++)
        {
            priceScale[i] = Math.pow(10, instruments.priceExponent(i));
            qtyScale[i] = Math.pow(10, instruments.qtyExponent(i));
        }
    }

    /**
     * Apply a fill.
     *
     * @param i     instrument index.
     * @param buy   true for a buy.
     * @param qty   filled quantity mantissa (positive).
     * @param price fill price mantissa.
     * @param fee   fee in the quote currency (positive = paid).
     */
    public void onFill(final int i, final boolean buy, final long qty, final long price, final double fee)
    {
        final long signed = buy ? qty : -qty;
        final long before = position[i];
        final double px = price * priceScale[i];
        if (before == 0 || Long.signum(before) == Long.signum(signed))
        {
            final long after = before + signed;
            averagePrice[i] = (averagePrice[i] * Math.abs(before) + px * qty) / Math.abs(after);
            position[i] = after;
        }
        else
        {
            final long closed = Math.min(Math.abs(before), qty);
            realized[i] += (px - averagePrice[i]) * closed * qtyScale[i] * Long.signum(before);
            final long after = before + signed;
            position[i] = after;
            if (after == 0)
            {
                averagePrice[i] = 0;
            }
            else if (Long.signum(after) != Long.signum(before))
            {
                averagePrice[i] = px;
            }
        }
        fees[i] += fee;
        fillCount[i]++;
    }

    /**
     * Signed position.
     *
     * @param i instrument index.
     * @return the quantity mantissa, negative when short.
     */
    public long position(final int i)
    {
        return position[i];
    }

    /**
     * Average entry price of the open position.
     *
     * @param i instrument index.
     * @return the price in quote units, 0 when flat.
     */
    public double averagePrice(final int i)
    {
        return averagePrice[i];
    }

    /**
     * Realized P&amp;L before fees.
     *
     * @param i instrument index.
     * @return quote currency.
     */
    public double realized(final int i)
    {
        return realized[i];
    }

    /**
     * Fees paid.
     *
     * @param i instrument index.
     * @return quote currency.
     */
    public double fees(final int i)
    {
        return fees[i];
    }

    /**
     * Fills applied.
     *
     * @param i instrument index.
     * @return the count.
     */
    public long fills(final int i)
    {
        return fillCount[i];
    }

    /**
     * Unrealized P&amp;L at mid; 0 when flat or no mid.
     *
     * @param i      instrument index.
     * @param market the market state.
     * @return quote currency.
     */
    public double unrealized(final int i, final MarketState market)
    {
        if (position[i] == 0 || !market.hasTop(i))
        {
            return 0.0;
        }
        return (market.mid(i) * priceScale[i] - averagePrice[i]) * position[i] * qtyScale[i];
    }

    /**
     * Absolute position value at mid (at the average price when there is no mid).
     *
     * @param i      instrument index.
     * @param market the market state.
     * @return quote currency, signed like the position.
     */
    public double exposure(final int i, final MarketState market)
    {
        final double px = market.hasTop(i) ? market.mid(i) * priceScale[i] : averagePrice[i];
        return px * position[i] * qtyScale[i];
    }

    /**
     * Total P&amp;L: realized + unrealized - fees, over every instrument.
     *
     * @param market the market state.
     * @return quote currency.
     */
    public double totalPnl(final MarketState market)
    {
        double total = 0;
        for (int i = 0; i < position.length; i++)
        {
            total += realized[i] + unrealized(i, market) - fees[i];
        }
        return total;
    }

    /**
     * Mark equity (total P&amp;L) and return the drawdown from its peak.
     *
     * @param market the market state.
     * @return peak minus current total P&amp;L, &gt;= 0.
     */
    public double markDrawdown(final MarketState market)
    {
        final double equity = totalPnl(market);
        if (equity > peakEquity)
        {
            peakEquity = equity;
        }
        return peakEquity - equity;
    }

    /**
     * Price scale of an instrument: 10^priceExponent.
     *
     * @param i instrument index.
     * @return the scale.
     */
    public double priceScale(final int i)
    {
        return priceScale[i];
    }

    /**
     * Quantity scale of an instrument: 10^qtyExponent.
     *
     * @param i instrument index.
     * @return the scale.
     */
    public double qtyScale(final int i)
    {
        return qtyScale[i];
    }

    /**
     * The instrument table.
     *
     * @return the table.
     */
    public InstrumentTable instruments()
    {
        return instruments;
    }
}
