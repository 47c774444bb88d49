package com.schwabot.tensor;

import java.util.Random;

/**
 * Seeded test data for the backend tests.
 */
final class TensorFixtures
{
    static final int N = 37;
    static final int F = 11;
    static final int K = 5;
    static final int V = 3;
    static final int W = 7;
    static final TensorCapacity CAPACITY = new TensorCapacity(64, 16, 8, 4, 8);

    private TensorFixtures()
    {
    }

    static void fill(final float[] array, final Random random, final float scale)
    {
        for (int i = 0; i < array.length; i++)
        {
            array[i] = (random.nextFloat() * 2.0f - 1.0f) * scale;
        }
    }

    static TensorBatch batch(final long seed, final Activation activation)
    {
        final Random random = new Random(seed);
        final TensorBatch batch = new TensorBatch(N, F, K).activation(activation);
        fill(batch.features(), random, 2.0f);
        fill(batch.weights(), random, 0.5f);
        fill(batch.bias(), random, 0.1f);
        fill(batch.outcomes(), random, 1.0f);
        return batch;
    }

    static TensorBatch copy(final TensorBatch source)
    {
        final TensorBatch copy = new TensorBatch(source.maxInstruments(), source.featureCount(), source.outputCount())
            .activation(source.activation())
            .learningRate(source.learningRate())
            .weightBound(source.weightBound());
        System.arraycopy(source.features(), 0, copy.features(), 0, source.features().length);
        System.arraycopy(source.weights(), 0, copy.weights(), 0, source.weights().length);
        System.arraycopy(source.bias(), 0, copy.bias(), 0, source.bias().length);
        System.arraycopy(source.scores(), 0, copy.scores(), 0, source.scores().length);
        System.arraycopy(source.outcomes(), 0, copy.outcomes(), 0, source.outcomes().length);
        return copy;
    }

    static SweepBatch sweep(final long seed, final Activation activation)
    {
        final Random random = new Random(seed);
        final SweepBatch batch = new SweepBatch(V, N, F, K).activation(activation);
        fill(batch.features(), random, 2.0f);
        fill(batch.weights(), random, 0.5f);
        fill(batch.bias(), random, 0.1f);
        return batch;
    }

    static FeatureWindow window(final long seed, final int appends, final int n)
    {
        final Random random = new Random(seed);
        final FeatureWindow window = new FeatureWindow(W, N, F);
        final float[] row = new float[N * F];
        for (int a = 0; a < appends; a++)
        {
            for (int e = 0; e < row.length; e++)
            {
                row[e] = 100.0f + random.nextFloat() * 3.0f;
            }
            window.append(row, n);
        }
        return window;
    }
}
