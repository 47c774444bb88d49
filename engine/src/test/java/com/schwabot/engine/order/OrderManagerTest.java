package com.schwabot.engine.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderManagerTest
{
    private final OrderManager orders = new OrderManager(1, 2);

    @Test
    void shouldWalkNewPartialAndFilledAndReleaseTheOrder()
    {
        final Order order = orders.open(10, 0, true, 100, 5, 1);
        assertThat(order.state()).isEqualTo(OrderState.PENDING_NEW);
        assertThat(orders.workingBuy(0)).isEqualTo(5);
        orders.onAck(order, 77, 2);
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        assertThat(order.exchangeOrderId()).isEqualTo(77);
        orders.onFill(order, 2, 3);
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(order.leavesQty()).isEqualTo(3);
        assertThat(orders.workingBuy(0)).isEqualTo(3);
        orders.onFill(order, 3, 4);
        assertThat(order.state()).isEqualTo(OrderState.FILLED);
        assertThat(orders.get(10)).isNull();
        assertThat(orders.openOrders()).isZero();
        assertThat(orders.workingBuy(0)).isZero();
    }

    @Test
    void shouldGoBackFromCancelPendingWhenTheCancelIsTooLate()
    {
        final Order order = orders.open(10, 1, false, 100, 5, 1);
        orders.onCancelSent(order, 2);
        assertThat(order.state()).isEqualTo(OrderState.CANCEL_PENDING);
        orders.onAck(order, 5, 3);
        orders.onCancelRejected(order, 4);
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        orders.onCancelSent(order, 5);
        orders.onFill(order, 1, 6);
        assertThat(order.state()).isEqualTo(OrderState.CANCEL_PENDING);
        orders.onCancelRejected(order, 7);
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(orders.workingSell(1)).isEqualTo(4);
        orders.onDone(order, OrderState.CANCELED);
        assertThat(order.state()).isEqualTo(OrderState.CANCELED);
        assertThat(orders.workingSell(1)).isZero();
    }

    @Test
    void shouldNeverOpenAnIdTwiceEvenWhenThePoolSlotIsReused()
    {
        final Order first = orders.open(10, 0, true, 100, 5, 1);
        assertThat(orders.open(11, 0, true, 100, 5, 1)).as("pool of one is full").isNull();
        orders.onDone(first, OrderState.REJECTED);
        assertThat(first.state()).isEqualTo(OrderState.REJECTED);
        assertThat(orders.open(10, 0, true, 100, 5, 2)).as("id 10 again, slot free").isNull();
        assertThat(orders.open(9, 0, true, 100, 5, 2)).as("a lower id").isNull();
        final Order second = orders.open(12, 0, true, 100, 5, 2);
        assertThat(second).isSameAs(first);
        assertThat(second.clOrdId()).isEqualTo(12);
        assertThat(orders.highestClOrdId()).isEqualTo(12);
    }
}
