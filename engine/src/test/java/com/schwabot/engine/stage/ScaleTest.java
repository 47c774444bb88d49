package com.schwabot.engine.stage;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleTest
{
    @Test
    void shouldRescaleExactlyOrSayInvalid()
    {
        assertThat(Scale.rescale(6_512_345_000_000L, -8, -2)).isEqualTo(6_512_345);
        assertThat(Scale.rescale(6_512_345_000_001L, -8, -2)).isEqualTo(Scale.INVALID);
        assertThat(Scale.rescale(15, -3, -5)).isEqualTo(1500);
        assertThat(Scale.rescale(-15, -3, -5)).isEqualTo(-1500);
        assertThat(Scale.rescale(Long.MAX_VALUE / 10, 0, -2)).isEqualTo(Scale.INVALID);
        assertThat(Scale.rescale(Long.MIN_VALUE, 0, 0)).isEqualTo(Scale.INVALID);
        assertThat(Scale.rescale(7, 0, 0)).isEqualTo(7);
        assertThat(Scale.rescale(0, -30, 0)).isZero();
        assertThat(Scale.rescale(1, 0, -30)).isEqualTo(Scale.INVALID);
    }

    /**
     * Every exponent pair from -20 to 20 against {@link BigDecimal}, on seeded mantissas of every size and sign, many
     * of them multiples of powers of ten (so that the exact divisions happen), and the extremes.
     */
    @Test
    void shouldAgreeWithBigDecimalForEveryShift()
    {
        final SplittableRandom random = new SplittableRandom(42);
        final long[] extremes = {0, 1, -1, 10, -10, Long.MAX_VALUE, Long.MIN_VALUE + 1, 999_999_999_999_999_999L,
            -1_000_000_000_000_000_000L, 9_223_372_036_854_775_800L};
        for (int from = -20; from <= 20; from++)
        {
            for (int to = -20; to <= 20; to++)
            {
                for (final long mantissa : extremes)
                {
                    assertAgrees(mantissa, from, to);
                }
                for (int i = 0; i < 200; i++)
                {
                    final long base = random.nextLong() >> random.nextInt(64);
                    final int zeros = random.nextInt(20);
                    final long mantissa = zeros < 19 && Math.abs(base) < Long.MAX_VALUE / Scale.pow10(zeros) ?
                        base * (long)Scale.pow10(zeros) : base;
                    assertAgrees(mantissa, from, to);
                }
            }
        }
    }

    private static void assertAgrees(final long mantissa, final int from, final int to)
    {
        final BigDecimal value = BigDecimal.valueOf(mantissa, -from);
        long expected;
        try
        {
            final BigInteger exact = value.setScale(-to).unscaledValue();
            expected = exact.bitLength() < 64 ? exact.longValue() : Scale.INVALID;
        }
        catch (final ArithmeticException ex)
        {
            expected = Scale.INVALID;
        }
        assertThat(Scale.rescale(mantissa, from, to)).as("%d x 10^%d to 10^%d", mantissa, from, to)
            .isEqualTo(expected);
    }

    @Test
    void shouldGivePowersOfTen()
    {
        assertThat(Scale.pow10(-2)).isEqualTo(0.01);
        assertThat(Scale.pow10(3)).isEqualTo(1000.0);
        assertThat(Scale.pow10(0)).isEqualTo(1.0);
    }
}
