package com.schwabot.bench.engine;

import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;

import com.schwabot.engine.order.OrderSender;

/**
 * The latency harness's order sender on the business thread: records tick-to-order (from the intended time of the
 * latest market-data event of the Disruptor batch being handled, on which the engine decided, to the moment the order
 * is handed over) and the order's service time (from when the handler took up the event being handled to the same
 * moment: the engine's own share of tick-to-order, without the wait in front of the handler), remembers that intended
 * time for the order's client order id (so that {@link GatewayDrain} can measure tick-to-gateway), then hands the
 * frame to the engine's own sender (the output ring, journaled), as the engine does.
 * <p>
 * An order decided in a batch without market data (a batch of the harness venue's execution reports, which free the
 * decision stage to send the next order, or of timer ticks) has no tick: it is counted apart, with its service time
 * ({@link #otherOrders()}, the histogram given for them), and left out of tick-to-order and tick-to-gateway. Before
 * 2026-12-07 (thirteenth session) such an order would have been timed from the last market-data event before it; in
 * the runs since, none has come (an order's batch has held market data every time), so the figures did not change.
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
    private final Histogram otherOrderService;
    private final long measureStartNanos;
    private final long[] intended = new long[MASK + 1];
    private CausingEvent handler;

    /**
     * A timer.
     *
     * @param next              the engine's sender (an {@code OutputRingSender}).
     * @param tickToOrder       where tick-to-order samples go.
     * @param orderService      where the orders' service times go.
     * @param otherOrderService where the service times of orders decided without market data go.
     * @param measureStartNanos orders caused by events intended (or handled) before this are not recorded (warm-up).
     */
    OrderTimer(
        final OrderSender next, final Histogram tickToOrder, final Histogram orderService,
        final Histogram otherOrderService, final long measureStartNanos)
    {
        this.next = next;
        this.tickToOrder = tickToOrder;
        this.orderService = orderService;
        this.otherOrderService = otherOrderService;
        this.measureStartNanos = measureStartNanos;
    }

    /**
     * Before the business thread starts: the handler that knows the event being handled.
     *
     * @param handler the business thread's handler.
     */
    void wire(final CausingEvent handler)
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
        final long cause = handler.batchMarketIntendedNanos();
        final long service = Math.max(0, now - handler.handlerStartNanos());
        if (LatencyHandler.NOT_MARKET_DATA == cause)
        {
            if (handler.handlerStartNanos() >= measureStartNanos)
            {
                otherOrderService.recordValue(Math.min(service, otherOrderService.getHighestTrackableValue()));
            }
        }
        else if (cause >= measureStartNanos)
        {
            tickToOrder.recordValue(Math.min(Math.max(0, now - cause), tickToOrder.getHighestTrackableValue()));
            orderService.recordValue(Math.min(service, orderService.getHighestTrackableValue()));
        }
        intended[(int)clOrdId & MASK] = cause;
        return next.send(buffer, offset, length, clOrdId, destination);
    }

    /**
     * The intended time of the market-data event that caused an order.
     *
     * @param clOrdId the order's client order id.
     * @return System.nanoTime units, or {@link LatencyHandler#NOT_MARKET_DATA} for an order decided without market
     *         data.
     */
    long intendedNanos(final long clOrdId)
    {
        return intended[(int)clOrdId & MASK];
    }

    /**
     * Orders decided in a batch without market data, in the measured window. Read after the business thread stopped.
     *
     * @return the count.
     */
    long otherOrders()
    {
        return otherOrderService.getTotalCount();
    }

    /**
     * What the timer reads from the business thread's handler, during the handler.
     */
    interface CausingEvent
    {
        /**
         * @return the intended time of the latest market-data event of the batch being handled, or
         *         {@link LatencyHandler#NOT_MARKET_DATA} when the batch has had none.
         */
        long batchMarketIntendedNanos();

        /**
         * @return when the handler took up the event being handled, {@code System.nanoTime()}.
         */
        long handlerStartNanos();
    }
}
