package com.schwabot.codecs;

import static org.assertj.core.api.Assertions.assertThat;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.AdminCommandEncoder;
import com.schwabot.codecs.sbe.BookDeltaDecoder;
import com.schwabot.codecs.sbe.BookDeltaEncoder;
import com.schwabot.codecs.sbe.BookSnapshotDecoder;
import com.schwabot.codecs.sbe.BookSnapshotEncoder;
import com.schwabot.codecs.sbe.BookTopDecoder;
import com.schwabot.codecs.sbe.BookTopEncoder;
import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.CancelOrderEncoder;
import com.schwabot.codecs.sbe.Direction;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ConnectionStateDecoder;
import com.schwabot.codecs.sbe.ConnectionStateEncoder;
import com.schwabot.codecs.sbe.HeartbeatDecoder;
import com.schwabot.codecs.sbe.HeartbeatEncoder;
import com.schwabot.codecs.sbe.LinkState;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.LogonEncoder;
import com.schwabot.codecs.sbe.InstrumentDefinitionDecoder;
import com.schwabot.codecs.sbe.InstrumentDefinitionEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.NewOrderEncoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.codecs.sbe.RiskRejectDecoder;
import com.schwabot.codecs.sbe.RiskRejectEncoder;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.SignalDecoder;
import com.schwabot.codecs.sbe.SignalEncoder;
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.codecs.sbe.TimerDecoder;
import com.schwabot.codecs.sbe.TimerEncoder;
import com.schwabot.codecs.sbe.TradeDecoder;
import com.schwabot.codecs.sbe.TradeEncoder;
import com.schwabot.codecs.sbe.YesNo;

class CanonicalRoundTripTest
{
    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;
    private static final byte EXP_MIN = Byte.MIN_VALUE;
    private static final byte EXP_MAX = Byte.MAX_VALUE;
    private static final int VENUE_MAX = 65535;
    private static final int MAX_SYMBOL = 254;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[1 << 16]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final FrameChecker checker = new FrameChecker();

    @Test
    void shouldRoundTripTradeWithExtremeValues()
    {
        final TradeEncoder e = new TradeEncoder().wrapAndApplyHeader(scratch, 0, header)
            .eventTimeNs(MAX).tradeId(MIN).price(MIN).qty(MAX).instrumentId(Integer.MIN_VALUE).venueId(VENUE_MAX)
            .priceExponent(EXP_MIN).qtyExponent(EXP_MAX).aggressorSide(Side.SELL);
        final TradeDecoder d = new TradeDecoder().wrapAndApplyHeader(frame(e.encodedLength()), 0, headerDecoder);

        assertThat(headerDecoder.templateId()).isEqualTo(TradeDecoder.TEMPLATE_ID);
        assertThat(d.eventTimeNs()).isEqualTo(MAX);
        assertThat(d.tradeId()).isEqualTo(MIN);
        assertThat(d.price()).isEqualTo(MIN);
        assertThat(d.qty()).isEqualTo(MAX);
        assertThat(d.instrumentId()).isEqualTo(Integer.MIN_VALUE);
        assertThat(d.venueId()).isEqualTo(VENUE_MAX);
        assertThat(d.priceExponent()).isEqualTo(EXP_MIN);
        assertThat(d.qtyExponent()).isEqualTo(EXP_MAX);
        assertThat(d.aggressorSide()).isEqualTo(Side.SELL);
    }

    @Test
    void shouldRoundTripBookTop()
    {
        final BookTopEncoder e = new BookTopEncoder().wrapAndApplyHeader(scratch, 0, header)
            .eventTimeNs(MIN).bookUpdateId(MAX).bidPrice(-1).bidQty(0).askPrice(MAX).askQty(MIN)
            .instrumentId(Integer.MAX_VALUE).venueId(0).priceExponent((byte)-8).qtyExponent((byte)-18);
        final BookTopDecoder d = new BookTopDecoder().wrapAndApplyHeader(frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.eventTimeNs()).isEqualTo(MIN);
        assertThat(d.bookUpdateId()).isEqualTo(MAX);
        assertThat(d.bidPrice()).isEqualTo(-1);
        assertThat(d.bidQty()).isZero();
        assertThat(d.askPrice()).isEqualTo(MAX);
        assertThat(d.askQty()).isEqualTo(MIN);
        assertThat(d.instrumentId()).isEqualTo(Integer.MAX_VALUE);
        assertThat(d.venueId()).isZero();
        assertThat(d.priceExponent()).isEqualTo((byte)-8);
        assertThat(d.qtyExponent()).isEqualTo((byte)-18);
    }

