package com.schwabot.tensor;

/**
 * The activation applied to each score. Evaluated in double with {@link StrictMath} and rounded to float, so the
 * result is the same on every JVM (the CUDA kernels do the same in double precision and differ by at most an ulp).
 * The codes are the ones the CUDA kernels switch on.
 */
public enum Activation
{
    /** s = x. */
    IDENTITY(0),
    /** s = tanh(x), in (-1, 1). */
    TANH(1),
    /** s = 1 / (1 + e^-x), in (0, 1). */
    SIGMOID(2);

    private final int code;

    Activation(final int code)
    {
        this.code = code;
    }

    /**
     * The code the CUDA kernels use for this activation.
     *
     * @return 0, 1 or 2.
     */
    public int code()
    {
        return code;
    }

    /**
     * Applies the activation.
     *
     * @param x the pre-activation score.
     * @return the activated score.
     */
    public float apply(final float x)
    {
        switch (this)
        {
            case TANH:
                return (float)StrictMath.tanh(x);
            case SIGMOID:
                return (float)(1.0 / (1.0 + StrictMath.exp(-(double)x)));
            case IDENTITY:
            default:
                return x;
        }
    }

    /**
     * The derivative of the activation, expressed in its output s (1 - s*s for tanh, s*(1 - s) for sigmoid, 1 for
     * identity), in float arithmetic.
     *
     * @param s an activated score.
     * @return ds/dx at that score.
     */
    public float derivativeFromOutput(final float s)
    {
        switch (this)
        {
            case TANH:
                return 1.0f - s * s;
            case SIGMOID:
                return s * (1.0f - s);
            case IDENTITY:
            default:
                return 1.0f;
        }
    }
}
