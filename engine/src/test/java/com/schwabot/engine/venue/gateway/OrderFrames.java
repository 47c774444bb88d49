package com.schwabot.engine.venue.gateway;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

import com.lmax.disruptor.RingBuffer;
import com.schwabot.codecs.sbe.CancelOrderEncoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.HeartbeatEncoder;
import com.schwabot.codecs.sbe.LogonEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderEncoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.codecs.sbe.YesNo;
import com.schwabot.codecs.sbe.TradeEncoder;
import com.schwabot.engine.ring.OutboundEvent;

/**
 * Canonical order-entry frames for gateway tests, encoded with the generated codecs. The {@code publish} methods
 * play the business thread: claim a slot, encode in place, publish; allocation-free.
 */
final class OrderFrames
{
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancel = new CancelOrderEncoder();

    void publishNewOrder(
        final RingBuffer<OutboundEvent> ring, final long destination, final long clOrdId, final long price,
        final long qty)
    {
        final long sequence = ring.next();
        final OutboundEvent event = ring.get(sequence);
        final int length = encodeNewOrder(event.buffer(), clOrdId, price, qty);
        event.length(length).destination(destination).clOrdId(clOrdId);
        ring.publish(sequence);
    }

    void publishCancel(
        final RingBuffer<OutboundEvent> ring, final long destination, final long clOrdId, final long origClOrdId)
    {
        final long sequence = ring.next();
        final OutboundEvent event = ring.get(sequence);
        final int length = encodeCancel(event.buffer(), clOrdId, origClOrdId);
        event.length(length).destination(destination).clOrdId(clOrdId);
        ring.publish(sequence);
    }

    void publishRaw(final RingBuffer<OutboundEvent> ring, final long destination, final byte[] bytes, final int length)
    {
        final long sequence = ring.next();
        final OutboundEvent event = ring.get(sequence);
        event.buffer().putBytes(0, bytes, 0, Math.min(bytes.length, OutboundEvent.CAPACITY));
        event.length(length).destination(destination).clOrdId(-1);
        ring.publish(sequence);
    }

    int encodeNewOrder(final UnsafeBuffer buffer, final long clOrdId, final long price, final long qty)
    {
        newOrder.wrapAndApplyHeader(buffer, 0, header)
            .clOrdId(clOrdId)
            .price(price)
            .qty(qty)
            .timeNs(1_700_000_000_000_000_000L + clOrdId)
            .instrumentId(3)
            .strategyId(9)
            .venueId(1)
            .priceExponent((byte)-2)
            .qtyExponent((byte)-5)
            .side(0 == (clOrdId & 1) ? Side.BUY : Side.SELL)
            .orderType(OrderType.LIMIT)
            .timeInForce(TimeInForce.GTC);
        return MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength();
    }

    int encodeCancel(final UnsafeBuffer buffer, final long clOrdId, final long origClOrdId)
    {
        cancel.wrapAndApplyHeader(buffer, 0, header)
            .clOrdId(clOrdId)
            .origClOrdId(origClOrdId)
            .exchangeOrderId(5_000 + origClOrdId)
            .timeNs(1_700_000_000_000_000_000L + clOrdId)
            .instrumentId(4)
            .venueId(1);
        return MessageHeaderEncoder.ENCODED_LENGTH + cancel.encodedLength();
    }

    byte[] newOrder(final long clOrdId, final long price, final long qty)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OutboundEvent.CAPACITY]);
        return copy(buffer, encodeNewOrder(buffer, clOrdId, price, qty));
    }

    byte[] cancel(final long clOrdId, final long origClOrdId)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[OutboundEvent.CAPACITY]);
        return copy(buffer, encodeCancel(buffer, clOrdId, origClOrdId));
    }

    static byte[] executionReport(final long clOrdId, final ExecType execType, final long lastQty)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final ExecutionReportEncoder report = new ExecutionReportEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .clOrdId(clOrdId)
            .exchangeOrderId(77)
            .execId(88)
            .transactTimeNs(1_700_000_000_123_456_789L)
            .orderPrice(6_512_345)
            .lastPrice(6_512_300)
            .lastQty(lastQty)
            .cumQty(lastQty)
            .leavesQty(0)
            .fee(12)
            .instrumentId(3)
            .venueId(1)
            .priceExponent((byte)-2)
            .qtyExponent((byte)-5)
            .feeExponent((byte)-8)
            .side(Side.BUY)
            .execType(execType)
            .rejectReason(RejectReason.NONE)
            .liquidity(Liquidity.MAKER);
        return copy(buffer, MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    static byte[] logon(final long account, final long lastExecId)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final LogonEncoder logon = new LogonEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(1_700_000_000_000_000_000L).account(account).lastExecId(lastExecId)
            .reset(Long.MIN_VALUE == lastExecId ? YesNo.YES : YesNo.NO);
        return copy(buffer, MessageHeaderEncoder.ENCODED_LENGTH + logon.encodedLength());
    }

    static byte[] heartbeat(final long sequence)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final HeartbeatEncoder heartbeat = new HeartbeatEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .timeNs(1_700_000_000_000_000_000L)
            .sequence(sequence)
            .sourceId(99);
        return copy(buffer, MessageHeaderEncoder.ENCODED_LENGTH + heartbeat.encodedLength());
    }

    static byte[] trade()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
        final TradeEncoder trade = new TradeEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .eventTimeNs(1)
            .tradeId(2)
            .price(3)
            .qty(4)
            .instrumentId(5)
            .venueId(1)
            .priceExponent((byte)-2)
            .qtyExponent((byte)-5)
            .aggressorSide(Side.SELL);
        return copy(buffer, MessageHeaderEncoder.ENCODED_LENGTH + trade.encodedLength());
    }

    /**
     * @param frames SBE frames.
     * @return each preceded by its int32 little-endian length, as on the wire.
     */
    static byte[] prefixed(final byte[]... frames)
    {
        int total = 0;
        for (final byte[] frame : frames)
        {
            total += 4 + frame.length;
        }
        final UnsafeBuffer out = new UnsafeBuffer(new byte[total]);
        int offset = 0;
        for (final byte[] frame : frames)
        {
            out.putInt(offset, frame.length, ByteOrder.LITTLE_ENDIAN);
            out.putBytes(offset + 4, frame);
            offset += 4 + frame.length;
        }
        return out.byteArray();
    }

    static byte[] lengthOnly(final int length)
    {
        final UnsafeBuffer out = new UnsafeBuffer(new byte[4]);
        out.putInt(0, length, ByteOrder.LITTLE_ENDIAN);
        return out.byteArray();
    }

    private static byte[] copy(final UnsafeBuffer buffer, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }
}
