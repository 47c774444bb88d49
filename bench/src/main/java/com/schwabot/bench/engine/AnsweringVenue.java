package com.schwabot.bench.engine;

import java.nio.ByteBuffer;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.ring.InputRing;

/**
 * The latency harness's venue. {@link #send} (on the gateway thread, {@link GatewayDrain}) passes each NewOrder frame
 * through a one-to-one ring buffer; on the producer thread, {@link #answer} takes the orders and publishes an
 * execution report for each into the input ring, as the order gateway does: CANCELED with nothing filled (an
 * immediate-or-cancel order that found no liquidity), so that the order is done, the position stays flat and the
 * decision stage may send the next one as soon as the risk gate's rate limit allows.
 * <p>
 * Thread-safety: {@link #send} on one thread only, {@link #answer} on the producer thread only; each has its own
 * decoders.
 */
final class AnsweringVenue implements OrderSender
{
    private static final int ORDER_MESSAGE = 1;
    private static final int RING_BYTES = 1 << 16;

    private final OneToOneRingBuffer orders = new OneToOneRingBuffer(new UnsafeBuffer(
        ByteBuffer.allocateDirect(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
    private final MessageHeaderDecoder sentHeader = new MessageHeaderDecoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final MessageHeaderEncoder reportHeader = new MessageHeaderEncoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final UnsafeBuffer reportBuffer = new UnsafeBuffer(new byte[256]);
    private final MessageHandler onOrder = this::onOrder;
    private final long source;
    private InputRing ring;
    private long reportNanos;
    private long newOrders;
    private long otherFrames;
    private long ringFull;

    /**
     * A venue.
     *
     * @param source source of the execution reports (the venue's order connection).
     */
    AnsweringVenue(final long source)
    {
        this.source = source;
    }

    /**
     * Before the business thread starts: where execution reports go.
     *
     * @param ring the input ring.
     */
    void wire(final InputRing ring)
    {
        this.ring = ring;
    }

    /**
     * {@inheritDoc}
     */
    public boolean send(
        final DirectBuffer buffer, final int offset, final int length, final long clOrdId, final long destination)
    {
        sentHeader.wrap(buffer, offset);
        if (sentHeader.templateId() != NewOrderDecoder.TEMPLATE_ID)
        {
            otherFrames++;
            return true;
        }
        newOrders++;
        if (!orders.write(ORDER_MESSAGE, buffer, offset, length))
        {
            ringFull++;
        }
        return true;
    }

    /**
     * On the producer thread: answer the orders sent since the last call.
     *
     * @param nanos ingress time to stamp the reports with.
     * @return reports published.
     */
    int answer(final long nanos)
    {
        reportNanos = nanos;
        return orders.read(onOrder);
    }

    private void onOrder(final int msgTypeId, final DirectBuffer buffer, final int offset, final int length)
    {
        header.wrap(buffer, offset);
        newOrder.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        report.wrapAndApplyHeader(reportBuffer, 0, reportHeader)
            .clOrdId(newOrder.clOrdId())
            .exchangeOrderId(ExecutionReportEncoder.exchangeOrderIdNullValue())
            .execId(ExecutionReportEncoder.execIdNullValue())
            .transactTimeNs(reportNanos)
            .orderPrice(newOrder.price())
            .lastPrice(0)
            .lastQty(0)
            .cumQty(0)
            .leavesQty(0)
            .fee(0)
            .instrumentId(newOrder.instrumentId())
            .venueId(newOrder.venueId())
            .priceExponent(newOrder.priceExponent())
            .qtyExponent(newOrder.qtyExponent())
            .feeExponent((byte)0)
            .side(newOrder.side())
            .execType(ExecType.CANCELED)
            .rejectReason(RejectReason.NONE)
            .liquidity(Liquidity.NONE);
        ring.onExecution(source, reportBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength(),
            reportNanos);
    }

    long newOrders()
    {
        return newOrders;
    }

    long otherFrames()
    {
        return otherFrames;
    }

    long ringFull()
    {
        return ringFull;
    }
}
