package com.schwabot.engine.venue.sim;

import org.agrona.collections.Int2IntHashMap;

import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;

/**
 * Client orders against the simulated markets.
 * <p>
 * Client orders are not shown in the public book: an incoming order takes liquidity from the book's levels (as
 * TAKER, at each level's price, level by level), and a resting order fills (as MAKER, at its own price) when the
 * random walk brings the opposite side of the book to or through its price, taking at most the quantity of the
 * levels it reaches, so it fills partially when they hold less than it needs. Every fill reduces the book and prints
 * a public trade, so market data shows the client's trades. Client orders never trade with each other.
 * <p>
 * Reports: an accepted order gets {@code NEW}, then zero or more {@code PARTIAL_FILL}/{@code FILL}, then
 * {@code CANCELED} for what an IOC, FOK or market order could not fill, or when its connection closes (cancel on
 * disconnect); a refused one gets {@code REJECTED} only.
 * Market orders ignore their price; LIMIT_MAKER ignores its time in force (it rests). A FOK that cannot fill
 * completely at once is rejected with {@code OTHER}. With a reject rate (fault injection), that share of the orders it
 * would accept is rejected with {@code VENUE_ERROR} instead, drawn from its own seeded sequence (so the market's
 * random walk does not change). Exchange order ids count up from 1 per accepted order.
 * Fees: {@code fee = lastPrice * lastQty * bps} at {@code feeExponent = priceExponent + qtyExponent - 4}, in the
 * quote currency, exact; positive is paid by the client, a negative maker fee is a rebate.
 * <p>
 * Not thread-safe: one thread drives it; allocation-free in steady state.
 */
final class MatchingEngine
{
    private static final int BPS_EXPONENT = -4;
    private static final int BPS = 10_000;
    private static final long REJECT_SALT = 0x5EED_4E7EL;
    private static final long MAX_NOTIONAL = Long.MAX_VALUE / 10_000;
    private static final short BUY = Side.BUY.value();
    private static final short SELL = Side.SELL.value();
    private static final short LIMIT = OrderType.LIMIT.value();
    private static final short MARKET = OrderType.MARKET.value();
    private static final short LIMIT_MAKER = OrderType.LIMIT_MAKER.value();
    private static final short GTC = TimeInForce.GTC.value();
    private static final short IOC = TimeInForce.IOC.value();
    private static final short FOK = TimeInForce.FOK.value();

    private final InstrumentMarket[] markets;
    private final RestingOrders[] resting;
    private final OrderStore orders;
    private final ExecutionReports reports;
    private final SimulatorCounters counters;
    private final Int2IntHashMap indexById;
    private final int makerFeeBps;
    private final int takerFeeBps;
    private final int rejectRateBps;
    private final SplitMix64 rejects;
    private long nextExchangeOrderId = 1;

    // The order being validated: set by validate(), read by accept().
    private int pendingIndex;
    private short pendingType;
    private short pendingTif;
    private long pendingLimitTicks;
    private long pendingLots;
    private boolean pendingCrosses;

    MatchingEngine(
        final InstrumentMarket[] markets,
        final int maxOpenOrders,
        final int makerFeeBps,
        final int takerFeeBps,
        final ExecutionReports reports,
        final SimulatorCounters counters)
    {
        this(markets, maxOpenOrders, makerFeeBps, takerFeeBps, 0, 0, reports, counters);
    }

    /**
     * A matching engine that also rejects a seeded random share of the orders it would accept (fault injection).
     */
    MatchingEngine(
        final InstrumentMarket[] markets,
        final int maxOpenOrders,
        final int makerFeeBps,
        final int takerFeeBps,
        final int rejectRateBps,
        final long rejectSeed,
        final ExecutionReports reports,
        final SimulatorCounters counters)
    {
        this.rejectRateBps = rejectRateBps;
        this.rejects = new SplitMix64(SplitMix64.derive(rejectSeed, REJECT_SALT));
        this.markets = markets;
        this.orders = new OrderStore(maxOpenOrders);
        this.resting = new RestingOrders[markets.length];
        this.indexById = new Int2IntHashMap(OrderStore.NONE);
        for (int i = 0; i < markets.length; i++)
        {
            resting[i] = new RestingOrders(orders, maxOpenOrders);
            indexById.put(markets[i].instrument().id(), i);
        }
        this.makerFeeBps = makerFeeBps;
        this.takerFeeBps = takerFeeBps;
        this.reports = reports;
        this.counters = counters;
    }

    int openOrderCount()
    {
        return orders.openCount();
    }

