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
 * Checks, in order: circuit breakers and halts (admin, daily loss, drawdown), gateway down, feed down, stale or
 * missing market data, invalid book, order size (positive, a lot multiple, at most {@code max_order_qty}), order
 * notional at its limit price, price band against mid, then the exposure limits and the order limits.
 * <p>
 * Exposure is taken at its worst case: every working order of every instrument filled on the side that hurts.
 * Per instrument the extremes are {@code position + working buys} and {@code position - working sells}; the order
 * moves the extreme of its side. Position value, gross ({@code sum over instruments of the larger absolute extreme})
 * and net ({@code sum of the buy extremes} and {@code sum of the sell extremes}, the larger in absolute value) are
 * valued at mid (the last mid seen while an instrument has none). An order is refused when it takes such a measure
 * beyond its limit and further than it was, so an order that reduces risk is never refused for exposure, even after
 * a price move has pushed a measure over its limit. Then open orders and the order rate (at most
 * {@code max_orders_per_second} passes in any second of event time).
 * <p>
 * Circuit breakers, re-checked before every order, on every timer tick and after every fill: the day's P&amp;L
 * (total P&amp;L minus its value at the first check of the UTC day, event time; on the run's first day, the
 * P&amp;L since the start, which was 0) at or below minus
 * {@code daily_loss_limit}; the drawdown of equity ({@code capital} + total P&amp;L) from its peak at or above
 * {@code max_drawdown_bps} of that peak. A breaker halts for {@code cool_down_ms}; an admin halt lasts until an admin
 * resume. Re-arming: after an admin resume, the drawdown peak restarts at the current equity and the daily-loss
 * floor moves to the current day's P&amp;L minus the limit (the operator accepted the loss so far); after a cool-down
 * the drawdown peak restarts too, but the daily-loss floor does not move, so a day still beyond its limit halts
 * again at the next check.
 * <p>
 * Not thread-safe: business thread only. Allocation-free.
 */
