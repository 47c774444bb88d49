package com.schwabot.engine.venue.sim;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.YesNo;

/**
 * A {@link SimulatorCore} driven by hand with a {@link StepClock}, recording every frame it produces: market data,
 * execution reports, logon answers (and every order-entry frame in order) and the sessions it ended.
 */
final class SimHarness implements MarketDataListener, ExecutionListener
{
    static final long TICK_NANOS = 10_000_000;

    /**
     * One market-data frame as published.
     */
    record Frame(int instrumentIndex, StreamType type, byte[] bytes)
    {
        UnsafeBuffer buffer()
        {
            return new UnsafeBuffer(bytes);
        }
    }

    /**
     * A logon answer.
     */
    record Logon(int sessionId, long account, long lastExecId, boolean reset)
    {
    }

    /**
     * An order-entry frame as sent to a session.
     */
    record Sent(int sessionId, byte[] bytes)
    {
        int templateId()
        {
            return new MessageHeaderDecoder().wrap(new UnsafeBuffer(bytes), 0).templateId();
        }
    }

    final StepClock clock = new StepClock();
    final SimulatorCounters counters = new SimulatorCounters();
    final List<Frame> frames = new ArrayList<>();
    final List<Report> reports = new ArrayList<>();
    final List<byte[]> reportBytes = new ArrayList<>();
    final List<Logon> logons = new ArrayList<>();
    final List<Integer> endedSessions = new ArrayList<>();
    /** Every order-entry frame, reports and logon answers, in order, with the session it went to. */
    final List<Sent> sent = new ArrayList<>();
    final SimulatorCore core;

    SimHarness(final ExchangeSimulator.Context context)
    {
        this(context, Accounts.DEFAULT_KEPT_REPORTS);
    }

    SimHarness(final ExchangeSimulator.Context context, final int keptReports)
    {
        core = new SimulatorCore(context.epochNanoClock(clock).conclude(), this, this, counters, keptReports);
    }

    void tick(final int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            clock.advance(TICK_NANOS);
            core.tick(clock.nanoTime());
        }
    }

    void send(final int sessionId, final byte[] frame)
    {
        clock.advance(1_000);
        core.onOrderEntryFrame(sessionId, new UnsafeBuffer(frame), 0, frame.length, clock.nanoTime());
    }

    InstrumentMarket market(final int index)
    {
        return core.market(index);
    }

    Report lastReport()
    {
        return reports.get(reports.size() - 1);
    }

    List<Report> reportsFor(final long clOrdId)
    {
        final List<Report> result = new ArrayList<>();
        for (final Report report : reports)
        {
            if (report.clOrdId() == clOrdId)
            {
                result.add(report);
            }
        }
        return result;
    }

    List<Frame> frames(final StreamType type)
    {
        final List<Frame> result = new ArrayList<>();
        for (final Frame frame : frames)
        {
            if (frame.type() == type)
            {
                result.add(frame);
            }
        }
        return result;
    }

    @Override
    public void onFlush()
    {
    }

    @Override
    public void onMarketData(
        final int instrumentIndex, final StreamType type, final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        frames.add(new Frame(instrumentIndex, type, bytes));
    }

    @Override
    public void onExecutionReport(final int sessionId, final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        sent.add(new Sent(sessionId, bytes));
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        if (header.templateId() == LogonDecoder.TEMPLATE_ID)
        {
            final LogonDecoder logon = new LogonDecoder().wrap(
                buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            logons.add(new Logon(sessionId, logon.account(), logon.lastExecId(), logon.reset() == YesNo.YES));
            return;
        }
        reportBytes.add(bytes);
        reports.add(Report.decode(sessionId, buffer, offset));
    }

    @Override
    public void onSessionEnded(final int sessionId)
    {
        endedSessions.add(sessionId);
    }
}
