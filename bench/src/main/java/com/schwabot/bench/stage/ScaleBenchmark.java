package com.schwabot.bench.stage;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.schwabot.engine.stage.Scale;

/**
 * The normalize stage's rescaling of a venue's mantissas to the instrument's exponent when the venue's exponent is
 * finer (prices at 10^-8 to the instrument's 10^-2, quantities at 10^-8 to 10^-5: every price and quantity of every
 * level then takes the dividing path), in ns per value:
 * <ul>
 *     <li>{@link #rescale}: {@link Scale#rescale}, which divides by a constant power of ten per shift (the JIT
 *     multiplies instead);</li>
 *     <li>{@link #tableDivision}: the baseline, the same exact division by a power of ten looked up in a table (a
 *     hardware divide, as {@code Scale} did before).</li>
 * </ul>
 * The mantissas are seeded, exact at the instrument's exponent (as a venue's are), of the sizes of BTC prices and
 * quantities.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScaleBenchmark
{
    /** Values per invocation: a price and a quantity each. */
    public static final int VALUES = 2048;
    private static final int VENUE_EXPONENT = -8;
    private static final int PRICE_EXPONENT = -2;
    private static final int QTY_EXPONENT = -5;
    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    private final long[] mantissas = new long[VALUES];
    private final int[] exponents = new int[VALUES];

    /**
     * Seeded venue mantissas, alternately prices and quantities.
     */
    public ScaleBenchmark()
    {
        final SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < VALUES; i += 2)
        {
            mantissas[i] = (6_000_000L + random.nextInt(1_000_000)) * 1_000_000L;
            exponents[i] = PRICE_EXPONENT;
            mantissas[i + 1] = (1L + random.nextInt(10_000_000)) * 1_000L;
            exponents[i + 1] = QTY_EXPONENT;
        }
    }

    /**
     * {@link Scale#rescale}.
     *
     * @return the sum of the rescaled values.
     */
    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long rescale()
    {
        long sum = 0;
        for (int i = 0; i < VALUES; i++)
        {
            sum += Scale.rescale(mantissas[i], VENUE_EXPONENT, exponents[i]);
        }
        return sum;
    }

    /**
     * The baseline: the exact division by a power of ten from a table.
     *
     * @return the sum of the rescaled values.
     */
    @Benchmark
    @OperationsPerInvocation(VALUES)
    public long tableDivision()
    {
        long sum = 0;
        for (int i = 0; i < VALUES; i++)
        {
            final long p = POWERS[exponents[i] - VENUE_EXPONENT];
            final long m = mantissas[i];
            sum += m % p == 0 ? m / p : Scale.INVALID;
        }
        return sum;
    }
}