    @Test
    void shouldRoundTripBookDeltaWithLevelsInBothGroups()
    {
        final BookDeltaEncoder e = new BookDeltaEncoder().wrapAndApplyHeader(scratch, 0, header)
            .eventTimeNs(1).firstUpdateId(MIN).lastUpdateId(MAX).instrumentId(9).venueId(2)
            .priceExponent(EXP_MIN).qtyExponent(EXP_MAX);
        final BookDeltaEncoder.BidsEncoder bids = e.bidsCount(1000);
        for (int i = 0; i < 1000; i++)
        {
            bids.next().price(MAX - i).qty(i);
        }
        e.asksCount(2).next().price(MIN).qty(MAX).next().price(-5).qty(0);
        final BookDeltaDecoder d = new BookDeltaDecoder().wrapAndApplyHeader(
            frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.firstUpdateId()).isEqualTo(MIN);
        assertThat(d.lastUpdateId()).isEqualTo(MAX);
        assertThat(d.priceExponent()).isEqualTo(EXP_MIN);
        final BookDeltaDecoder.BidsDecoder bidsDecoder = d.bids();
        assertThat(bidsDecoder.count()).isEqualTo(1000);
        for (int i = 0; i < 1000; i++)
        {
            bidsDecoder.next();
            assertThat(bidsDecoder.price()).isEqualTo(MAX - i);
            assertThat(bidsDecoder.qty()).isEqualTo(i);
        }
        final BookDeltaDecoder.AsksDecoder asks = d.asks();
        assertThat(asks.count()).isEqualTo(2);
        assertThat(asks.next().price()).isEqualTo(MIN);
        assertThat(asks.qty()).isEqualTo(MAX);
        assertThat(asks.next().price()).isEqualTo(-5);
        assertThat(asks.qty()).isZero();
    }

    @Test
    void shouldRoundTripBookDeltaWithEmptyGroups()
    {
        final BookDeltaEncoder e = new BookDeltaEncoder().wrapAndApplyHeader(scratch, 0, header).lastUpdateId(4);
        e.bidsCount(0);
        e.asksCount(0);
        final BookDeltaDecoder d = new BookDeltaDecoder().wrapAndApplyHeader(
            frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.lastUpdateId()).isEqualTo(4);
        assertThat(d.bids().count()).isZero();
        assertThat(d.asks().count()).isZero();
        assertThat(checker.encodedLength()).isEqualTo(8 + BookDeltaDecoder.BLOCK_LENGTH + 4 + 4);
    }

    @Test
    void shouldRoundTripBookSnapshotWithEmptyAndFullGroups()
    {
        final BookSnapshotEncoder e = new BookSnapshotEncoder().wrapAndApplyHeader(scratch, 0, header)
            .eventTimeNs(MAX).lastUpdateId(MIN).instrumentId(-1).venueId(VENUE_MAX)
            .priceExponent((byte)-2).qtyExponent((byte)-5);
        e.bidsCount(0);
        e.asksCount(3).next().price(1).qty(MAX).next().price(2).qty(MIN).next().price(3).qty(0);
        final BookSnapshotDecoder d = new BookSnapshotDecoder().wrapAndApplyHeader(
            frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.eventTimeNs()).isEqualTo(MAX);
        assertThat(d.lastUpdateId()).isEqualTo(MIN);
        assertThat(d.instrumentId()).isEqualTo(-1);
        assertThat(d.venueId()).isEqualTo(VENUE_MAX);
        assertThat(d.bids().count()).isZero();
        final BookSnapshotDecoder.AsksDecoder asks = d.asks();
        assertThat(asks.count()).isEqualTo(3);
        assertThat(asks.next().qty()).isEqualTo(MAX);
        assertThat(asks.next().qty()).isEqualTo(MIN);
        assertThat(asks.next().price()).isEqualTo(3);
    }