public final class RiskGate
{
    private static final long DAY_NANOS = 86_400_000_000_000L;
    private static final long SECOND_NANOS = 1_000_000_000L;
    /**
     * The send time of a slot of the order-rate window that holds no send: far enough before any event time that the
     * slot has room, near enough that {@code now - LONG_AGO} cannot overflow. One comparison, with no special case
     * that only the first orders of a run would take (and that code compiled before them would not expect).
     */
    private static final long LONG_AGO = Long.MIN_VALUE / 2;

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
    private final double capital;
    private final long staleNanos;
    private final long coolDownNanos;
    private final long[] recentSends;
    private final double[] lastMid;
    private int recentNext;
    private boolean halted;
    private RiskReason haltReason = RiskReason.HALTED;
    private long haltedUntilNanos;
    private boolean gatewayUp;
    private boolean feedUp;
    private long day = Long.MIN_VALUE;
    private double dayStartPnl;
    private double dailyFloor;
    private double peakEquity;
    private double pnl;
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
        this.maxDrawdown = profile.maxDrawdownBps() / 10_000.0;
        this.capital = profile.capital().doubleValue();
        this.peakEquity = capital;
        this.dailyFloor = -dailyLossLimit;
        this.staleNanos = profile.staleDataMs() * 1_000_000L;
        this.coolDownNanos = profile.coolDownMs() * 1_000_000L;
        this.recentSends = new long[Math.max(1, profile.maxOrdersPerSecond())];
        java.util.Arrays.fill(recentSends, LONG_AGO);
        this.lastMid = new double[instruments.count()];
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
        checkBreakers();
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
        if (qty <= 0 || qty > maxOrderQty[i] || qty % instruments.lot(i) != 0)
        {
            return RiskReason.ORDER_SIZE;
        }
        final double notional = price * portfolio.priceScale(i) * qty * portfolio.qtyScale(i);
        if (notional > maxOrderNotional)
        {
            return RiskReason.NOTIONAL;
        }
        final double mid = market.mid(i);
        if (price <= 0 || Math.abs(price - mid) > mid * priceBand)
        {
            return RiskReason.PRICE_BAND;
        }
        final RiskReason exposure = exposureAfter(i, buy, qty);
        if (exposure != RiskReason.NULL_VAL)
        {
            return exposure;
        }
        if (orders.openOrders() >= maxOpenOrders)
        {
            return RiskReason.OPEN_ORDERS;
        }
        if (!orderRateRoom(now))
        {
            return RiskReason.ORDER_RATE;
        }
        return RiskReason.NULL_VAL;
    }

    /**
     * Whether an order sent now would stay within {@code max_orders_per_second}: fewer passes than that in the last
     * second of event time. The decision stage asks before building an order, so that a throttled decision waits for
     * room instead of being refused at every batch; {@link #check} still enforces the limit.
     *
     * @return true when the order-rate limit has room now.
     */
    public boolean orderRateRoom()
    {
        return orderRateRoom(clock.nanos());
    }

    /**
     * The refusal every order of an instrument gets now, whatever its side, price and size: a halt (an operator's, a
     * breaker's or the journal's space), a venue link down, stale market data or an invalid book; the breakers are
     * run first, as {@link #check} runs them. The decision stage asks before an order so that it can count such a
     * refusal once, when it starts, instead of at every batch while it lasts; {@link #check} still refuses every
     * order while it holds.
     *
     * @param i instrument index.
     * @return the lasting refusal, or {@link RiskReason#NULL_VAL} when there is none.
     */
    public RiskReason standingRefusal(final int i)
    {
        checkBreakers();
        return tradingState(i, clock.nanos());
    }

    private boolean orderRateRoom(final long now)
    {
        return now - recentSends[recentNext] >= SECOND_NANOS;
    }

    private RiskReason tradingState(final int i, final long now)
    {
        if (isHalted())
        {
            return haltReason;
        }
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

    private RiskReason exposureAfter(final int i, final boolean buy, final long qty)
    {
        double grossBefore = 0;
        double grossAfter = 0;
        double longBefore = 0;
        double shortBefore = 0;
        for (int k = 0; k < instruments.count(); k++)
        {
            final double value = valuePerMantissa(k);
            final double up = (portfolio.position(k) + orders.workingBuy(k)) * value;
            final double down = (portfolio.position(k) - orders.workingSell(k)) * value;
            final double worst = Math.max(Math.abs(up), Math.abs(down));
            grossBefore += worst;
            longBefore += up;
            shortBefore += down;
            if (k == i)
            {
                final double order = qty * value;
                final double before = buy ? up : down;
                final double after = buy ? up + order : down - order;
                if (Math.abs(after) > maxPositionNotional && Math.abs(after) > Math.abs(before))
                {
                    return RiskReason.POSITION;
                }
                grossAfter += Math.max(Math.abs(buy ? after : up), Math.abs(buy ? down : after));
            }
            else
            {
                grossAfter += worst;
            }
        }
        if (grossAfter > maxGross && grossAfter > grossBefore)
        {
            return RiskReason.GROSS_EXPOSURE;
        }
        final double order = qty * valuePerMantissa(i);
        final double netBefore = Math.max(Math.abs(longBefore), Math.abs(shortBefore));
        final double netAfter = buy ? Math.max(Math.abs(longBefore + order), Math.abs(shortBefore)) :
            Math.max(Math.abs(longBefore), Math.abs(shortBefore - order));
        if (netAfter > maxNet && netAfter > netBefore)
        {
            return RiskReason.NET_EXPOSURE;
        }
        return RiskReason.NULL_VAL;
    }

    /**
     * Value of one quantity mantissa of an instrument at mid (the last mid seen when there is none now, the average
     * price before any).
     *
     * @param k instrument index.
     * @return quote currency per quantity mantissa.
     */
    public double valuePerMantissa(final int k)
    {
        if (market.hasTop(k))
        {
            lastMid[k] = market.mid(k);
        }
        final double px = lastMid[k] > 0 ? lastMid[k] * portfolio.priceScale(k) : portfolio.averagePrice(k);
        return px * portfolio.qtyScale(k);
    }

    /**
     * Re-check the circuit breakers (daily loss, drawdown) and mark the portfolio's equity curves; called before
     * every order, on timer ticks and after fills.
     */
    public void checkBreakers()
    {
        final long now = clock.nanos();
        pnl = portfolio.mark(market);
        final long today = Math.floorDiv(now, DAY_NANOS);
        if (today != day)
        {
            dayStartPnl = day == Long.MIN_VALUE ? 0.0 : pnl;
            day = today;
            dailyFloor = -dailyLossLimit;
        }
        if (halted && haltedUntilNanos != Long.MAX_VALUE && now >= haltedUntilNanos)
        {
            halted = false;
            peakEquity = capital + pnl;
        }
        final double equity = capital + pnl;
        if (equity > peakEquity)
        {
            peakEquity = equity;
        }
        if (isHalted())
        {
            return;
        }
        if (dailyPnl() <= dailyFloor)
        {
            halt(RiskReason.DAILY_LOSS, coolDownNanos);
        }
        else if (peakEquity > 0 && drawdown() >= maxDrawdown)
        {
            halt(RiskReason.DRAWDOWN, coolDownNanos);
        }
    }

    /**
     * Timer tick: check the breakers and keep a sample of the equity curves.
     */
    public void onTimer()
    {
        checkBreakers();
        portfolio.sample(clock.nanos(), market);
    }

    /**
     * Halt trading. A halt already lasting longer is kept (an admin halt outlasts any breaker).
     *
     * @param reason        why (kept as the reason of every reject while halted).
     * @param durationNanos how long, or Long.MAX_VALUE until resumed.
     */
    public void halt(final RiskReason reason, final long durationNanos)
    {
        final long now = clock.nanos();
        final long until = durationNanos == Long.MAX_VALUE ? Long.MAX_VALUE : now + durationNanos;
        final boolean wasHalted = isHalted();
        if (wasHalted && haltedUntilNanos >= until)
        {
            return;
        }
        if (!wasHalted)
        {
            halts.incrementRelease();
        }
        halted = true;
        haltReason = reason;
        haltedUntilNanos = until;
    }

    /**
     * Resume trading after a halt (admin): the breakers re-arm from the current equity and day's P&amp;L. Without a
     * halt in force it does nothing: a resume must not move the daily-loss floor of a gate that never stopped (an
     * operator's stray resume would otherwise raise the day's loss allowance unseen).
     */
    public void resume()
    {
        if (!isHalted())
        {
            return;
        }
        pnl = portfolio.mark(market);
        halted = false;
        haltedUntilNanos = 0;
        peakEquity = capital + pnl;
        dailyFloor = Math.min(dailyFloor, dailyPnl() - dailyLossLimit);
    }

    /**
     * P&amp;L of the current UTC day (event time), as of the last breaker check.
     *
     * @return quote currency.
     */
    public double dailyPnl()
    {
        return pnl - dayStartPnl;
    }

    /**
     * Equity: capital + total P&amp;L, as of the last breaker check.
     *
     * @return quote currency.
     */
    public double equity()
    {
        return capital + pnl;
    }

    /**
     * Drawdown of equity from its peak since the breaker was last armed, as of the last check.
     *
     * @return a fraction of the peak, in [0, 1] while equity is positive.
     */
    public double drawdown()
    {
        return peakEquity > 0 ? (peakEquity - equity()) / peakEquity : 0.0;
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
