package com.schwabot.tensor.cpu;

import com.schwabot.tensor.Activation;
import com.schwabot.tensor.FeatureWindow;
import com.schwabot.tensor.SweepBatch;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorBatch;
import com.schwabot.tensor.TensorCapacity;

import java.util.Arrays;

/**
 * The CPU tensor backend: plain float loops over the caller's arrays, arranged so the innermost loop runs over
 * contiguous outputs (which the JIT vectorises) while every output element is still reduced in exactly the order
 * {@link TensorBackend} states. Java never fuses a multiply and an add, so results are the same on every JVM and
 * equal, bit for bit, to the naive reference implementation. Allocates nothing after construction: the only
 * scratch (the update's accumulators) is sized from the {@link TensorCapacity}.
 * <p>
 * Not thread-safe: one instance per thread.
 */
public final class CpuTensorBackend implements TensorBackend
{
    private final TensorCapacity capacity;
    private final float[] delta;
    private final float[] gradient;

    /**
     * @param capacity the largest shapes this backend accepts.
     */
    public CpuTensorBackend(final TensorCapacity capacity)
    {
        this.capacity = capacity;
        this.delta = new float[(capacity.maxFeatures() + 1) * capacity.maxOutputs()];
        this.gradient = new float[capacity.maxOutputs()];
    }

    @Override
    public String name()
    {
        return "cpu";
    }

    @Override
    public void score(final TensorBatch batch, final int n)
    {
        requireFits(capacity.fits(batch));
        batch.checkCount(n);
        scoreRows(
            batch.features(), batch.weights(), 0, batch.bias(), 0, batch.scores(), 0, n,
            batch.featureCount(), batch.outputCount(), batch.activation());
    }

    @Override
    public void update(final TensorBatch batch, final int n)
    {
        requireFits(capacity.fits(batch));
        batch.checkCount(n);
        final int featureCount = batch.featureCount();
        final int outputCount = batch.outputCount();
        final float[] x = batch.features();
        final float[] s = batch.scores();
        final float[] outcomes = batch.outcomes();
        final Activation activation = batch.activation();
        final int biasRow = featureCount * outputCount;
        Arrays.fill(delta, 0, biasRow + outputCount, 0.0f);

        for (int i = 0; i < n; i++)
        {
            final float outcome = outcomes[i];
            final int scoreRow = i * outputCount;
            for (int k = 0; k < outputCount; k++)
            {
                gradient[k] = activation.derivativeFromOutput(s[scoreRow + k]);
            }
            final int featureRow = i * featureCount;
            for (int f = 0; f < featureCount; f++)
            {
                accumulate(outcome * x[featureRow + f], f * outputCount, outputCount);
            }
            accumulate(outcome * 1.0f, biasRow, outputCount);
        }

        final float learningRate = batch.learningRate();
        final float bound = batch.weightBound();
        final float[] weights = batch.weights();
        for (int e = 0; e < biasRow; e++)
        {
            weights[e] = updated(weights[e], learningRate * delta[e], bound);
        }
        final float[] bias = batch.bias();
        for (int k = 0; k < outputCount; k++)
        {
            bias[k] = updated(bias[k], learningRate * delta[biasRow + k], bound);
        }
    }

    @Override
    public void rollingStats(final FeatureWindow window, final int n)
    {
        requireFits(capacity.fits(window));
        if (n < 0 || n > window.maxInstruments())
        {
            throw new IllegalArgumentException(
                "instrument count " + n + " outside [0, " + window.maxInstruments() + "]");
        }
        final int size = n * window.featureCount();
        final float[] mean = window.mean();
        final float[] variance = window.variance();
        Arrays.fill(mean, 0, size, 0.0f);
        Arrays.fill(variance, 0, size, 0.0f);
        final int count = window.count();
        if (count == 0)
        {
            return;
        }
        final float[] data = window.data();
        final int slotSize = window.slotSize();
        for (int j = 0; j < count; j++)
        {
            final int base = window.slotOf(j) * slotSize;
            for (int e = 0; e < size; e++)
            {
                mean[e] += data[base + e];
            }
        }
        final float rows = count;
        for (int e = 0; e < size; e++)
        {
            mean[e] = mean[e] / rows;
        }
        for (int j = 0; j < count; j++)
        {
            final int base = window.slotOf(j) * slotSize;
            for (int e = 0; e < size; e++)
            {
                final float d = data[base + e] - mean[e];
                variance[e] += d * d;
            }
        }
        for (int e = 0; e < size; e++)
        {
            variance[e] = variance[e] / rows;
        }
    }

