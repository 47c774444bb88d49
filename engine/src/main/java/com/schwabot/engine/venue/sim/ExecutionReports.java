package com.schwabot.engine.venue.sim;

import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.engine.venue.Sources;

/**
 * Builds canonical {@code ExecutionReport} frames in one reused buffer: {@link #begin} fills every field with its
 * neutral value (ids absent, quantities 0, reason NONE, liquidity NONE, venue = simulator) and a fresh exec id,
 * the caller sets what the report says on the returned encoder, and {@link #commit()} hands the frame to the
 * {@link ExecutionListener}. Exec ids count up from 1, one per report of any type, so they are unique and
 * deterministic. Not thread-safe; allocation-free.
 */
final class ExecutionReports
{
    private static final int CAPACITY = 256;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CAPACITY]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ExecutionReportEncoder encoder = new ExecutionReportEncoder();
    private final ExecutionListener listener;
    private final SimulatorCounters counters;
    private long nextExecId = 1;
    private int sessionId;

    ExecutionReports(final ExecutionListener listener, final SimulatorCounters counters)
    {
        this.listener = listener;
        this.counters = counters;
    }

    /**
     * Start a report.
     *
     * @param sessionId connection it goes to.
     * @param clOrdId   client order id it answers.
     * @param nowNanos  transact time.
     * @return the encoder, wrapped over the frame, every field set to its neutral value.
     */
    ExecutionReportEncoder begin(final int sessionId, final long clOrdId, final long nowNanos)
    {
        this.sessionId = sessionId;
        return encoder.wrapAndApplyHeader(buffer, 0, header)
            .clOrdId(clOrdId)
            .exchangeOrderId(ExecutionReportEncoder.exchangeOrderIdNullValue())
            .execId(nextExecId++)
            .transactTimeNs(nowNanos)
            .orderPrice(0)
            .lastPrice(0)
            .lastQty(0)
            .cumQty(0)
            .leavesQty(0)
            .fee(0)
            .instrumentId(0)
            .venueId(Sources.VENUE_SIMULATOR)
            .priceExponent((byte)0)
            .qtyExponent((byte)0)
            .feeExponent((byte)0)
            .side(Side.BUY)
            .execType(ExecType.NEW)
            .rejectReason(RejectReason.NONE)
            .liquidity(Liquidity.NONE);
    }

    /**
     * Send the report started by the last {@link #begin}.
     */
    void commit()
    {
        counters.increment(SimCounter.EXECUTION_REPORTS);
        listener.onExecutionReport(sessionId, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }
}
