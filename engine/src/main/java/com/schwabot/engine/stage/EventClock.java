package com.schwabot.engine.stage;

/**
 * The business thread's notion of now: the ingress time of the event being processed, set by the pipeline before
 * any stage sees the event. Stages read time only from here, never from the wall clock, so a replay of the journal
 * sees exactly the times the live run saw. It never goes back: producers on different threads stamp their frames
 * before they publish, so an event can arrive with a stamp a little older than its predecessor's; now then stays
 * where it was (and a replay, reading the same stamps in the same order, does the same).
 * <p>
 * Not thread-safe: business thread only.
 */
public final class EventClock
{
    private long nowNanos;

    /**
     * Now, in epoch nanoseconds: the current event's ingress time.
     *
     * @return the time.
     */
    public long nanos()
    {
        return nowNanos;
    }

    /**
     * Advance to an event's ingress time.
     *
     * @param ingressNanos of the event about to be processed.
     */
    public void set(final long ingressNanos)
    {
        if (ingressNanos > nowNanos)
        {
            nowNanos = ingressNanos;
        }
    }
}
