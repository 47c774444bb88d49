package com.schwabot.engine.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.config.MonitoringConfig;

/**
 * Threshold alerts from {@code monitoring.alerts}: each measured value is compared with its threshold; crossing it
 * raises the alert (a WARN line on the {@value #LOGGER} logger, the {@code alert.NAME.raised} counter, the
 * {@code alert.NAME.active} gauge) until the value is back within the threshold (an INFO line). The free-disk
 * alerts are raised below their threshold, the others above; a {@code min_free_disk_mb} of 0 disables that one. An
 * alert whose condition is more than its threshold (the journal's: also raised while the journal is stopped) is
 * evaluated with the breach given ({@link #update(Alert, long, boolean, long)}).
 * <p>
 * Not thread-safe: the monitor thread evaluates; {@link #states()} returns an immutable list for any thread.
 */
public final class AlertMonitor
{
    /** Logger of alert transitions. */
    public static final String LOGGER = "com.schwabot.alert";
    /** A value that could not be measured (no orders in the window, disk space unknown): never raises. */
    public static final long NO_VALUE = Long.MIN_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final Alert[] ALERTS = Alert.values();

    private final long[] thresholds = new long[ALERTS.length];
    private final long[] values = new long[ALERTS.length];
    private final long[] since = new long[ALERTS.length];
    private final boolean[] isActive = new boolean[ALERTS.length];
    private final AtomicCounter[] active = new AtomicCounter[ALERTS.length];
    private final AtomicCounter[] raised = new AtomicCounter[ALERTS.length];
    private final AtomicCounter[] valueGauges = new AtomicCounter[ALERTS.length];

    /**
     * Alerts with their thresholds.
     *
     * @param alerts           the thresholds.
     * @param journalReserveMb the journal alert's threshold, {@code journal.min_free_mb}.
     * @param counters         where the alert counters are allocated.
     */
    public AlertMonitor(final MonitoringConfig.Alerts alerts, final long journalReserveMb,
        final EngineCounters counters)
    {
        thresholds[Alert.DRAWDOWN.ordinal()] = alerts.maxDrawdownBps();
        thresholds[Alert.REJECT_RATE.ordinal()] = alerts.maxRejectRateBps();
        thresholds[Alert.P99_LATENCY.ordinal()] = alerts.maxP99LatencyUs();
        thresholds[Alert.STALE_FEED.ordinal()] = alerts.staleFeedMs();
        thresholds[Alert.FREE_DISK.ordinal()] = alerts.minFreeDiskMb();
        thresholds[Alert.JOURNAL.ordinal()] = journalReserveMb;
        for (final Alert alert : ALERTS)
        {
            final int i = alert.ordinal();
            values[i] = NO_VALUE;
            active[i] = counters.newGauge("alert." + alert.label() + ".active");
            raised[i] = counters.newCounter("alert." + alert.label() + ".raised");
            valueGauges[i] = counters.newGauge("alert." + alert.label() + ".value");
        }
    }

    /**
     * Evaluate one alert.
     *
     * @param alert which.
     * @param value the measured value in the alert's unit, or {@link #NO_VALUE}.
     * @param nowMs epoch milliseconds.
     * @return true when the alert is active after this evaluation.
     */
    public boolean update(final Alert alert, final long value, final long nowMs)
    {
        final long threshold = thresholds[alert.ordinal()];
        final boolean breach = value != NO_VALUE && (alert.below() ? value < threshold : value > threshold);
        return update(alert, value, breach, nowMs);
    }

    /**
     * Evaluate one alert whose condition the caller decided.
     *
     * @param alert  which.
     * @param value  the measured value in the alert's unit, or {@link #NO_VALUE}.
     * @param breach whether the alert's condition holds.
     * @param nowMs  epoch milliseconds.
     * @return true when the alert is active after this evaluation.
     */
    public boolean update(final Alert alert, final long value, final boolean breach, final long nowMs)
    {
        final int i = alert.ordinal();
        values[i] = value;
        valueGauges[i].setRelease(value == NO_VALUE ? 0 : value);
        final long threshold = thresholds[i];
        final boolean wasActive = isActive[i];
        if (breach && !wasActive)
        {
            isActive[i] = true;
            since[i] = nowMs;
            raised[i].incrementRelease();
            active[i].setRelease(1);
            final boolean beyond = value != NO_VALUE && (alert.below() ? value < threshold : value > threshold);
            LOG.warn("alert {} raised: {} {} {} the threshold {} {}", alert.label(),
                value == NO_VALUE ? "no value" : Long.toString(value), alert.unit(),
                beyond ? (alert.below() ? "below" : "above") : "within", threshold, alert.unit());
        }
        else if (!breach && wasActive)
        {
            isActive[i] = false;
            since[i] = 0;
            active[i].setRelease(0);
            LOG.info("alert {} cleared: {} {} (threshold {} {})", alert.label(),
                value == NO_VALUE ? "no value" : Long.toString(value), alert.unit(), threshold, alert.unit());
        }
        return breach;
    }

    /**
     * Whether an alert is active.
     *
     * @param alert which.
     * @return true while raised.
     */
    public boolean isActive(final Alert alert)
    {
        return isActive[alert.ordinal()];
    }

    /**
     * Every alert's state.
     *
     * @return an immutable list in {@link Alert} order.
     */
    public List<AlertState> states()
    {
        final List<AlertState> states = new ArrayList<>(ALERTS.length);
        for (final Alert alert : ALERTS)
        {
            final int i = alert.ordinal();
            states.add(new AlertState(alert, isActive[i], values[i], thresholds[i], since[i]));
        }
        return Collections.unmodifiableList(states);
    }
}