    /**
     * Validate, accept and execute a new order.
     *
     * @param sessionId connection it came on.
     * @param order     the decoded order, wrapped over a checked frame.
     * @param nowNanos  transact time of its reports.
     */
    void onNewOrder(final int sessionId, final NewOrderDecoder order, final long nowNanos)
    {
        counters.increment(SimCounter.ORDERS_RECEIVED);
        final RejectReason reason = validate(sessionId, order);
        if (RejectReason.NONE != reason)
        {
            rejectOrder(sessionId, order, reason, nowNanos);
            return;
        }

        final byte side = order.sideRaw() == BUY ? OrderStore.BUY : OrderStore.SELL;
        final boolean market = pendingType == MARKET;
        final int slot = orders.allocate(
            sessionId, order.clOrdId(), nextExchangeOrderId++, pendingIndex, side,
            market ? 0 : pendingLimitTicks, pendingLots);
        counters.increment(SimCounter.ORDERS_ACCEPTED);
        orderReport(slot, ExecType.NEW, nowNanos);
        reports.commit();

        if (market || pendingCrosses)
        {
            take(slot, pendingLimitTicks, nowNanos);
        }
        if (orders.leavesLots(slot) == 0)
        {
            orders.release(slot);
        }
        else if (pendingType == LIMIT_MAKER || (pendingType == LIMIT && pendingTif == GTC))
        {
            resting[pendingIndex].add(slot);
        }
        else
        {
            cancelOpen(slot, nowNanos);
        }
    }

    /**
     * Cancel an open order of the same connection, found by exchange order id when the request carries one, else
     * by its client order id.
     *
     * @param sessionId connection it came on.
     * @param cancel    the decoded request.
     * @param nowNanos  transact time of the report.
     */
    void onCancel(final int sessionId, final CancelOrderDecoder cancel, final long nowNanos)
    {
        counters.increment(SimCounter.CANCELS_RECEIVED);
        final long exchangeOrderId = cancel.exchangeOrderId();
        final int slot = exchangeOrderId != CancelOrderDecoder.exchangeOrderIdNullValue() ?
            orders.findByExchangeOrderId(exchangeOrderId) : orders.find(sessionId, cancel.origClOrdId());
        if (OrderStore.NONE == slot || orders.sessionId(slot) != sessionId)
        {
            counters.increment(SimCounter.CANCELS_REJECTED);
            counters.incrementReject(RejectReason.UNKNOWN_ORDER);
            reports.begin(sessionId, cancel.clOrdId(), nowNanos)
                .exchangeOrderId(exchangeOrderId)
                .instrumentId(cancel.instrumentId())
                .side(Side.NULL_VAL)
                .execType(ExecType.REJECTED)
                .rejectReason(RejectReason.UNKNOWN_ORDER);
            reports.commit();
            return;
        }
        resting[orders.instrumentIndex(slot)].remove(slot);
        cancelOpen(slot, nowNanos);
    }

    /**
     * Reject an order or cancel whose frame is well formed in length but not readable past its client order id.
     *
     * @param sessionId connection it came on.
     * @param clOrdId   the id read from the frame.
     * @param isOrder   true for a NewOrder, false for a CancelOrder.
     * @param nowNanos  transact time of the report.
     */
    void rejectUnreadable(final int sessionId, final long clOrdId, final boolean isOrder, final long nowNanos)
    {
        counters.increment(isOrder ? SimCounter.ORDERS_RECEIVED : SimCounter.CANCELS_RECEIVED);
        counters.increment(isOrder ? SimCounter.ORDERS_REJECTED : SimCounter.CANCELS_REJECTED);
        counters.incrementReject(RejectReason.OTHER);
        reports.begin(sessionId, clOrdId, nowNanos)
            .side(Side.NULL_VAL)
            .execType(ExecType.REJECTED)
            .rejectReason(RejectReason.OTHER);
        reports.commit();
    }