    @Test
    void shouldRoundTripInstrumentDefinitionWithLongestSymbol()
    {
        final String symbol = "S".repeat(MAX_SYMBOL);
        final InstrumentDefinitionEncoder e = new InstrumentDefinitionEncoder().wrapAndApplyHeader(scratch, 0, header)
            .tickSize(MAX).lotSize(MIN).minQty(1).instrumentId(42).venueId(3)
            .priceExponent(EXP_MIN).qtyExponent(EXP_MAX).symbol(symbol);
        final InstrumentDefinitionDecoder d = new InstrumentDefinitionDecoder().wrapAndApplyHeader(
            frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.tickSize()).isEqualTo(MAX);
        assertThat(d.lotSize()).isEqualTo(MIN);
        assertThat(d.minQty()).isEqualTo(1);
        assertThat(d.instrumentId()).isEqualTo(42);
        assertThat(d.venueId()).isEqualTo(3);
        assertThat(d.priceExponent()).isEqualTo(EXP_MIN);
        assertThat(d.qtyExponent()).isEqualTo(EXP_MAX);
        assertThat(d.symbol()).isEqualTo(symbol);
    }

    @Test
    void shouldRoundTripInstrumentDefinitionWithEmptySymbol()
    {
        final InstrumentDefinitionEncoder e = new InstrumentDefinitionEncoder().wrapAndApplyHeader(scratch, 0, header)
            .instrumentId(1).symbol("");
        final InstrumentDefinitionDecoder d = new InstrumentDefinitionDecoder().wrapAndApplyHeader(
            frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.symbol()).isEmpty();
    }

    @Test
    void shouldRoundTripNewOrder()
    {
        final NewOrderEncoder e = new NewOrderEncoder().wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(MAX).price(MIN).qty(MAX).timeNs(MIN).instrumentId(7).strategyId(Integer.MIN_VALUE).venueId(1)
            .priceExponent((byte)-2).qtyExponent((byte)-8)
            .side(Side.BUY).orderType(OrderType.LIMIT_MAKER).timeInForce(TimeInForce.FOK);
        final NewOrderDecoder d = new NewOrderDecoder().wrapAndApplyHeader(frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.clOrdId()).isEqualTo(MAX);
        assertThat(d.price()).isEqualTo(MIN);
        assertThat(d.qty()).isEqualTo(MAX);
        assertThat(d.timeNs()).isEqualTo(MIN);
        assertThat(d.instrumentId()).isEqualTo(7);
        assertThat(d.strategyId()).isEqualTo(Integer.MIN_VALUE);
        assertThat(d.priceExponent()).isEqualTo((byte)-2);
        assertThat(d.qtyExponent()).isEqualTo((byte)-8);
        assertThat(d.side()).isEqualTo(Side.BUY);
        assertThat(d.orderType()).isEqualTo(OrderType.LIMIT_MAKER);
        assertThat(d.timeInForce()).isEqualTo(TimeInForce.FOK);
    }

    @Test
    void shouldRoundTripCancelOrder()
    {
        final CancelOrderEncoder e = new CancelOrderEncoder().wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(MIN).origClOrdId(MAX).exchangeOrderId(MAX).timeNs(MAX).instrumentId(5).venueId(VENUE_MAX);
        final CancelOrderDecoder d = new CancelOrderDecoder().wrapAndApplyHeader(
            frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.clOrdId()).isEqualTo(MIN);
        assertThat(d.origClOrdId()).isEqualTo(MAX);
        assertThat(d.exchangeOrderId()).isEqualTo(MAX);
        assertThat(d.timeNs()).isEqualTo(MAX);
        assertThat(d.instrumentId()).isEqualTo(5);
        assertThat(d.venueId()).isEqualTo(VENUE_MAX);
        assertThat(CancelOrderDecoder.exchangeOrderIdNullValue()).isEqualTo(MIN);
    }

    @Test
    void shouldRoundTripExecutionReportForEveryExecTypeAndRejectReason()
    {
        for (final ExecType execType : ExecType.values())
        {
            if (ExecType.NULL_VAL == execType)
            {
                continue;
            }
            for (final RejectReason reason : RejectReason.values())
            {
                if (RejectReason.NULL_VAL != reason)
                {
                    assertExecutionReportRoundTrip(execType, reason);
                }
            }
        }
    }

