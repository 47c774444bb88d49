package com.schwabot.bench.engine;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.Agent;

import com.schwabot.engine.ring.OutboundEvent;

/**
 * The latency harness's gateway sender: an Agrona agent that drains the output ring through a Disruptor
 * {@link EventPoller}, as the engine's {@code OrderGateway} does, records tick-to-gateway (the intended time of the
 * market-data event that caused the order to the moment this thread has it, ready to write to a socket) and hands
 * the frame to the {@link AnsweringVenue} instead of a socket. Run on an {@code AgentRunner} with the profile's
 * gateway idle strategy, so the wake-up cost of that strategy is in the measurement.
 * <p>
 * Not thread-safe: one thread runs {@link #doWork()}; read the histogram once it has stopped.
 */
final class GatewayDrain implements Agent
{
    private final EventPoller<OutboundEvent> poller;
    private final EventPoller.Handler<OutboundEvent> onEvent = this::onEvent;
    private final OrderTimer timer;
    private final AnsweringVenue venue;
    private final Histogram tickToGateway;
    private final long measureStartNanos;
    private int drained;

    /**
     * A drain, added as a gating sequence of the ring.
     *
     * @param ring              the output ring.
     * @param timer             where the business thread left each order's cause time.
     * @param venue             where the orders go.
     * @param tickToGateway     where tick-to-gateway samples go.
     * @param measureStartNanos orders caused by events intended before this are not recorded (warm-up).
     */
    GatewayDrain(
        final RingBuffer<OutboundEvent> ring,
        final OrderTimer timer,
        final AnsweringVenue venue,
        final Histogram tickToGateway,
        final long measureStartNanos)
    {
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.timer = timer;
        this.venue = venue;
        this.tickToGateway = tickToGateway;
        this.measureStartNanos = measureStartNanos;
    }

    /**
     * {@inheritDoc}
     */
    public int doWork() throws Exception
    {
        drained = 0;
        poller.poll(onEvent);
        return drained;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "bench-gateway";
    }

    private boolean onEvent(final OutboundEvent event, final long sequence, final boolean endOfBatch)
    {
        drained++;
        if (event.length() == 0)
        {
            return true;
        }
        final long now = System.nanoTime();
        final long cause = timer.intendedNanos(event.clOrdId());
        if (cause >= measureStartNanos)
        {
            tickToGateway.recordValue(Math.min(Math.max(0, now - cause), tickToGateway.getHighestTrackableValue()));
        }
        venue.send(event.buffer(), 0, event.length(), event.clOrdId(), event.destination());
        return true;
    }
}
