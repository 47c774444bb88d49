package com.schwabot.tensor;

/**
 * How close two backends' results must be. The CPU backend matches the reference implementation bit for bit (same
 * float operations in the same order). The CUDA kernels use the same order with explicitly rounded float
 * intrinsics (no FMA contraction), so sums and products match exactly too; only the transcendental activations
 * (tanh, exp, computed in double on both sides then rounded to float) may differ by one float ulp, and a weight
 * update built on such a score by a few ulps more. The stated tolerance, with ample margin over that, is
 * <pre>
 *     |a - b| &lt;= 1e-5 * max(1, |a|, |b|)
 * </pre>
 * i.e. an absolute 1e-5 for values of magnitude up to 1 (all activated scores, bounded weights) and a relative 1e-5
 * above. Two NaNs are equal; a NaN and a number are not.
 */
public final class TensorTolerance
{
    /** Absolute tolerance up to magnitude 1, relative above: 1e-5. */
    public static final float TOLERANCE = 1e-5f;

    private TensorTolerance()
    {
    }

    /**
     * Whether two results agree within {@link #TOLERANCE}.
     *
     * @param a one result.
     * @param b the other.
     * @return true when they agree.
     */
    public static boolean within(final float a, final float b)
    {
        if (Float.isNaN(a) || Float.isNaN(b))
        {
            return Float.isNaN(a) && Float.isNaN(b);
        }
        if (a == b)
        {
            return true;
        }
        final float scale = Math.max(1.0f, Math.max(Math.abs(a), Math.abs(b)));
        return Math.abs(a - b) <= TOLERANCE * scale;
    }

    /**
     * The index of the first element where two arrays disagree beyond {@link #TOLERANCE}, or -1.
     *
     * @param expected the reference values.
     * @param actual   the values under test.
     * @param length   how many elements to compare.
     * @return the first disagreeing index or -1 when all agree.
     */
    public static int firstMismatch(final float[] expected, final float[] actual, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (!within(expected[i], actual[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
