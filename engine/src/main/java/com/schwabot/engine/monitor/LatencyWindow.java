package com.schwabot.engine.monitor;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Turns a recorder's interval histograms into a {@link LatencySummary}: quantiles over the last few intervals (a
 * ring of interval histograms), count and sum since start.
 * <p>
 * Not thread-safe: the monitor thread only.
 */
final class LatencyWindow
{
    private final SingleWriterRecorder recorder;
    private final Histogram interval = LatencyRecorder.newHistogram();
    private final Histogram window = LatencyRecorder.newHistogram();
    private final Histogram total = LatencyRecorder.newHistogram();
    private final Histogram[] ring;
    private int next;

    /**
     * A window.
     *
     * @param recorder  the recorder to sample.
     * @param intervals how many intervals the window spans.
     */
    LatencyWindow(final SingleWriterRecorder recorder, final int intervals)
    {
        this.recorder = recorder;
        ring = new Histogram[Math.max(1, intervals)];
        for (int i = 0; i < ring.length; i++)
        {
            ring[i] = LatencyRecorder.newHistogram();
        }
    }

    /**
     * Take the interval since the previous sample and summarise the window.
     *
     * @return the summary.
     */
    LatencySummary sample()
    {
        recorder.getIntervalHistogramInto(interval);
        total.add(interval);
        ring[next].reset();
        ring[next].add(interval);
        next = next + 1 == ring.length ? 0 : next + 1;
        window.reset();
        for (final Histogram h : ring)
        {
            window.add(h);
        }
        final long count = total.getTotalCount();
        if (window.getTotalCount() == 0)
        {
            return new LatencySummary(count, total.getMean() * count, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(count, total.getMean() * count, window.getTotalCount(),
            window.getValueAtPercentile(50), window.getValueAtPercentile(90), window.getValueAtPercentile(99),
            window.getValueAtPercentile(99.9), window.getMaxValue());
    }
}
