package com.schwabot.tensor;

/**
 * A ring of the last W feature rows of N instruments, and the rolling mean and (population) variance per
 * instrument and feature that {@link TensorBackend#rollingStats(FeatureWindow, int)} writes.
 * <p>
 * Layout: {@code data()[(slot * N + i) * F + f]}, slot-major, N = {@link #maxInstruments()}. The next
 * {@link #append(float[], int)} writes slot {@link #head()}, which is always {@code appendCount() % W}; statistics
 * run over the {@link #count()} most recent slots from oldest to newest. Outputs: {@code mean()[i * F + f]},
 * {@code variance()[i * F + f]}. Keep the instrument count the same for every append to one window: the rows of
 * instruments not written in a slot keep what that slot held before.
 * <p>
 * Not thread-safe: one window belongs to one thread.
 */
public final class FeatureWindow
{
    private final int length;
    private final int maxInstruments;
    private final int featureCount;
    private final int slotSize;
    private final float[] data;
    private final float[] mean;
    private final float[] variance;
    private long appendCount;
    private int count;
    private int generation;

    /**
     * @param length         W, the rows kept.
     * @param maxInstruments N, the most instruments.
     * @param featureCount   F, features per instrument.
     */
    public FeatureWindow(final int length, final int maxInstruments, final int featureCount)
    {
        TensorCapacity.positive("length", length);
        TensorCapacity.positive("maxInstruments", maxInstruments);
        TensorCapacity.positive("featureCount", featureCount);
        this.length = length;
        this.maxInstruments = maxInstruments;
        this.featureCount = featureCount;
        this.slotSize = Math.multiplyExact(maxInstruments, featureCount);
        this.data = new float[Math.multiplyExact(length, slotSize)];
        this.mean = new float[slotSize];
        this.variance = new float[slotSize];
    }

    /**
     * Copies the first n rows of a [N][F] feature array (e.g. {@link TensorBatch#features()}) into the next slot,
     * overwriting the oldest row once the window is full. Allocates nothing.
     *
     * @param rows features, [n][F] at least.
     * @param n    the instruments to copy.
     */
    public void append(final float[] rows, final int n)
    {
        if (n < 0 || n > maxInstruments)
        {
            throw new IllegalArgumentException("instrument count " + n + " outside [0, " + maxInstruments + "]");
        }
        System.arraycopy(rows, 0, data, head() * slotSize, n * featureCount);
        appendCount++;
        if (count < length)
        {
            count++;
        }
    }

    /**
     * Forgets every row; the next append writes slot 0.
     */
    public void clear()
    {
        appendCount = 0;
        count = 0;
        generation++;
    }

    /** @return W, the rows kept. */
    public int length()
    {
        return length;
    }

    /** @return N, the most instruments. */
    public int maxInstruments()
    {
        return maxInstruments;
    }

    /** @return F, features per instrument. */
    public int featureCount()
    {
        return featureCount;
    }

    /** @return N * F, the floats in one slot. */
    public int slotSize()
    {
        return slotSize;
    }

    /** @return the ring, [W][N][F]. */
    public float[] data()
    {
        return data;
    }

    /** @return the rolling means, [N][F]. */
    public float[] mean()
    {
        return mean;
    }

    /** @return the rolling population variances, [N][F]. */
    public float[] variance()
    {
        return variance;
    }

    /** @return the slot the next append writes. */
    public int head()
    {
        return (int)(appendCount % length);
    }

    /** @return the rows held, at most W. */
    public int count()
    {
        return count;
    }

    /** @return the appends since creation or the last clear. */
    public long appendCount()
    {
        return appendCount;
    }

    /** @return a number that changes on every clear (lets a backend that mirrors the ring know to resend it). */
    public int generation()
    {
        return generation;
    }

    /**
     * The slot of the j-th row held, oldest first.
     *
     * @param j 0 for the oldest row held, count() - 1 for the newest.
     * @return its slot.
     */
    public int slotOf(final int j)
    {
        return (head() - count + j + length) % length;
    }
}
