package com.schwabot.bench.engine;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderTimerTest
{
    private static final long MEASURE_START = 1_000;
    private static final long HIGHEST = 3_600_000_000_000L;
    /** Far apart, so that no pause of the test's thread between its clock read and the timer's can blur them. */
    private static final long TEN_SECONDS = 10_000_000_000L;
    private static final long FIVE_SECONDS = 5_000_000_000L;

    private final Histogram tickToOrder = new Histogram(1, HIGHEST, 3);
    private final Histogram orderService = new Histogram(1, HIGHEST, 3);
    private final Histogram otherOrderService = new Histogram(1, HIGHEST, 3);
    private final List<Long> sent = new ArrayList<>();
    private final Handling handling = new Handling();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[64]);
    private final OrderTimer timer = new OrderTimer(
        (buffer, offset, length, clOrdId, destination) -> sent.add(clOrdId), tickToOrder, orderService,
        otherOrderService, MEASURE_START);

    OrderTimerTest()
    {
        timer.wire(handling);
    }

    @Test
    void shouldTimeAnOrderDecidedOnMarketDataFromThatDataIntendedTime()
    {
        final long now = System.nanoTime();
        handling.batchMarketIntended = now - TEN_SECONDS;
        handling.handlerStart = now - 20_000;

        timer.send(frame, 0, 64, 7, 1);

        assertThat(tickToOrder.getTotalCount()).isEqualTo(1);
        assertThat(tickToOrder.getMaxValue()).as("from the data's intended time")
            .isGreaterThanOrEqualTo(TEN_SECONDS - TEN_SECONDS / 1000);
        assertThat(orderService.getTotalCount()).isEqualTo(1);
        assertThat(orderService.getMaxValue()).as("from the handler's start").isBetween(20_000L, FIVE_SECONDS);
        assertThat(timer.otherOrders()).isZero();
        assertThat(timer.intendedNanos(7)).isEqualTo(now - TEN_SECONDS);
        assertThat(sent).containsExactly(7L);
    }

    @Test
    void shouldKeepAnOrderDecidedWithoutMarketDataOutOfTickToOrderAndTickToGateway()
    {
        final long now = System.nanoTime();
        handling.batchMarketIntended = LatencyHandler.NOT_MARKET_DATA;
        handling.handlerStart = now - 1_500;

        timer.send(frame, 0, 64, 8, 1);

        assertThat(tickToOrder.getTotalCount()).as("no tick caused it").isZero();
        assertThat(orderService.getTotalCount()).isZero();
        assertThat(timer.otherOrders()).isEqualTo(1);
        assertThat(otherOrderService.getTotalCount()).isEqualTo(1);
        assertThat(otherOrderService.getMaxValue()).isBetween(1_500L, FIVE_SECONDS);
        assertThat(timer.intendedNanos(8)).as("left out of tick-to-gateway too").isLessThan(MEASURE_START);
        assertThat(sent).as("the order goes on all the same").containsExactly(8L);
    }

    @Test
    void shouldRecordNothingForOrdersOfTheWarmUp()
    {
        handling.batchMarketIntended = MEASURE_START - 1;
        handling.handlerStart = MEASURE_START - 1;
        timer.send(frame, 0, 64, 9, 1);
        handling.batchMarketIntended = LatencyHandler.NOT_MARKET_DATA;
        timer.send(frame, 0, 64, 10, 1);

        assertThat(tickToOrder.getTotalCount()).isZero();
        assertThat(orderService.getTotalCount()).isZero();
        assertThat(otherOrderService.getTotalCount()).isZero();
        assertThat(timer.otherOrders()).isZero();
        assertThat(sent).containsExactly(9L, 10L);
    }

    /** The business thread's handler as the timer reads it: the batch's market data and the event's start. */
    private static final class Handling implements OrderTimer.CausingEvent
    {
        long batchMarketIntended = LatencyHandler.NOT_MARKET_DATA;
        long handlerStart;

        @Override
        public long batchMarketIntendedNanos()
        {
            return batchMarketIntended;
        }

        @Override
        public long handlerStartNanos()
        {
            return handlerStart;
        }
    }
}
