package com.schwabot.engine.monitor;

import java.util.List;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.config.MonitoringConfig;

/**
 * The monitor's duty cycle, off the business thread. Every {@value #TICK_MS} ms: copy the venues' counters
 * ({@link CounterMirror}), refresh the counters file's heartbeat, note when the timer ticks and market events last
 * advanced and the P&amp;L peak, and check the journal's free space ({@link JournalSpaceGuard}: halts trading below
 * its reserve, stops the journal below its stop limit; not in {@link #onClose()}, once the engine is closing).
 * Every {@code monitoring.status_interval_ms}: take the latency interval histograms, the event rate, the reject
 * rate, the drawdown, the free disk space (the guard's last measure), evaluate the {@link AlertMonitor} and publish
 * a {@link MonitorSnapshot} (and gauges for {@code schwabot stat}).
 * <p>
 * Liveness: the business thread is live while it handled a timer tick (every 100 ms) within
 * {@value #LIVENESS_TIMEOUT_MS} ms. Drawdown: from the peak of the P&amp;L published by the business thread, sampled
 * every tick, in basis points of the capital base (the active risk profile's gross exposure limit, as the risk gate
 * uses). Reject rate: (risk refusals + venue rejects) / (orders checked by the risk gate) over the last
 * {@value #REJECT_WINDOW_MS} ms, measured once at least {@value #MIN_ORDERS_FOR_RATE} orders were checked.
 * <p>
 * Not thread-safe: run by one thread (an {@code AgentRunner}, or a test calling {@link #doWork()} with a manual
 * clock); {@link #snapshot()} from any thread.
 */
public final class MonitorAgent implements Agent
{
    /** Period of the counter copy and the heartbeat. */
    public static final long TICK_MS = 100;
    /** The business thread is not live when no timer tick was handled for this long. */
    public static final long LIVENESS_TIMEOUT_MS = 2_000;
    /** Span of the latency quantiles. */
    public static final long LATENCY_WINDOW_MS = 10_000;
    /** Span of the reject rate. */
    public static final long REJECT_WINDOW_MS = 60_000;
    /** Fewest orders in the window for a reject rate. */
    public static final long MIN_ORDERS_FOR_RATE = 20;

    private final EngineCounters counters;
    private final StatusPublisher status;
    private final CounterMirror mirror;
    private final LatencyWindow eventWindow;
    private final LatencyWindow orderWindow;
    private final AlertMonitor alerts;
    private final JournalSpaceGuard journalSpace;
    private final EpochClock clock;
    private final long sampleIntervalMs;
    private final double capitalBase;
    private final long[] attempts;
    private final long[] rejects;
    private final AtomicCounter eventsPerSecondGauge;
    private final AtomicCounter liveGauge;
    private final AtomicCounter[] latencyGauges = new AtomicCounter[6];
    private int rejectNext;
    private long startMs;
    private long nextTickMs;
    private long nextSampleMs;
    private long lastSampleMs;
    private long lastFrames;
    private long lastTimerTicks = -1;
    private long lastTimerChangeMs;
    private long lastMarketEvents = -1;
    private long lastMarketChangeMs;
    private double peakPnl;
    private volatile MonitorSnapshot snapshot;

    /**
     * A monitor agent.
     *
     * @param counters      engine counters.
     * @param status        the business thread's published state.
     * @param mirror        venue counters to copy.
     * @param latency       the business thread's latency recorders.
     * @param monitoring    the monitoring configuration (interval, alert thresholds).
     * @param capitalBase   the drawdown's base: the active risk profile's gross exposure limit.
     * @param journalSpace  the journal's free-space guard, checked every tick (it measures the free disk space).
     * @param clock         epoch clock.
     */
    public MonitorAgent(
        final EngineCounters counters,
        final StatusPublisher status,
        final CounterMirror mirror,
        final LatencyRecorder latency,
        final MonitoringConfig monitoring,
        final double capitalBase,
        final JournalSpaceGuard journalSpace,
        final EpochClock clock)
    {
        this.counters = counters;
        this.status = status;
        this.mirror = mirror;
        this.journalSpace = journalSpace;
        this.clock = clock;
        this.capitalBase = capitalBase;
        this.sampleIntervalMs = monitoring.statusIntervalMs();
        final int latencyIntervals = (int)Math.max(1, LATENCY_WINDOW_MS / sampleIntervalMs);
        eventWindow = new LatencyWindow(latency.events(), latencyIntervals);
        orderWindow = new LatencyWindow(latency.orders(), latencyIntervals);
        alerts = new AlertMonitor(monitoring.alerts(), journalSpace.reserveBytes() >> 20, counters);
        final int rejectSamples = (int)Math.max(2, REJECT_WINDOW_MS / sampleIntervalMs + 1);
        attempts = new long[rejectSamples];
        rejects = new long[rejectSamples];
        eventsPerSecondGauge = counters.newGauge("monitor.events_per_second");
        liveGauge = counters.newGauge("monitor.live");
        final String[] names = {"event.p50_ns", "event.p99_ns", "event.max_ns", "order.p50_ns", "order.p99_ns",
            "order.max_ns"};
        for (int i = 0; i < names.length; i++)
        {
            latencyGauges[i] = counters.newLatencyGauge("latency." + names[i]);
        }
        start(clock.time());
    }

