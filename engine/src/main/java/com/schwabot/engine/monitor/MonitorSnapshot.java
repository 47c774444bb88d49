package com.schwabot.engine.monitor;

import java.util.List;

/**
 * What the monitor agent measured at its last sample, for the HTTP server and the status line. Immutable.
 *
 * @param timeMs          epoch milliseconds of the sample.
 * @param startTimeMs     epoch milliseconds of the monitor's start.
 * @param intervalMs      the monitor's sample interval.
 * @param live            the business thread handled a timer tick within the liveness timeout.
 * @param eventsPerSecond inbound events handled per second since the previous sample.
 * @param feedSilentMs    milliseconds since the last market event (or since start, before the first).
 * @param drawdownBps     drawdown of the published P&amp;L from its peak, basis points of the capital base.
 * @param rejectRateBps   share of orders refused or rejected over the last minute, or {@link AlertMonitor#NO_VALUE}.
 * @param freeDiskMb      free space on the journal's disk, or {@link AlertMonitor#NO_VALUE}.
 * @param eventLatency    ingress to handled, every event.
 * @param orderLatency    ingress to handled, events that sent orders.
 * @param alerts          every alert's state.
 * @param journal         the journal space guard's last check.
 */
public record MonitorSnapshot(
    long timeMs,
    long startTimeMs,
    long intervalMs,
    boolean live,
    double eventsPerSecond,
    long feedSilentMs,
    long drawdownBps,
    long rejectRateBps,
    long freeDiskMb,
    LatencySummary eventLatency,
    LatencySummary orderLatency,
    List<AlertState> alerts,
    JournalSpaceGuard.Status journal)
{
    /**
     * Whether the engine is live now: its business thread was live at the last sample and the monitor itself
     * still samples (the snapshot is not older than the liveness timeout plus one interval).
     *
     * @param nowMs epoch milliseconds.
     * @return true when live.
     */
    public boolean isLive(final long nowMs)
    {
        return live && nowMs - timeMs <= intervalMs + MonitorAgent.LIVENESS_TIMEOUT_MS;
    }

    /**
     * Labels of the active alerts.
     *
     * @return e.g. {@code reject_rate,stale_feed}, empty when none.
     */
    public String activeAlerts()
    {
        final StringBuilder sb = new StringBuilder();
        for (final AlertState state : alerts)
        {
            if (state.active())
            {
                sb.append(sb.length() == 0 ? "" : ",").append(state.alert().label());
            }
        }
        return sb.toString();
    }
}