    private void assertExecutionReportRoundTrip(final ExecType execType, final RejectReason reason)
    {
        final ExecutionReportEncoder e = new ExecutionReportEncoder().wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(MAX).exchangeOrderId(MIN).execId(MAX).transactTimeNs(MAX)
            .orderPrice(MIN).lastPrice(MAX).lastQty(1).cumQty(MAX).leavesQty(0).fee(MIN)
            .instrumentId(11).venueId(2).priceExponent(EXP_MIN).qtyExponent(EXP_MAX).feeExponent((byte)-12)
            .side(Side.SELL).execType(execType).rejectReason(reason).liquidity(Liquidity.TAKER);
        final ExecutionReportDecoder d = new ExecutionReportDecoder().wrapAndApplyHeader(
            frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.clOrdId()).isEqualTo(MAX);
        assertThat(d.exchangeOrderId()).isEqualTo(MIN);
        assertThat(d.execId()).isEqualTo(MAX);
        assertThat(d.transactTimeNs()).isEqualTo(MAX);
        assertThat(d.orderPrice()).isEqualTo(MIN);
        assertThat(d.lastPrice()).isEqualTo(MAX);
        assertThat(d.lastQty()).isEqualTo(1);
        assertThat(d.cumQty()).isEqualTo(MAX);
        assertThat(d.leavesQty()).isZero();
        assertThat(d.fee()).isEqualTo(MIN);
        assertThat(d.instrumentId()).isEqualTo(11);
        assertThat(d.venueId()).isEqualTo(2);
        assertThat(d.priceExponent()).isEqualTo(EXP_MIN);
        assertThat(d.qtyExponent()).isEqualTo(EXP_MAX);
        assertThat(d.feeExponent()).isEqualTo((byte)-12);
        assertThat(d.side()).isEqualTo(Side.SELL);
        assertThat(d.execType()).isEqualTo(execType);
        assertThat(d.rejectReason()).isEqualTo(reason);
        assertThat(d.liquidity()).isEqualTo(Liquidity.TAKER);
    }

    @Test
    void shouldRoundTripSignalForEveryDirection()
    {
        for (final Direction direction : new Direction[]{Direction.FLAT, Direction.LONG, Direction.SHORT})
        {
            final SignalEncoder e = new SignalEncoder().wrapAndApplyHeader(scratch, 0, header)
                .timeNs(MAX).strength(MIN).instrumentId(3).strategyId(Integer.MAX_VALUE)
                .strengthExponent(EXP_MIN).direction(direction);
            final SignalDecoder d = new SignalDecoder().wrapAndApplyHeader(frame(e.encodedLength()), 0, headerDecoder);

            assertThat(d.timeNs()).isEqualTo(MAX);
            assertThat(d.strength()).isEqualTo(MIN);
            assertThat(d.instrumentId()).isEqualTo(3);
            assertThat(d.strategyId()).isEqualTo(Integer.MAX_VALUE);
            assertThat(d.strengthExponent()).isEqualTo(EXP_MIN);
            assertThat(d.direction()).isEqualTo(direction);
        }
    }

    @Test
    void shouldRoundTripRiskRejectForEveryReason()
    {
        for (final RiskReason reason : RiskReason.values())
        {
            if (RiskReason.NULL_VAL == reason)
            {
                continue;
            }
            final RiskRejectEncoder e = new RiskRejectEncoder().wrapAndApplyHeader(scratch, 0, header)
                .clOrdId(MIN).timeNs(MAX).limitValue(MAX).actualValue(MIN).instrumentId(8).strategyId(-3)
                .valueExponent(EXP_MAX).reason(reason);
            final RiskRejectDecoder d = new RiskRejectDecoder().wrapAndApplyHeader(
                frame(e.encodedLength()), 0, headerDecoder);

            assertThat(d.clOrdId()).isEqualTo(MIN);
            assertThat(d.timeNs()).isEqualTo(MAX);
            assertThat(d.limitValue()).isEqualTo(MAX);
            assertThat(d.actualValue()).isEqualTo(MIN);
            assertThat(d.instrumentId()).isEqualTo(8);
            assertThat(d.strategyId()).isEqualTo(-3);
            assertThat(d.valueExponent()).isEqualTo(EXP_MAX);
            assertThat(d.reason()).isEqualTo(reason);
        }
        assertThat(RiskReason.values()).hasSize(17);
    }

    @Test
    void shouldRoundTripTimer()
    {
        final TimerEncoder e = new TimerEncoder().wrapAndApplyHeader(scratch, 0, header)
            .timerId(MIN).deadlineNs(MAX).timeNs(0);
        final TimerDecoder d = new TimerDecoder().wrapAndApplyHeader(frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.timerId()).isEqualTo(MIN);
        assertThat(d.deadlineNs()).isEqualTo(MAX);
        assertThat(d.timeNs()).isZero();
    }

