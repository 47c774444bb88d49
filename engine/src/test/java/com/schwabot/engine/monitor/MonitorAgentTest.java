package com.schwabot.engine.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.CachedEpochClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.MonitoringConfig;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.ring.JournalGate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitor agent stepped with a manual clock: alerts raised and cleared from counters and published state,
 * latency windows, liveness, counter copies and the counters file's heartbeat.
 */
class MonitorAgentTest
{
    private static final long T0 = 1_700_000_000_000L;
    private static final double CAPITAL = 10_000;

    @TempDir
    Path dir;

    private final CachedEpochClock clock = new CachedEpochClock();
    private final AtomicLong nanos = new AtomicLong(T0 * 1_000_000);
    private final AtomicLong freeDisk = new AtomicLong(1L << 40);
    private final AtomicLong mirrored = new AtomicLong();
    private final List<String> halts = new ArrayList<>();
    private EngineCounters counters;
    private LatencyRecorder latency;
    private MonitorAgent agent;

    @BeforeEach
    void setUp() throws IOException
    {
        counters = new EngineCounters(CountersFile.create(dir, EngineCounters.MAX_COUNTERS, T0));
        final TradingCore core = TestCores.core((buffer, offset, length, id, destination) -> true, counters);
        latency = new LatencyRecorder(nanos::get, counters);
        final CounterMirror mirror = new CounterMirror(counters).add("test.mirrored", mirrored::get);
        clock.update(T0);
        final JournalSpaceGuard journalSpace = new JournalSpaceGuard(dir, 256L << 20, 64L << 20, freeDisk::get,
            new JournalGate(), halts::add, core.status()::halted, counters);
        agent = new MonitorAgent(counters, core.status(), mirror, latency, monitoring(), CAPITAL, journalSpace,
            clock);
    }

    @Test
    void shouldRaiseTheRejectRateAlertAboveItsThresholdAndClearItWhenTheMinuteIsClean()
    {
        add(EngineCounter.RISK_PASSED, 100);
        step(1_000);
        assertThat(agent.snapshot().rejectRateBps()).isZero();

        add(EngineCounter.RISK_REJECTS, 40);
        add(EngineCounter.VENUE_REJECTS, 10);
        step(1_000);

        assertThat(agent.snapshot().rejectRateBps()).isEqualTo(50 * 10_000 / 140);
        assertThat(agent.snapshot().activeAlerts()).isEqualTo("reject_rate");
        assertThat(value("alert.reject_rate.active")).isEqualTo(1);
        assertThat(value("alert.reject_rate.raised")).isEqualTo(1);

        for (int s = 0; s < 61; s++)
        {
            add(EngineCounter.RISK_PASSED, 10);
            step(1_000);
        }
        assertThat(agent.snapshot().rejectRateBps()).isZero();
        assertThat(agent.snapshot().activeAlerts()).doesNotContain("reject_rate");
        assertThat(value("alert.reject_rate.active")).isZero();
        assertThat(value("alert.reject_rate.raised")).isEqualTo(1);
    }

    @Test
    void shouldNotMeasureARejectRateOnTooFewOrders()
    {
        add(EngineCounter.RISK_REJECTS, MonitorAgent.MIN_ORDERS_FOR_RATE - 1);
        step(1_000);

        assertThat(agent.snapshot().rejectRateBps()).isEqualTo(AlertMonitor.NO_VALUE);
        assertThat(agent.snapshot().activeAlerts()).isEmpty();
    }

    @Test
    void shouldRaiseTheStaleFeedAlertWhenNoMarketEventArrivesAndClearItOnTheNext()
    {
        add(EngineCounter.MARKET_EVENTS, 1);
        for (int s = 0; s < 5; s++)
        {
            step(1_000);
        }
        assertThat(agent.snapshot().activeAlerts()).isEmpty();

        step(1_000);
        assertThat(agent.snapshot().feedSilentMs()).isGreaterThan(5_000);
        assertThat(agent.snapshot().activeAlerts()).isEqualTo("stale_feed");

        add(EngineCounter.MARKET_EVENTS, 1);
        step(1_000);
        assertThat(agent.snapshot().activeAlerts()).isEmpty();
        assertThat(value("alert.stale_feed.raised")).isEqualTo(1);
    }

    @Test
    void shouldRaiseTheFreeDiskAlertBelowItsThreshold()
    {
        freeDisk.set(512L << 20);
        step(1_000);

        assertThat(agent.snapshot().freeDiskMb()).isEqualTo(512);
        assertThat(agent.snapshot().activeAlerts()).contains("free_disk").doesNotContain("journal");
        assertThat(value("alert.free_disk.value")).isEqualTo(512);
        assertThat(halts).isEmpty();
    }

    @Test
    void shouldCheckTheJournalSpaceEveryTickAndRaiseTheJournalAlertBelowTheReserve()
    {
        step(1_000);
        freeDisk.set(100L << 20);
        clock.advance(MonitorAgent.TICK_MS);
        agent.doWork();

        assertThat(halts).as("halted at the next tick, before the next sample").hasSize(1);
        assertThat(agent.snapshot().activeAlerts()).doesNotContain("journal");
        step(900);
        assertThat(agent.snapshot().activeAlerts()).as("at the next sample").contains("journal");
        assertThat(agent.snapshot().journal().state()).isEqualTo(JournalSpaceGuard.State.LOW_SPACE);
        assertThat(value("alert.journal.value")).isEqualTo(100);
        assertThat(value("journal.space.halts")).isEqualTo(1);
        assertThat(value("journal.state")).isEqualTo(1);
    }

