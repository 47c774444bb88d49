package com.schwabot.bench.engine;

import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;

import com.schwabot.engine.order.OrderSender;

/**
 * The latency harness's order sender on the business thread: records tick-to-order (from the intended time of the
 * last market-data event the business thread took up to the moment the order is handed over) and the order's service
 * time (from when the handler took up the event being handled to the same moment: the engine's own share of
 * tick-to-order, without the wait in front of the handler), remembers that intended time for the order's client
 * order id (so that {@link GatewayDrain} can measure tick-to-gateway), then hands the frame to the engine's own
 * sender (the output ring, journaled), as the engine does.
 * <p>
 * Thread-safety: {@link #send} on the business thread only. {@link #intendedNanos(long)} may be read by the thread
 * that takes the order off the output ring: the ring's publish orders the write before it.
 */
final class OrderTimer implements OrderSender
{
    private static final int MASK = (1 << 16) - 1;

    private final OrderSender next;
    private final Histogram tickToOrder;
    private final Histogram orderService;
    private final long measureStartNanos;
    private final long[] intended = new long[MASK + 1];
    private LatencyHandler handler;

    /**
     * A timer.
     *
     * @param next              the engine's sender (an {@code OutputRingSender}).
     * @param tickToOrder       where tick-to-order samples go.
     * @param orderService      where the orders' service times go.
     * @param measureStartNanos orders caused by events intended before this are not recorded (warm-up).
     */
    OrderTimer(
        final OrderSender next, final Histogram tickToOrder, final Histogram orderService,
        final long measureStartNanos)
    {
        this.next = next;
        this.tickToOrder = tickToOrder;
        this.orderService = orderService;
        this.measureStartNanos = measureStartNanos;
    }

    /**
     * Before the business thread starts: the handler that knows the intended time of the last market-data event.
     *
     * @param handler the business thread's handler.
     */
    void wire(final LatencyHandler handler)
    {
        this.handler = handler;
    }

    /**
     * {@inheritDoc}
     */
    public boolean send(
        final DirectBuffer buffer, final int offset, final int length, final long clOrdId, final long destination)
    {
        final long now = System.nanoTime();
        final long cause = handler.lastMarketIntendedNanos();
        if (cause >= measureStartNanos)
        {
            tickToOrder.recordValue(Math.min(Math.max(0, now - cause), tickToOrder.getHighestTrackableValue()));
            orderService.recordValue(
                Math.min(Math.max(0, now - handler.handlerStartNanos()), orderService.getHighestTrackableValue()));
        }
        intended[(int)clOrdId & MASK] = cause;
        return next.send(buffer, offset, length, clOrdId, destination);
    }

    /**
     * The intended time of the market-data event that caused an order.
     *
     * @param clOrdId the order's client order id.
     * @return System.nanoTime units.
     */
    long intendedNanos(final long clOrdId)
    {
        return intended[(int)clOrdId & MASK];
    }
}
