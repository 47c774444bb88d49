package com.schwabot.codecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.binance.BestBidAskStreamEventEncoder;
import com.schwabot.codecs.binance.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.BookSnapshotEncoder;

class FrameRendererTest
{
    private static final String T = "1700000000123456789";
    private static final String US = "1700000000123456";

    private final FrameRenderer renderer = new FrameRenderer();
    private final StringBuilder out = new StringBuilder(1024);

    @Test
    void shouldRenderTrade()
    {
        assertThat(render(TestFrames.trade())).isEqualTo("Trade{instrumentId=3, venueId=1, tradeId=77, " +
            "price=6512345e-2, qty=15e-3, aggressorSide=BUY, eventTimeNs=" + T + "}");
    }

    @Test
    void shouldRenderBookTop()
    {
        assertThat(render(TestFrames.bookTop())).isEqualTo("BookTop{instrumentId=3, venueId=1, bookUpdateId=900, " +
            "bidPrice=6512300e-2, bidQty=2e-3, askPrice=6512400e-2, askQty=5e-3, eventTimeNs=" + T + "}");
    }

    @Test
    void shouldRenderBookDelta()
    {
        assertThat(render(TestFrames.bookDelta())).isEqualTo("BookDelta{instrumentId=3, venueId=1, " +
            "firstUpdateId=901, lastUpdateId=903, eventTimeNs=" + T + ", " +
            "bids=[6512300e-2 x 0e-3, 6512200e-2 x 7e-3], asks=[6512400e-2 x 4e-3]}");
    }

    @Test
    void shouldRenderBookSnapshot()
    {
        assertThat(render(TestFrames.bookSnapshot())).isEqualTo("BookSnapshot{instrumentId=3, venueId=1, " +
            "lastUpdateId=903, eventTimeNs=" + T + ", " +
            "bids=[6512300e-2 x 2e-3], asks=[6512400e-2 x 5e-3, 6512500e-2 x 9e-3]}");
    }

    @Test
    void shouldRenderInstrumentDefinition()
    {
        assertThat(render(TestFrames.instrumentDefinition())).isEqualTo("InstrumentDefinition{instrumentId=3, " +
            "venueId=1, priceExponent=-2, qtyExponent=-5, tickSize=1e-2, lotSize=1e-5, minQty=10e-5, symbol=BTCUSDT}");
    }

    @Test
    void shouldRenderNewOrder()
    {
        assertThat(render(TestFrames.newOrder())).isEqualTo("NewOrder{clOrdId=1001, instrumentId=3, venueId=1, " +
            "strategyId=7, side=SELL, orderType=LIMIT, timeInForce=IOC, price=6512300e-2, qty=15e-3, " +
            "timeNs=" + T + "}");
    }

    @Test
    void shouldRenderCancelOrderWithAbsentExchangeOrderIdAsNull()
    {
        assertThat(render(TestFrames.cancelOrder())).isEqualTo("CancelOrder{clOrdId=1002, origClOrdId=1001, " +
            "exchangeOrderId=null, instrumentId=3, venueId=1, timeNs=" + T + "}");
    }

    @Test
    void shouldRenderExecutionReport()
    {
        assertThat(render(TestFrames.executionReport())).isEqualTo("ExecutionReport{clOrdId=1001, " +
            "exchangeOrderId=555000111, execId=42, instrumentId=3, venueId=1, side=SELL, execType=PARTIAL_FILL, " +
            "rejectReason=NONE, orderPrice=6512300e-2, lastPrice=6512300e-2, lastQty=5e-3, cumQty=5e-3, " +
            "leavesQty=10e-3, fee=-3e-6, liquidity=MAKER, transactTimeNs=" + T + "}");
    }

    @Test
    void shouldRenderSignal()
    {
        assertThat(render(TestFrames.signal())).isEqualTo(
            "Signal{instrumentId=3, strategyId=7, direction=LONG, strength=75e-2, timeNs=" + T + "}");
    }

