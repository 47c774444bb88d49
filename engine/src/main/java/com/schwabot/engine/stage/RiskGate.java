package com.schwabot.engine.stage;

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
 * Stage 5, the risk gate: every order the decision logic wants is checked against the active risk profile before
 * it may be sent, and refused with a {@link RiskReason} (each reason has a counter) when it would break a limit.
 * Checks, in order: halted (admin or circuit breaker, until resumed or the cool-down passes), gateway down, feed
 * down, stale or missing market data, invalid book, order size, order notional, price band against mid, position
 * per instrument after the order, gross and net exposure after the order, open orders, order rate.
 * <p>
 * Circuit breakers: a total P&amp;L at or below minus the daily loss limit, or a drawdown from the P&amp;L peak of
 * {@code max_drawdown_bps} of the gross exposure limit (this first version's capital base), halt trading; both are
 * re-checked on every timer tick and fill. A halt lasts until an admin resume or {@code cool_down_ms}.
 * <p>
 * Not thread-safe: business thread only. Allocation-free.
 */
public final class RiskGate
{
    private final InstrumentTable instruments;
    private final MarketState market;
    private final Portfolio portfolio;
    private final OrderManager orders;
    private final EventClock clock;
    private final double maxOrderNotional;
    private final double maxPositionNotional;
    private final double maxGross;
    private final double maxNet;
    private final long[] maxOrderQty;
    private final int maxOpenOrders;
    private final double priceBand;
    private final double dailyLossLimit;
    private final double maxDrawdown;
    private final long staleNanos;
    private final long coolDownNanos;
    private final long[] recentSends;
    private int recentNext;
    private boolean halted;
    private RiskReason haltReason = RiskReason.HALTED;
    private long haltedUntilNanos;
    private boolean gatewayUp;
    private boolean feedUp;
    private RiskReason lastReject = RiskReason.NULL_VAL;
    private final AtomicCounter passed;
    private final AtomicCounter rejected;
    private final AtomicCounter halts;
    private final AtomicCounter[] reasons;

    /**
     * A risk gate for a profile.
     *
     * @param profile     the active risk profile.
     * @param instruments the instrument table.
     * @param market      the market state.
     * @param portfolio   the portfolio.
     * @param orders      the order manager.
     * @param clock       the event clock.
     * @param counters    engine counters.
     */
    public RiskGate(
        final RiskProfile profile,
        final InstrumentTable instruments,
        final MarketState market,
        final Portfolio portfolio,
        final OrderManager orders,
        final EventClock clock,
        final EngineCounters counters)
    {
        this.instruments = instruments;
        this.market = market;
        this.portfolio = portfolio;
        this.orders = orders;
        this.clock = clock;
        this.maxOrderNotional = profile.maxOrderNotional().doubleValue();
        this.maxPositionNotional = profile.maxPositionNotional().doubleValue();
        this.maxGross = profile.maxGrossExposure().doubleValue();
        this.maxNet = profile.maxNetExposure().doubleValue();
        this.maxOrderQty = new long[instruments.count()];
        for (int i = 0; i < instruments.count(); i++)
        {
            maxOrderQty[i] = profile.maxOrderQty().movePointLeft(instruments.qtyExponent(i)).longValue();
        }
        this.maxOpenOrders = profile.maxOpenOrders();
        this.priceBand = profile.priceBandBps() / 10_000.0;
        this.dailyLossLimit = profile.dailyLossLimit().doubleValue();
        this.maxDrawdown = maxGross * profile.maxDrawdownBps() / 10_000.0;
        this.staleNanos = profile.staleDataMs() * 1_000_000L;
        this.coolDownNanos = profile.coolDownMs() * 1_000_000L;
        this.recentSends = new long[Math.max(1, profile.maxOrdersPerSecond())];
        java.util.Arrays.fill(recentSends, Long.MIN_VALUE);
        this.passed = counters.get(EngineCounter.RISK_PASSED);
        this.rejected = counters.get(EngineCounter.RISK_REJECTS);
        this.halts = counters.get(EngineCounter.HALTS);
        this.reasons = new AtomicCounter[RiskReason.values().length];
        for (final RiskReason reason : RiskReason.values())
        {
            if (reason != RiskReason.NULL_VAL)
            {
                reasons[reason.ordinal()] = counters.risk(reason);
            }
        }
    }

    /**
     * Check an order; on a pass the order counts towards the rate limit, so call this only for orders that will be
     * sent at once.
     *
     * @param i     instrument index.
     * @param buy   side.
     * @param price limit price mantissa.
     * @param qty   quantity mantissa.
     * @return {@link RiskReason#NULL_VAL} when the order may go, else the reason it may not.
     */
    public RiskReason check(final int i, final boolean buy, final long price, final long qty)
    {
        final RiskReason reason = evaluate(i, buy, price, qty);
        if (reason != RiskReason.NULL_VAL)
        {
            lastReject = reason;
            rejected.incrementRelease();
            reasons[reason.ordinal()].incrementRelease();
            return reason;
        }
        recentSends[recentNext] = clock.nanos();
        recentNext = recentNext + 1 == recentSends.length ? 0 : recentNext + 1;
        passed.incrementRelease();
        return reason;
    }

    private RiskReason evaluate(final int i, final boolean buy, final long price, final long qty)
    {
        final long now = clock.nanos();
        final RiskReason state = tradingState(i, now);
        if (state != RiskReason.NULL_VAL)
        {
            return state;
        }
        if (qty <= 0 || qty > maxOrderQty[i])
        {
            return RiskReason.ORDER_SIZE;
        }
        final double px = price * portfolio.priceScale(i);
        final double notional = px * qty * portfolio.qtyScale(i);
        if (notional > maxOrderNotional)
        {
            return RiskReason.NOTIONAL;
        }
        final double mid = market.mid(i);
        if (Math.abs(price - mid) > mid * priceBand)
        {
            return RiskReason.PRICE_BAND;
        }
        return exposureAfter(i, buy, qty, now);
    }

    private RiskReason tradingState(final int i, final long now)
    {
        if (halted && (haltedUntilNanos == Long.MAX_VALUE || now < haltedUntilNanos))
        {
            return haltReason;
        }
        halted = false;
        if (!gatewayUp)
        {
            return RiskReason.GATEWAY_DOWN;
        }
        if (!feedUp)
        {
            return RiskReason.FEED_DOWN;
        }
        if (!market.hasTop(i) || now - market.lastUpdateIngressNs(i) > staleNanos)
        {
            return RiskReason.STALE_DATA;
        }
        if (market.book(i).hadSnapshot() && !market.book(i).isValid())
        {
            return RiskReason.BOOK_INVALID;
        }
        return RiskReason.NULL_VAL;
    }

    private RiskReason exposureAfter(final int i, final boolean buy, final long qty, final long now)
    {
        final double scale = market.mid(i) * portfolio.priceScale(i) * portfolio.qtyScale(i);
        final long worstPosition = buy ?
            portfolio.position(i) + orders.workingBuy(i) + qty :
            portfolio.position(i) - orders.workingSell(i) - qty;
        final double positionValue = worstPosition * scale;
        if (Math.abs(positionValue) > maxPositionNotional)
        {
            return RiskReason.POSITION;
        }
        double gross = Math.abs(positionValue);
        double net = positionValue;
        for (int k = 0; k < instruments.count(); k++)
        {
            if (k != i)
            {
                final double e = portfolio.exposure(k, market);
                gross += Math.abs(e);
                net += e;
            }
        }
        if (gross > maxGross)
        {
            return RiskReason.GROSS_EXPOSURE;
        }
        if (Math.abs(net) > maxNet)
        {
            return RiskReason.NET_EXPOSURE;
        }
        if (orders.openOrders() >= maxOpenOrders)
        {
            return RiskReason.OPEN_ORDERS;
        }
        final long oldest = recentSends[recentNext];
        if (oldest != Long.MIN_VALUE && now - oldest < 1_000_000_000L)
        {
            return RiskReason.ORDER_RATE;
        }
        return RiskReason.NULL_VAL;
    }

    /**
     * Re-check the circuit breakers (daily loss, drawdown); called on timer ticks and after fills.
     */
    public void checkBreakers()
    {
        final double pnl = portfolio.totalPnl(market);
        final double drawdown = portfolio.markDrawdown(market);
        if (pnl <= -dailyLossLimit)
        {
            halt(RiskReason.DAILY_LOSS, coolDownNanos);
        }
        else if (drawdown >= maxDrawdown && maxDrawdown > 0)
        {
            halt(RiskReason.DRAWDOWN, coolDownNanos);
        }
    }

    /**
     * Halt trading.
     *
     * @param reason       why (kept as the reason of every reject while halted).
     * @param durationNanos how long, or Long.MAX_VALUE until resumed.
     */
    public void halt(final RiskReason reason, final long durationNanos)
    {
        final long now = clock.nanos();
        final long until = durationNanos == Long.MAX_VALUE ? Long.MAX_VALUE : now + durationNanos;
        if (!halted || until > haltedUntilNanos || haltReason != reason)
        {
            if (!halted)
            {
                halts.incrementRelease();
            }
            halted = true;
            haltReason = reason;
            haltedUntilNanos = until;
        }
    }

    /**
     * Resume trading after a halt (admin).
     */
    public void resume()
    {
        halted = false;
        haltedUntilNanos = 0;
    }

    /**
     * The order gateway connection state.
     *
     * @param up true when connected.
     */
    public void gateway(final boolean up)
    {
        gatewayUp = up;
    }

    /**
     * The market-data feed connection state.
     *
     * @param up true when connected and subscribed.
     */
    public void feed(final boolean up)
    {
        feedUp = up;
    }

    /**
     * Whether trading is halted now.
     *
     * @return true while halted.
     */
    public boolean isHalted()
    {
        return halted && (haltedUntilNanos == Long.MAX_VALUE || clock.nanos() < haltedUntilNanos);
    }

    /**
     * Why trading is halted.
     *
     * @return the halt reason.
     */
    public RiskReason haltReason()
    {
        return haltReason;
    }

    /**
     * Reason of the last reject.
     *
     * @return the reason, NULL_VAL before any.
     */
    public RiskReason lastReject()
    {
        return lastReject;
    }

    /**
     * Whether the gateway is up.
     *
     * @return true when connected.
     */
    public boolean gatewayUp()
    {
        return gatewayUp;
    }

    /**
     * Whether the feed is up.
     *
     * @return true when connected.
     */
    public boolean feedUp()
    {
        return feedUp;
    }
}
