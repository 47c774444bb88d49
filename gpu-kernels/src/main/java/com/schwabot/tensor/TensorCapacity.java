package com.schwabot.tensor;

/**
 * The largest shapes a backend instance accepts; backends preallocate their scratch (and, for CUDA, device and
 * pinned host buffers) for these at construction, so no call allocates.
 *
 * @param maxInstruments most instruments (rows) in a batch, N.
 * @param maxFeatures    most features per instrument, F.
 * @param maxOutputs     most scores per instrument, K.
 * @param maxVariants    most weight variants in a sweep, V.
 * @param maxWindow      longest rolling window, W rows.
 */
public record TensorCapacity(int maxInstruments, int maxFeatures, int maxOutputs, int maxVariants, int maxWindow)
{
    /**
     * Validates every dimension once.
     *
     * @param maxInstruments most instruments (rows) in a batch, N.
     * @param maxFeatures    most features per instrument, F.
     * @param maxOutputs     most scores per instrument, K.
     * @param maxVariants    most weight variants in a sweep, V.
     * @param maxWindow      longest rolling window, W rows.
     */
    public TensorCapacity
    {
        positive("maxInstruments", maxInstruments);
        positive("maxFeatures", maxFeatures);
        positive("maxOutputs", maxOutputs);
        positive("maxVariants", maxVariants);
        positive("maxWindow", maxWindow);
        final long largest = Math.max(
            Math.max((long)maxVariants * maxInstruments * maxOutputs, (long)maxWindow * maxInstruments * maxFeatures),
            Math.max((long)maxVariants * maxFeatures * maxOutputs, (long)maxInstruments * maxFeatures));
        if (largest > Integer.MAX_VALUE / Float.BYTES)
        {
            throw new IllegalArgumentException("tensor capacity too large: " + largest + " floats in one buffer");
        }
    }

    /**
     * Whether a batch fits.
     *
     * @param batch the batch.
     * @return true when its shape is within this capacity.
     */
    public boolean fits(final TensorBatch batch)
    {
        return batch.maxInstruments() <= maxInstruments && batch.featureCount() <= maxFeatures &&
            batch.outputCount() <= maxOutputs;
    }

    /**
     * Whether a sweep batch fits.
     *
     * @param batch the batch.
     * @return true when its shape is within this capacity.
     */
    public boolean fits(final SweepBatch batch)
    {
        return batch.maxInstruments() <= maxInstruments && batch.featureCount() <= maxFeatures &&
            batch.outputCount() <= maxOutputs && batch.variantCount() <= maxVariants;
    }

    /**
     * Whether a window fits.
     *
     * @param window the window.
     * @return true when its shape is within this capacity.
     */
    public boolean fits(final FeatureWindow window)
    {
        return window.maxInstruments() <= maxInstruments && window.featureCount() <= maxFeatures &&
            window.length() <= maxWindow;
    }

    static void positive(final String name, final int value)
    {
        if (value <= 0)
        {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