    @Test
    void shouldRenderRiskReject()
    {
        assertThat(render(TestFrames.riskReject())).isEqualTo("RiskReject{clOrdId=1003, instrumentId=3, " +
            "strategyId=7, reason=NOTIONAL, limit=100000e-2, actual=130250e-2, timeNs=" + T + "}");
    }

    @Test
    void shouldRenderTimer()
    {
        assertThat(render(TestFrames.timer())).isEqualTo(
            "Timer{timerId=12, deadlineNs=1700000000123456788, timeNs=" + T + "}");
    }

    @Test
    void shouldRenderAdminCommand()
    {
        assertThat(render(TestFrames.adminCommand())).isEqualTo("AdminCommand{commandId=5, action=SET_LIMIT, " +
            "instrumentId=0, riskLimit=DAILY_LOSS, value=250000e-2, timeNs=" + T + ", note=ops: tighten}");
    }

    @Test
    void shouldRenderConnectionState()
    {
        assertThat(render(TestFrames.connectionState())).isEqualTo(
            "ConnectionState{sourceId=4294967299, channel=ORDER_ENTRY, state=DOWN, timeNs=" + T + "}");
    }

    @Test
    void shouldRenderLogon()
    {
        assertThat(render(TestFrames.logon())).isEqualTo("Logon{account=7, lastExecId=42, reset=NO, timeNs=" + T + "}");
    }

    @Test
    void shouldRenderHeartbeat()
    {
        assertThat(render(TestFrames.heartbeat())).isEqualTo(
            "Heartbeat{sourceId=2, sequence=123456, timeNs=" + T + "}");
    }

    @Test
    void shouldRenderBinanceTrades()
    {
        assertThat(render(TestFrames.binanceTrades())).isEqualTo("TradesStreamEvent{eventTimeUs=" + US + ", " +
            "transactTimeUs=1700000000123451, trades=[" +
            "{id=1000001, price=6512345e-2, qty=150000e-8, isBuyerMaker=True}, " +
            "{id=1000002, price=6512346e-2, qty=1e-8, isBuyerMaker=False}], symbol=BTCUSDT}");
    }

    @Test
    void shouldRenderBinanceBestBidAsk()
    {
        assertThat(render(TestFrames.binanceBestBidAsk())).isEqualTo("BestBidAskStreamEvent{eventTimeUs=" + US +
            ", bookUpdateId=70000001, bidPrice=6512300e-2, bidQty=20000000e-8, askPrice=6512400e-2, askQty=5e-8, " +
            "symbol=ETHUSDT}");
    }

    @Test
    void shouldRenderBinanceDepthSnapshot()
    {
        assertThat(render(TestFrames.binanceDepthSnapshot())).isEqualTo("DepthSnapshotStreamEvent{eventTimeUs=" +
            US + ", bookUpdateId=70000002, bids=[6512300e-2 x 3e-8], asks=[6512400e-2 x 4e-8], symbol=BTCUSDT}");
    }

    @Test
    void shouldRenderBinanceDepthDiffWithEmptyBids()
    {
        assertThat(render(TestFrames.binanceDepthDiff())).isEqualTo("DepthDiffStreamEvent{eventTimeUs=" + US +
            ", firstBookUpdateId=70000003, lastBookUpdateId=70000004, bids=[], " +
            "asks=[6512400e-2 x 0e-8, 6512500e-2 x 8e-8], symbol=BTCUSDT}");
    }

    @Test
    void shouldRenderTruncatedFrameWithStatusAndHexPrefix()
    {
        final byte[] frame = Arrays.copyOf(TestFrames.trade(), 12);

        assertThat(render(frame))
            .startsWith("BadFrame{status=TRUNCATED_BODY, schemaId=101, version=1, templateId=1, blockLength=41, " +
                "length=12, bytes=2900010065000100")
            .endsWith("}")
            .doesNotContain("...");
    }

