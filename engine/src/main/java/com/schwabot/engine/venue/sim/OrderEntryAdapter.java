package com.schwabot.engine.venue.sim;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.HeartbeatDecoder;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.YesNo;

/**
 * Decodes order-entry frames (canonical SBE, the length prefix already removed) and hands them to the
 * {@link MatchingEngine} (orders, cancels) or the {@link Accounts} (logons). A frame that does not check (unknown
 * schema or template, bad block length, truncated) or that is a canonical message a client does not send is counted
 * in {@link SimCounter#OE_UNKNOWN_FRAMES} and skipped, except that a NewOrder or CancelOrder whose client order id
 * can still be read is answered with {@code REJECTED} / {@code OTHER}. Not thread-safe; allocation-free but for
 * logons (see {@link Accounts}).
 */
final class OrderEntryAdapter
{
    /** What a frame was. */
    static final int ORDER = 1;
    static final int CANCEL = 2;
    static final int HEARTBEAT = 3;
    static final int LOGON = 4;
    static final int UNKNOWN = 0;

    private static final int CL_ORD_ID_LENGTH = 8;

    private final FrameChecker checker = new FrameChecker();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final LogonDecoder logon = new LogonDecoder();
    private final MatchingEngine engine;
    private final Accounts accounts;
    private final SimulatorCounters counters;

    OrderEntryAdapter(final MatchingEngine engine, final Accounts accounts, final SimulatorCounters counters)
    {
        this.engine = engine;
        this.accounts = accounts;
        this.counters = counters;
    }

    /**
     * Act on one frame.
     *
     * @param sessionId connection it came on.
     * @param buffer    holding the frame.
     * @param offset    of its message header.
     * @param length    of the frame (as the length prefix said).
     * @param nowNanos  time of arrival.
     * @return {@link #ORDER}, {@link #CANCEL}, {@link #HEARTBEAT}, {@link #LOGON} or {@link #UNKNOWN}.
     */
    int onFrame(final int sessionId, final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
        final FrameStatus status = checker.check(buffer, offset, length);
        final int headerLength = MessageHeaderDecoder.ENCODED_LENGTH;
        if (FrameStatus.OK == status && checker.isCanonical())
        {
            switch (checker.templateId())
            {
                case NewOrderDecoder.TEMPLATE_ID:
                    newOrder.wrap(buffer, offset + headerLength, checker.blockLength(), checker.version());
                    engine.onNewOrder(sessionId, newOrder, nowNanos);
                    return ORDER;

                case CancelOrderDecoder.TEMPLATE_ID:
                    cancelOrder.wrap(buffer, offset + headerLength, checker.blockLength(), checker.version());
                    engine.onCancel(sessionId, cancelOrder, nowNanos);
                    return CANCEL;

                case HeartbeatDecoder.TEMPLATE_ID:
                    counters.increment(SimCounter.OE_HEARTBEATS_IN);
                    return HEARTBEAT;

                case LogonDecoder.TEMPLATE_ID:
                    logon.wrap(buffer, offset + headerLength, checker.blockLength(), checker.version());
                    onLogon(sessionId, nowNanos);
                    return LOGON;

                default:
                    break;
            }
        }
        counters.increment(SimCounter.OE_UNKNOWN_FRAMES);
        final int templateId = checker.templateId();
        final boolean orderOrCancel =
            templateId == NewOrderDecoder.TEMPLATE_ID || templateId == CancelOrderDecoder.TEMPLATE_ID;
        if (checker.schemaId() == FrameChecker.CANONICAL_SCHEMA_ID && orderOrCancel &&
            length >= headerLength + CL_ORD_ID_LENGTH)
        {
            final long clOrdId = buffer.getLong(offset + headerLength, NewOrderDecoder.BYTE_ORDER);
            engine.rejectUnreadable(sessionId, clOrdId, templateId == NewOrderDecoder.TEMPLATE_ID, nowNanos);
        }
        return UNKNOWN;
    }

    /**
     * A logon: a connection holding the account loses it first (its open orders canceled, the cancels kept for the
     * account), then the account is this connection's, answered and resent to.
     */
    private void onLogon(final int sessionId, final long nowNanos)
    {
        final long account = logon.account();
        final int holder = accounts.sessionOf(account);
        if (holder != Accounts.NONE && holder != sessionId)
        {
            engine.cancelSession(holder, nowNanos);
            accounts.end(holder);
        }
        accounts.logon(sessionId, account, logon.lastExecId(), logon.resetRaw() == YesNo.NO.value(), nowNanos);
    }
}
