package com.schwabot.engine.venue.sim;

import java.util.Arrays;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.LogonEncoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.YesNo;

/**
 * The venue's order-entry accounts, and the session resume of {@code OrderEntryProtocol}: a connection logs on to an
 * account with {@code Logon{account, lastExecId}}, and from then on every execution report made for that connection
 * is also kept in the account's log (in memory), the {@code CANCELED} reports of cancel on disconnect included, which
 * are made once the connection is gone. An account keeps its newest {@value #DEFAULT_KEPT_REPORTS} reports only
 * (101 bytes each, plus 16 of index): when its log is full the older half is dropped (counted,
 * {@code OE_REPORTS_DROPPED}), so a long run's memory stays bounded. A logon is answered with
 * {@code Logon{account, lastExecId = from, reset}}, then every kept report of the account whose exec id is above
 * {@code from}, in exec-id order: {@code from} is the client's {@code lastExecId} ({@code reset = NO}) when the
 * client asks to resume, the venue knows the account, has assigned that id, and has dropped none of the account's
 * reports after it; else the last exec id the venue has assigned ({@code reset = YES}: a new session, nothing is
 * resent). Exec ids are assigned in increasing order by the whole venue, so an account's reports are in increasing
 * exec-id order too.
 * <p>
 * One connection per account: a logon to an account that another connection holds first ends that connection's
 * session (the caller cancels its open orders, reported to the account) and asks the listener to close it
 * ({@link ExecutionListener#onSessionEnded(int)}). A connection that never logs on trades without an account, as
 * before the protocol had logons: nothing is kept for it.
 * <p>
 * Per account it also keeps, for status, the fills and the net position per instrument (buys minus sells, as
 * quantity mantissas at the instrument's exponent).
 * <p>
 * Not thread-safe: the simulator's one thread. Allocation-free per report except when a log grows (amortized) and
 * when an account, or its position in an instrument, is first seen.
 */
final class Accounts implements ExecutionListener
{
    /** No session. */
    static final int NONE = Integer.MIN_VALUE;
    /** Execution reports an account keeps by default (101 bytes each, plus 16 of index: about 30 MB in all). */
    static final int DEFAULT_KEPT_REPORTS = 1 << 18;
    /** Fewest reports an account may be set to keep. */
    static final int MIN_KEPT_REPORTS = 16;
    /** Most reports an account may be set to keep. */
    static final int MAX_KEPT_REPORTS = 1 << 24;

    private static final int EXEC_ID_OFFSET =
        MessageHeaderDecoder.ENCODED_LENGTH + ExecutionReportDecoder.execIdEncodingOffset();
    private static final long NO_EXEC_ID = ExecutionReportDecoder.execIdNullValue();

    private final ExecutionListener downstream;
    private final SimulatorCounters counters;
    private final int keptReports;
    private final Int2ObjectHashMap<Account> bySession = new Int2ObjectHashMap<>();
    private final Long2ObjectHashMap<Account> byId = new Long2ObjectHashMap<>();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final LogonEncoder logon = new LogonEncoder();
    private final UnsafeBuffer logonBuffer = new UnsafeBuffer(new byte[64]);
    private long lastExecId;
    private int silentSession = NONE;

    /**
     * @param downstream receives what goes to connections: reports, logon answers, resent reports.
     * @param counters   where to count logons and resent reports.
     */
    Accounts(final ExecutionListener downstream, final SimulatorCounters counters, final int keptReports)
    {
        if (keptReports < MIN_KEPT_REPORTS || keptReports > MAX_KEPT_REPORTS)
        {
            throw new IllegalArgumentException("keptReports=" + keptReports + " must be in [" + MIN_KEPT_REPORTS +
                ", " + MAX_KEPT_REPORTS + "]");
        }
        this.downstream = downstream;
        this.counters = counters;
        this.keptReports = keptReports;
    }

