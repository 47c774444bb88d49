package com.schwabot.engine.stage;

/**
 * Exact decimal rescaling for the hot path: like {@code Decimals.rescale} but answers {@link #INVALID} instead of
 * throwing, so a bad venue value costs a counter increment, not an exception.
 */
public final class Scale
{
    /** Returned when a value cannot be expressed exactly at the wanted exponent. */
    public static final long INVALID = Long.MIN_VALUE;

    private static final long[] POWERS = new long[19];

    static
    {
        long p = 1;
        for (int i = 0; i < POWERS.length; i++)
        {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private Scale()
    {
    }

    /**
     * Rescale a mantissa from one exponent to another.
     *
     * @param mantissa     value mantissa.
     * @param fromExponent its exponent.
     * @param toExponent   the exponent wanted.
     * @return the mantissa at {@code toExponent}, or {@link #INVALID} when digits would be lost or it overflows.
     */
    public static long rescale(final long mantissa, final int fromExponent, final int toExponent)
    {
        if (fromExponent == toExponent)
        {
            return mantissa == INVALID ? INVALID : mantissa;
        }
        final int shift = fromExponent - toExponent;
        if (shift > 0)
        {
            if (shift >= POWERS.length)
            {
                return 0 == mantissa ? 0 : INVALID;
            }
            final long p = POWERS[shift];
            final long high = Math.multiplyHigh(mantissa, p);
            final long result = mantissa * p;
            if ((high != 0 || result < 0) && (high != -1 || result >= 0))
            {
                return INVALID;
            }
            return result == INVALID ? INVALID : result;
        }
        return divideExactly(mantissa, -shift);
    }

    /**
     * Divide by a power of ten when no digit is lost. Each power is a constant at its call, so the JIT turns the
     * division and the remainder into multiplications instead of a hardware divide (a venue's finer exponents make
     * every price and quantity of every level take this path).
     *
     * @param mantissa value mantissa.
     * @param digits   the power of ten, positive.
     * @return the quotient, or {@link #INVALID} when the division is not exact.
     */
    private static long divideExactly(final long mantissa, final int digits)
    {
        return switch (digits)
        {
            case 1 -> quotient(mantissa, 10L);
            case 2 -> quotient(mantissa, 100L);
            case 3 -> quotient(mantissa, 1_000L);
            case 4 -> quotient(mantissa, 10_000L);
            case 5 -> quotient(mantissa, 100_000L);
            case 6 -> quotient(mantissa, 1_000_000L);
            case 7 -> quotient(mantissa, 10_000_000L);
            case 8 -> quotient(mantissa, 100_000_000L);
            case 9 -> quotient(mantissa, 1_000_000_000L);
            case 10 -> quotient(mantissa, 10_000_000_000L);
            case 11 -> quotient(mantissa, 100_000_000_000L);
            case 12 -> quotient(mantissa, 1_000_000_000_000L);
            case 13 -> quotient(mantissa, 10_000_000_000_000L);
            case 14 -> quotient(mantissa, 100_000_000_000_000L);
            case 15 -> quotient(mantissa, 1_000_000_000_000_000L);
            case 16 -> quotient(mantissa, 10_000_000_000_000_000L);
            case 17 -> quotient(mantissa, 100_000_000_000_000_000L);
            case 18 -> quotient(mantissa, 1_000_000_000_000_000_000L);
            default -> 0 == mantissa ? 0 : INVALID;
        };
    }

    private static long quotient(final long mantissa, final long divisor)
    {
        return mantissa % divisor == 0 ? mantissa / divisor : INVALID;
    }

    /**
     * 10 raised to a power, as a double.
     *
     * @param exponent power of ten, any sign.
     * @return 10^exponent.
     */
    public static double pow10(final int exponent)
    {
        return exponent >= 0 && exponent < POWERS.length ? POWERS[exponent] :
            exponent < 0 && -exponent < POWERS.length ? 1.0 / POWERS[-exponent] : Math.pow(10, exponent);
    }
}
