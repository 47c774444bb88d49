package com.schwabot.engine.venue.sim;

import org.agrona.concurrent.EpochNanoClock;

/**
 * A clock that moves only when told: time for the simulator in tests.
 */
final class StepClock implements EpochNanoClock
{
    /** 2026-01-01T00:00:00Z. */
    static final long START_NANOS = 1_767_225_600_000_000_000L;

    private volatile long nanos = START_NANOS;

    @Override
    public long nanoTime()
    {
        return nanos;
    }

    void advance(final long deltaNanos)
    {
        nanos += deltaNanos;
    }
}
