package com.schwabot.engine.portfolio;

import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;

/**
 * Positions and P&amp;L built from execution reports only: per instrument the signed position (a quantity mantissa
 * at the instrument's exponent, exact), the average entry price, realized P&amp;L, fees and slippage; unrealized
 * P&amp;L marked at mid; an {@link EquityCurve} (peak, drawdown, largest drawdown, samples on timer ticks) per
 * instrument and in total. Money amounts are in the quote currency as doubles (display and risk arithmetic;
 * positions, which must reconcile with the venue, are exact integers).
 * <p>
 * Average price: increases of a position move the average; reductions realize (exit - average) * qty with the
 * position's sign; a fill through zero realizes the closed part and opens the rest at the fill price.
 * <p>
 * Round trips: the fees and slippage of the fills that built a position are held against it and released in
 * proportion to the quantity closed, so each reduction reports to the {@link RoundTripListener} the P&amp;L of what
 * it closed net of the entry and exit fees. Slippage of a fill is its price against the reference price of the
 * decision that sent the order (the mid then), a cost when positive.
 * <p>
 * Not thread-safe: business thread only. Allocation-free after construction.
 */
public final class Portfolio
{
    /** Samples kept by each equity curve. */
    public static final int CURVE_SAMPLES = 1024;

    private static final RoundTripListener NO_LISTENER = new RoundTripListener()
    {
        public void onPositionOpened(final int instrument, final int direction)
        {
        }

        public void onRoundTrip(final int instrument, final int direction, final double closedNotional,
            final double netPnl, final double slippage, final boolean flat)
        {
        }
    };

