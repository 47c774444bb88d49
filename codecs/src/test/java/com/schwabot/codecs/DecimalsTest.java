package com.schwabot.codecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DecimalsTest
{
    private final StringBuilder out = new StringBuilder();

    @Test
    void shouldAppendScientificForm()
    {
        assertThat(Decimals.appendScientific(out, 6_512_345, -2).toString()).isEqualTo("6512345e-2");
    }

    @Test
    void shouldAppendPlainDecimals()
    {
        assertThat(decimal(6_512_345, -2)).isEqualTo("65123.45");
        assertThat(decimal(-1, -3)).isEqualTo("-0.001");
        assertThat(decimal(12, 2)).isEqualTo("1200");
        assertThat(decimal(0, -8)).isEqualTo("0");
        assertThat(decimal(100, -2)).isEqualTo("1.00");
        assertThat(decimal(5, 0)).isEqualTo("5");
        assertThat(decimal(-12_345, -5)).isEqualTo("-0.12345");
        assertThat(decimal(Long.MIN_VALUE, -3)).isEqualTo("-9223372036854775.808");
        assertThat(decimal(Long.MAX_VALUE, -19)).isEqualTo("0.9223372036854775807");
    }

    @Test
    void shouldAgreeWithBigDecimalForRandomValues()
    {
        final Random random = new Random(42);
        for (int i = 0; i < 2_000; i++)
        {
            final long mantissa = random.nextLong() >> random.nextInt(64);
            final int exponent = random.nextInt(41) - 30;
            final String text = decimal(mantissa, exponent);

            assertThat(new BigDecimal(text)).isEqualByComparingTo(BigDecimal.valueOf(mantissa, -exponent));
        }
    }

    @Test
    void shouldRescaleExactly()
    {
        assertThat(Decimals.rescale(6_512_345, -2, -8)).isEqualTo(6_512_345_000_000L);
        assertThat(Decimals.rescale(6_512_345_000_000L, -8, -2)).isEqualTo(6_512_345);
        assertThat(Decimals.rescale(-7, 0, 0)).isEqualTo(-7);
    }

    @Test
    void shouldRefuseInexactOrOverflowingRescale()
    {
        assertThatThrownBy(() -> Decimals.rescale(6_512_345, -8, -2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Decimals.rescale(Long.MAX_VALUE, 0, -1)).isInstanceOf(ArithmeticException.class);
    }

    private String decimal(final long mantissa, final int exponent)
    {
        out.setLength(0);
        return Decimals.appendDecimal(out, mantissa, exponent).toString();
    }
}