    @Test
    void shouldRenderShortFrameWithoutHeaderFields()
    {
        assertThat(render(new byte[]{0x29, 0x00, 0x01})).isEqualTo(
            "BadFrame{status=TRUNCATED_HEADER, length=3, bytes=290001}");
    }

    @Test
    void shouldCutHexPrefixOfLongBadFrame()
    {
        final byte[] frame = TestFrames.binanceTrades();
        frame[4] = 9;

        assertThat(render(frame))
            .startsWith("BadFrame{status=UNKNOWN_SCHEMA, schemaId=9, version=0, templateId=10000, blockLength=18, ")
            .endsWith("...}");
    }

    @Test
    void shouldRenderOutOfBoundsRequestWithTheBytesThatExist()
    {
        out.setLength(0);
        renderer.render(new UnsafeBuffer(new byte[4]), 2, 8, out);

        assertThat(out.toString()).isEqualTo("BadFrame{status=BAD_BOUNDS, length=8, bytes=0000}");
    }

    @Test
    void shouldCutLongGroupsShortWithACount()
    {
        final UnsafeBuffer buffer = TestFrames.scratch();
        final BookSnapshotEncoder e = new BookSnapshotEncoder()
            .wrapAndApplyHeader(buffer, 0, new com.schwabot.codecs.sbe.MessageHeaderEncoder())
            .priceExponent((byte)0).qtyExponent((byte)0);
        final BookSnapshotEncoder.BidsEncoder bids = e.bidsCount(RenderSupport.MAX_GROUP_ENTRIES + 4);
        for (int i = 0; i < RenderSupport.MAX_GROUP_ENTRIES + 4; i++)
        {
            bids.next().price(100 - i).qty(1);
        }
        e.asksCount(0);

        final String line = render(TestFrames.exact(buffer, 8 + e.encodedLength()));

        assertThat(line).contains("85e0 x 1e0, +4 more], asks=[]}");
    }

    @Test
    void shouldEscapeNonAsciiAndBackslashInSymbol()
    {
        final UnsafeBuffer buffer = TestFrames.scratch();
        final BestBidAskStreamEventEncoder e = new BestBidAskStreamEventEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .symbol("BTC\u00e9\\");

        assertThat(render(TestFrames.exact(buffer, 8 + e.encodedLength()))).endsWith("symbol=BTC\\xc3\\xa9\\x5c}");
    }

    @Test
    void shouldAppendToTheCallersBuilder()
    {
        out.setLength(0);
        out.append("> ");
        final byte[] frame = TestFrames.heartbeat();

        renderer.render(new UnsafeBuffer(frame), 0, frame.length, out);

        assertThat(out.toString()).startsWith("> Heartbeat{");
        assertThat(renderer.checker().encodedLength()).isEqualTo(frame.length);
    }

    @Test
    void shouldNotAllocateWhenCheckingAndRenderingOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final List<TestFrames.Sample> samples = TestFrames.all();
        final UnsafeBuffer[] buffers = new UnsafeBuffer[samples.size()];
        for (int i = 0; i < buffers.length; i++)
        {
            buffers[i] = new UnsafeBuffer(samples.get(i).frame());
        }
        final FrameChecker checker = new FrameChecker();
        for (int warm = 0; warm < 3; warm++)
        {
            renderAll(buffers, checker);
        }

        final long before = threads.getCurrentThreadAllocatedBytes();
        renderAll(buffers, checker);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).isZero();
    }

    private void renderAll(final UnsafeBuffer[] buffers, final FrameChecker checker)
    {
        for (final UnsafeBuffer buffer : buffers)
        {
            checker.check(buffer, 0, buffer.capacity());
            out.setLength(0);
            renderer.render(buffer, 0, buffer.capacity(), out);
            out.setLength(0);
            renderer.render(buffer, 0, buffer.capacity() - 1, out);
        }
    }

    private String render(final byte[] frame)
    {
        out.setLength(0);
        return renderer.render(new UnsafeBuffer(frame), 0, frame.length, out).toString();
    }
}
