package com.schwabot.codecs;

/**
 * Fixed-point helpers for values carried as {@code mantissa * 10^exponent}. They append to a caller-supplied
 * {@link StringBuilder}, never go through {@code double} and allocate nothing beyond the builder's own growth.
 */
public final class Decimals
{
    private Decimals()
    {
    }

    /**
     * Append the exact wire form, e.g. {@code 6512345e-2} for mantissa 6512345 and exponent -2.
     *
     * @param builder  to append to.
     * @param mantissa of the value.
     * @param exponent of the value (power of ten).
     * @return the builder.
     */
    public static StringBuilder appendScientific(final StringBuilder builder, final long mantissa, final int exponent)
    {
        return builder.append(mantissa).append('e').append(exponent);
    }

    /**
     * Append the value in plain decimal notation, e.g. {@code 65123.45} for 6512345e-2, {@code -0.001} for -1e-3 and
     * {@code 1200} for 12e2. Every digit of the mantissa is kept (no rounding, trailing zeros kept), so the text
     * converts back to the same mantissa at the same exponent. Works for every long including Long.MIN_VALUE.
     *
     * @param builder  to append to.
     * @param mantissa of the value.
     * @param exponent of the value (power of ten).
     * @return the builder.
     */
    public static StringBuilder appendDecimal(final StringBuilder builder, final long mantissa, final int exponent)
    {
        final int start = builder.length();
        builder.append(mantissa);
        if (0 == mantissa)
        {
            return builder;
        }
        if (exponent > 0)
        {
            for (int i = 0; i < exponent; i++)
            {
                builder.append('0');
            }
            return builder;
        }

        final int scale = -exponent;
        if (0 == scale)
        {
            return builder;
        }
        final int digitsStart = mantissa < 0 ? start + 1 : start;
        final int digits = builder.length() - digitsStart;
        if (digits > scale)
        {
            builder.insert(builder.length() - scale, '.');
        }
        else
        {
            final int zeros = scale - digits;
            builder.insert(digitsStart, '0');
            builder.insert(digitsStart + 1, '.');
            for (int i = 0; i < zeros; i++)
            {
                builder.insert(digitsStart + 2, '0');
            }
        }
        return builder;
    }

    /**
     * Rescale a mantissa from one exponent to another without floating point, e.g. a venue price at -8 to an
     * instrument's scale at -2. Digits dropped when moving to a coarser exponent must be zero.
     *
     * @param mantissa     to rescale.
     * @param fromExponent of the mantissa.
     * @param toExponent   wanted.
     * @return the mantissa at {@code toExponent}.
     * @throws ArithmeticException when the value does not fit in a long or is not exact at {@code toExponent}.
     */
    public static long rescale(final long mantissa, final int fromExponent, final int toExponent)
    {
        long result = mantissa;
        if (toExponent < fromExponent)
        {
            for (int i = toExponent; i < fromExponent; i++)
            {
                result = Math.multiplyExact(result, 10L);
            }
        }
        else
        {
            for (int i = fromExponent; i < toExponent; i++)
            {
                if (0 != result % 10)
                {
                    throw new ArithmeticException("inexact rescale");
                }
                result /= 10;
            }
        }
        return result;
    }
}
