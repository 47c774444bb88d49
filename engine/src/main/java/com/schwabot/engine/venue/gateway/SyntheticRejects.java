package com.schwabot.engine.venue.gateway;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;

/**
 * Builds the canonical {@code ExecutionReport} the gateway publishes in place of the venue's answer when it cannot
 * send an order: {@code execType=REJECTED}, {@code rejectReason=VENUE_ERROR}, {@code transactTimeNs} = now,
 * no exchange order id or exec id (null), nothing filled, {@code liquidity=NONE}.
 * <ul>
 *   <li>For a {@code NewOrder}: its {@code clOrdId}, {@code instrumentId}, {@code venueId}, {@code side},
 *       {@code price} (as {@code orderPrice}) and both exponents are copied. The canonical report has no order
 *       quantity field, so the order's quantity cannot travel with it: {@code lastQty}, {@code cumQty} and
 *       {@code leavesQty} are 0, as for any rejected order (nothing filled, nothing left open); the order manager
 *       still has the quantity under the {@code clOrdId}.</li>
 *   <li>For a {@code CancelOrder}: the report carries the cancel request's own {@code clOrdId} (not
 *       {@code origClOrdId}: the report has no field for it, and it is the request that failed); its
 *       {@code instrumentId}, {@code venueId} and {@code exchangeOrderId} are copied; {@code side} is
 *       {@code NULL_VAL} (a cancel has none), prices and exponents are 0. The order manager matches it with the
 *       pending cancel by that id; the original order's state is not changed by this report (while the gateway is
 *       down, the protocol's cancel-on-disconnect rule is what decides it).</li>
 * </ul>
 * Allocation-free; not thread-safe (the gateway thread owns it). The report is valid until the next call.
 */
final class SyntheticRejects
{
    private final FrameChecker checker = new FrameChecker();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancel = new CancelOrderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final UnsafeBuffer buffer =
        new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH + ExecutionReportEncoder.BLOCK_LENGTH]);

    /**
     * Encode the reject for one order-entry frame.
     *
     * @param frame    the {@code NewOrder} or {@code CancelOrder} frame.
     * @param offset   of its header.
     * @param length   of the frame.
     * @param nowNanos epoch nanoseconds for {@code transactTimeNs}.
     * @return the report's length in {@link #buffer()} from offset 0, or -1 when the frame is neither a valid
     * {@code NewOrder} nor a valid {@code CancelOrder}.
     */
    int encode(final DirectBuffer frame, final int offset, final int length, final long nowNanos)
    {
        if (FrameStatus.OK != checker.check(frame, offset, length) || !checker.isCanonical())
        {
            return -1;
        }
        final int templateId = checker.templateId();
        if (NewOrderDecoder.TEMPLATE_ID == templateId)
        {
            newOrder.wrapAndApplyHeader(frame, offset, headerDecoder);
            start(newOrder.clOrdId(), ExecutionReportEncoder.exchangeOrderIdNullValue(), nowNanos)
                .orderPrice(newOrder.price())
                .instrumentId(newOrder.instrumentId())
                .venueId(newOrder.venueId())
                .priceExponent(newOrder.priceExponent())
                .qtyExponent(newOrder.qtyExponent())
                .side(side(newOrder.sideRaw()));
        }
        else if (CancelOrderDecoder.TEMPLATE_ID == templateId)
        {
            cancel.wrapAndApplyHeader(frame, offset, headerDecoder);
            start(cancel.clOrdId(), cancel.exchangeOrderId(), nowNanos)
                .orderPrice(0)
                .instrumentId(cancel.instrumentId())
                .venueId(cancel.venueId())
                .priceExponent((byte)0)
                .qtyExponent((byte)0)
                .side(Side.NULL_VAL);
        }
        else
        {
            return -1;
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength();
    }

    /**
     * @return the buffer holding the last report, from offset 0.
     */
    UnsafeBuffer buffer()
    {
        return buffer;
    }

    private ExecutionReportEncoder start(final long clOrdId, final long exchangeOrderId, final long nowNanos)
    {
        return report.wrapAndApplyHeader(buffer, 0, headerEncoder)
            .clOrdId(clOrdId)
            .exchangeOrderId(exchangeOrderId)
            .execId(ExecutionReportEncoder.execIdNullValue())
            .transactTimeNs(nowNanos)
            .lastPrice(0)
            .lastQty(0)
            .cumQty(0)
            .leavesQty(0)
            .fee(0)
            .feeExponent((byte)0)
            .execType(ExecType.REJECTED)
            .rejectReason(RejectReason.VENUE_ERROR)
            .liquidity(Liquidity.NONE);
    }

    private static Side side(final short raw)
    {
        // Side.get throws on an unknown value; a corrupt side must not stop the reject.
        if (0 == raw)
        {
            return Side.BUY;
        }
        return 1 == raw ? Side.SELL : Side.NULL_VAL;
    }
}
