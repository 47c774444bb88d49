package com.schwabot.config;

import java.util.concurrent.TimeUnit;

/**
 * How a thread idles while the ring it waits on has nothing new, as data. For a polling thread (the gateway sender)
 * the engine turns it into an Agrona {@code IdleStrategy} ({@code BusySpinIdleStrategy}, or for
 * {@link Kind#WAKE_ON_PUBLISH} the engine's own strategy, woken by the producer of the ring the thread polls); for the
 * business thread's {@code wake-on-publish} wait strategy it gives the counts and the longest park. This module does
 * not depend on Agrona.
 *
 * @param kind      busy-spin, or park until woken.
 * @param maxSpins  for {@link Kind#WAKE_ON_PUBLISH}: empty looks at the ring spent spinning before yielding.
 * @param maxYields for {@link Kind#WAKE_ON_PUBLISH}: empty looks spent yielding before parking.
 * @param maxParkNs for {@link Kind#WAKE_ON_PUBLISH}: each park, which a publish on the ring ends early; it bounds how
 *                  late the thread's timed work (heartbeats, reconnects) runs, not how late it sees new events.
 */
public record IdleSpec(Kind kind, long maxSpins, long maxYields, long maxParkNs)
{
    /**
     * The two ways to idle.
     */
    public enum Kind
    {
        /** Spin on the CPU ({@code Thread.onSpinWait()}): no wake-up delay, one core used all the time. */
        BUSY_SPIN,
        /**
         * Spin, then yield, then park until the producer of the polled ring publishes (it unparks the thread), or
         * for at most a period: no timed wake-ups while there is nothing to do, beyond one per period.
         */
        WAKE_ON_PUBLISH
    }

    /**
     * @return a busy-spin spec.
     */
    public static IdleSpec busySpin()
    {
        return new IdleSpec(Kind.BUSY_SPIN, 0, 0, 0);
    }

    /**
     * A spec that parks until the polled ring's producer publishes.
     *
     * @param maxSpins  empty cycles spent spinning.
     * @param maxYields empty cycles spent yielding.
     * @param maxParkNs longest park (a publish ends it sooner).
     * @return the spec.
     */
    public static IdleSpec wakeOnPublish(final long maxSpins, final long maxYields, final long maxParkNs)
    {
        return new IdleSpec(Kind.WAKE_ON_PUBLISH, maxSpins, maxYields, maxParkNs);
    }

    /**
     * @return for logs and {@code config show}: {@code busy-spin}, or e.g.
     *         {@code wake-on-publish (spin 100, yield 10, park until a publish, at most 1 ms)}.
     */
    public String describe()
    {
        if (kind == Kind.BUSY_SPIN)
        {
            return "busy-spin";
        }
        return "wake-on-publish (spin " + maxSpins + ", yield " + maxYields + ", park until a publish, at most " +
            duration(maxParkNs) + ")";
    }

    private static String duration(final long nanos)
    {
        if (nanos >= TimeUnit.MILLISECONDS.toNanos(1) && nanos % TimeUnit.MILLISECONDS.toNanos(1) == 0)
        {
            return TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
        }
        if (nanos >= TimeUnit.MICROSECONDS.toNanos(1) && nanos % TimeUnit.MICROSECONDS.toNanos(1) == 0)
        {
            return TimeUnit.NANOSECONDS.toMicros(nanos) + " us";
        }
        return nanos + " ns";
    }
}
