package com.schwabot.engine.replay;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.sbe.CancelOrderEncoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderEncoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.book.BookSync;
import com.schwabot.engine.book.OrderBook;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Fills worked out by hand. BTCUSDT (id 1): prices in cents (exponent -2), quantities in 1e-5 BTC (exponent -5); a
 * fee mantissa of whole bps has exponent -2 - 5 - 4 = -11, of hundredths of a bps -13.
 */
class SimulatedVenueTest
{
    private static final int BTC = 0;
    private static final int BTC_ID = 1;
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MS = 1_000_000L;

    private final List<Report> reports = new ArrayList<>();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private SimulatedVenue venue;
    private TradingCore core;
    private MarketState market;

    record Report(ExecType type, long lastPrice, long lastQty, long cumQty, long leavesQty, long fee, int feeExponent,
        Liquidity liquidity, RejectReason reason)
    {
        double feeValue()
        {
            return fee * Math.pow(10, feeExponent);
        }
    }

    private void venue(final FillSettings settings)
    {
        venue = new SimulatedVenue(new InstrumentTable(TestCores.defaults().instruments()), settings);
        core = TestCores.core(venue, new EngineCounters());
        market = core.market();
        venue.market(market);
        final MessageHeaderDecoder h = new MessageHeaderDecoder();
        final ExecutionReportDecoder d = new ExecutionReportDecoder();
        venue.reportTap((buffer, offset, length) ->
        {
            h.wrap(buffer, offset);
            d.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, h.blockLength(), h.version());
            reports.add(new Report(d.execType(), d.lastPrice(), d.lastQty(), d.cumQty(), d.leavesQty(), d.fee(),
                d.feeExponent(), d.liquidity(), d.rejectReason()));
        });
    }

    private void top(final long updateId, final long bid, final long bidQty, final long ask, final long askQty)
    {
        market.top(BTC, updateId, bid, bidQty, ask, askQty);
    }

    private void depth(final long updateId, final long[] bids, final long[] asks)
    {
        final OrderBook book = market.book(BTC);
        BookSync.beginSnapshot(book, updateId);
        for (int k = 0; k < bids.length; k += 2)
        {
            book.bids().set(bids[k], bids[k + 1]);
        }
        for (int k = 0; k < asks.length; k += 2)
        {
            book.asks().set(asks[k], asks[k + 1]);
        }
        top(updateId, book.bids().bestPrice(), book.bids().bestQty(), book.asks().bestPrice(), book.asks().bestQty());
    }

    private void send(
        final long clOrdId, final Side side, final long price, final long qty, final OrderType type,
        final TimeInForce tif, final long timeNs)
    {
        final NewOrderEncoder e = new NewOrderEncoder().wrapAndApplyHeader(frame, 0, header)
            .clOrdId(clOrdId).price(price).qty(qty).timeNs(timeNs).instrumentId(BTC_ID).strategyId(0).venueId(0)
            .priceExponent((byte)-2).qtyExponent((byte)-5).side(side).orderType(type).timeInForce(tif);
        venue.send(frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength(), clOrdId, 0);
    }

    private void cancel(final long clOrdId, final long origClOrdId, final long timeNs)
    {
        final CancelOrderEncoder e = new CancelOrderEncoder().wrapAndApplyHeader(frame, 0, header)
            .clOrdId(clOrdId).origClOrdId(origClOrdId).timeNs(timeNs).instrumentId(BTC_ID).venueId(0);
        venue.send(frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength(), clOrdId, 0);
    }

    private void event(final long nanos)
    {
        venue.onMarketEvent(core.pipeline(), nanos);
    }

    /** A default venue, a book quoted 65000.00 / 65001.00, and an IOC buy of 0.1 BTC at the ask sent to it. */
    private void buyAtTheAskOnADefaultVenue()
    {
        venue(FillSettings.DEFAULT);
        TestCores.connect(core, T0);
        top(1, 6_500_000, 50_000, 6_500_100, 30_000);
        core.orderStage().beginEvent(100);
        core.orderStage().sendIoc(BTC, true, 6_500_100, 10_000);
    }

    @Test
    void shouldFillAMarketableOrderAtTheTouchAndChargeTheTakerFee()
    {
        buyAtTheAskOnADefaultVenue();

        event(T0);

        // 0.1 BTC at 65001.00 = 6500.10 USDT notional, 10 bps = 6.5001 USDT
        assertThat(reports).containsExactly(
            new Report(ExecType.NEW, 0, 0, 0, 10_000, 0, 0, Liquidity.NONE, RejectReason.NONE),
            new Report(ExecType.FILL, 6_500_100, 10_000, 10_000, 0, 650_010_000_000L, -11, Liquidity.TAKER,
                RejectReason.NONE));
        assertThat(reports.get(1).feeValue()).isCloseTo(6.5001, within(1e-12));
        assertThat(core.portfolio().position(BTC)).isEqualTo(10_000);
        assertThat(core.portfolio().fees(BTC)).isCloseTo(6.5001, within(1e-9));
        assertThat(core.orders().openOrders(BTC)).isZero();
    }

    @Test
    void shouldActOnAnOrderOnlyAtAMarketEventAtLeastTheLatencyAfterItWasSent()
    {
        venue(FillSettings.DEFAULT.withLatencyNanos(5 * MS));
        top(1, 6_500_000, 50_000, 6_500_100, 30_000);
        send(1, Side.BUY, 6_500_100, 10_000, OrderType.LIMIT, TimeInForce.IOC, T0);

        event(T0);
        event(T0 + 4 * MS);
        assertThat(reports).isEmpty();
        assertThat(venue.inFlight()).isEqualTo(1);

        top(2, 6_500_200, 50_000, 6_500_300, 30_000);   // the market moved away before the order arrived
        event(T0 + 5 * MS);
        assertThat(reports).extracting(Report::type).containsExactly(ExecType.NEW, ExecType.CANCELED);
        assertThat(reports.get(1).cumQty()).isZero();

        reports.clear();
        send(2, Side.BUY, 6_500_300, 10_000, OrderType.LIMIT, TimeInForce.IOC, T0 + 6 * MS);
        top(3, 6_500_100, 50_000, 6_500_200, 8_000);    // it moves back: the later book is the one that counts
        event(T0 + 11 * MS);
        assertThat(reports).extracting(Report::type)
            .containsExactly(ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.CANCELED);
        assertThat(reports.get(1).lastPrice()).isEqualTo(6_500_200);
        assertThat(reports.get(1).lastQty()).isEqualTo(8_000);
        assertThat(venue.inFlight()).isZero();
    }

    @Test
    void shouldWalkTheRecordedDepthAndFillOnlyTheVisibleQuantity()
    {
        venue(FillSettings.DEFAULT);
        depth(10, new long[] {6_500_000, 50_000}, new long[] {6_500_100, 3_000, 6_500_200, 4_000, 6_500_400, 10_000});
        send(1, Side.BUY, 6_500_200, 10_000, OrderType.LIMIT, TimeInForce.IOC, T0);
        send(2, Side.BUY, 6_500_200, 1_000, OrderType.LIMIT, TimeInForce.IOC, T0);

        event(T0);

        // order 1 takes 3,000 at 65001 and 4,000 at 65002 (not 65004: beyond its limit), the rest is canceled;
        // order 2, in the same book, finds that visible quantity used up
        assertThat(reports).containsExactly(
            new Report(ExecType.NEW, 0, 0, 0, 10_000, 0, 0, Liquidity.NONE, RejectReason.NONE),
            new Report(ExecType.PARTIAL_FILL, 6_500_100, 3_000, 3_000, 7_000, 195_003_000_000L, -11,
                Liquidity.TAKER, RejectReason.NONE),
            new Report(ExecType.PARTIAL_FILL, 6_500_200, 4_000, 7_000, 3_000, 260_008_000_000L, -11,
                Liquidity.TAKER, RejectReason.NONE),
            new Report(ExecType.CANCELED, 0, 0, 7_000, 0, 0, 0, Liquidity.NONE, RejectReason.NONE),
            new Report(ExecType.NEW, 0, 0, 0, 1_000, 0, 0, Liquidity.NONE, RejectReason.NONE),
            new Report(ExecType.CANCELED, 0, 0, 0, 0, 0, 0, Liquidity.NONE, RejectReason.NONE));
    }

    @Test
    void shouldExpireAFillOrKillThatTheVisibleDepthCannotCover()
    {
        venue(FillSettings.DEFAULT);
        depth(10, new long[] {6_500_000, 50_000}, new long[] {6_500_100, 3_000, 6_500_200, 4_000});
        send(1, Side.BUY, 6_500_200, 10_000, OrderType.LIMIT, TimeInForce.FOK, T0);
        send(2, Side.BUY, 6_500_200, 7_000, OrderType.LIMIT, TimeInForce.FOK, T0);

        event(T0);

        assertThat(reports).extracting(Report::type).containsExactly(
            ExecType.NEW, ExecType.EXPIRED, ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.FILL);
        assertThat(reports.get(1).cumQty()).isZero();
        assertThat(reports.get(4).cumQty()).isEqualTo(7_000);
    }

    @Test
    void shouldRestTheRestOfAGoodTillCanceledOrderAndFillItAsMakerWhenTheBookCrossesIt()
    {
        venue(new FillSettings(0, 750, -25));
        depth(10, new long[] {6_500_000, 50_000}, new long[] {6_500_100, 3_000, 6_500_400, 10_000});
        send(1, Side.BUY, 6_500_200, 6_000, OrderType.LIMIT, TimeInForce.GTC, T0);

        event(T0);
        // 0.03 BTC at 65001.00 = 1950.03 USDT, 7.5 bps taker = 1.4625225 USDT (mantissa at -13)
        assertThat(reports).hasSize(2);
        assertThat(reports.get(1)).isEqualTo(new Report(ExecType.PARTIAL_FILL, 6_500_100, 3_000, 3_000, 3_000,
            14_625_225_000_000L, -13, Liquidity.TAKER, RejectReason.NONE));
        assertThat(venue.resting()).isEqualTo(1);

        reports.clear();
        event(T0 + MS);                                        // same book: the used-up 3,000 do not fill it again
        assertThat(reports).isEmpty();

        depth(11, new long[] {6_500_000, 50_000}, new long[] {6_500_150, 1_500, 6_500_200, 1_000, 6_500_400, 10_000});
        event(T0 + 2 * MS);
        // maker fills at its own price 65002.00: 1,500 + 1,000 visible at or below it; -0.25 bps (a rebate)
        // on 0.025 BTC * 65002.00 = 1625.05 USDT is -0.04062625 USDT
        assertThat(reports).extracting(Report::type).containsExactly(ExecType.PARTIAL_FILL, ExecType.PARTIAL_FILL);
        assertThat(reports).extracting(Report::lastPrice).containsOnly(6_500_200L);
        assertThat(reports).extracting(Report::liquidity).containsOnly(Liquidity.MAKER);
        assertThat(reports.get(1).cumQty()).isEqualTo(5_500);
        assertThat(reports.get(0).feeValue() + reports.get(1).feeValue()).isCloseTo(-0.04062625, within(1e-12));
        assertThat(venue.resting()).isEqualTo(1);

        reports.clear();
        cancel(2, 1, T0 + 3 * MS);
        cancel(3, 99, T0 + 3 * MS);
        event(T0 + 3 * MS);
        assertThat(reports).extracting(Report::type).containsExactly(ExecType.CANCELED, ExecType.REJECTED);
        assertThat(reports.get(1).reason()).isEqualTo(RejectReason.TOO_LATE_TO_CANCEL);
        assertThat(venue.resting()).isZero();
    }

    @Test
    void shouldRejectAPostOnlyOrderThatWouldTakeAndWalkAMarketOrderWithoutALimit()
    {
        venue(FillSettings.DEFAULT);
        depth(10, new long[] {6_500_000, 2_000, 6_499_000, 5_000}, new long[] {6_500_100, 3_000});
        send(1, Side.BUY, 6_500_100, 1_000, OrderType.LIMIT_MAKER, TimeInForce.GTC, T0);
        send(2, Side.SELL, 0, 4_000, OrderType.MARKET, TimeInForce.IOC, T0);

        event(T0);

        assertThat(reports).extracting(Report::type).containsExactly(ExecType.NEW, ExecType.REJECTED,
            ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.FILL);
        assertThat(reports.get(1).reason()).isEqualTo(RejectReason.WOULD_CROSS);
        assertThat(reports).extracting(Report::lastPrice).containsExactly(0L, 0L, 0L, 6_500_000L, 6_499_000L);
    }

    @Test
    void shouldFillTheSameWayEveryTime()
    {
        final List<Report> first = new ArrayList<>();
        for (int run = 0; run < 2; run++)
        {
            reports.clear();
            venue(new FillSettings(2 * MS, 1000, 200));
            depth(10, new long[] {6_500_000, 50_000}, new long[] {6_500_100, 3_000, 6_500_200, 4_000});
            send(1, Side.BUY, 6_500_200, 10_000, OrderType.LIMIT, TimeInForce.GTC, T0);
            event(T0 + 2 * MS);
            depth(11, new long[] {6_500_000, 50_000}, new long[] {6_500_150, 9_000});
            event(T0 + 3 * MS);
            if (run == 0)
            {
                first.addAll(reports);
            }
        }
        assertThat(first).hasSize(4);
        assertThat(reports).isEqualTo(first);
    }

    @Test
    void shouldHandTheSameReportsToASinkInThePipelinesPlace()
    {
        buyAtTheAskOnADefaultVenue();
        final long positionBefore = core.portfolio().position(BTC);
        final List<Long> times = new ArrayList<>();
        final List<byte[]> frames = new ArrayList<>();

        final int delivered = venue.onMarketEvent((buffer, offset, length, nanos) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            frames.add(copy);
            times.add(nanos);
        }, T0 + MS);

        assertThat(delivered).isEqualTo(2);
        assertThat(reports).extracting(Report::type).containsExactly(ExecType.NEW, ExecType.FILL);
        assertThat(times).containsExactly(T0 + MS, T0 + MS);
        assertThat(core.portfolio().position(BTC)).as("nothing went to the pipeline").isEqualTo(positionBefore);
        for (final byte[] report : frames)
        {
            core.pipeline().onSyntheticFrame(new UnsafeBuffer(report), 0, report.length, T0 + MS);
        }
        assertThat(core.portfolio().position(BTC)).as("the sink's frames are the reports").isEqualTo(10_000);
        assertThat(core.orders().openOrders(BTC)).isZero();
    }
}
