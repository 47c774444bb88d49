package com.schwabot.config;

import java.util.concurrent.TimeUnit;

/**
 * How a polling thread idles between duty cycles that found no work, as data: the engine turns it into an Agrona
 * {@code IdleStrategy} ({@code BusySpinIdleStrategy} or {@code BackoffIdleStrategy(maxSpins, maxYields,
 * minParkPeriodNs, maxParkPeriodNs)}); this module does not depend on Agrona.
 *
 * @param kind      busy-spin or back off.
 * @param maxSpins  for {@link Kind#BACKOFF}: empty cycles spent spinning before yielding.
 * @param maxYields for {@link Kind#BACKOFF}: empty cycles spent yielding before parking.
 * @param minParkNs for {@link Kind#BACKOFF}: the first park; each further empty cycle doubles it.
 * @param maxParkNs for {@link Kind#BACKOFF}: the longest park, so the longest a new piece of work can wait for the
 *                  thread to notice it (plus the OS timer slack, about 50 µs on Linux).
 */
public record IdleSpec(Kind kind, long maxSpins, long maxYields, long minParkNs, long maxParkNs)
{
    /**
     * The two ways to idle.
     */
    public enum Kind
    {
        /** Spin on the CPU ({@code Thread.onSpinWait()}): no wake-up delay, one core used all the time. */
        BUSY_SPIN,
        /** Spin, then yield, then park for doubling periods up to a limit. */
        BACKOFF
    }

    /**
     * @return a busy-spin spec.
     */
    public static IdleSpec busySpin()
    {
        return new IdleSpec(Kind.BUSY_SPIN, 0, 0, 0, 0);
    }

    /**
     * A back-off spec.
     *
     * @param maxSpins  empty cycles spent spinning.
     * @param maxYields empty cycles spent yielding.
     * @param minParkNs first park.
     * @param maxParkNs longest park.
     * @return the spec.
     */
    public static IdleSpec backoff(
        final long maxSpins, final long maxYields, final long minParkNs, final long maxParkNs)
    {
        return new IdleSpec(Kind.BACKOFF, maxSpins, maxYields, minParkNs, maxParkNs);
    }

    /**
     * @return for logs and {@code config show}, e.g. {@code backoff (spin 100, yield 10, park 1 us to 1 ms)}.
     */
    public String describe()
    {
        if (kind == Kind.BUSY_SPIN)
        {
            return "busy-spin";
        }
        return "backoff (spin " + maxSpins + ", yield " + maxYields + ", park " + duration(minParkNs) + " to " +
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
