package com.schwabot.bench.engine;

/**
 * The figures of one {@link LatencyHarness} run that {@link GoalCheck} judges; the harness prints the full report.
 *
 * @param durationSeconds       seconds measured.
 * @param orders                orders whose tick-to-order was measured.
 * @param tickToOrderP50Nanos   tick-to-order median, nanoseconds (-1 when no order was measured).
 * @param tickToOrderP99Nanos   its 99th percentile.
 * @param tickToOrderP9999Nanos its 99.99th percentile.
 * @param orderServiceP50Nanos  the orders' service time (handler start to order handed over: the engine's own share
 *                              of tick-to-order) median, nanoseconds (-1 when no order was measured); reported, not
 *                              judged.
 * @param orderServiceP99Nanos  its 99th percentile.
 * @param tickToGatewayP50Nanos tick-to-gateway (the cause's intended time to the gateway thread having the order)
 *                              median, nanoseconds (-1 when no order was measured); reported, not judged.
 * @param tickToGatewayP99Nanos its 99th percentile.
 * @param otherOrders           orders decided in a batch without market data (on an execution report or a timer
 *                              tick), left out of tick-to-order; reported, not judged.
 * @param gcCount               collections in the measured window.
 * @param stealMillis           the machine's steal time in the measured window, summed over its CPUs, milliseconds
 *                              (-1 where the platform does not count it); reported, not judged.
 */
record LatencyResult(
    long durationSeconds,
    long orders,
    long tickToOrderP50Nanos,
    long tickToOrderP99Nanos,
    long tickToOrderP9999Nanos,
    long orderServiceP50Nanos,
    long orderServiceP99Nanos,
    long tickToGatewayP50Nanos,
    long tickToGatewayP99Nanos,
    long otherOrders,
    long gcCount,
    long stealMillis)
{
}