    private final InstrumentTable instruments;
    private final long[] position;
    private final double[] averagePrice;
    private final double[] realized;
    private final double[] fees;
    private final double[] slippage;
    private final double[] openFees;
    private final double[] openSlippage;
    private final long[] fillCount;
    private final double[] priceScale;
    private final double[] qtyScale;
    private final EquityCurve[] curves;
    private final EquityCurve total = new EquityCurve(CURVE_SAMPLES);
    private RoundTripListener listener = NO_LISTENER;
    private FillListener fillListener;

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
        slippage = new double[n];
        openFees = new double[n];
        openSlippage = new double[n];
        fillCount = new long[n];
        priceScale = new double[n];
        qtyScale = new double[n];
        curves = new EquityCurve[n];
        for (int i = 0; i < n; i++)
        {
            priceScale[i] = Math.pow(10, instruments.priceExponent(i));
            qtyScale[i] = Math.pow(10, instruments.qtyExponent(i));
            curves[i] = new EquityCurve(CURVE_SAMPLES);
        }
    }

    /**
     * Who hears of opened positions and round trips (the learning).
     *
     * @param listener the listener, or null for none.
     */
    public void roundTripListener(final RoundTripListener listener)
    {
        this.listener = null == listener ? NO_LISTENER : listener;
    }

    /**
     * Who hears of every fill before it is applied (backtest reports record them).
     *
     * @param listener the listener, or null for none.
     */
    public void fillListener(final FillListener listener)
    {
        this.fillListener = listener;
    }

    /**
     * Apply a fill with no reference price (no slippage is counted).
     *
     * @param i     instrument index.
     * @param buy   true for a buy.
     * @param qty   filled quantity mantissa (positive).
     * @param price fill price mantissa.
     * @param fee   fee in the quote currency (positive = paid).
     */
    public void onFill(final int i, final boolean buy, final long qty, final long price, final double fee)
    {
        onFill(i, buy, qty, price, fee, price);
    }

    /**
     * Apply a fill.
     *
     * @param i              instrument index.
     * @param buy            true for a buy.
     * @param qty            filled quantity mantissa (positive).
     * @param price          fill price mantissa.
     * @param fee            fee in the quote currency (positive = paid).
     * @param referencePrice price mantissa the decision expected (the mid when the order was sent).
     */
    public void onFill(
        final int i, final boolean buy, final long qty, final long price, final double fee,
        final double referencePrice)
    {
        if (null != fillListener)
        {
            fillListener.onFill(i, buy, qty, price, fee, referencePrice);
        }
        final long signed = buy ? qty : -qty;
        final long before = position[i];
        final double px = price * priceScale[i];
        final double slip = (price - referencePrice) * priceScale[i] * qty * qtyScale[i] * (buy ? 1 : -1);
        fees[i] += fee;
        slippage[i] += slip;
        fillCount[i]++;
        if (before == 0 || Long.signum(before) == Long.signum(signed))
        {
            final long after = before + signed;
            averagePrice[i] = (averagePrice[i] * Math.abs(before) + px * qty) / Math.abs(after);
            position[i] = after;
            openFees[i] += fee;
            openSlippage[i] += slip;
            if (before == 0)
            {
                listener.onPositionOpened(i, Long.signum(after));
            }
            return;
        }
        reduce(i, qty, px, fee, slip, before, before + signed);
    }

    private void reduce(
        final int i, final long qty, final double px, final double fee, final double slip, final long before,
        final long after)
    {
        final int direction = Long.signum(before);
        final long closed = Math.min(Math.abs(before), qty);
        final double closedShare = (double)closed / Math.abs(before);
        final double fillShare = (double)closed / qty;
        final double gross = (px - averagePrice[i]) * closed * qtyScale[i] * direction;
        final double entryFees = openFees[i] * closedShare;
        final double entrySlip = openSlippage[i] * closedShare;
        openFees[i] -= entryFees;
        openSlippage[i] -= entrySlip;
        realized[i] += gross;
        final double closedNotional = averagePrice[i] * closed * qtyScale[i];
        position[i] = after;
        final boolean flat = after == 0 || Long.signum(after) != direction;
        if (after == 0)
        {
            averagePrice[i] = 0;
            openFees[i] = 0;
            openSlippage[i] = 0;
        }
        else if (Long.signum(after) != direction)
        {
            averagePrice[i] = px;
            openFees[i] = fee * (1 - fillShare);
            openSlippage[i] = slip * (1 - fillShare);
        }
        listener.onRoundTrip(i, direction, closedNotional, gross - entryFees - fee * fillShare,
            entrySlip + slip * fillShare, flat);
        if (after != 0 && Long.signum(after) != direction)
        {
            listener.onPositionOpened(i, Long.signum(after));
        }
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
     * P&amp;L of an instrument: realized + unrealized - fees.
     *
     * @param i      instrument index.
     * @param market the market state.
     * @return quote currency.
     */
    public double pnl(final int i, final MarketState market)
    {
        return realized[i] + unrealized(i, market) - fees[i];
    }

    /**
     * Mark every equity curve at the current P&amp;L (peaks and drawdowns move).
     *
     * @param market the market state.
     * @return the total P&amp;L.
     */
    public double mark(final MarketState market)
    {
        double sum = 0;
        for (int i = 0; i < position.length; i++)
        {
            final double p = pnl(i, market);
            curves[i].mark(p);
            sum += p;
        }
        total.mark(sum);
        return sum;
    }

    /**
     * Mark every equity curve and keep a sample (timer ticks).
     *
     * @param timeNanos event time.
     * @param market    the market state.
     * @return the total P&amp;L.
     */
    public double sample(final long timeNanos, final MarketState market)
    {
        double sum = 0;
        for (int i = 0; i < position.length; i++)
        {
            final double p = pnl(i, market);
            curves[i].sample(timeNanos, p);
            sum += p;
        }
        total.sample(timeNanos, sum);
        return sum;
    }

    /**
     * Equity curve of an instrument (its P&amp;L), as of the last mark.
     *
     * @param i instrument index.
     * @return the curve.
     */
    public EquityCurve curve(final int i)
    {
        return curves[i];
    }

    /**
     * Equity curve of the total P&amp;L, as of the last mark.
     *
     * @return the curve.
     */
    public EquityCurve curve()
    {
        return total;
    }

    /**
     * Slippage paid against the decisions' reference prices.
     *
     * @param i instrument index.
     * @return quote currency, positive = cost.
     */
    public double slippage(final int i)
    {
        return slippage[i];
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
