package com.schwabot.engine.monitor;

/**
 * Latency over a recent window (the quantiles) and since start (count and sum), in nanoseconds. Immutable.
 *
 * @param count       values recorded since start.
 * @param sumNanos    their sum, from the histogram's mean (within its 1% resolution).
 * @param windowCount values recorded in the window.
 * @param p50         median over the window, 0 when the window is empty.
 * @param p90         90th percentile over the window.
 * @param p99         99th percentile over the window.
 * @param p999        99.9th percentile over the window.
 * @param max         largest value over the window.
 */
public record LatencySummary(
    long count, double sumNanos, long windowCount, long p50, long p90, long p99, long p999, long max)
{
    /** Nothing recorded. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * A quantile over the window.
     *
     * @param quantile one of 0.5, 0.9, 0.99, 0.999, 1.0.
     * @return nanoseconds.
     */
    public long quantile(final double quantile)
    {
        if (quantile >= 1.0)
        {
            return max;
        }
        if (quantile >= 0.999)
        {
            return p999;
        }
        if (quantile >= 0.99)
        {
            return p99;
        }
        return quantile >= 0.9 ? p90 : p50;
    }
}
