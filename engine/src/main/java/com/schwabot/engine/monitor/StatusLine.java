package com.schwabot.engine.monitor;

import java.util.Locale;
import java.util.function.Supplier;

import com.schwabot.engine.market.InstrumentTable;

/**
 * The one-line live status of {@code schwabot run}, built from counters only (safe on any thread):
 * events per second since the previous line, orders, fills, rejects (venue and risk), positions, P&amp;L,
 * whether trading is halted, and the active alerts when a monitor snapshot is given. Not thread-safe: one instance
 * per printing thread.
 */
public final class StatusLine
{
    private final EngineCounters counters;
    private final StatusPublisher status;
    private final InstrumentTable instruments;
    private final Supplier<MonitorSnapshot> monitor;
    private long lastFrames;
    private long lastNanos;

    /**
     * A status line.
     *
     * @param counters    engine counters.
     * @param status      published business-thread state.
     * @param instruments the instrument table.
     */
    public StatusLine(final EngineCounters counters, final StatusPublisher status, final InstrumentTable instruments)
    {
        this(counters, status, instruments, null);
    }

    /**
     * A status line that also names the active alerts.
     *
     * @param counters    engine counters.
     * @param status      published business-thread state.
     * @param instruments the instrument table.
     * @param monitor     the monitor's last snapshot, or null.
     */
    public StatusLine(final EngineCounters counters, final StatusPublisher status, final InstrumentTable instruments,
        final Supplier<MonitorSnapshot> monitor)
    {
        this.counters = counters;
        this.status = status;
        this.instruments = instruments;
        this.monitor = monitor;
    }

    /**
     * Build the line.
     *
     * @param nowNanos a monotonic time (System.nanoTime) for the rate.
     * @return the line.
     */
    public String line(final long nowNanos)
    {
        final long frames = counters.value(EngineCounter.INBOUND_FRAMES);
        final double seconds = lastNanos == 0 ? 0 : (nowNanos - lastNanos) / 1e9;
        final double rate = seconds > 0 ? (frames - lastFrames) / seconds : 0;
        lastFrames = frames;
        lastNanos = nowNanos;
        final StringBuilder sb = new StringBuilder(160);
        sb.append(String.format(Locale.ROOT, "events/s=%,.0f events=%d orders=%d fills=%d rejects=%d/%d",
            rate, frames, counters.value(EngineCounter.ORDERS_SENT), counters.value(EngineCounter.FILLS),
            counters.value(EngineCounter.VENUE_REJECTS), counters.value(EngineCounter.RISK_REJECTS)));
        sb.append(" pos=");
        for (int i = 0; i < instruments.count(); i++)
        {
            if (i > 0)
            {
                sb.append(',');
            }
            sb.append(instruments.symbol(i)).append(':')
                .append(new java.math.BigDecimal(java.math.BigInteger.valueOf(status.position(i)),
                    -instruments.qtyExponent(i)).toPlainString());
        }
        sb.append(String.format(Locale.ROOT, " pnl=%.2f fees=%.2f", status.pnl(), status.fees()));
        sb.append(status.halted() ? " HALTED" : "");
        final long bad = counters.badFrameTotal();
        if (bad > 0)
        {
            sb.append(" bad_frames=").append(bad);
        }
        final long drops =
            counters.value(EngineCounter.RING_FULL_DROPS) + counters.value(EngineCounter.OVERSIZED_DROPS);
        if (drops > 0)
        {
            sb.append(" dropped=").append(drops);
        }
        final String alerts = null == monitor ? "" : monitor.get().activeAlerts();
        if (!alerts.isEmpty())
        {
            sb.append(" ALERTS=").append(alerts);
        }
        return sb.toString();
    }
}
