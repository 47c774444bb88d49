package com.schwabot.engine.venue.sim;

/**
 * Seeded pseudo-random numbers (Steele, Lea and Flood's SplitMix64). Written out rather than taken from the JDK so
 * that a seed gives the same market on every JVM version. Not thread-safe; allocation-free.
 */
final class SplitMix64
{
    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private long state;

    SplitMix64(final long seed)
    {
        state = seed;
    }

    /**
     * Mix two values into one seed, so each instrument has its own stream that does not change when others are
     * added.
     *
     * @param seed  the simulator's seed.
     * @param salt  e.g. the instrument id.
     * @return a derived seed.
     */
    static long derive(final long seed, final long salt)
    {
        return mix(seed + GOLDEN_GAMMA * (salt + 1));
    }

    long nextLong()
    {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /**
     * @param bound exclusive upper bound, positive.
     * @return a value in {@code [0, bound)} (modulo bias is irrelevant at these bounds).
     */
    long nextLong(final long bound)
    {
        return (nextLong() >>> 1) % bound;
    }

    /**
     * @param bound exclusive upper bound, positive.
     * @return a value in {@code [0, bound)}.
     */
    int nextInt(final int bound)
    {
        return (int)nextLong(bound);
    }

    private static long mix(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
