package com.schwabot.bench.stage;

import java.util.Map;
import java.util.SplittableRandom;

import com.schwabot.config.ConfigException;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.SchwabotConfig;

/**
 * Seeded market data for the stage benchmarks: a random walk of the bundled instruments' best bid and ask (one tick
 * spread, moves of -1, 0 or +1 tick) with random sizes, and the bundled default configuration.
 */
final class StageBenchData
{
    /** Book updates held, a power of two. */
    static final int UPDATES = 1 << 14;
    /** Event time between two updates: 1 ms. */
    static final long STEP_NANOS = 1_000_000L;
    /** Start of the event time. */
    static final long T0 = 1_700_000_000_000_000_000L;

    final int[] instrument = new int[UPDATES];
    final long[] bid = new long[UPDATES];
    final long[] ask = new long[UPDATES];
    final long[] bidQty = new long[UPDATES];
    final long[] askQty = new long[UPDATES];

    StageBenchData(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final long[] mid = {6_500_000, 350_000};
        for (int k = 0; k < UPDATES; k++)
        {
            final int i = random.nextInt(2);
            mid[i] += random.nextInt(3) - 1;
            instrument[k] = i;
            bid[k] = mid[i] - 1;
            ask[k] = mid[i] + 1;
            bidQty[k] = 1 + random.nextInt(5_000);
            askQty[k] = 1 + random.nextInt(5_000);
        }
    }

    static SchwabotConfig config()
    {
        try
        {
            return ConfigLoader.load(null, Map.of());
        }
        catch (final ConfigException ex)
        {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }
}