    @Test
    void shouldRoundTripAdminCommandForEveryAction()
    {
        final String note = "n".repeat(MAX_SYMBOL);
        for (final AdminAction action : new AdminAction[]{AdminAction.HALT, AdminAction.RESUME, AdminAction.SET_LIMIT})
        {
            final AdminCommandEncoder e = new AdminCommandEncoder().wrapAndApplyHeader(scratch, 0, header)
                .commandId(MAX).timeNs(MIN).value(MIN).instrumentId(0).valueExponent(EXP_MIN)
                .action(action).riskLimit(RiskReason.GROSS_EXPOSURE).note(note);
            final AdminCommandDecoder d = new AdminCommandDecoder().wrapAndApplyHeader(
                frame(e.encodedLength()), 0, headerDecoder);

            assertThat(d.commandId()).isEqualTo(MAX);
            assertThat(d.timeNs()).isEqualTo(MIN);
            assertThat(d.value()).isEqualTo(MIN);
            assertThat(d.instrumentId()).isZero();
            assertThat(d.valueExponent()).isEqualTo(EXP_MIN);
            assertThat(d.action()).isEqualTo(action);
            assertThat(d.riskLimit()).isEqualTo(RiskReason.GROSS_EXPOSURE);
            assertThat(d.note()).isEqualTo(note);
        }
    }

    @Test
    void shouldRoundTripHeartbeat()
    {
        final HeartbeatEncoder e = new HeartbeatEncoder().wrapAndApplyHeader(scratch, 0, header)
            .timeNs(MAX).sequence(MIN).sourceId(MAX);
        final HeartbeatDecoder d = new HeartbeatDecoder().wrapAndApplyHeader(
            frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.timeNs()).isEqualTo(MAX);
        assertThat(d.sequence()).isEqualTo(MIN);
        assertThat(d.sourceId()).isEqualTo(MAX);
    }

    @Test
    void shouldRoundTripConnectionState()
    {
        final ConnectionStateEncoder e = new ConnectionStateEncoder().wrapAndApplyHeader(scratch, 0, header)
            .timeNs(MAX).sourceId(MIN).channel(Channel.MARKET_DATA).state(LinkState.UP);
        final ConnectionStateDecoder d = new ConnectionStateDecoder().wrapAndApplyHeader(
            frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.timeNs()).isEqualTo(MAX);
        assertThat(d.sourceId()).isEqualTo(MIN);
        assertThat(d.channel()).isEqualTo(Channel.MARKET_DATA);
        assertThat(d.state()).isEqualTo(LinkState.UP);
    }

    @Test
    void shouldRoundTripLogonWithAndWithoutALastExecId()
    {
        final LogonEncoder e = new LogonEncoder().wrapAndApplyHeader(scratch, 0, header)
            .timeNs(MAX).account(MIN).lastExecId(MAX).reset(YesNo.NO);
        final LogonDecoder d = new LogonDecoder().wrapAndApplyHeader(frame(e.encodedLength()), 0, headerDecoder);

        assertThat(d.timeNs()).isEqualTo(MAX);
        assertThat(d.account()).isEqualTo(MIN);
        assertThat(d.lastExecId()).isEqualTo(MAX);
        assertThat(d.reset()).isEqualTo(YesNo.NO);

        e.lastExecId(LogonEncoder.lastExecIdNullValue()).reset(YesNo.YES);
        assertThat(new LogonDecoder().wrapAndApplyHeader(frame(e.encodedLength()), 0, headerDecoder).lastExecId())
            .isEqualTo(LogonDecoder.lastExecIdNullValue()).isEqualTo(Long.MIN_VALUE);
    }

    /**
     * Copy the encoded frame into a buffer of exactly its length, and check it is complete and canonical.
     */
    private UnsafeBuffer frame(final int bodyLength)
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
        final UnsafeBuffer frame = new UnsafeBuffer(TestFrames.exact(scratch, length));

        assertThat(checker.check(frame, 0, length)).isEqualTo(FrameStatus.OK);
        assertThat(checker.encodedLength()).isEqualTo(length);
        assertThat(checker.isCanonical()).isTrue();
        return frame;
    }
}
