package com.schwabot.engine.venue.gateway;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.NanoClock;

/**
 * A monotonic clock the test moves by hand; safe to read from the event loop while the test thread advances it.
 */
final class ManualNanoClock implements NanoClock
{
    private volatile long nowNs;

    ManualNanoClock(final long startNs)
    {
        nowNs = startNs;
    }

    public long nanoTime()
    {
        return nowNs;
    }

    void advanceMs(final long millis)
    {
        nowNs += TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
