package com.schwabot.engine.venue.sim;

import static com.schwabot.engine.venue.sim.SimFixtures.BTC;
import static com.schwabot.engine.venue.sim.SimFixtures.BTC_ID;
import static com.schwabot.engine.venue.sim.SimFixtures.ETH_ID;
import static com.schwabot.engine.venue.sim.SimFixtures.cancel;
import static com.schwabot.engine.venue.sim.SimFixtures.newOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;

/**
 * The matching core, stepped by hand: fills, time in force, order types, fees and counters.
 */
class MatchingEngineTest
{
    private static final long TICK = 10;
    private static final long LOT = 10;
    private static final int MAKER_BPS = 2;
    private static final int TAKER_BPS = 5;
    private static final int BTC_FEE_EXPONENT = -3 - 6 - 4;
    private static final int SESSION = 1;

    private final SimHarness sim = new SimHarness(SimFixtures.context(7));
    private final BookSide asks = sim.market(BTC).asks();
    private final BookSide bids = sim.market(BTC).bids();

    @Test
    void shouldWalkSeveralLevelsWithAMarketOrder()
    {
        final long p0 = asks.price(0);
        final long q0 = asks.qty(0);
        final long p1 = asks.price(1);
        final long q1 = asks.qty(1);
        final long p2 = asks.price(2);
        final long q2 = asks.qty(2);
        final long qty = (q0 + q1 + 1) * LOT;

        sim.send(SESSION, newOrder(11, BTC_ID, Side.BUY, OrderType.MARKET, TimeInForce.GTC, 0, qty));

        final List<Report> reports = sim.reportsFor(11);
        assertThat(reports).extracting(Report::execType)
            .containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.PARTIAL_FILL, ExecType.FILL);
        assertThat(reports.get(0).leavesQty()).isEqualTo(qty);
        assertTakerFill(reports.get(1), p0, q0, q0, qty - q0 * LOT);
        assertTakerFill(reports.get(2), p1, q1, q0 + q1, LOT);
        assertTakerFill(reports.get(3), p2, 1, q0 + q1 + 1, 0);
        assertThat(asks.price(0)).isEqualTo(p2);
        assertThat(asks.qty(0)).isEqualTo(q2 - 1);
        assertThat(sim.core.openOrderCount()).isZero();

