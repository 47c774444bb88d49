package com.schwabot.engine.venue;

import java.util.concurrent.TimeUnit;

/**
 * Reconnect delays for venue connections: exponential growth from a base delay to a cap, seeded jitter, and a reset
 * once a connection has stayed up for a stable period.
 * <p>
 * Attempt {@code n} (counting from 0 since the last reset) has the ceiling {@code min(max, base * 2^n)}; the delay
 * returned is {@code ceiling - floor(ceiling * jitter * u)} with {@code u} uniform in {@code [0, 1)} drawn from a
 * SplitMix64 sequence seeded at construction, so the same seed and the same calls give the same delays (a replayed
 * session reconnects on the same schedule) and the delay never exceeds the cap. A jitter of 0 gives the plain
 * exponential sequence; 1 gives "full jitter" in {@code (0, ceiling]}.
 * <p>
 * Times are nanoseconds from one monotonic clock chosen by the caller. Allocation-free. Not thread-safe: owned by
 * the one thread that runs a connection's state machine.
 */
public final class Backoff
{
    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private final long baseNs;
    private final long maxNs;
    private final long stableNs;
    private final double jitter;
    private long randomState;
    private int attempts;
    private boolean connected;
    private long connectedAtNs;

    /**
     * @param baseNs      delay ceiling of the first attempt, greater than zero.
     * @param maxNs       largest delay, at least {@code baseNs}.
     * @param stableNs    a connection that stayed up at least this long resets the attempt count when it is lost.
     * @param jitter      fraction of each ceiling that may be taken off at random, in {@code [0, 1]}.
     * @param seed        seed of the jitter sequence.
     */
    public Backoff(final long baseNs, final long maxNs, final long stableNs, final double jitter, final long seed)
    {
        if (baseNs <= 0 || maxNs < baseNs || stableNs < 0)
        {
            throw new IllegalArgumentException("backoff needs 0 < base <= max and stable >= 0, got base=" + baseNs +
                "ns max=" + maxNs + "ns stable=" + stableNs + "ns");
        }
        if (!(jitter >= 0.0 && jitter <= 1.0))
        {
            throw new IllegalArgumentException("backoff jitter must be in [0, 1], got " + jitter);
        }
        this.baseNs = baseNs;
        this.maxNs = maxNs;
        this.stableNs = stableNs;
        this.jitter = jitter;
        this.randomState = seed;
    }

    /**
     * Convenience constructor in milliseconds.
     *
     * @param baseMs   delay ceiling of the first attempt.
     * @param maxMs    largest delay.
     * @param stableMs stable period after which the attempt count resets.
     * @param jitter   fraction of each ceiling that may be taken off at random, in {@code [0, 1]}.
     * @param seed     seed of the jitter sequence.
     * @return the backoff.
     */
    public static Backoff ofMillis(
        final long baseMs, final long maxMs, final long stableMs, final double jitter, final long seed)
    {
        return new Backoff(
            TimeUnit.MILLISECONDS.toNanos(baseMs),
            TimeUnit.MILLISECONDS.toNanos(maxMs),
            TimeUnit.MILLISECONDS.toNanos(stableMs),
            jitter,
            seed);
    }

    /**
     * The delay before the next connection attempt; advances the attempt count.
     *
     * @return delay in nanoseconds, in {@code [ceiling * (1 - jitter), ceiling]}.
     */
    public long nextDelayNs()
    {
        final long ceiling = ceilingNs(attempts);
        if (attempts < Integer.MAX_VALUE)
        {
            attempts++;
        }
        final long span = (long)(ceiling * jitter);
        if (span <= 0)
        {
            return ceiling;
        }
        final double u = (nextRandom() >>> 11) * 0x1.0p-53;
        return ceiling - Math.min(span, (long)(span * u));
    }

    /**
     * The ceiling (delay before jitter) of an attempt.
     *
     * @param attempt attempt number since the last reset, from 0.
     * @return {@code min(max, base * 2^attempt)} in nanoseconds.
     */
    public long ceilingNs(final int attempt)
    {
        if (attempt >= Long.SIZE - 1 || baseNs > (maxNs >> attempt))
        {
            return maxNs;
        }
        return Math.min(maxNs, baseNs << attempt);
    }

    /**
     * Record that a connection came up.
     *
     * @param nowNs monotonic time.
     */
    public void onConnected(final long nowNs)
    {
        connected = true;
        connectedAtNs = nowNs;
    }

    /**
     * Record that a connection was lost: a connection that was up for the stable period resets the attempt count,
     * so an occasional loss reconnects quickly while a flapping venue keeps backing off.
     *
     * @param nowNs monotonic time.
     */
    public void onDisconnected(final long nowNs)
    {
        if (connected && nowNs - connectedAtNs >= stableNs)
        {
            attempts = 0;
        }
        connected = false;
    }

    /**
     * Start again from the base delay.
     */
    public void reset()
    {
        attempts = 0;
    }

    /**
     * @return attempts since the last reset.
     */
    public int attempts()
    {
        return attempts;
    }

    private long nextRandom()
    {
        randomState += GOLDEN_GAMMA;
        long z = randomState;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
