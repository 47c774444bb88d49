package com.schwabot.engine.monitor;

/**
 * The business thread's latency hook, called once per inbound event after it was handled. Implementations must
 * not allocate, block or log: they run on the critical path.
 */
@FunctionalInterface
public interface EventLatency
{
    /** Measures nothing (replays, tests). */
    EventLatency NONE = (ingressNanos) -> {};

    /**
     * An inbound event was handled.
     *
     * @param ingressNanos its ingress time, epoch nanoseconds, stamped when it arrived.
     */
    void onHandled(long ingressNanos);
}
