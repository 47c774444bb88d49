package com.schwabot.bench.engine;

/**
 * What one {@link LatencyHarness} run measured, for callers that judge it ({@link GoalCheck}); the harness prints
 * the full report as well.
 *
 * @param rate                   market-data events per second asked for.
 * @param durationSeconds        seconds measured.
 * @param events                 market-data events measured.
 * @param dropped                events dropped at a full ring.
 * @param orders                 orders whose tick-to-order was measured.
 * @param tickToOrderP50Nanos    tick-to-order median, nanoseconds (-1 when no order was measured).
 * @param tickToOrderP99Nanos    its 99th percentile.
 * @param tickToOrderP9999Nanos  its 99.99th percentile.
 * @param gcCount                collections in the measured window.
 * @param businessAllocatedBytes bytes the business thread allocated in the window.
 */
record LatencyResult(
    long rate,
    long durationSeconds,
    long events,
    long dropped,
    long orders,
    long tickToOrderP50Nanos,
    long tickToOrderP99Nanos,
    long tickToOrderP9999Nanos,
    long gcCount,
    long businessAllocatedBytes)
{
}