    /**
     * Fill the resting orders of an instrument that the book now reaches (after a step of the walk).
     *
     * @param index    instrument index.
     * @param nowNanos transact time of the reports.
     */
    void matchResting(final int index, final long nowNanos)
    {
        final RestingOrders book = resting[index];
        final InstrumentMarket market = markets[index];
        final BookSide asks = market.asks();
        while (book.buyCount() > 0 && !asks.isEmpty() && asks.price(0) <= orders.priceTicks(book.bestBuy()))
        {
            final int slot = book.bestBuy();
            final long price = orders.priceTicks(slot);
            final long lots = Math.min(orders.leavesLots(slot), asks.qty(0));
            market.reduceLevel(asks, asks.price(0), lots);
            market.printTrade(price, lots, true);
            if (fill(slot, price, lots, Liquidity.MAKER, nowNanos))
            {
                book.remove(slot);
                orders.release(slot);
            }
        }
        final BookSide bids = market.bids();
        while (book.sellCount() > 0 && !bids.isEmpty() && bids.price(0) >= orders.priceTicks(book.bestSell()))
        {
            final int slot = book.bestSell();
            final long price = orders.priceTicks(slot);
            final long lots = Math.min(orders.leavesLots(slot), bids.qty(0));
            market.reduceLevel(bids, bids.price(0), lots);
            market.printTrade(price, lots, false);
            if (fill(slot, price, lots, Liquidity.MAKER, nowNanos))
            {
                book.remove(slot);
                orders.release(slot);
            }
        }
    }

    /**
     * Cancel every open order of a connection, in exchange-order-id order, each with a {@code CANCELED} report
     * (cancel on disconnect: the reports go to the connection's account, for its next logon).
     *
     * @param sessionId the connection that closed.
     * @param nowNanos  transact time of the reports.
     * @return how many orders were canceled.
     */
    int cancelSession(final int sessionId, final long nowNanos)
    {
        final int[] slots = orders.removeSession(sessionId);
        for (final int slot : slots)
        {
            resting[orders.instrumentIndex(slot)].remove(slot);
            orderReport(slot, ExecType.CANCELED, nowNanos).leavesQty(0);
            reports.commit();
            orders.release(slot);
        }
        counters.add(SimCounter.ORDERS_CANCELED_ON_DISCONNECT, slots.length);
        return slots.length;
    }

    private RejectReason validate(final int sessionId, final NewOrderDecoder order)
    {
        final short side = order.sideRaw();
        final short type = order.orderTypeRaw();
        final short tif = order.timeInForceRaw();
        if ((side != BUY && side != SELL) || (type != LIMIT && type != MARKET && type != LIMIT_MAKER) ||
            (tif != GTC && tif != IOC && tif != FOK))
        {
            return RejectReason.OTHER;
        }
        final int index = indexById.get(order.instrumentId());
        if (OrderStore.NONE == index)
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        final InstrumentMarket market = markets[index];
        final SimInstrument instrument = market.instrument();
        final boolean buy = side == BUY;
        final long price = order.price();
        if (type != MARKET && (order.priceExponent() != instrument.priceExponent() || price <= 0 ||
            price % instrument.tickMantissa() != 0))
        {
            return RejectReason.INVALID_PRICE;
        }
        final long qty = order.qty();
        if (order.qtyExponent() != instrument.qtyExponent() || qty <= 0 || qty % instrument.lotMantissa() != 0 ||
            !notionalFits(market, buy, type == MARKET ? -1 : price, qty))
        {
            return RejectReason.INVALID_QTY;
        }
        if (OrderStore.NONE != orders.find(sessionId, order.clOrdId()))
        {
            return RejectReason.DUPLICATE_ORDER_ID;
        }
        if (orders.isFull())
        {
            return RejectReason.VENUE_ERROR;
        }

        pendingIndex = index;
        pendingType = type;
        pendingTif = tif;
        pendingLots = qty / instrument.lotMantissa();
        pendingLimitTicks = type == MARKET ? (buy ? Long.MAX_VALUE : 0) : price / instrument.tickMantissa();
        final BookSide opposite = buy ? market.asks() : market.bids();
        pendingCrosses = !opposite.isEmpty() && opposite.reachable(opposite.price(0), pendingLimitTicks);
        if (type == LIMIT_MAKER && pendingCrosses)
        {
            return RejectReason.WOULD_CROSS;
        }
        if (type != LIMIT_MAKER && tif == FOK && market.available(opposite, pendingLimitTicks) < pendingLots)
        {
            return RejectReason.OTHER;
        }
        if (rejectRateBps > 0 && rejects.nextInt(BPS) < rejectRateBps)
        {
            counters.increment(SimCounter.INJECTED_REJECTS);
            return RejectReason.VENUE_ERROR;
        }
        return RejectReason.NONE;
    }

