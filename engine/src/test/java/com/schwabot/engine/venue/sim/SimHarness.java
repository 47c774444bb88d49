package com.schwabot.engine.venue.sim;

import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A {@link SimulatorCore} driven by hand with a {@link StepClock}, recording every frame it produces.
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

    final StepClock clock = new StepClock();
    final SimulatorCounters counters = new SimulatorCounters();
    final List<Frame> frames = new ArrayList<>();
    final List<Report> reports = new ArrayList<>();
    final List<byte[]> reportBytes = new ArrayList<>();
    final SimulatorCore core;

    SimHarness(final ExchangeSimulator.Context context)
    {
        core = new SimulatorCore(context.epochNanoClock(clock).conclude(), this, this, counters);
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
        reportBytes.add(bytes);
        reports.add(Report.decode(sessionId, buffer, offset));
    }
}
