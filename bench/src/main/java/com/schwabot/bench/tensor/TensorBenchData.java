package com.schwabot.bench.tensor;

import com.schwabot.tensor.Activation;
import com.schwabot.tensor.SweepBatch;
import com.schwabot.tensor.TensorBatch;
import com.schwabot.tensor.TensorCapacity;

import java.util.Random;

/**
 * The shapes and seeded data the CPU and CUDA tensor benchmarks share, so both backends score the same numbers.
 */
final class TensorBenchData
{
    /** F, features per instrument. */
    static final int FEATURES = 32;
    /** K, scores per instrument. */
    static final int OUTPUTS = 4;
    /** V, the strategy variants of the sweep (backtest) form. */
    static final int VARIANTS = 64;

    private TensorBenchData()
    {
    }

    /**
     * @param instruments N.
     * @return the capacity for N instruments at the benchmark shapes.
     */
    static TensorCapacity capacity(final int instruments)
    {
        return new TensorCapacity(instruments, FEATURES, OUTPUTS, VARIANTS, 1);
    }

    /**
     * @param instruments N.
     * @return a tanh batch of seeded features, weights, bias and outcomes, learning rate 1e-4.
     */
    static TensorBatch batch(final int instruments)
    {
        final TensorBatch batch = new TensorBatch(instruments, FEATURES, OUTPUTS)
            .activation(Activation.TANH)
            .learningRate(1e-4f);
        final Random random = new Random(42);
        fill(batch.features(), random, 2.0f);
        fill(batch.weights(), random, 0.25f);
        fill(batch.bias(), random, 0.1f);
        fill(batch.outcomes(), random, 1.0f);
        return batch;
    }

    /**
     * @param instruments N.
     * @return a tanh sweep batch of {@link #VARIANTS} seeded variants.
     */
    static SweepBatch sweep(final int instruments)
    {
        final SweepBatch sweep = new SweepBatch(VARIANTS, instruments, FEATURES, OUTPUTS).activation(Activation.TANH);
        final Random random = new Random(43);
        fill(sweep.features(), random, 2.0f);
        fill(sweep.weights(), random, 0.25f);
        fill(sweep.bias(), random, 0.1f);
        return sweep;
    }

    private static void fill(final float[] array, final Random random, final float scale)
    {
        for (int i = 0; i < array.length; i++)
        {
            array[i] = (random.nextFloat() * 2.0f - 1.0f) * scale;
        }
    }
}