    private void start(final long nowMs)
    {
        startMs = nowMs;
        lastSampleMs = nowMs;
        lastTimerChangeMs = nowMs;
        lastMarketChangeMs = nowMs;
        nextTickMs = nowMs;
        nextSampleMs = nowMs + sampleIntervalMs;
        snapshot = new MonitorSnapshot(nowMs, nowMs, sampleIntervalMs, true, 0, 0, 0, AlertMonitor.NO_VALUE,
            AlertMonitor.NO_VALUE, LatencySummary.EMPTY, LatencySummary.EMPTY, alerts.states(), journalSpace.status());
    }

    /**
     * {@inheritDoc}
     */
    public int doWork()
    {
        final long now = clock.time();
        int work = 0;
        if (now >= nextTickMs)
        {
            tick(now);
            journalSpace.check(now);
            nextTickMs = now + TICK_MS;
            work++;
        }
        if (now >= nextSampleMs)
        {
            sample(now);
            nextSampleMs = now + sampleIntervalMs;
            work++;
        }
        return work;
    }

    /**
     * {@inheritDoc}
     */
    public void onClose()
    {
        final long now = clock.time();
        tick(now);
        sample(now);
        final CountersFile file = counters.file();
        if (null != file)
        {
            file.markClosed(now);
        }
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "schwabot-monitor";
    }

    /**
     * The last sample.
     *
     * @return the snapshot (never null).
     */
    public MonitorSnapshot snapshot()
    {
        return snapshot;
    }

    private void tick(final long now)
    {
        mirror.copy();
        final CountersFile file = counters.file();
        if (null != file)
        {
            file.heartbeat(now);
        }
        final long timerTicks = counters.value(EngineCounter.TIMER_TICKS);
        if (timerTicks != lastTimerTicks)
        {
            lastTimerTicks = timerTicks;
            lastTimerChangeMs = now;
        }
        final long marketEvents = counters.value(EngineCounter.MARKET_EVENTS);
        if (marketEvents != lastMarketEvents)
        {
            lastMarketEvents = marketEvents;
            lastMarketChangeMs = now;
        }
        peakPnl = Math.max(peakPnl, status.pnl());
    }

    private void sample(final long now)
    {
        final long frames = counters.value(EngineCounter.INBOUND_FRAMES);
        final long elapsed = now - lastSampleMs;
        final double eventsPerSecond = elapsed > 0 ? (frames - lastFrames) * 1000.0 / elapsed : 0;
        lastFrames = frames;
        lastSampleMs = now;
        final LatencySummary eventLatency = eventWindow.sample();
        final LatencySummary orderLatency = orderWindow.sample();
        final boolean live = now - lastTimerChangeMs < LIVENESS_TIMEOUT_MS;
        final long feedSilentMs = now - lastMarketChangeMs;
        final long drawdownBps = capitalBase > 0 ? Math.round((peakPnl - status.pnl()) / capitalBase * 10_000) : 0;
        final long rejectRateBps = rejectRate();
        final JournalSpaceGuard.Status journal = journalSpace.status();
        final long freeDiskMb = journal.freeBytes() < 0 ? AlertMonitor.NO_VALUE : journal.freeBytes() >> 20;

        alerts.update(Alert.DRAWDOWN, drawdownBps, now);
        alerts.update(Alert.REJECT_RATE, rejectRateBps, now);
        alerts.update(Alert.P99_LATENCY,
            orderLatency.windowCount() == 0 ? AlertMonitor.NO_VALUE : orderLatency.p99() / 1_000, now);
        alerts.update(Alert.STALE_FEED, feedSilentMs, now);
        alerts.update(Alert.FREE_DISK, freeDiskMb, now);
        alerts.update(Alert.JOURNAL, freeDiskMb, journal.state() != JournalSpaceGuard.State.OK, now);

        eventsPerSecondGauge.setRelease(Math.round(eventsPerSecond));
        liveGauge.setRelease(live ? 1 : 0);
        publishLatency(0, eventLatency);
        publishLatency(3, orderLatency);
        final List<AlertState> states = alerts.states();
        snapshot = new MonitorSnapshot(now, startMs, sampleIntervalMs, live, eventsPerSecond, feedSilentMs,
            drawdownBps, rejectRateBps, freeDiskMb, eventLatency, orderLatency, states, journal);
    }

    private long rejectRate()
    {
        final long attempted = counters.value(EngineCounter.RISK_PASSED) + counters.value(EngineCounter.RISK_REJECTS);
        final long refused = counters.value(EngineCounter.RISK_REJECTS) + counters.value(EngineCounter.VENUE_REJECTS);
        attempts[rejectNext] = attempted;
        rejects[rejectNext] = refused;
        rejectNext = rejectNext + 1 == attempts.length ? 0 : rejectNext + 1;
        final long windowAttempts = attempted - attempts[rejectNext];
        final long windowRejects = refused - rejects[rejectNext];
        return windowAttempts < MIN_ORDERS_FOR_RATE ? AlertMonitor.NO_VALUE : windowRejects * 10_000 / windowAttempts;
    }

    private void publishLatency(final int first, final LatencySummary summary)
    {
        latencyGauges[first].setRelease(summary.p50());
        latencyGauges[first + 1].setRelease(summary.p99());
        latencyGauges[first + 2].setRelease(summary.max());
    }
}
