package com.schwabot.engine.stage;

import java.math.BigDecimal;
import java.util.Arrays;

import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.config.RiskProfile;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.OrderManager;
import com.schwabot.engine.portfolio.Portfolio;
import com.schwabot.engine.signal.EwmaVolatility;

/**
 * Turns the tensor stage's scores into orders, through the risk gate, to the order stage. A score at or above the
 * ensemble threshold targets a long position of one unit, at or below minus the threshold a short one; inside half
 * the threshold the target is flat; in between the target stays (hysteresis, so a score hovering at the threshold
 * does not churn). When nothing is working for the instrument and the position differs from the target, one
 * immediate-or-cancel limit order at the touch (the ask to buy, the bid to sell) moves towards it; its reference
 * price (for slippage) is the mid. While the order-rate limit has no room the order waits (counted as a deferral) and
 * goes at the first score after room opens, if it is still wanted: a throttle, not a refusal at every batch. A
 * lasting refusal (a halt, a venue link down, stale data, an invalid book: {@link RiskGate#standingRefusal}) is
 * counted as a reject once per instrument when it first refuses an order; while it lasts the instrument's later
 * orders are held back and counted as deferrals, so a halt does not read as a storm of rejects.
 * <p>
 * Volatility-scaled sizing: the unit is the largest lot-rounded quantity within {@code max_order_qty},
 * {@code max_order_notional} at the touch, and {@code max_position_notional * vol_target_bps / 10_000 / sigma}, where
 * sigma is the instrument's daily volatility (the EWMA variance per second of the mid's log returns, scaled to one
 * day). So a position of one unit is expected to move by at most {@code vol_target_bps} of
 * {@code max_position_notional} in a day, and calmer markets get larger units up to the order caps. Until the
 * volatility estimate is warm the unit is 0: no position is opened or added to, but a position against the target
 * is still closed. A position already on the target's side is never trimmed because the unit shrank (no churn from
 * volatility moves); only the target going flat or flipping reduces it.
 * <p>
 * Not thread-safe: business thread only. Allocation-free.
 */
public final class DecisionStage implements TensorStage.ScoreListener
{
    /** Horizon of the volatility target: one day. */
    public static final long VOL_HORIZON_NANOS = 86_400_000_000_000L;

    private static final OrderListener NO_LISTENER = (instrument) ->
    {
    };

    private final InstrumentTable instruments;
    private final MarketState market;
    private final Portfolio portfolio;
    private final OrderManager orders;
    private final RiskGate risk;
    private final OrderStage orderStage;
    private final SignalStage signals;
    private final double threshold;
    private final long[] maxQty;
    private final double maxNotional;
    private final double volTargetNotional;
    private final int[] target;
    private final AtomicCounter decisions;
    private final AtomicCounter rateDeferrals;
    private final AtomicCounter stateDeferrals;
    private final RiskReason[] refusedFor;
    private OrderListener listener = NO_LISTENER;

    /**
     * Told when the decision stage sends an order (the learning keeps the features it was decided on).
     */
    @FunctionalInterface
    public interface OrderListener
    {
        /**
         * An order for an instrument passed the risk gate and is about to be sent.
         *
         * @param instrument instrument index.
         */
        void onOrderDecision(int instrument);
    }

    /**
     * A decision stage.
     *
     * @param instruments the instrument table.
     * @param market      the market state.
     * @param portfolio   the portfolio.
     * @param orders      the order manager.
     * @param risk        the risk gate.
     * @param orderStage  the order stage.
     * @param signals     the signal stage (volatility).
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
        final SignalStage signals,
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
        this.signals = signals;
        this.threshold = threshold;
        this.maxNotional = profile.maxOrderNotional().doubleValue();
        this.volTargetNotional = profile.maxPositionNotional().doubleValue() * profile.volTargetBps() / 10_000.0;
        this.maxQty = new long[instruments.count()];
        for (int i = 0; i < instruments.count(); i++)
        {
            final BigDecimal q = profile.maxOrderQty().movePointLeft(instruments.qtyExponent(i));
            maxQty[i] = q.longValue() - q.longValue() % instruments.lot(i);
        }
        this.target = new int[instruments.count()];
        this.decisions = counters.get(EngineCounter.DECISIONS);
        this.rateDeferrals = counters.get(EngineCounter.RISK_RATE_DEFERRALS);
        this.stateDeferrals = counters.get(EngineCounter.RISK_STATE_DEFERRALS);
        this.refusedFor = new RiskReason[instruments.count()];
        Arrays.fill(refusedFor, RiskReason.NULL_VAL);
    }

    /**
     * Who is told of each order sent.
     *
     * @param listener the listener, or null for none.
     */
    public void orderListener(final OrderListener listener)
    {
        this.listener = null == listener ? NO_LISTENER : listener;
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
        final long position = portfolio.position(i);
        final int t = target[i];
        if (orders.openOrders(i) > 0 || !market.hasTop(i) || (t == 0 && position == 0))
        {
            return;
        }
        final boolean buy = t > 0 || (t == 0 && position < 0);
        final long price = buy ? market.ask(i) : market.bid(i);
        final long cap = capQty(i, price);
        if (cap <= 0)
        {
            return;
        }
        final long desired = t * Math.min(cap, volScaledQty(i, price));
        if (t != 0 && Long.signum(position) == t && Math.abs(position) >= Math.abs(desired))
        {
            return;
        }
        final long delta = desired - position;
        if (delta == 0 || (delta > 0) != buy)
        {
            return;
        }
        final long qty = Math.min(Math.abs(delta), cap);
        if (!risk.orderRateRoom())
        {
            rateDeferrals.incrementRelease();
            return;
        }
        final RiskReason standing = risk.standingRefusal(i);
        if (standing != RiskReason.NULL_VAL && standing == refusedFor[i])
        {
            stateDeferrals.incrementRelease();
            return;
        }
        refusedFor[i] = standing;
        if (risk.check(i, buy, price, qty) == RiskReason.NULL_VAL)
        {
            listener.onOrderDecision(i);
            orderStage.sendIoc(i, buy, price, qty, market.mid(i));
        }
    }

    /**
     * The largest lot-rounded quantity within the order caps at a price.
     *
     * @param i     instrument index.
     * @param price price mantissa.
     * @return quantity mantissa, 0 when the price is not positive.
     */
    public long capQty(final int i, final long price)
    {
        final double px = price * portfolio.priceScale(i);
        if (px <= 0)
        {
            return 0;
        }
        final long qty = Math.min(maxQty[i], (long)(maxNotional / (px * portfolio.qtyScale(i))));
        return qty - qty % instruments.lot(i);
    }

    /**
     * The lot-rounded quantity whose daily volatility is the volatility target.
     *
     * @param i     instrument index.
     * @param price price mantissa.
     * @return quantity mantissa; 0 until the volatility is warm, Long.MAX_VALUE when it is 0.
     */
    public long volScaledQty(final int i, final long price)
    {
        final EwmaVolatility vol = signals.market(i).volatility();
        if (!vol.isWarm())
        {
            return 0;
        }
        final double sigma = vol.volatilityOver(VOL_HORIZON_NANOS);
        final double px = price * portfolio.priceScale(i);
        if (!(sigma > 0) || px <= 0)
        {
            return Long.MAX_VALUE;
        }
        final double qty = volTargetNotional / sigma / (px * portfolio.qtyScale(i));
        if (qty >= Long.MAX_VALUE)
        {
            return Long.MAX_VALUE;
        }
        final long q = (long)qty;
        return q - q % instruments.lot(i);
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
