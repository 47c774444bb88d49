package com.schwabot.codecs;

import static com.schwabot.codecs.RenderSupport.appendEnum;
import static com.schwabot.codecs.RenderSupport.field;
import static com.schwabot.codecs.RenderSupport.moreEntries;
import static com.schwabot.codecs.RenderSupport.scaled;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.BookDeltaDecoder;
import com.schwabot.codecs.sbe.BookSnapshotDecoder;
import com.schwabot.codecs.sbe.BookTopDecoder;
import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ConnectionStateDecoder;
import com.schwabot.codecs.sbe.Direction;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.HeartbeatDecoder;
import com.schwabot.codecs.sbe.InstrumentDefinitionDecoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.LinkState;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.codecs.sbe.RiskRejectDecoder;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.SignalDecoder;
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.codecs.sbe.TimerDecoder;
import com.schwabot.codecs.sbe.TradeDecoder;
import com.schwabot.codecs.sbe.YesNo;

/**
 * Renders canonical frames that {@link FrameChecker} has accepted. Not thread-safe (reuses its flyweights).
 */
final class CanonicalRenderer
{
    private static final String[] SIDE = RenderSupport.enumNames(Side.values(), Side::value);
    private static final String[] ORDER_TYPE = RenderSupport.enumNames(OrderType.values(), OrderType::value);
    private static final String[] TIF = RenderSupport.enumNames(TimeInForce.values(), TimeInForce::value);
    private static final String[] EXEC_TYPE = RenderSupport.enumNames(ExecType.values(), ExecType::value);
    private static final String[] REJECT = RenderSupport.enumNames(RejectReason.values(), RejectReason::value);
    private static final String[] LIQUIDITY = RenderSupport.enumNames(Liquidity.values(), Liquidity::value);
    private static final String[] RISK = RenderSupport.enumNames(RiskReason.values(), RiskReason::value);
    private static final String[] DIRECTION = RenderSupport.enumNames(Direction.values(), Direction::value);
    private static final String[] ADMIN = RenderSupport.enumNames(AdminAction.values(), AdminAction::value);
    private static final String[] CHANNEL = RenderSupport.enumNames(Channel.values(), Channel::value);
    private static final String[] LINK = RenderSupport.enumNames(LinkState.values(), LinkState::value);
    private static final String[] YES_NO = RenderSupport.enumNames(YesNo.values(), YesNo::value);

