package com.schwabot.engine.monitor;

/**
 * The threshold alerts of {@code monitoring.alerts} in config.yaml. Each has a gauge {@code alert.NAME.active}
 * (1 while raised), a counter {@code alert.NAME.raised} (times raised) and a gauge {@code alert.NAME.value} (the
 * last measured value, in the alert's unit).
 */
public enum Alert
{
    /** Drawdown of the P&amp;L from its peak, in basis points of the capital base, above max_drawdown_bps. */
    DRAWDOWN("drawdown", "bps"),
    /** Share of orders refused (risk gate) or rejected (venue) over the last minute, above max_reject_rate_bps. */
    REJECT_RATE("reject_rate", "bps"),
    /** 99th percentile of the ingress-to-order latency over the last 10 s, above max_p99_latency_us. */
    P99_LATENCY("p99_latency", "us"),
    /** Time since the last market event, above stale_feed_ms. */
    STALE_FEED("stale_feed", "ms"),
    /** Free space on the journal's disk, below min_free_disk_mb: an early warning. */
    FREE_DISK("free_disk", "mb", true),
    /**
     * The journal cannot safely take everything: free space on its disk below journal.min_free_mb (trading halted
     * as JOURNAL_SPACE), or the journal stopped (below journal.stop_free_mb, or an append failed). The value is the
     * free space, the threshold journal.min_free_mb; see {@link JournalSpaceGuard}.
     */
    JOURNAL("journal", "mb", true);

    private final String label;
    private final String unit;
    private final boolean below;

    Alert(final String label, final String unit)
    {
        this(label, unit, false);
    }

    Alert(final String label, final String unit, final boolean below)
    {
        this.label = label;
        this.unit = unit;
        this.below = below;
    }

    /**
     * Whether a value below the threshold raises the alert (else a value above it).
     *
     * @return true for the free-space alerts.
     */
    public boolean below()
    {
        return below;
    }

    /**
     * Name in counters, logs and JSON.
     *
     * @return e.g. {@code reject_rate}.
     */
    public String label()
    {
        return label;
    }

    /**
     * Unit of the value and the threshold.
     *
     * @return bps, us, ms or mb.
     */
    public String unit()
    {
        return unit;
    }
}