    @Override
    public void sweep(final SweepBatch batch, final int n)
    {
        requireFits(capacity.fits(batch));
        batch.checkCount(n);
        final int featureCount = batch.featureCount();
        final int outputCount = batch.outputCount();
        final int weightsPerVariant = featureCount * outputCount;
        final int scoresPerVariant = batch.maxInstruments() * outputCount;
        for (int v = 0; v < batch.variantCount(); v++)
        {
            scoreRows(
                batch.features(), batch.weights(), v * weightsPerVariant, batch.bias(), v * outputCount,
                batch.scores(), v * scoresPerVariant, n, featureCount, outputCount, batch.activation());
        }
    }

    @Override
    public void close()
    {
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    private static void scoreRows(
        final float[] x,
        final float[] w,
        final int weightOffset,
        final float[] b,
        final int biasOffset,
        final float[] s,
        final int scoreOffset,
        final int n,
        final int featureCount,
        final int outputCount,
        final Activation activation)
    {
        if (outputCount == 1)
        {
            scoreSingleOutput(x, w, weightOffset, b[biasOffset], s, scoreOffset, n, featureCount, activation);
            return;
        }
        for (int i = 0; i < n; i++)
        {
            final int row = scoreOffset + i * outputCount;
            System.arraycopy(b, biasOffset, s, row, outputCount);
            final int featureRow = i * featureCount;
            for (int f = 0; f < featureCount; f++)
            {
                final float xv = x[featureRow + f];
                final int weightRow = weightOffset + f * outputCount;
                for (int k = 0; k < outputCount; k++)
                {
                    s[row + k] += xv * w[weightRow + k];
                }
            }
            if (activation != Activation.IDENTITY)
            {
                for (int k = 0; k < outputCount; k++)
                {
                    s[row + k] = activation.apply(s[row + k]);
                }
            }
        }
    }

    /**
     * {@link #scoreRows} for one output (the engine's shape): the same additions in the same order (bias, then
     * feature 0, 1, ... in float), kept in a local instead of the score array, so the result is the same bit for bit
     * and the chain of additions does not go through memory.
     */
    private static void scoreSingleOutput(
        final float[] x,
        final float[] w,
        final int weightOffset,
        final float bias,
        final float[] s,
        final int scoreOffset,
        final int n,
        final int featureCount,
        final Activation activation)
    {
        for (int i = 0; i < n; i++)
        {
            final int featureRow = i * featureCount;
            float acc = bias;
            for (int f = 0; f < featureCount; f++)
            {
                acc += x[featureRow + f] * w[weightOffset + f];
            }
            s[scoreOffset + i] = activation == Activation.IDENTITY ? acc : activation.apply(acc);
        }
    }

    private void accumulate(final float t, final int row, final int outputCount)
    {
        for (int k = 0; k < outputCount; k++)
        {
            delta[row + k] += t * gradient[k];
        }
    }

    /**
     * One bounded weight step: old + step, NaN keeps the old value, clamped to [-bound, bound].
     *
     * @param old   the weight.
     * @param step  learningRate * accumulated gradient.
     * @param bound the bound.
     * @return the new weight.
     */
    public static float updated(final float old, final float step, final float bound)
    {
        float value = old + step;
        if (value != value)
        {
            value = old;
        }
        if (value > bound)
        {
            return bound;
        }
        return value < -bound ? -bound : value;
    }

    private static void requireFits(final boolean fits)
    {
        if (!fits)
        {
            throw new IllegalArgumentException("batch shape exceeds this backend's TensorCapacity");
        }
    }
}
