package com.schwabot.tensor;

/**
 * The backtest form of scoring: V strategy variants, each with its own weights and bias, scored over the same
 * features of N instruments in one batch. Preallocated for the largest shape; the caller fills it.
 * <p>
 * Layouts (row-major, float):
 * <pre>
 *   features [N][F]      features()[i * F + f]
 *   weights  [V][F][K]   weights()[(v * F + f) * K + k]
 *   bias     [V][K]      bias()[v * K + k]
 *   scores   [V][N][K]   scores()[(v * N + i) * K + k]   N = maxInstruments(), whatever the count in use
 * </pre>
 * Not thread-safe: one batch belongs to one thread.
 */
public final class SweepBatch
{
    private final int variantCount;
    private final int maxInstruments;
    private final int featureCount;
    private final int outputCount;
    private final float[] features;
    private final float[] weights;
    private final float[] bias;
    private final float[] scores;
    private Activation activation = Activation.TANH;

    /**
     * @param variantCount   V, the strategy variants.
     * @param maxInstruments N, the most instruments.
     * @param featureCount   F, features per instrument.
     * @param outputCount    K, scores per instrument and variant.
     */
    public SweepBatch(final int variantCount, final int maxInstruments, final int featureCount, final int outputCount)
    {
        TensorCapacity.positive("variantCount", variantCount);
        TensorCapacity.positive("maxInstruments", maxInstruments);
        TensorCapacity.positive("featureCount", featureCount);
        TensorCapacity.positive("outputCount", outputCount);
        this.variantCount = variantCount;
        this.maxInstruments = maxInstruments;
        this.featureCount = featureCount;
        this.outputCount = outputCount;
        this.features = new float[Math.multiplyExact(maxInstruments, featureCount)];
        this.weights = new float[Math.multiplyExact(variantCount, Math.multiplyExact(featureCount, outputCount))];
        this.bias = new float[Math.multiplyExact(variantCount, outputCount)];
        this.scores = new float[Math.multiplyExact(variantCount, Math.multiplyExact(maxInstruments, outputCount))];
    }

    /** @return V, the variants. */
    public int variantCount()
    {
        return variantCount;
    }

    /** @return N, the most instruments (also the row stride of each variant's scores). */
    public int maxInstruments()
    {
        return maxInstruments;
    }

    /** @return F, features per instrument. */
    public int featureCount()
    {
        return featureCount;
    }

    /** @return K, scores per instrument and variant. */
    public int outputCount()
    {
        return outputCount;
    }

    /** @return the shared features, [N][F]. */
    public float[] features()
    {
        return features;
    }

    /** @return the weights of every variant, [V][F][K]. */
    public float[] weights()
    {
        return weights;
    }

    /** @return the bias of every variant, [V][K]. */
    public float[] bias()
    {
        return bias;
    }

    /** @return the scores, [V][N][K]. */
    public float[] scores()
    {
        return scores;
    }

    /** @return the activation (default tanh). */
    public Activation activation()
    {
        return activation;
    }

    /**
     * @param activation the activation applied to scores.
     * @return this.
     */
    public SweepBatch activation(final Activation activation)
    {
        if (activation == null)
        {
            throw new IllegalArgumentException("activation must not be null");
        }
        this.activation = activation;
        return this;
    }

    /**
     * Checks an instrument count against this batch.
     *
     * @param n the instruments in use.
     * @throws IllegalArgumentException when n is outside [0, N].
     */
    public void checkCount(final int n)
    {
        if (n < 0 || n > maxInstruments)
        {
            throw new IllegalArgumentException("instrument count " + n + " outside [0, " + maxInstruments + "]");
        }
    }
}