    @Test
    void shouldRaiseTheDrawdownAlertFromThePublishedPnlPeak()
    {
        setPnl(500);
        step(1_000);
        setPnl(500 - CAPITAL * 0.04);
        step(1_000);

        assertThat(agent.snapshot().drawdownBps()).isEqualTo(400);
        assertThat(agent.snapshot().activeAlerts()).isEqualTo("drawdown");
    }

    @Test
    void shouldSummariseLatencyAndRaiseTheP99AlertOnOrderLatency()
    {
        for (int i = 0; i < 1_000; i++)
        {
            latency.onHandled(nanos.get() - 20_000);
        }
        for (int i = 0; i < 100; i++)
        {
            counters.get(EngineCounter.ORDERS_SENT).increment();
            latency.onHandled(nanos.get() - 2_000_000);
        }
        step(1_000);

        final MonitorSnapshot snapshot = agent.snapshot();
        assertThat(snapshot.eventLatency().count()).isEqualTo(1_100);
        assertThat(snapshot.eventLatency().p50()).isBetween(19_800L, 20_200L);
        assertThat(snapshot.eventLatency().max()).isBetween(1_980_000L, 2_020_000L);
        assertThat(snapshot.orderLatency().count()).isEqualTo(100);
        assertThat(snapshot.orderLatency().p99()).isBetween(1_980_000L, 2_020_000L);
        assertThat(snapshot.activeAlerts()).isEqualTo("p99_latency");
        assertThat(value("latency.order.p99_ns")).isBetween(1_980_000L, 2_020_000L);

        for (int s = 0; s < 10; s++)
        {
            step(1_000);
        }
        assertThat(agent.snapshot().orderLatency().windowCount()).as("the window has moved on").isZero();
        assertThat(agent.snapshot().orderLatency().count()).isEqualTo(100);
        assertThat(agent.snapshot().activeAlerts()).doesNotContain("p99_latency");
    }

    @Test
    void shouldClampLatencyFromAClockAheadToZero()
    {
        latency.onHandled(nanos.get() + 5_000);
        step(1_000);

        assertThat(agent.snapshot().eventLatency().max()).isZero();
        assertThat(agent.snapshot().eventLatency().count()).isEqualTo(1);
    }

    @Test
    void shouldBeLiveOnlyWhileTimerTicksAdvance()
    {
        add(EngineCounter.TIMER_TICKS, 1);
        step(1_000);
        assertThat(agent.snapshot().live()).isTrue();

        step(1_000);
        step(1_000);
        assertThat(agent.snapshot().live()).isFalse();
        assertThat(value("monitor.live")).isZero();

        add(EngineCounter.TIMER_TICKS, 1);
        step(1_000);
        assertThat(agent.snapshot().live()).isTrue();
        assertThat(agent.snapshot().isLive(clock.time())).isTrue();
        assertThat(agent.snapshot().isLive(clock.time() + 1_000 + MonitorAgent.LIVENESS_TIMEOUT_MS + 1))
            .as("the monitor stopped sampling").isFalse();
    }

    @Test
    void shouldCopyMirroredCountersRefreshTheHeartbeatAndMarkTheFileClosed()
    {
        mirrored.set(42);
        add(EngineCounter.INBOUND_FRAMES, 500);
        step(1_000);

        assertThat(value("test.mirrored")).isEqualTo(42);
        assertThat(counters.file().heartbeatMs()).isEqualTo(T0 + 1_000);
        assertThat(agent.snapshot().eventsPerSecond()).isEqualTo(500.0);
        assertThat(value("monitor.events_per_second")).isEqualTo(500);

        clock.advance(50);
        agent.onClose();
        assertThat(counters.file().closedTimeMs()).isEqualTo(T0 + 1_050);
    }

    private static MonitoringConfig monitoring()
    {
        final MonitoringConfig defaults = TestCores.defaults().monitoring();
        assertThat(defaults.statusIntervalMs()).isEqualTo(1_000);
        assertThat(defaults.alerts()).isEqualTo(new MonitoringConfig.Alerts(300, 500, 1_000, 5_000, 1_024));
        return defaults;
    }

    private void step(final long millis)
    {
        for (long t = 0; t < millis; t += MonitorAgent.TICK_MS)
        {
            clock.advance(MonitorAgent.TICK_MS);
            nanos.addAndGet(MonitorAgent.TICK_MS * 1_000_000);
            agent.doWork();
        }
    }

    private void add(final EngineCounter counter, final long delta)
    {
        counters.get(counter).getAndAdd(delta);
    }

    private void setPnl(final double pnl)
    {
        counters.manager().setCounterValue(id("status.pnl.micros"), Math.round(pnl * StatusPublisher.PNL_SCALE));
    }

    private long value(final String label)
    {
        return counters.reader().getCounterValue(id(label));
    }

    private int id(final String label)
    {
        final int[] found = {-1};
        counters.reader().forEach((value, id, l) ->
        {
            if (l.equals(label))
            {
                found[0] = id;
            }
        });
        assertThat(found[0]).as(label).isNotNegative();
        return found[0];
    }
}
