package com.schwabot.engine.venue.sim;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;

/**
 * A decoded execution report, for assertions.
 */
record Report(
    int sessionId,
    long clOrdId,
    long exchangeOrderId,
    long execId,
    long transactTimeNs,
    ExecType execType,
    RejectReason rejectReason,
    Liquidity liquidity,
    Side side,
    int instrumentId,
    long orderPrice,
    long lastPrice,
    long lastQty,
    long cumQty,
    long leavesQty,
    long fee,
    int priceExponent,
    int qtyExponent,
    int feeExponent,
    int venueId)
{
    static Report decode(final int sessionId, final DirectBuffer buffer, final int offset)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        if (header.templateId() != ExecutionReportDecoder.TEMPLATE_ID)
        {
            throw new IllegalArgumentException("not an execution report: template " + header.templateId());
        }
        final ExecutionReportDecoder report = new ExecutionReportDecoder().wrap(
            buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        return new Report(
            sessionId, report.clOrdId(), report.exchangeOrderId(), report.execId(), report.transactTimeNs(),
            report.execType(), report.rejectReason(), report.liquidity(), report.side(), report.instrumentId(),
            report.orderPrice(), report.lastPrice(), report.lastQty(), report.cumQty(), report.leavesQty(),
            report.fee(), report.priceExponent(), report.qtyExponent(), report.feeExponent(), report.venueId());
    }
}
