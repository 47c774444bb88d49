package com.schwabot.engine.monitor;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Latency of the live business thread, in two HdrHistogram {@link SingleWriterRecorder}s:
 * <ul>
 *     <li>event latency: from an event's ingress stamp to the end of its handling (queueing in the ring, journal
 *     append, the stages and, at the end of a batch, the decisions and the orders they send);</li>
 *     <li>order latency: the same time for the events whose handling sent at least one NewOrder (ingress to order),
 *     the latency that {@code monitoring.alerts.max_p99_latency_us} bounds.</li>
 * </ul>
 * The clock must be the one that stamps ingress (the engine's wall clock), so that the two readings compare.
 * Values are clamped to [0, {@link #HIGHEST_NANOS}]: a stamp from a clock a little ahead records 0, a stall longer
 * than a minute records the highest value.
 * <p>
 * Thread-safety: {@link #onHandled(long)} on the business thread only (allocation-free, lock-free: a clock read,
 * two atomic increments of the recorder's phaser and an array increment); {@link #events()} and {@link #orders()}
 * hand the recorders to the one monitor thread that takes interval histograms from them.
 */
public final class LatencyRecorder implements EventLatency
{
    /** Largest latency recorded: one minute. */
    public static final long HIGHEST_NANOS = 60_000_000_000L;
    /** Significant digits of the histograms: 1% resolution keeps each histogram about 30 KB. */
    public static final int SIGNIFICANT_DIGITS = 2;

    private final EpochNanoClock clock;
    private final AtomicCounter ordersSent;
    private final SingleWriterRecorder events = newRecorder();
    private final SingleWriterRecorder orders = newRecorder();
    private long lastOrdersSent;

    /**
     * A recorder.
     *
     * @param clock    the clock that stamps ingress.
     * @param counters engine counters (orders sent, to tell which events sent orders).
     */
    public LatencyRecorder(final EpochNanoClock clock, final EngineCounters counters)
    {
        this.clock = clock;
        this.ordersSent = counters.get(EngineCounter.ORDERS_SENT);
    }

    /**
     * A histogram of the same range and precision as the recorders', for interval and window accumulation.
     *
     * @return a new histogram.
     */
    public static Histogram newHistogram()
    {
        return new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    private static SingleWriterRecorder newRecorder()
    {
        return new SingleWriterRecorder(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    }

    /**
     * {@inheritDoc}
     */
    public void onHandled(final long ingressNanos)
    {
        final long latency = Math.min(Math.max(clock.nanoTime() - ingressNanos, 0), HIGHEST_NANOS);
        events.recordValue(latency);
        final long sent = ordersSent.getPlain();
        if (sent != lastOrdersSent)
        {
            lastOrdersSent = sent;
            orders.recordValue(latency);
        }
    }

    /**
     * Recorder of every event's latency (monitor thread).
     *
     * @return the recorder.
     */
    public SingleWriterRecorder events()
    {
        return events;
    }

    /**
     * Recorder of the latency of events that sent orders (monitor thread).
     *
     * @return the recorder.
     */
    public SingleWriterRecorder orders()
    {
        return orders;
    }
}
