package com.schwabot.codecs;

import java.util.Arrays;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.binance.BestBidAskStreamEventEncoder;
import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.binance.DepthDiffStreamEventEncoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventEncoder;
import com.schwabot.codecs.binance.TradesStreamEventEncoder;
import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandEncoder;
import com.schwabot.codecs.sbe.BookDeltaEncoder;
import com.schwabot.codecs.sbe.BookSnapshotEncoder;
import com.schwabot.codecs.sbe.BookTopEncoder;
import com.schwabot.codecs.sbe.CancelOrderEncoder;
import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ConnectionStateEncoder;
import com.schwabot.codecs.sbe.Direction;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.HeartbeatEncoder;
import com.schwabot.codecs.sbe.LinkState;
import com.schwabot.codecs.sbe.LogonEncoder;
import com.schwabot.codecs.sbe.InstrumentDefinitionEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderEncoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.codecs.sbe.RiskRejectEncoder;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.SignalEncoder;
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.codecs.sbe.TimerEncoder;
import com.schwabot.codecs.sbe.TradeEncoder;
import com.schwabot.codecs.sbe.YesNo;

/**
 * One sample frame per template of both schemas, each in a byte array of exactly its encoded length. The values
 * are fixed so renderer output can be asserted.
 */
final class TestFrames
{
    static final long TIME_NS = 1_700_000_000_123_456_789L;
    static final long TIME_US = 1_700_000_000_123_456L;

    private static final int CAPACITY = 4096;
    private static final MessageHeaderEncoder HEADER = new MessageHeaderEncoder();
    private static final com.schwabot.codecs.binance.MessageHeaderEncoder BINANCE_HEADER =
        new com.schwabot.codecs.binance.MessageHeaderEncoder();

    private TestFrames()
    {
    }

    record Sample(String name, byte[] frame)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    static List<Sample> all()
    {
        return List.of(
            new Sample("Trade", trade()),
            new Sample("BookTop", bookTop()),
            new Sample("BookDelta", bookDelta()),
            new Sample("BookSnapshot", bookSnapshot()),
            new Sample("InstrumentDefinition", instrumentDefinition()),
            new Sample("NewOrder", newOrder()),
            new Sample("CancelOrder", cancelOrder()),
            new Sample("ExecutionReport", executionReport()),
            new Sample("Signal", signal()),
            new Sample("RiskReject", riskReject()),
            new Sample("Timer", timer()),
            new Sample("AdminCommand", adminCommand()),
            new Sample("Heartbeat", heartbeat()),
            new Sample("ConnectionState", connectionState()),
            new Sample("Logon", logon()),
            new Sample("TradesStreamEvent", binanceTrades()),
            new Sample("BestBidAskStreamEvent", binanceBestBidAsk()),
            new Sample("DepthSnapshotStreamEvent", binanceDepthSnapshot()),
            new Sample("DepthDiffStreamEvent", binanceDepthDiff()));
    }

    static UnsafeBuffer scratch()
    {
        return new UnsafeBuffer(new byte[CAPACITY]);
    }

    static byte[] exact(final UnsafeBuffer buffer, final int length)
    {
        return Arrays.copyOf(buffer.byteArray(), length);
    }

