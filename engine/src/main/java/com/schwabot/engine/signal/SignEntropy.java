package com.schwabot.engine.signal;

/**
 * Shannon entropy, in bits, of the signs (down, flat, up) of the last {@code window} returns:
 * {@code H = -sum(p * log2 p)} over the three signs, in [0, log2 3]. Low entropy means the returns move mostly one
 * way (or not at all); the maximum means the signs are evenly mixed. O(1) per update: a ring of signs and three
 * counts; {@code H = log2 n - sum(c * log2 c) / n} with {@code c * log2 c} from a table built at construction with
 * {@link StrictMath}, so no logarithm is computed per update and replays agree to the bit.
 * <p>
 * Warm-up: {@link #isWarm()} is false until {@code window} returns have been seen; until then the entropy is that of
 * the returns so far (0 before the first). Allocation-free after construction, not thread-safe.
 */
public final class SignEntropy
{
    /** log2(3): the largest entropy of three signs. */
    public static final double MAX_BITS = StrictMath.log(3) / StrictMath.log(2);

    private final byte[] ring;
    private final int[] counts = new int[3];
    private final double[] log2;
    private final double[] countLog2;
    private int next;
    private int size;

    /**
     * An entropy over a window.
     *
     * @param window returns held, at least 2.
     */
    public SignEntropy(final int window)
    {
        if (window < 2)
        {
            throw new IllegalArgumentException("entropy window must be >= 2: " + window);
        }
        ring = new byte[window];
        log2 = new double[window + 1];
        countLog2 = new double[window + 1];
        for (int c = 1; c <= window; c++)
        {
            log2[c] = StrictMath.log(c) / StrictMath.log(2);
            countLog2[c] = c * log2[c];
        }
    }

    /**
     * Add a return (only its sign counts).
     *
     * @param change the return or price change.
     */
    public void update(final double change)
    {
        final byte sign = (byte)(change > 0 ? 2 : change < 0 ? 0 : 1);
        if (size == ring.length)
        {
            counts[ring[next]]--;
        }
        else
        {
            size++;
        }
        ring[next] = sign;
        counts[sign]++;
        next = next + 1 == ring.length ? 0 : next + 1;
    }

    /**
     * The entropy.
     *
     * @return bits, in [0, log2 3].
     */
    public double bits()
    {
        if (size == 0)
        {
            return 0.0;
        }
        final double h = log2[size] - (countLog2[counts[0]] + countLog2[counts[1]] + countLog2[counts[2]]) / size;
        return h > 0 ? h : 0.0;
    }

    /**
     * The entropy as a fraction of its largest value.
     *
     * @return in [0, 1].
     */
    public double normalized()
    {
        return bits() / MAX_BITS;
    }

    /**
     * Whether the window is full.
     *
     * @return true when warm.
     */
    public boolean isWarm()
    {
        return size == ring.length;
    }
}
