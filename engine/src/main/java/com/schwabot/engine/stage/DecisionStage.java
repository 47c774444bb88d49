package com.schwabot.engine.stage;

import java.math.BigDecimal;

import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.config.RiskProfile;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.OrderManager;
import com.schwabot.engine.portfolio.Portfolio;

/**
 * Turns the tensor stage's scores into orders, through the risk gate, to the order stage. A score at or above the
 * ensemble threshold targets a long position of one unit, at or below minus the threshold a short one; inside half
 * the threshold the target is flat; in between the target stays (hysteresis, so a score hovering at the threshold
 * does not churn). When position plus working orders differ from the target and nothing is working for the
 * instrument, one immediate-or-cancel limit order at the touch (the ask to buy, the bid to sell) moves towards it.
 * <p>
 * The unit is the largest lot-rounded quantity within both the profile's {@code max_order_qty} and
 * {@code max_order_notional} at the current price. Volatility-scaled sizing comes with the trading-logic issue.
 * <p>
 * Not thread-safe: business thread only. Allocation-free.
 */
public final class DecisionStage implements TensorStage.ScoreListener
{
    private final InstrumentTable instruments;
    private final MarketState market;
    private final Portfolio portfolio;
    private final OrderManager orders;
    private final RiskGate risk;
    private final OrderStage orderStage;
    private final double threshold;
    private final long[] maxQty;
    private final double maxNotional;
    private final int[] target;
    private final AtomicCounter decisions;

    /**
     * A decision stage.
     *
     * @param instruments the instrument table.
     * @param market      the market state.
     * @param portfolio   the portfolio.
     * @param orders      the order manager.
     * @param risk        the risk gate.
     * @param orderStage  the order stage.
     * @param threshold   the ensemble threshold.
     * @param profile     the active risk profile (unit sizing).
     * @param counters    engine counters.
     */
    public DecisionStage(
        final InstrumentTable instruments,
        final MarketState market,
        final Portfolio portfolio,
        final OrderManager orders,
        final RiskGate risk,
        final OrderStage orderStage,
        final double threshold,
        final RiskProfile profile,
        final EngineCounters counters)
    {
        this.instruments = instruments;
        this.market = market;
        this.portfolio = portfolio;
        this.orders = orders;
        this.risk = risk;
        this.orderStage = orderStage;
        this.threshold = threshold;
        this.maxNotional = profile.maxOrderNotional().doubleValue();
        this.maxQty = new long[instruments.count()];
        for (int i = 0; i < instruments.count(); i++)
        {
            final BigDecimal q = profile.maxOrderQty().movePointLeft(instruments.qtyExponent(i));
            maxQty[i] = q.longValue() - q.longValue() % instruments.lot(i);
        }
        this.target = new int[instruments.count()];
        this.decisions = counters.get(EngineCounter.DECISIONS);
    }

    /**
     * {@inheritDoc}
     */
    public void onScore(final int instrument, final float score)
    {
        final int previous = target[instrument];
        int next = previous;
        if (score >= threshold)
        {
            next = 1;
        }
        else if (score <= -threshold)
        {
            next = -1;
        }
        else if (Math.abs(score) < threshold * 0.5)
        {
            next = 0;
        }
        if (next != previous)
        {
            target[instrument] = next;
            decisions.incrementRelease();
        }
        trade(instrument);
    }

    private void trade(final int i)
    {
        if (orders.openOrders(i) > 0 || !market.hasTop(i))
        {
            return;
        }
        final boolean buyWanted = target[i] > 0 || (target[i] == 0 && portfolio.position(i) < 0);
        final long price = buyWanted ? market.ask(i) : market.bid(i);
        final long unit = unit(i, price);
        if (unit <= 0)
        {
            return;
        }
        final long delta = target[i] * unit - portfolio.position(i);
        if (delta == 0 || (delta > 0) != buyWanted)
        {
            return;
        }
        final long qty = Math.min(Math.abs(delta), unit);
        if (risk.check(i, buyWanted, price, qty) == RiskReason.NULL_VAL)
        {
            orderStage.sendIoc(i, buyWanted, price, qty);
        }
    }

    private long unit(final int i, final long price)
    {
        final double px = price * portfolio.priceScale(i);
        if (px <= 0)
        {
            return 0;
        }
        final long byNotional = (long)(maxNotional / (px * portfolio.qtyScale(i)));
        final long qty = Math.min(maxQty[i], byNotional);
        return qty - qty % instruments.lot(i);
    }

    /**
     * Current target of an instrument.
     *
     * @param i instrument index.
     * @return -1, 0 or 1 units.
     */
    public int target(final int i)
    {
        return target[i];
    }
}