    static byte[] trade()
    {
        final UnsafeBuffer buffer = scratch();
        final TradeEncoder e = new TradeEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .eventTimeNs(TIME_NS).tradeId(77).price(6_512_345).qty(15).instrumentId(3).venueId(1)
            .priceExponent((byte)-2).qtyExponent((byte)-3).aggressorSide(Side.BUY);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] bookTop()
    {
        final UnsafeBuffer buffer = scratch();
        final BookTopEncoder e = new BookTopEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .eventTimeNs(TIME_NS).bookUpdateId(900).bidPrice(6_512_300).bidQty(2).askPrice(6_512_400).askQty(5)
            .instrumentId(3).venueId(1).priceExponent((byte)-2).qtyExponent((byte)-3);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] bookDelta()
    {
        final UnsafeBuffer buffer = scratch();
        final BookDeltaEncoder e = new BookDeltaEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .eventTimeNs(TIME_NS).firstUpdateId(901).lastUpdateId(903).instrumentId(3).venueId(1)
            .priceExponent((byte)-2).qtyExponent((byte)-3);
        e.bidsCount(2).next().price(6_512_300).qty(0).next().price(6_512_200).qty(7);
        e.asksCount(1).next().price(6_512_400).qty(4);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] bookSnapshot()
    {
        final UnsafeBuffer buffer = scratch();
        final BookSnapshotEncoder e = new BookSnapshotEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .eventTimeNs(TIME_NS).lastUpdateId(903).instrumentId(3).venueId(1)
            .priceExponent((byte)-2).qtyExponent((byte)-3);
        e.bidsCount(1).next().price(6_512_300).qty(2);
        e.asksCount(2).next().price(6_512_400).qty(5).next().price(6_512_500).qty(9);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] instrumentDefinition()
    {
        final UnsafeBuffer buffer = scratch();
        final InstrumentDefinitionEncoder e = new InstrumentDefinitionEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .tickSize(1).lotSize(1).minQty(10).instrumentId(3).venueId(1)
            .priceExponent((byte)-2).qtyExponent((byte)-5).symbol("BTCUSDT");
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] newOrder()
    {
        final UnsafeBuffer buffer = scratch();
        final NewOrderEncoder e = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .clOrdId(1001).price(6_512_300).qty(15).timeNs(TIME_NS).instrumentId(3).strategyId(7).venueId(1)
            .priceExponent((byte)-2).qtyExponent((byte)-3)
            .side(Side.SELL).orderType(OrderType.LIMIT).timeInForce(TimeInForce.IOC);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] cancelOrder()
    {
        final UnsafeBuffer buffer = scratch();
        final CancelOrderEncoder e = new CancelOrderEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .clOrdId(1002).origClOrdId(1001).exchangeOrderId(CancelOrderEncoder.exchangeOrderIdNullValue())
            .timeNs(TIME_NS).instrumentId(3).venueId(1);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] executionReport()
    {
        final UnsafeBuffer buffer = scratch();
        final ExecutionReportEncoder e = new ExecutionReportEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .clOrdId(1001).exchangeOrderId(555_000_111L).execId(42).transactTimeNs(TIME_NS)
            .orderPrice(6_512_300).lastPrice(6_512_300).lastQty(5).cumQty(5).leavesQty(10).fee(-3)
            .instrumentId(3).venueId(1).priceExponent((byte)-2).qtyExponent((byte)-3).feeExponent((byte)-6)
            .side(Side.SELL).execType(ExecType.PARTIAL_FILL).rejectReason(RejectReason.NONE)
            .liquidity(Liquidity.MAKER);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] signal()
    {
        final UnsafeBuffer buffer = scratch();
        final SignalEncoder e = new SignalEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .timeNs(TIME_NS).strength(75).instrumentId(3).strategyId(7).strengthExponent((byte)-2)
            .direction(Direction.LONG);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] riskReject()
    {
        final UnsafeBuffer buffer = scratch();
        final RiskRejectEncoder e = new RiskRejectEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .clOrdId(1003).timeNs(TIME_NS).limitValue(100_000).actualValue(130_250).instrumentId(3).strategyId(7)
            .valueExponent((byte)-2).reason(RiskReason.NOTIONAL);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] timer()
    {
        final UnsafeBuffer buffer = scratch();
        final TimerEncoder e = new TimerEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .timerId(12).deadlineNs(TIME_NS - 1).timeNs(TIME_NS);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] adminCommand()
    {
        final UnsafeBuffer buffer = scratch();
        final AdminCommandEncoder e = new AdminCommandEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .commandId(5).timeNs(TIME_NS).value(250_000).instrumentId(0).valueExponent((byte)-2)
            .action(AdminAction.SET_LIMIT).riskLimit(RiskReason.DAILY_LOSS).note("ops: tighten");
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] connectionState()
    {
        final UnsafeBuffer buffer = scratch();
        final ConnectionStateEncoder e = new ConnectionStateEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .timeNs(TIME_NS).sourceId((1L << 32) | 3).channel(Channel.ORDER_ENTRY).state(LinkState.DOWN);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] logon()
    {
        final UnsafeBuffer buffer = scratch();
        final LogonEncoder e = new LogonEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .timeNs(TIME_NS).account(7).lastExecId(42).reset(YesNo.NO);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] heartbeat()
    {
        final UnsafeBuffer buffer = scratch();
        final HeartbeatEncoder e = new HeartbeatEncoder().wrapAndApplyHeader(buffer, 0, HEADER)
            .timeNs(TIME_NS).sequence(123_456).sourceId(2);
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] binanceTrades()
    {
        final UnsafeBuffer buffer = scratch();
        final TradesStreamEventEncoder e = new TradesStreamEventEncoder().wrapAndApplyHeader(buffer, 0, BINANCE_HEADER)
            .eventTime(TIME_US).transactTime(TIME_US - 5).priceExponent((byte)-2).qtyExponent((byte)-8);
        e.tradesCount(2)
            .next().id(1_000_001).price(6_512_345).qty(150_000).isBuyerMaker(BoolEnum.True)
            .next().id(1_000_002).price(6_512_346).qty(1).isBuyerMaker(BoolEnum.False);
        e.symbol("BTCUSDT");
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] binanceBestBidAsk()
    {
        final UnsafeBuffer buffer = scratch();
        final BestBidAskStreamEventEncoder e = new BestBidAskStreamEventEncoder()
            .wrapAndApplyHeader(buffer, 0, BINANCE_HEADER)
            .eventTime(TIME_US).bookUpdateId(70_000_001).priceExponent((byte)-2).qtyExponent((byte)-8)
            .bidPrice(6_512_300).bidQty(20_000_000).askPrice(6_512_400).askQty(5)
            .symbol("ETHUSDT");
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] binanceDepthSnapshot()
    {
        final UnsafeBuffer buffer = scratch();
        final DepthSnapshotStreamEventEncoder e = new DepthSnapshotStreamEventEncoder()
            .wrapAndApplyHeader(buffer, 0, BINANCE_HEADER)
            .eventTime(TIME_US).bookUpdateId(70_000_002).priceExponent((byte)-2).qtyExponent((byte)-8);
        e.bidsCount(1).next().price(6_512_300).qty(3);
        e.asksCount(1).next().price(6_512_400).qty(4);
        e.symbol("BTCUSDT");
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }

    static byte[] binanceDepthDiff()
    {
        final UnsafeBuffer buffer = scratch();
        final DepthDiffStreamEventEncoder e = new DepthDiffStreamEventEncoder()
            .wrapAndApplyHeader(buffer, 0, BINANCE_HEADER)
            .eventTime(TIME_US).firstBookUpdateId(70_000_003).lastBookUpdateId(70_000_004)
            .priceExponent((byte)-2).qtyExponent((byte)-8);
        e.bidsCount(0);
        e.asksCount(2).next().price(6_512_400).qty(0).next().price(6_512_500).qty(8);
        e.symbol("BTCUSDT");
        return exact(buffer, MessageHeaderEncoder.ENCODED_LENGTH + e.encodedLength());
    }
}
