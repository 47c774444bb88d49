package com.schwabot.bench.engine;

import org.HdrHistogram.Histogram;

import com.lmax.disruptor.EventHandler;

import com.schwabot.engine.ring.BusinessHandler;
import com.schwabot.engine.ring.InboundEvent;

/**
 * The latency harness's business-thread handler: the engine's {@link BusinessHandler} (journal and stages), then one
 * sample per market-data event from its intended send time (the ingress stamp the producer gave it) to the moment
 * the handler returned. Measuring from the intended time, not from when the producer managed to publish, is what
 * corrects for coordinated omission: a stall anywhere delays every event scheduled during it, and each of those
 * events counts the whole delay. A second histogram holds each event's service time alone (handler start to done):
 * the engine's own cost, without the queueing in front of it. Events intended before the measurement start (warm-up)
 * are not recorded.
 * <p>
 * Not thread-safe: the Disruptor runs it on the business thread; read the histogram once that thread has stopped.
 */
final class LatencyHandler implements EventHandler<InboundEvent>, OrderTimer.CausingEvent
{
    /** {@link #batchMarketIntendedNanos()} while the batch being handled has had no market data yet. */
    static final long NOT_MARKET_DATA = Long.MIN_VALUE;

    private final BusinessHandler delegate;
    private final Histogram latency;
    private final Histogram service;
    private final long marketDataSource;
    private final long measureStartNanos;
    private long batchMarketIntendedNanos = NOT_MARKET_DATA;
    private long handlerStartNanos;

    LatencyHandler(
        final BusinessHandler delegate,
        final Histogram latency,
        final Histogram service,
        final long marketDataSource,
        final long measureStartNanos)
    {
        this.delegate = delegate;
        this.latency = latency;
        this.service = service;
        this.marketDataSource = marketDataSource;
        this.measureStartNanos = measureStartNanos;
    }

    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        batchMarketIntendedNanos = NOT_MARKET_DATA;
        delegate.onBatchStart(batchSize, queueDepth);
    }

    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        final boolean marketData = event.source() == marketDataSource;
        if (marketData)
        {
            batchMarketIntendedNanos = event.ingressNanos();
        }
        final long start = System.nanoTime();
        handlerStartNanos = start;
        delegate.onEvent(event, sequence, endOfBatch);
        if (marketData && batchMarketIntendedNanos >= measureStartNanos)
        {
            final long done = System.nanoTime();
            final long elapsed = Math.max(0, done - batchMarketIntendedNanos);
            latency.recordValue(Math.min(elapsed, latency.getHighestTrackableValue()));
            service.recordValue(Math.min(done - start, service.getHighestTrackableValue()));
        }
    }

    /**
     * Intended time of the latest market-data event of the Disruptor batch being handled (read during the handler):
     * the engine scores and decides at the end of each batch, on the market data that batch brought.
     *
     * @return System.nanoTime units, or {@link #NOT_MARKET_DATA} while the batch has had only execution reports, timer
     *         ticks or other events that are not market data.
     */
    @Override
    public long batchMarketIntendedNanos()
    {
        return batchMarketIntendedNanos;
    }

    /**
     * When the handler took up the event being handled ({@code System.nanoTime()}, read during the handler).
     *
     * @return System.nanoTime units.
     */
    @Override
    public long handlerStartNanos()
    {
        return handlerStartNanos;
    }
}