    /**
     * Whether every fill of this order has a notional (and so a fee) that fits in a long: fills happen at most at
     * the higher of the limit and the best opposite level for a sell, at most at the limit (or the worst ask) for
     * a buy.
     */
    private static boolean notionalFits(
        final InstrumentMarket market, final boolean buy, final long limitPrice, final long qty)
    {
        final SimInstrument instrument = market.instrument();
        final BookSide asks = market.asks();
        final long bound;
        if (buy)
        {
            bound = limitPrice >= 0 ? limitPrice :
                (asks.isEmpty() ? 0 : asks.price(asks.size() - 1) * instrument.tickMantissa());
        }
        else
        {
            bound = Math.max(limitPrice, market.bestBidPrice() * instrument.tickMantissa());
        }
        if (Math.multiplyHigh(bound, qty) != 0)
        {
            return false;
        }
        final long notional = bound * qty;
        return notional >= 0 && notional <= MAX_NOTIONAL;
    }

    private void take(final int slot, final long limitTicks, final long nowNanos)
    {
        final InstrumentMarket market = markets[orders.instrumentIndex(slot)];
        final boolean buy = orders.side(slot) == OrderStore.BUY;
        final BookSide book = buy ? market.asks() : market.bids();
        while (orders.leavesLots(slot) > 0 && !book.isEmpty() && book.reachable(book.price(0), limitTicks))
        {
            final long price = book.price(0);
            final long lots = Math.min(orders.leavesLots(slot), book.qty(0));
            market.reduceLevel(book, price, lots);
            market.printTrade(price, lots, !buy);
            fill(slot, price, lots, Liquidity.TAKER, nowNanos);
        }
    }

    private boolean fill(
        final int slot, final long priceTicks, final long lots, final Liquidity liquidity, final long nowNanos)
    {
        orders.addFilled(slot, lots);
        final boolean complete = orders.leavesLots(slot) == 0;
        final SimInstrument instrument = markets[orders.instrumentIndex(slot)].instrument();
        final long lastPrice = priceTicks * instrument.tickMantissa();
        final long lastQty = lots * instrument.lotMantissa();
        final boolean maker = liquidity == Liquidity.MAKER;
        orderReport(slot, complete ? ExecType.FILL : ExecType.PARTIAL_FILL, nowNanos)
            .lastPrice(lastPrice)
            .lastQty(lastQty)
            .fee(lastPrice * lastQty * (maker ? makerFeeBps : takerFeeBps))
            .feeExponent((byte)(instrument.priceExponent() + instrument.qtyExponent() + BPS_EXPONENT))
            .liquidity(liquidity);
        reports.commit();
        counters.increment(SimCounter.FILLS);
        counters.increment(maker ? SimCounter.MAKER_FILLS : SimCounter.TAKER_FILLS);
        if (complete)
        {
            counters.increment(SimCounter.ORDERS_FILLED);
        }
        return complete;
    }

    private void cancelOpen(final int slot, final long nowNanos)
    {
        orderReport(slot, ExecType.CANCELED, nowNanos).leavesQty(0);
        reports.commit();
        counters.increment(SimCounter.ORDERS_CANCELED);
        orders.release(slot);
    }

    /**
     * Start a report about an accepted order, with its ids, price, quantities and side filled in.
     */
    private ExecutionReportEncoder orderReport(final int slot, final ExecType execType, final long nowNanos)
    {
        final SimInstrument instrument = markets[orders.instrumentIndex(slot)].instrument();
        return reports.begin(orders.sessionId(slot), orders.clOrdId(slot), nowNanos)
            .exchangeOrderId(orders.exchangeOrderId(slot))
            .orderPrice(orders.priceTicks(slot) * instrument.tickMantissa())
            .cumQty(orders.filledLots(slot) * instrument.lotMantissa())
            .leavesQty(orders.leavesLots(slot) * instrument.lotMantissa())
            .instrumentId(instrument.id())
            .priceExponent((byte)instrument.priceExponent())
            .qtyExponent((byte)instrument.qtyExponent())
            .side(orders.side(slot) == OrderStore.BUY ? Side.BUY : Side.SELL)
            .execType(execType);
    }

    private void rejectOrder(
        final int sessionId, final NewOrderDecoder order, final RejectReason reason, final long nowNanos)
    {
        counters.increment(SimCounter.ORDERS_REJECTED);
        counters.incrementReject(reason);
        final short side = order.sideRaw();
        reports.begin(sessionId, order.clOrdId(), nowNanos)
            .orderPrice(order.price())
            .instrumentId(order.instrumentId())
            .priceExponent(order.priceExponent())
            .qtyExponent(order.qtyExponent())
            .side(side == BUY ? Side.BUY : side == SELL ? Side.SELL : Side.NULL_VAL)
            .execType(ExecType.REJECTED)
            .rejectReason(reason);
        reports.commit();
    }
}
