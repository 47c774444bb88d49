package com.schwabot.engine.venue.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderEncoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;

class SyntheticRejectsTest
{
    private final SyntheticRejects rejects = new SyntheticRejects();
    private final OrderFrames frames = new OrderFrames();

    @Test
    void shouldCopyTheNewOrderIntoARejectedReport()
    {
        final byte[] order = frames.newOrder(1_234, 6_512_345, 150);

        final int length = rejects.encode(new UnsafeBuffer(order), 0, order.length, 1_700_000_000_000_000_123L);

        final ExecutionReportDecoder report = decode(length);
        assertThat(report.clOrdId()).isEqualTo(1_234);
        assertThat(report.orderPrice()).isEqualTo(6_512_345);
        assertThat(report.side()).isEqualTo(Side.BUY);
        assertThat(report.instrumentId()).isEqualTo(3);
        assertThat(report.venueId()).isEqualTo(1);
        assertThat(report.priceExponent()).isEqualTo((byte)-2);
        assertThat(report.qtyExponent()).isEqualTo((byte)-5);
        assertThat(report.transactTimeNs()).isEqualTo(1_700_000_000_000_000_123L);
        assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(report.rejectReason()).isEqualTo(RejectReason.VENUE_ERROR);
        assertThat(report.liquidity()).isEqualTo(Liquidity.NONE);
        assertThat(report.exchangeOrderId()).isEqualTo(ExecutionReportDecoder.exchangeOrderIdNullValue());
        assertThat(report.execId()).isEqualTo(ExecutionReportDecoder.execIdNullValue());
        assertThat(report.lastPrice()).isZero();
        assertThat(report.lastQty()).isZero();
        assertThat(report.cumQty()).isZero();
        assertThat(report.leavesQty()).isZero();
        assertThat(report.fee()).isZero();
    }

    @Test
    void shouldAnswerACancelWithARejectForTheCancelRequestItself()
    {
        final byte[] cancel = frames.cancel(77, 76);

        final int length = rejects.encode(new UnsafeBuffer(cancel), 0, cancel.length, 5);

        final ExecutionReportDecoder report = decode(length);
        assertThat(report.clOrdId()).isEqualTo(77);
        assertThat(report.exchangeOrderId()).isEqualTo(5_076);
        assertThat(report.instrumentId()).isEqualTo(4);
        assertThat(report.side()).isEqualTo(Side.NULL_VAL);
        assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(report.rejectReason()).isEqualTo(RejectReason.VENUE_ERROR);
        assertThat(report.orderPrice()).isZero();
    }

    @Test
    void shouldNotThrowOnACorruptSide()
    {
        final UnsafeBuffer order = new UnsafeBuffer(frames.newOrder(9, 1, 1));
        order.putByte(MessageHeaderDecoder.ENCODED_LENGTH + NewOrderEncoder.sideEncodingOffset(), (byte)7);

        final int length = rejects.encode(order, 0, order.capacity(), 1);

        assertThat(decode(length).side()).isEqualTo(Side.NULL_VAL);
    }

    @Test
    void shouldRefuseFramesThatAreNotOrdersOrCancels()
    {
        final byte[] trade = OrderFrames.trade();
        final byte[] order = frames.newOrder(9, 1, 1);

        assertThat(rejects.encode(new UnsafeBuffer(trade), 0, trade.length, 1)).isEqualTo(-1);
        assertThat(rejects.encode(new UnsafeBuffer(order), 0, order.length - 1, 1)).isEqualTo(-1);
        assertThat(rejects.encode(new UnsafeBuffer(new byte[64]), 0, 64, 1)).isEqualTo(-1);
    }

    private ExecutionReportDecoder decode(final int length)
    {
        final FrameChecker checker = new FrameChecker();
        assertThat(checker.check(rejects.buffer(), 0, length)).isEqualTo(FrameStatus.OK);
        assertThat(checker.encodedLength()).isEqualTo(length);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        return new ExecutionReportDecoder().wrapAndApplyHeader(rejects.buffer(), 0, header);
    }
}
