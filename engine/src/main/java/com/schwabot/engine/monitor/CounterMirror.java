package com.schwabot.engine.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.engine.venue.feed.FeedCounters;
import com.schwabot.engine.venue.gateway.GatewayCounters;
import com.schwabot.engine.venue.sim.SimCounter;
import com.schwabot.engine.venue.sim.SimulatorCounters;

/**
 * Copies counters kept elsewhere into the engine's counters, so that they are in the shared counters file and in
 * the metrics: the feed's, the gateway's and the simulator's own single-writer counters.
 * <p>
 * Why a copy rather than allocating those counters in the engine's counters manager: the venue classes keep their
 * counters in small single-writer arrays written by their own threads, used the same way by their tests and by the
 * simulator when it runs alone; making them depend on the engine's manager would tie them to it for no gain. The
 * monitor thread copies every source on its 100 ms tick (one volatile read and one release store each, no
 * allocation), so the shared values lag the sources by at most that. Every mirrored counter has one writer: the
 * monitor thread.
 * <p>
 * Register at start, before the monitor thread runs ({@code add} allocates a counter: not thread-safe);
 * {@link #copy()} on the monitor thread.
 */
public final class CounterMirror
{
    private final EngineCounters counters;
    private final List<LongSupplier> sources = new ArrayList<>();
    private final List<AtomicCounter> targets = new ArrayList<>();
    private LongSupplier[] sourceArray = new LongSupplier[0];
    private AtomicCounter[] targetArray = new AtomicCounter[0];

    /**
     * A mirror into the engine's counters.
     *
     * @param counters where the copies live.
     */
    public CounterMirror(final EngineCounters counters)
    {
        this.counters = counters;
    }

    /**
     * Mirror one value that only grows.
     *
     * @param label  label of the copy.
     * @param source the value, readable from the monitor thread without allocating.
     * @return this.
     */
    public CounterMirror add(final String label, final LongSupplier source)
    {
        sources.add(source);
        targets.add(counters.newCounter(label));
        sourceArray = sources.toArray(new LongSupplier[0]);
        targetArray = targets.toArray(new AtomicCounter[0]);
        return this;
    }

    /**
     * Mirror the important counters of a market-data feed: frames, bytes, drops, connects, reconnects, failures.
     *
     * @param prefix label prefix, e.g. {@code venue.feed}.
     * @param feed   the feed's counters.
     * @return this.
     */
    public CounterMirror feed(final String prefix, final FeedCounters feed)
    {
        return add(prefix + ".frames", feed::frames)
            .add(prefix + ".bytes", feed::bytes)
            .add(prefix + ".dropped", feed::dropped)
            .add(prefix + ".connects", feed::connects)
            .add(prefix + ".reconnects", feed::reconnects)
            .add(prefix + ".connect_failures", feed::connectFailures)
            .add(prefix + ".stale", feed::stale)
            .add(prefix + ".subscribe_errors", feed::subscribeErrors)
            .add(prefix + ".errors", feed::errors);
    }

    /**
     * Mirror the important counters of an order gateway: frames, synthetic rejects, connection changes, reports.
     *
     * @param prefix  label prefix, e.g. {@code venue.gateway}.
     * @param gateway the gateway's counters.
     * @return this.
     */
    public CounterMirror gateway(final String prefix, final GatewayCounters gateway)
    {
        return add(prefix + ".frames_sent", gateway::framesSent)
            .add(prefix + ".bytes_sent", gateway::bytesSent)
            .add(prefix + ".synthetic_rejects", gateway::syntheticRejects)
            .add(prefix + ".misrouted", gateway::misrouted)
            .add(prefix + ".connects", gateway::connects)
            .add(prefix + ".reconnects", gateway::reconnects)
            .add(prefix + ".connect_failures", gateway::connectFailures)
            .add(prefix + ".losses", gateway::losses)
            .add(prefix + ".heartbeat_timeouts", gateway::heartbeatTimeouts)
            .add(prefix + ".reports", gateway::reports)
            .add(prefix + ".logons_sent", gateway::logonsSent)
            .add(prefix + ".logon_answers", gateway::logonAnswers)
            .add(prefix + ".errors", gateway::errors);
    }

    /**
     * Mirror every counter of the embedded simulator, and one per reject reason.
     *
     * @param prefix    label prefix, e.g. {@code sim}.
     * @param simulator the simulator's counters.
     * @return this.
     */
    public CounterMirror simulator(final String prefix, final SimulatorCounters simulator)
    {
        for (final SimCounter counter : SimCounter.values())
        {
            add(prefix + "." + counter.name().toLowerCase(java.util.Locale.ROOT), () -> simulator.get(counter));
        }
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason != RejectReason.NULL_VAL && reason != RejectReason.NONE)
            {
                add(prefix + ".reject." + reason.name(), () -> simulator.rejects(reason));
            }
        }
        return this;
    }

    /**
     * Copy every source into its counter (monitor thread).
     *
     * @return the number of counters copied.
     */
    public int copy()
    {
        final LongSupplier[] from = sourceArray;
        final AtomicCounter[] to = targetArray;
        for (int i = 0; i < from.length; i++)
        {
            to[i].setRelease(from[i].getAsLong());
        }
        return from.length;
    }
}
