package com.schwabot.engine.report;

/**
 * The event-time step at which a backtest samples its equity curve (the returns behind Sharpe and Sortino, the
 * points of the charts): the smallest of 1 ms, 10 ms, 100 ms, 1 s, 10 s, 1 min, 10 min, 1 h and 1 day that gives at
 * most {@link #TARGET_SAMPLES} samples over the journal's time span (1 day beyond that). It depends on the journal
 * only, so the same journal always gets the same step.
 */
public final class SampleInterval
{
    /** Most samples wanted over the span. */
    public static final long TARGET_SAMPLES = 1000;
    /** Nanoseconds in a year of 365 days (crypto markets trade every day). */
    public static final double YEAR_NANOS = 365.0 * 86_400e9;

    private static final long MS = 1_000_000L;
    private static final long[] STEPS = {
        MS, 10 * MS, 100 * MS, 1000 * MS, 10_000 * MS, 60_000 * MS, 600_000 * MS, 3_600_000 * MS, 86_400_000 * MS };

    private SampleInterval()
    {
    }

    /**
     * The step for a span.
     *
     * @param firstNanos first event time.
     * @param lastNanos  last event time.
     * @return the step, nanoseconds.
     */
    public static long forSpan(final long firstNanos, final long lastNanos)
    {
        final long span = Math.max(0, lastNanos - firstNanos);
        for (final long step : STEPS)
        {
            if (span / step <= TARGET_SAMPLES)
            {
                return step;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /**
     * Sampling periods in a year: the annualisation of per-sample Sharpe and Sortino is the square root of it.
     *
     * @param stepNanos the step.
     * @return 365 days over the step.
     */
    public static double periodsPerYear(final long stepNanos)
    {
        return YEAR_NANOS / stepNanos;
    }

    /**
     * The step in words: {@code 10 ms}, {@code 1 s}, {@code 1 min}, {@code 1 h}, {@code 1 d}.
     *
     * @param stepNanos the step.
     * @return the text.
     */
    public static String describe(final long stepNanos)
    {
        if (stepNanos % (86_400_000 * MS) == 0)
        {
            return stepNanos / (86_400_000 * MS) + " d";
        }
        if (stepNanos % (3_600_000 * MS) == 0)
        {
            return stepNanos / (3_600_000 * MS) + " h";
        }
        if (stepNanos % (60_000 * MS) == 0)
        {
            return stepNanos / (60_000 * MS) + " min";
        }
        if (stepNanos % (1000 * MS) == 0)
        {
            return stepNanos / (1000 * MS) + " s";
        }
        if (stepNanos % MS == 0)
        {
            return stepNanos / MS + " ms";
        }
        return stepNanos + " ns";
    }
}
