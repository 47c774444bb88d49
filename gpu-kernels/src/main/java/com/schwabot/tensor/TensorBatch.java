package com.schwabot.tensor;

/**
 * The preallocated inputs and outputs of one scoring batch, sized once for the largest batch (N instruments) and
 * refilled by the caller for every Disruptor batch; the backend reads and writes the arrays in place.
 * <p>
 * Layouts (row-major, float):
 * <pre>
 *   features [N][F]   features()[i * F + f]   input: one row per instrument
 *   weights  [F][K]   weights()[f * K + k]    input to score, updated in place by update
 *   bias     [K]      bias()[k]               input to score, updated in place by update
 *   scores   [N][K]   scores()[i * K + k]     output of score, input to update
 *   outcomes [N]      outcomes()[i]           input to update: the success score of each instrument's last trade
 * </pre>
 * Floats, not doubles: half the bytes through the caches and over PCIe, full-rate arithmetic on GPUs, and ample
 * precision for normalised market features; determinism comes from the fixed reduction order, not the width.
 * <p>
 * Not thread-safe: one batch belongs to one thread (the business thread).
 */
public final class TensorBatch
{
    private final int maxInstruments;
    private final int featureCount;
    private final int outputCount;
    private final float[] features;
    private final float[] weights;
    private final float[] bias;
    private final float[] scores;
    private final float[] outcomes;
    private Activation activation = Activation.TANH;
    private float learningRate = 0.01f;
    private float weightBound = 4.0f;

    /**
     * @param maxInstruments the most instruments a batch will hold, N.
     * @param featureCount   features per instrument, F.
     * @param outputCount    scores per instrument, K.
     */
    public TensorBatch(final int maxInstruments, final int featureCount, final int outputCount)
    {
        TensorCapacity.positive("maxInstruments", maxInstruments);
        TensorCapacity.positive("featureCount", featureCount);
        TensorCapacity.positive("outputCount", outputCount);
        this.maxInstruments = maxInstruments;
        this.featureCount = featureCount;
        this.outputCount = outputCount;
        this.features = new float[Math.multiplyExact(maxInstruments, featureCount)];
        this.weights = new float[Math.multiplyExact(featureCount, outputCount)];
        this.bias = new float[outputCount];
        this.scores = new float[Math.multiplyExact(maxInstruments, outputCount)];
        this.outcomes = new float[maxInstruments];
    }

    /** @return N, the most instruments a batch holds. */
    public int maxInstruments()
    {
        return maxInstruments;
    }

    /** @return F, the features per instrument. */
    public int featureCount()
    {
        return featureCount;
    }

    /** @return K, the scores per instrument. */
    public int outputCount()
    {
        return outputCount;
    }

    /** @return the features, [N][F]. */
    public float[] features()
    {
        return features;
    }

    /** @return the weights, [F][K]. */
    public float[] weights()
    {
        return weights;
    }

    /** @return the bias, [K]. */
    public float[] bias()
    {
        return bias;
    }

    /** @return the scores, [N][K]. */
    public float[] scores()
    {
        return scores;
    }

    /** @return the outcomes, [N]. */
    public float[] outcomes()
    {
        return outcomes;
    }

    /** @return the activation applied to scores (default tanh). */
    public Activation activation()
    {
        return activation;
    }

    /**
     * @param activation the activation applied to scores.
     * @return this.
     */
    public TensorBatch activation(final Activation activation)
    {
        if (activation == null)
        {
            throw new IllegalArgumentException("activation must not be null");
        }
        this.activation = activation;
        return this;
    }

    /** @return the learning rate of the weight update (default 0.01). */
    public float learningRate()
    {
        return learningRate;
    }

    /**
     * @param learningRate the learning rate of the weight update, finite.
     * @return this.
     */
    public TensorBatch learningRate(final float learningRate)
    {
        if (!Float.isFinite(learningRate))
        {
            throw new IllegalArgumentException("learningRate must be finite, was " + learningRate);
        }
        this.learningRate = learningRate;
        return this;
    }

    /** @return the bound B: weights and biases stay in [-B, B] after an update (default 4). */
    public float weightBound()
    {
        return weightBound;
    }

    /**
     * @param weightBound the bound B, positive and finite.
     * @return this.
     */
    public TensorBatch weightBound(final float weightBound)
    {
        if (!(weightBound > 0.0f) || !Float.isFinite(weightBound))
        {
            throw new IllegalArgumentException("weightBound must be positive and finite, was " + weightBound);
        }
        this.weightBound = weightBound;
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