        final TradesStreamEventDecoder.TradesDecoder trades = lastTrades().trades();
        assertThat(trades.count()).isEqualTo(3);
        final long[] prices = {p0 * TICK, p1 * TICK, p2 * TICK};
        final long[] quantities = {q0 * LOT, q1 * LOT, LOT};
        for (int i = 0; i < 3; i++)
        {
            final TradesStreamEventDecoder.TradesDecoder trade = trades.next();
            assertThat(trade.price()).isEqualTo(prices[i]);
            assertThat(trade.qty()).isEqualTo(quantities[i]);
            assertThat(trade.isBuyerMaker()).isEqualTo(com.schwabot.codecs.binance.BoolEnum.False);
        }
        assertThat(sim.counters.get(SimCounter.TAKER_FILLS)).isEqualTo(3);
        assertThat(sim.counters.get(SimCounter.ORDERS_FILLED)).isEqualTo(1);
    }

    @Test
    void shouldCancelTheRestOfAMarketOrderWhenTheBookRunsOut()
    {
        final long available = sim.market(BTC).available(asks, Long.MAX_VALUE);
        final int levels = asks.size();

        sim.send(SESSION, newOrder(12, BTC_ID, Side.BUY, OrderType.MARKET, TimeInForce.GTC, 0, (available + 5) * LOT));

        final List<Report> reports = sim.reportsFor(12);
        assertThat(reports).hasSize(levels + 2);
        assertThat(reports.get(levels).execType()).isEqualTo(ExecType.PARTIAL_FILL);
        final Report canceled = reports.get(levels + 1);
        assertThat(canceled.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(canceled.cumQty()).isEqualTo(available * LOT);
        assertThat(canceled.leavesQty()).isZero();
        assertThat(asks.isEmpty()).isTrue();
        assertThat(sim.core.bestAskPrice(BTC)).isZero();
        assertThat(sim.counters.get(SimCounter.ORDERS_CANCELED)).isEqualTo(1);
    }

    @Test
    void shouldRestTheRestOfAMarketableGtcLimitOrder()
    {
        final long p0 = asks.price(0);
        final long q0 = asks.qty(0);
        final long p1 = asks.price(1);
        final long q1 = asks.qty(1);
        final long qty = (q0 + q1 + 7) * LOT;

        sim.send(SESSION, newOrder(13, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, p1 * TICK, qty));

        final List<Report> reports = sim.reportsFor(13);
        assertThat(reports).extracting(Report::execType)
            .containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.PARTIAL_FILL);
        assertTakerFill(reports.get(1), p0, q0, q0, qty - q0 * LOT);
        assertTakerFill(reports.get(2), p1, q1, q0 + q1, 7 * LOT);
        assertThat(reports.get(2).orderPrice()).isEqualTo(p1 * TICK);
        assertThat(sim.core.openOrderCount()).isEqualTo(1);
        assertThat(asks.price(0)).isGreaterThan(p1);
    }

    @Test
    void shouldCancelTheRestOfAnIocLimitOrder()
    {
        final long p0 = asks.price(0);
        final long q0 = asks.qty(0);

        sim.send(SESSION, newOrder(14, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, p0 * TICK, (q0 + 3) * LOT));

        final List<Report> reports = sim.reportsFor(14);
        assertThat(reports).extracting(Report::execType)
            .containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.CANCELED);
        assertThat(reports.get(2).cumQty()).isEqualTo(q0 * LOT);
        assertThat(reports.get(2).leavesQty()).isZero();
        assertThat(sim.core.openOrderCount()).isZero();
    }

    @Test
    void shouldCancelAnIocLimitOrderThatDoesNotCross()
    {
        final long price = (bids.price(0) - 1) * TICK;

        sim.send(SESSION, newOrder(15, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.IOC, price, LOT));

        assertThat(sim.reportsFor(15)).extracting(Report::execType).containsExactly(ExecType.NEW, ExecType.CANCELED);
    }

    @Test
    void shouldFillAFokOrderCompletelyOrRejectIt()
    {
        final long q0 = asks.qty(0);
        final long p1 = asks.price(1);
        final long q1 = asks.qty(1);
        final long bookUpdateId = sim.market(BTC).updateId();

        sim.send(SESSION, newOrder(16, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, p1 * TICK,
            (q0 + q1 + 1) * LOT));

        assertThat(sim.reportsFor(16)).singleElement().satisfies(
            (report) -> assertRejected(report, RejectReason.OTHER));
        assertThat(sim.market(BTC).updateId()).isEqualTo(bookUpdateId);

        sim.send(SESSION, newOrder(17, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.FOK, p1 * TICK,
            (q0 + q1) * LOT));

        assertThat(sim.reportsFor(17)).extracting(Report::execType)
            .containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.FILL);
    }

    @Test
    void shouldRejectALimitMakerOrderThatWouldCrossAndRestOneThatWouldNot()
    {
        sim.send(SESSION, newOrder(18, BTC_ID, Side.SELL, OrderType.LIMIT_MAKER, TimeInForce.GTC,
            bids.price(0) * TICK, LOT));
        sim.send(SESSION, newOrder(19, BTC_ID, Side.SELL, OrderType.LIMIT_MAKER, TimeInForce.IOC,
            asks.price(0) * TICK, LOT));

        assertRejected(sim.reportsFor(18).get(0), RejectReason.WOULD_CROSS);
        assertThat(sim.reportsFor(19)).extracting(Report::execType).containsExactly(ExecType.NEW);
        assertThat(sim.core.openOrderCount()).isEqualTo(1);
    }

    @Test
    void shouldFillARestingBuyAsMakerOnceTheWalkReachesIt()
    {
        final long price = (bids.price(0) - 3) * TICK;
        sim.send(SESSION, newOrder(21, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, 5 * LOT));
        assertThat(sim.reportsFor(21)).extracting(Report::execType).containsExactly(ExecType.NEW);

        stepUntilDone(21);

        final List<Report> fills = sim.reportsFor(21).subList(1, sim.reportsFor(21).size());
        long filled = 0;
        for (final Report fill : fills)
        {
            assertThat(fill.liquidity()).isEqualTo(Liquidity.MAKER);
            assertThat(fill.lastPrice()).isEqualTo(price);
            assertThat(fill.fee()).isEqualTo(price * fill.lastQty() * MAKER_BPS);
            assertThat(fill.feeExponent()).isEqualTo(BTC_FEE_EXPONENT);
            filled += fill.lastQty();
            assertThat(fill.cumQty()).isEqualTo(filled);
        }
        assertThat(fills.get(fills.size() - 1).execType()).isEqualTo(ExecType.FILL);
        assertThat(filled).isEqualTo(5 * LOT);
        assertThat(sim.counters.get(SimCounter.MAKER_FILLS)).isEqualTo(fills.size());
        assertThat(sim.core.bestAskPrice(BTC)).isGreaterThan(0);
    }

    @Test
    void shouldFillARestingSellAsMakerOnceTheWalkReachesIt()
    {
        final long price = (asks.price(0) + 2) * TICK;
        sim.send(SESSION, newOrder(22, BTC_ID, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price, 3 * LOT));

        stepUntilDone(22);

        final Report last = sim.lastReport();
        assertThat(last.clOrdId()).isEqualTo(22);
        assertThat(last.execType()).isEqualTo(ExecType.FILL);
        assertThat(last.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(last.side()).isEqualTo(Side.SELL);
        assertThat(last.lastPrice()).isEqualTo(price);
    }

    @Test
    void shouldFillPartiallyWhenTheLevelsReachedHoldLessThanTheOrder()
    {
        final long price = bids.price(0) * TICK;
        final long qty = 100_000 * LOT;
        sim.send(SESSION, newOrder(23, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, qty));

        for (int i = 0; i < 20_000 && sim.reportsFor(23).size() < 2; i++)
        {
            sim.tick(1);
        }

        final Report first = sim.reportsFor(23).get(1);
        assertThat(first.execType()).isEqualTo(ExecType.PARTIAL_FILL);
        assertThat(first.lastPrice()).isEqualTo(price);
        assertThat(first.lastQty()).isBetween(LOT, 100 * LOT);
        assertThat(first.leavesQty()).isEqualTo(qty - first.cumQty());
        assertThat(sim.core.openOrderCount()).isEqualTo(1);
    }

    @Test
    void shouldNotFillARestingOrderTheBookDoesNotReach()
    {
        sim.send(SESSION, newOrder(24, BTC_ID, Side.SELL, OrderType.LIMIT, TimeInForce.GTC,
            (asks.price(0) + 10_000) * TICK, LOT));

        sim.tick(500);

        assertThat(sim.reportsFor(24)).extracting(Report::execType).containsExactly(ExecType.NEW);
    }

    @Test
    void shouldCancelARestingOrderByClientIdOrExchangeIdAndRejectUnknownCancels()
    {
        final long price = (bids.price(0) - 50) * TICK;
        sim.send(SESSION, newOrder(31, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT));
        sim.send(SESSION, newOrder(32, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, 2 * LOT));
        final long exchangeOrderId = sim.reportsFor(32).get(0).exchangeOrderId();

        sim.send(SESSION, cancel(33, 31, Long.MIN_VALUE, BTC_ID));
        sim.send(SESSION, cancel(34, 0, exchangeOrderId, BTC_ID));
        sim.send(SESSION, cancel(35, 31, Long.MIN_VALUE, BTC_ID));

        final Report canceled = sim.reportsFor(31).get(1);
        assertThat(canceled.execType()).isEqualTo(ExecType.CANCELED);
        assertThat(canceled.cumQty()).isZero();
        assertThat(canceled.leavesQty()).isZero();
        assertThat(canceled.orderPrice()).isEqualTo(price);
        assertThat(sim.reportsFor(32).get(1).execType()).isEqualTo(ExecType.CANCELED);
        assertThat(sim.reportsFor(32).get(1).exchangeOrderId()).isEqualTo(exchangeOrderId);
        assertRejected(sim.reportsFor(35).get(0), RejectReason.UNKNOWN_ORDER);
        assertThat(sim.reportsFor(33)).isEmpty();
        assertThat(sim.core.openOrderCount()).isZero();
        assertThat(sim.counters.get(SimCounter.CANCELS_RECEIVED)).isEqualTo(3);
        assertThat(sim.counters.get(SimCounter.CANCELS_REJECTED)).isEqualTo(1);
    }

    @Test
    void shouldNotCancelAnotherConnectionsOrder()
    {
        sim.send(SESSION, newOrder(36, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
            (bids.price(0) - 50) * TICK, LOT));

        sim.send(2, cancel(37, 36, Long.MIN_VALUE, BTC_ID));
        sim.send(2, cancel(38, 0, sim.reportsFor(36).get(0).exchangeOrderId(), BTC_ID));

        assertRejected(sim.reportsFor(37).get(0), RejectReason.UNKNOWN_ORDER);
        assertRejected(sim.reportsFor(38).get(0), RejectReason.UNKNOWN_ORDER);
        assertThat(sim.reportsFor(38).get(0).sessionId()).isEqualTo(2);
        assertThat(sim.core.openOrderCount()).isEqualTo(1);
    }

    @Test
    void shouldRejectEveryInvalidOrderWithItsReason()
    {
        final long price = (bids.price(0) - 50) * TICK;
        sim.send(SESSION, newOrder(41, 99, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT));
        sim.send(SESSION, newOrder(42, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price + 3, LOT));
        sim.send(SESSION, newOrder(43, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 0, LOT));
        sim.send(SESSION, newOrder(44, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, -price, LOT));
        sim.send(SESSION, newOrder(45, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, -2, LOT, -6));
        sim.send(SESSION, newOrder(46, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT + 1));
        sim.send(SESSION, newOrder(47, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, 0));
        sim.send(SESSION, newOrder(48, BTC_ID, Side.BUY, OrderType.MARKET, TimeInForce.GTC, 0, -LOT));
        sim.send(SESSION, newOrder(49, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, -3, LOT, -5));
        sim.send(SESSION, newOrder(50, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price,
            Long.MAX_VALUE / LOT * LOT));
        sim.send(SESSION, newOrder(51, ETH_ID, Side.SELL, OrderType.LIMIT_MAKER, TimeInForce.GTC,
            sim.core.bestBidPrice(SimFixtures.ETH), 1));
        sim.send(SESSION, newOrder(52, BTC_ID, Side.NULL_VAL, OrderType.LIMIT, TimeInForce.GTC, price, LOT));

        assertRejected(sim.reportsFor(41).get(0), RejectReason.UNKNOWN_INSTRUMENT);
        assertRejected(sim.reportsFor(42).get(0), RejectReason.INVALID_PRICE);
        assertRejected(sim.reportsFor(43).get(0), RejectReason.INVALID_PRICE);
        assertRejected(sim.reportsFor(44).get(0), RejectReason.INVALID_PRICE);
        assertRejected(sim.reportsFor(45).get(0), RejectReason.INVALID_PRICE);
        assertRejected(sim.reportsFor(46).get(0), RejectReason.INVALID_QTY);
        assertRejected(sim.reportsFor(47).get(0), RejectReason.INVALID_QTY);
        assertRejected(sim.reportsFor(48).get(0), RejectReason.INVALID_QTY);
        assertRejected(sim.reportsFor(49).get(0), RejectReason.INVALID_QTY);
        assertRejected(sim.reportsFor(50).get(0), RejectReason.INVALID_QTY);
        assertRejected(sim.reportsFor(51).get(0), RejectReason.WOULD_CROSS);
        assertRejected(sim.reportsFor(52).get(0), RejectReason.OTHER);
        assertThat(sim.reportsFor(41).get(0).instrumentId()).isEqualTo(99);
        assertThat(sim.reportsFor(42).get(0).orderPrice()).isEqualTo(price + 3);
        assertThat(sim.counters.get(SimCounter.ORDERS_REJECTED)).isEqualTo(12);
        assertThat(sim.counters.rejects(RejectReason.INVALID_PRICE)).isEqualTo(4);
        assertThat(sim.counters.rejects(RejectReason.INVALID_QTY)).isEqualTo(5);
        assertThat(sim.counters.get(SimCounter.ORDERS_ACCEPTED)).isZero();
        assertThat(sim.core.openOrderCount()).isZero();
    }

    @Test
    void shouldRejectADuplicateClientOrderIdOfAnOpenOrderOnTheSameConnection()
    {
        final long price = (bids.price(0) - 50) * TICK;
        sim.send(SESSION, newOrder(61, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT));
        sim.send(SESSION, newOrder(61, BTC_ID, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price + 1000, LOT));
        sim.send(2, newOrder(61, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT));

        assertThat(sim.reportsFor(61)).extracting(Report::execType)
            .containsExactly(ExecType.NEW, ExecType.REJECTED, ExecType.NEW);
        assertThat(sim.reportsFor(61).get(1).rejectReason()).isEqualTo(RejectReason.DUPLICATE_ORDER_ID);
        assertThat(sim.counters.rejects(RejectReason.DUPLICATE_ORDER_ID)).isEqualTo(1);
    }

    @Test
    void shouldRejectWithVenueErrorWhenNoOrderSlotIsFree()
    {
        final SimHarness small = new SimHarness(SimFixtures.context(7).maxOpenOrders(1));
        final long price = (small.market(BTC).bids().price(0) - 50) * TICK;
        small.send(SESSION, newOrder(71, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT));
        small.send(SESSION, newOrder(72, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT));

        assertRejected(small.reportsFor(72).get(0), RejectReason.VENUE_ERROR);
    }

    @Test
    void shouldCancelOpenOrdersWhenTheSessionClosesSendingNothingToTheClosedConnection()
    {
        final long price = (bids.price(0) - 50) * TICK;
        sim.send(SESSION, newOrder(81, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT));
        sim.send(SESSION, newOrder(82, BTC_ID, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, price + 100_000, LOT));
        sim.send(2, newOrder(83, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT));
        final int reports = sim.reports.size();

        assertThat(sim.core.onSessionClosed(SESSION, sim.clock.nanoTime())).isEqualTo(2);

        assertThat(sim.reports).as("no logon: the cancels are kept for no account").hasSize(reports);
        assertThat(sim.counters.get(SimCounter.EXECUTION_REPORTS)).isEqualTo(reports + 2);
        assertThat(sim.core.openOrderCount()).isEqualTo(1);
        assertThat(sim.counters.get(SimCounter.ORDERS_CANCELED_ON_DISCONNECT)).isEqualTo(2);
        sim.send(SESSION, cancel(84, 81, Long.MIN_VALUE, BTC_ID));
        assertRejected(sim.lastReport(), RejectReason.UNKNOWN_ORDER);
    }

    @Test
    void shouldGiveUniqueIncreasingExchangeOrderIdsAndExecIds()
    {
        final long price = (bids.price(0) - 50) * TICK;
        sim.send(SESSION, newOrder(91, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT));
        sim.send(SESSION, newOrder(92, 99, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, price, LOT));
        sim.send(SESSION, newOrder(93, BTC_ID, Side.BUY, OrderType.MARKET, TimeInForce.GTC, 0, 2 * LOT));

        assertThat(sim.reportsFor(91).get(0).exchangeOrderId()).isEqualTo(1);
        assertThat(sim.reportsFor(92).get(0).exchangeOrderId()).isEqualTo(Long.MIN_VALUE);
        assertThat(sim.reportsFor(93)).extracting(Report::exchangeOrderId).containsOnly(2L);
        assertThat(sim.reports).extracting(Report::execId).containsExactly(1L, 2L, 3L, 4L);
        assertThat(sim.reports).extracting(Report::venueId).containsOnly(1);
    }

    @Test
    void shouldChargeMakerAndTakerFeesIncludingRebates()
    {
        final SimHarness rebate = new SimHarness(SimFixtures.context(7).makerFeeBps(-1).takerFeeBps(7));
        final long p0 = rebate.market(BTC).asks().price(0);
        rebate.send(SESSION, newOrder(95, BTC_ID, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 2 * LOT));
        final Report fill = rebate.lastReport();
        assertThat(fill.fee()).isEqualTo(p0 * TICK * 2 * LOT * 7);

        final long bid = rebate.market(BTC).bids().price(0);
        rebate.send(SESSION, newOrder(96, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, bid * TICK, LOT));
        for (int i = 0; i < 20_000 && rebate.reportsFor(96).size() < 2; i++)
        {
            rebate.tick(1);
        }
        final Report makerFill = rebate.reportsFor(96).get(1);
        assertThat(makerFill.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(makerFill.fee()).isEqualTo(-bid * TICK * LOT);
    }

    @Test
    void shouldCountAndSkipUnknownFramesAndRejectUnreadableOrders()
    {
        final byte[] order = newOrder(97, BTC_ID, Side.BUY, OrderType.MARKET, TimeInForce.GTC, 0, LOT);
        final byte[] unknownTemplate = order.clone();
        unknownTemplate[2] = 42;
        final byte[] truncated = java.util.Arrays.copyOf(order, 20);
        final byte[] otherSchema = order.clone();
        otherSchema[4] = 7;

        sim.send(SESSION, unknownTemplate);
        sim.send(SESSION, otherSchema);
        sim.send(SESSION, SimFixtures.heartbeat(1));
        assertThat(sim.reports).isEmpty();
        sim.send(SESSION, truncated);

        assertRejected(sim.lastReport(), RejectReason.OTHER);
        assertThat(sim.lastReport().clOrdId()).isEqualTo(97);
        assertThat(sim.counters.get(SimCounter.OE_UNKNOWN_FRAMES)).isEqualTo(3);
        assertThat(sim.counters.get(SimCounter.OE_HEARTBEATS_IN)).isEqualTo(1);
    }

    private void stepUntilDone(final long clOrdId)
    {
        for (int i = 0; i < 50_000; i++)
        {
            final List<Report> reports = sim.reportsFor(clOrdId);
            final ExecType last = reports.get(reports.size() - 1).execType();
            if (last == ExecType.FILL || last == ExecType.CANCELED)
            {
                return;
            }
            sim.tick(1);
        }
        throw new AssertionError("order " + clOrdId + " not done; reports " + sim.reportsFor(clOrdId));
    }

    private TradesStreamEventDecoder lastTrades()
    {
        final List<SimHarness.Frame> trades = sim.frames(StreamType.TRADE);
        final SimHarness.Frame frame = trades.get(trades.size() - 1);
        final com.schwabot.codecs.binance.MessageHeaderDecoder header =
            new com.schwabot.codecs.binance.MessageHeaderDecoder().wrap(frame.buffer(), 0);
        return new TradesStreamEventDecoder().wrap(
            frame.buffer(), header.encodedLength(), header.blockLength(), header.version());
    }

    private static void assertTakerFill(
        final Report fill, final long priceTicks, final long lots, final long cumLots, final long leavesQty)
    {
        assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(fill.lastPrice()).isEqualTo(priceTicks * TICK);
        assertThat(fill.lastQty()).isEqualTo(lots * LOT);
        assertThat(fill.cumQty()).isEqualTo(cumLots * LOT);
        assertThat(fill.leavesQty()).isEqualTo(leavesQty);
        assertThat(fill.fee()).isEqualTo(priceTicks * TICK * lots * LOT * TAKER_BPS);
        assertThat(fill.feeExponent()).isEqualTo(BTC_FEE_EXPONENT);
        assertThat(fill.priceExponent()).isEqualTo(-3);
        assertThat(fill.qtyExponent()).isEqualTo(-6);
    }

    private static void assertRejected(final Report report, final RejectReason reason)
    {
        assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(report.rejectReason()).isEqualTo(reason);
        assertThat(report.cumQty()).isZero();
        assertThat(report.leavesQty()).isZero();
    }
}