    private final TradeDecoder trade = new TradeDecoder();
    private final BookTopDecoder bookTop = new BookTopDecoder();
    private final BookDeltaDecoder bookDelta = new BookDeltaDecoder();
    private final BookSnapshotDecoder bookSnapshot = new BookSnapshotDecoder();
    private final InstrumentDefinitionDecoder instrument = new InstrumentDefinitionDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final ExecutionReportDecoder execReport = new ExecutionReportDecoder();
    private final SignalDecoder signal = new SignalDecoder();
    private final RiskRejectDecoder riskReject = new RiskRejectDecoder();
    private final TimerDecoder timer = new TimerDecoder();
    private final AdminCommandDecoder admin = new AdminCommandDecoder();
    private final HeartbeatDecoder heartbeat = new HeartbeatDecoder();
    private final ConnectionStateDecoder connection = new ConnectionStateDecoder();
    private final LogonDecoder logon = new LogonDecoder();
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[0]);

    void render(final FrameChecker checker, final DirectBuffer buffer, final int offset, final StringBuilder out)
    {
        final int body = offset + FrameChecker.HEADER_LENGTH;
        final int blockLength = checker.blockLength();
        final int version = checker.version();
        switch (checker.templateId())
        {
            case TradeDecoder.TEMPLATE_ID -> renderTrade(trade.wrap(buffer, body, blockLength, version), out);
            case BookTopDecoder.TEMPLATE_ID -> renderBookTop(bookTop.wrap(buffer, body, blockLength, version), out);
            case BookDeltaDecoder.TEMPLATE_ID ->
                renderBookDelta(bookDelta.wrap(buffer, body, blockLength, version), out);
            case BookSnapshotDecoder.TEMPLATE_ID ->
                renderBookSnapshot(bookSnapshot.wrap(buffer, body, blockLength, version), out);
            case InstrumentDefinitionDecoder.TEMPLATE_ID ->
                renderInstrument(instrument.wrap(buffer, body, blockLength, version), out);
            case NewOrderDecoder.TEMPLATE_ID -> renderNewOrder(newOrder.wrap(buffer, body, blockLength, version), out);
            case CancelOrderDecoder.TEMPLATE_ID ->
                renderCancel(cancelOrder.wrap(buffer, body, blockLength, version), out);
            case ExecutionReportDecoder.TEMPLATE_ID ->
                renderExecReport(execReport.wrap(buffer, body, blockLength, version), out);
            case SignalDecoder.TEMPLATE_ID -> renderSignal(signal.wrap(buffer, body, blockLength, version), out);
            case RiskRejectDecoder.TEMPLATE_ID ->
                renderRiskReject(riskReject.wrap(buffer, body, blockLength, version), out);
            case TimerDecoder.TEMPLATE_ID -> renderTimer(timer.wrap(buffer, body, blockLength, version), out);
            case AdminCommandDecoder.TEMPLATE_ID -> renderAdmin(admin.wrap(buffer, body, blockLength, version), out);
            case HeartbeatDecoder.TEMPLATE_ID ->
                renderHeartbeat(heartbeat.wrap(buffer, body, blockLength, version), out);
            case ConnectionStateDecoder.TEMPLATE_ID ->
                renderConnection(connection.wrap(buffer, body, blockLength, version), out);
            case LogonDecoder.TEMPLATE_ID -> renderLogon(logon.wrap(buffer, body, blockLength, version), out);
            default -> out.append("UnknownCanonical{templateId=").append(checker.templateId()).append('}');
        }
    }

    private static void renderTrade(final TradeDecoder d, final StringBuilder out)
    {
        out.append("Trade{instrumentId=").append(d.instrumentId());
        field(out, "venueId").append(d.venueId());
        field(out, "tradeId").append(d.tradeId());
        scaled(out, "price", d.price(), d.priceExponent());
        scaled(out, "qty", d.qty(), d.qtyExponent());
        field(out, "aggressorSide");
        appendEnum(out, SIDE, d.aggressorSideRaw());
        field(out, "eventTimeNs").append(d.eventTimeNs()).append('}');
    }

    private static void renderBookTop(final BookTopDecoder d, final StringBuilder out)
    {
        out.append("BookTop{instrumentId=").append(d.instrumentId());
        field(out, "venueId").append(d.venueId());
        field(out, "bookUpdateId").append(d.bookUpdateId());
        scaled(out, "bidPrice", d.bidPrice(), d.priceExponent());
        scaled(out, "bidQty", d.bidQty(), d.qtyExponent());
        scaled(out, "askPrice", d.askPrice(), d.priceExponent());
        scaled(out, "askQty", d.askQty(), d.qtyExponent());
        field(out, "eventTimeNs").append(d.eventTimeNs()).append('}');
    }

    private static void renderBookDelta(final BookDeltaDecoder d, final StringBuilder out)
    {
        final int priceExponent = d.priceExponent();
        final int qtyExponent = d.qtyExponent();
        out.append("BookDelta{instrumentId=").append(d.instrumentId());
        field(out, "venueId").append(d.venueId());
        field(out, "firstUpdateId").append(d.firstUpdateId());
        field(out, "lastUpdateId").append(d.lastUpdateId());
        field(out, "eventTimeNs").append(d.eventTimeNs());
        field(out, "bids").append('[');
        final BookDeltaDecoder.BidsDecoder bids = d.bids();
        final int bidCount = bids.count();
        for (int i = 0; i < bidCount; i++)
        {
            bids.next();
            if (moreEntries(out, i, bidCount))
            {
                level(out, bids.price(), priceExponent, bids.qty(), qtyExponent);
            }
        }
        field(out.append(']'), "asks").append('[');
        final BookDeltaDecoder.AsksDecoder asks = d.asks();
        final int askCount = asks.count();
        for (int i = 0; i < askCount; i++)
        {
            asks.next();
            if (moreEntries(out, i, askCount))
            {
                level(out, asks.price(), priceExponent, asks.qty(), qtyExponent);
            }
        }
        out.append("]}");
    }

    private static void renderBookSnapshot(final BookSnapshotDecoder d, final StringBuilder out)
    {
        final int priceExponent = d.priceExponent();
        final int qtyExponent = d.qtyExponent();
        out.append("BookSnapshot{instrumentId=").append(d.instrumentId());
        field(out, "venueId").append(d.venueId());
        field(out, "lastUpdateId").append(d.lastUpdateId());
        field(out, "eventTimeNs").append(d.eventTimeNs());
        field(out, "bids").append('[');
        final BookSnapshotDecoder.BidsDecoder bids = d.bids();
        final int bidCount = bids.count();
        for (int i = 0; i < bidCount; i++)
        {
            bids.next();
            if (moreEntries(out, i, bidCount))
            {
                level(out, bids.price(), priceExponent, bids.qty(), qtyExponent);
            }
        }
        field(out.append(']'), "asks").append('[');
        final BookSnapshotDecoder.AsksDecoder asks = d.asks();
        final int askCount = asks.count();
        for (int i = 0; i < askCount; i++)
        {
            asks.next();
            if (moreEntries(out, i, askCount))
            {
                level(out, asks.price(), priceExponent, asks.qty(), qtyExponent);
            }
        }
        out.append("]}");
    }

    static void level(
        final StringBuilder out, final long price, final int priceExponent, final long qty, final int qtyExponent)
    {
        Decimals.appendScientific(out, price, priceExponent).append(" x ");
        Decimals.appendScientific(out, qty, qtyExponent);
    }

    private void renderInstrument(final InstrumentDefinitionDecoder d, final StringBuilder out)
    {
        out.append("InstrumentDefinition{instrumentId=").append(d.instrumentId());
        field(out, "venueId").append(d.venueId());
        field(out, "priceExponent").append(d.priceExponent());
        field(out, "qtyExponent").append(d.qtyExponent());
        scaled(out, "tickSize", d.tickSize(), d.priceExponent());
        scaled(out, "lotSize", d.lotSize(), d.qtyExponent());
        scaled(out, "minQty", d.minQty(), d.qtyExponent());
        field(out, "symbol");
        d.wrapSymbol(text);
        RenderSupport.appendText(out, text, 0, text.capacity());
        out.append('}');
    }

    private static void renderNewOrder(final NewOrderDecoder d, final StringBuilder out)
    {
        out.append("NewOrder{clOrdId=").append(d.clOrdId());
        field(out, "instrumentId").append(d.instrumentId());
        field(out, "venueId").append(d.venueId());
        field(out, "strategyId").append(d.strategyId());
        field(out, "side");
        appendEnum(out, SIDE, d.sideRaw());
        field(out, "orderType");
        appendEnum(out, ORDER_TYPE, d.orderTypeRaw());
        field(out, "timeInForce");
        appendEnum(out, TIF, d.timeInForceRaw());
        scaled(out, "price", d.price(), d.priceExponent());
        scaled(out, "qty", d.qty(), d.qtyExponent());
        field(out, "timeNs").append(d.timeNs()).append('}');
    }

    private static void renderCancel(final CancelOrderDecoder d, final StringBuilder out)
    {
        out.append("CancelOrder{clOrdId=").append(d.clOrdId());
        field(out, "origClOrdId").append(d.origClOrdId());
        field(out, "exchangeOrderId");
        optionalId(out, d.exchangeOrderId(), CancelOrderDecoder.exchangeOrderIdNullValue());
        field(out, "instrumentId").append(d.instrumentId());
        field(out, "venueId").append(d.venueId());
        field(out, "timeNs").append(d.timeNs()).append('}');
    }

    private static void renderExecReport(final ExecutionReportDecoder d, final StringBuilder out)
    {
        final int priceExponent = d.priceExponent();
        final int qtyExponent = d.qtyExponent();
        out.append("ExecutionReport{clOrdId=").append(d.clOrdId());
        field(out, "exchangeOrderId");
        optionalId(out, d.exchangeOrderId(), ExecutionReportDecoder.exchangeOrderIdNullValue());
        field(out, "execId");
        optionalId(out, d.execId(), ExecutionReportDecoder.execIdNullValue());
        field(out, "instrumentId").append(d.instrumentId());
        field(out, "venueId").append(d.venueId());
        field(out, "side");
        appendEnum(out, SIDE, d.sideRaw());
        field(out, "execType");
        appendEnum(out, EXEC_TYPE, d.execTypeRaw());
        field(out, "rejectReason");
        appendEnum(out, REJECT, d.rejectReasonRaw());
        scaled(out, "orderPrice", d.orderPrice(), priceExponent);
        scaled(out, "lastPrice", d.lastPrice(), priceExponent);
        scaled(out, "lastQty", d.lastQty(), qtyExponent);
        scaled(out, "cumQty", d.cumQty(), qtyExponent);
        scaled(out, "leavesQty", d.leavesQty(), qtyExponent);
        scaled(out, "fee", d.fee(), d.feeExponent());
        field(out, "liquidity");
        appendEnum(out, LIQUIDITY, d.liquidityRaw());
        field(out, "transactTimeNs").append(d.transactTimeNs()).append('}');
    }

    private static void renderSignal(final SignalDecoder d, final StringBuilder out)
    {
        out.append("Signal{instrumentId=").append(d.instrumentId());
        field(out, "strategyId").append(d.strategyId());
        field(out, "direction");
        appendEnum(out, DIRECTION, d.directionRaw());
        scaled(out, "strength", d.strength(), d.strengthExponent());
        field(out, "timeNs").append(d.timeNs()).append('}');
    }

    private static void renderRiskReject(final RiskRejectDecoder d, final StringBuilder out)
    {
        out.append("RiskReject{clOrdId=").append(d.clOrdId());
        field(out, "instrumentId").append(d.instrumentId());
        field(out, "strategyId").append(d.strategyId());
        field(out, "reason");
        appendEnum(out, RISK, d.reasonRaw());
        scaled(out, "limit", d.limitValue(), d.valueExponent());
        scaled(out, "actual", d.actualValue(), d.valueExponent());
        field(out, "timeNs").append(d.timeNs()).append('}');
    }

    private static void renderTimer(final TimerDecoder d, final StringBuilder out)
    {
        out.append("Timer{timerId=").append(d.timerId());
        field(out, "deadlineNs").append(d.deadlineNs());
        field(out, "timeNs").append(d.timeNs()).append('}');
    }

    private void renderAdmin(final AdminCommandDecoder d, final StringBuilder out)
    {
        out.append("AdminCommand{commandId=").append(d.commandId());
        field(out, "action");
        appendEnum(out, ADMIN, d.actionRaw());
        field(out, "instrumentId").append(d.instrumentId());
        field(out, "riskLimit");
        appendEnum(out, RISK, d.riskLimitRaw());
        scaled(out, "value", d.value(), d.valueExponent());
        field(out, "timeNs").append(d.timeNs());
        field(out, "note");
        d.wrapNote(text);
        RenderSupport.appendText(out, text, 0, text.capacity());
        out.append('}');
    }

    private static void renderHeartbeat(final HeartbeatDecoder d, final StringBuilder out)
    {
        out.append("Heartbeat{sourceId=").append(d.sourceId());
        field(out, "sequence").append(d.sequence());
        field(out, "timeNs").append(d.timeNs()).append('}');
    }

    private static void renderConnection(final ConnectionStateDecoder d, final StringBuilder out)
    {
        out.append("ConnectionState{sourceId=").append(d.sourceId());
        field(out, "channel");
        appendEnum(out, CHANNEL, d.channelRaw());
        field(out, "state");
        appendEnum(out, LINK, d.stateRaw());
        field(out, "timeNs").append(d.timeNs()).append('}');
    }

    private static void renderLogon(final LogonDecoder d, final StringBuilder out)
    {
        out.append("Logon{account=").append(d.account());
        field(out, "lastExecId");
        optionalId(out, d.lastExecId(), LogonDecoder.lastExecIdNullValue());
        field(out, "reset");
        appendEnum(out, YES_NO, d.resetRaw());
        field(out, "timeNs").append(d.timeNs()).append('}');
    }

    private static void optionalId(final StringBuilder out, final long value, final long nullValue)
    {
        if (value == nullValue)
        {
            out.append("null");
        }
        else
        {
            out.append(value);
        }
    }
}