    /**
     * A report made for a connection: kept when the connection is logged on, passed on unless the connection is
     * closing.
     */
    @Override
    public void onExecutionReport(final int sessionId, final DirectBuffer buffer, final int offset, final int length)
    {
        final long execId = buffer.getLong(offset + EXEC_ID_OFFSET, ExecutionReportDecoder.BYTE_ORDER);
        if (execId != NO_EXEC_ID && execId > lastExecId)
        {
            lastExecId = execId;
        }
        final Account account = bySession.get(sessionId);
        if (null != account)
        {
            if (account.count == keptReports)
            {
                counters.add(SimCounter.OE_REPORTS_DROPPED, account.dropOlderHalf());
            }
            account.keep(buffer, offset, length, execId);
            report.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH,
                ExecutionReportDecoder.BLOCK_LENGTH, ExecutionReportDecoder.SCHEMA_VERSION);
            final short execType = report.execTypeRaw();
            if (execType == ExecType.FILL.value() || execType == ExecType.PARTIAL_FILL.value())
            {
                account.onFill(report.instrumentId(),
                    report.sideRaw() == Side.BUY.value() ? report.lastQty() : -report.lastQty());
            }
        }
        if (sessionId != silentSession)
        {
            downstream.onExecutionReport(sessionId, buffer, offset, length);
        }
    }

    @Override
    public void onFlush()
    {
        downstream.onFlush();
    }

    /**
     * @param accountId an account.
     * @return the connection logged on to it, or {@link #NONE}.
     */
    int sessionOf(final long accountId)
    {
        final Account account = byId.get(accountId);
        return null == account ? NONE : account.sessionId;
    }

    /**
     * End a connection's session (another connection logged on to its account): it is no longer the account's, and
     * the listener is asked to close it. Cancel its open orders first, so that the cancels are kept.
     *
     * @param sessionId the connection.
     */
    void end(final int sessionId)
    {
        unbind(sessionId);
        counters.increment(SimCounter.OE_SESSIONS_ENDED);
        downstream.onSessionEnded(sessionId);
    }

    /**
     * A connection logs on: bind it to the account, answer, and resend the account's reports after the answer's
     * exec id.
     *
     * @param sessionId  the connection.
     * @param accountId  the account.
     * @param lastExecId the last exec id the client has kept, or the null value to resume nothing.
     * @param resume     false when the client asks for a new session ({@code reset = YES}).
     * @param nowNanos   time of the answer.
     */
    void logon(
        final int sessionId, final long accountId, final long lastExecId, final boolean resume, final long nowNanos)
    {
        counters.increment(SimCounter.OE_LOGONS);
        Account account = byId.get(accountId);
        final boolean known = null != account;
        if (!known)
        {
            account = new Account();
            byId.put(accountId, account);
        }
        unbind(sessionId);
        account.sessionId = sessionId;
        bySession.put(sessionId, account);
        final boolean resumed = resume && known && lastExecId != NO_EXEC_ID && lastExecId >= 0 &&
            lastExecId <= this.lastExecId && lastExecId >= account.droppedThrough;
        final long from = resumed ? lastExecId : this.lastExecId;
        logon.wrapAndApplyHeader(logonBuffer, 0, header)
            .timeNs(nowNanos)
            .account(accountId)
            .lastExecId(from)
            .reset(resumed ? YesNo.NO : YesNo.YES);
        downstream.onExecutionReport(
            sessionId, logonBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + logon.encodedLength());
        for (int i = account.firstAfter(from); i < account.count; i++)
        {
            downstream.onExecutionReport(sessionId, account.log, account.offsets[i], account.lengths[i]);
            counters.increment(SimCounter.OE_REPORTS_RESENT);
        }
    }

    /**
     * A connection is closing: the reports made for it from now on (cancel on disconnect) are kept, not passed on.
     *
     * @param sessionId the connection.
     */
    void closing(final int sessionId)
    {
        silentSession = sessionId;
    }

    /**
     * A connection has closed and its orders are canceled: it is no longer any account's.
     *
     * @param sessionId the connection.
     */
    void closed(final int sessionId)
    {
        silentSession = NONE;
        unbind(sessionId);
    }

    /**
     * @return the ids of the accounts the venue knows, in increasing order (allocates: status only).
     */
    long[] accountIds()
    {
        final long[] ids = new long[byId.size()];
        int i = 0;
        final Long2ObjectHashMap<Account>.KeyIterator keys = byId.keySet().iterator();
        while (keys.hasNext())
        {
            ids[i++] = keys.nextLong();
        }
        Arrays.sort(ids);
        return ids;
    }

    /**
     * @param accountId    an account.
     * @param instrumentId an instrument.
     * @return the account's net position in it: bought minus sold, as a quantity mantissa; 0 when none.
     */
    long netQty(final long accountId, final int instrumentId)
    {
        final Account account = byId.get(accountId);
        return null == account ? 0 : account.netQty(instrumentId);
    }

    /**
     * @param accountId an account.
     * @return its fills (partial and complete) so far.
     */
    long fills(final long accountId)
    {
        final Account account = byId.get(accountId);
        return null == account ? 0 : account.fills;
    }

    /**
     * @param accountId an account.
     * @return the reports kept for it.
     */
    int reports(final long accountId)
    {
        final Account account = byId.get(accountId);
        return null == account ? 0 : account.count;
    }

    private void unbind(final int sessionId)
    {
        final Account account = bySession.remove(sessionId);
        if (null != account && account.sessionId == sessionId)
        {
            account.sessionId = NONE;
        }
    }

    /**
     * One account: its connection, its report log (frames back to back, with each one's exec id, offset and length)
     * and its fills.
     */
    private static final class Account
    {
        private static final int INITIAL_REPORTS = 64;
        /** The map's missing value (a position of 0 must be storable). */
        private static final long NO_POSITION = Long.MIN_VALUE;

        private final ExpandableArrayBuffer log = new ExpandableArrayBuffer(INITIAL_REPORTS * 128);
        private final Long2LongHashMap netQty = new Long2LongHashMap(NO_POSITION);
        private long[] execIds = new long[INITIAL_REPORTS];
        private int[] offsets = new int[INITIAL_REPORTS];
        private int[] lengths = new int[INITIAL_REPORTS];
        private int count;
        private int logLength;
        private long droppedThrough = NO_EXEC_ID;
        private long fills;
        private int sessionId = NONE;

        void keep(final DirectBuffer buffer, final int offset, final int length, final long execId)
        {
            if (count == execIds.length)
            {
                execIds = Arrays.copyOf(execIds, count * 2);
                offsets = Arrays.copyOf(offsets, count * 2);
                lengths = Arrays.copyOf(lengths, count * 2);
            }
            log.putBytes(logLength, buffer, offset, length);
            execIds[count] = execId;
            offsets[count] = logLength;
            lengths[count] = length;
            count++;
            logLength += length;
        }

        /**
         * Drop the older half of the kept reports, moving the rest to the front.
         *
         * @return the reports dropped.
         */
        int dropOlderHalf()
        {
            final int dropped = count / 2;
            final int kept = count - dropped;
            droppedThrough = execIds[dropped - 1];
            final int shift = offsets[dropped];
            log.putBytes(0, log, shift, logLength - shift);
            System.arraycopy(execIds, dropped, execIds, 0, kept);
            System.arraycopy(lengths, dropped, lengths, 0, kept);
            for (int i = 0; i < kept; i++)
            {
                offsets[i] = offsets[i + dropped] - shift;
            }
            count = kept;
            logLength -= shift;
            return dropped;
        }

        void onFill(final int instrumentId, final long signedQty)
        {
            fills++;
            netQty.put(instrumentId, netQty(instrumentId) + signedQty);
        }

        long netQty(final int instrumentId)
        {
            final long qty = netQty.get(instrumentId);
            return qty == NO_POSITION ? 0 : qty;
        }

        /**
         * @return the index of the first kept report with an exec id above {@code execId} ({@link #count} if none).
         */
        int firstAfter(final long execId)
        {
            int low = 0;
            int high = count;
            while (low < high)
            {
                final int mid = (low + high) >>> 1;
                if (execIds[mid] <= execId)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid;
                }
            }
            return low;
        }
    }
}
