package com.schwabot.tensor;

/**
 * The obviously-correct reference: the formulas of {@link TensorBackend}, one output element at a time, in naive
 * loops, with no attempt at speed. Used only by tests, as the oracle every other backend is compared against.
 */
final class ReferenceTensorBackend implements TensorBackend
{
    @Override
    public String name()
    {
        return "reference";
    }

    @Override
    public void score(final TensorBatch batch, final int n)
    {
        batch.checkCount(n);
        final int featureCount = batch.featureCount();
        final int outputCount = batch.outputCount();
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < outputCount; k++)
            {
                float acc = batch.bias()[k];
                for (int f = 0; f < featureCount; f++)
                {
                    acc = acc + batch.features()[i * featureCount + f] * batch.weights()[f * outputCount + k];
                }
                batch.scores()[i * outputCount + k] = batch.activation().apply(acc);
            }
        }
    }

    @Override
    public void update(final TensorBatch batch, final int n)
    {
        batch.checkCount(n);
        final int featureCount = batch.featureCount();
        final int outputCount = batch.outputCount();
        for (int f = 0; f <= featureCount; f++)
        {
            for (int k = 0; k < outputCount; k++)
            {
                float acc = 0.0f;
                for (int i = 0; i < n; i++)
                {
                    final float x = f < featureCount ? batch.features()[i * featureCount + f] : 1.0f;
                    final float g = batch.activation().derivativeFromOutput(batch.scores()[i * outputCount + k]);
                    acc = acc + (batch.outcomes()[i] * x) * g;
                }
                final float[] target = f < featureCount ? batch.weights() : batch.bias();
                final int index = f < featureCount ? f * outputCount + k : k;
                final float old = target[index];
                float value = old + batch.learningRate() * acc;
                if (Float.isNaN(value))
                {
                    value = old;
                }
                target[index] = Math.max(-batch.weightBound(), Math.min(batch.weightBound(), value));
            }
        }
    }

    @Override
    public void rollingStats(final FeatureWindow window, final int n)
    {
        final int featureCount = window.featureCount();
        for (int i = 0; i < n; i++)
        {
            for (int f = 0; f < featureCount; f++)
            {
                final int e = i * featureCount + f;
                final int count = window.count();
                if (count == 0)
                {
                    window.mean()[e] = 0.0f;
                    window.variance()[e] = 0.0f;
                    continue;
                }
                float sum = 0.0f;
                for (int j = 0; j < count; j++)
                {
                    sum = sum + window.data()[window.slotOf(j) * window.slotSize() + e];
                }
                final float mean = sum / count;
                float squares = 0.0f;
                for (int j = 0; j < count; j++)
                {
                    final float d = window.data()[window.slotOf(j) * window.slotSize() + e] - mean;
                    squares = squares + d * d;
                }
                window.mean()[e] = mean;
                window.variance()[e] = squares / count;
            }
        }
    }

    @Override
    public void sweep(final SweepBatch batch, final int n)
    {
        batch.checkCount(n);
        final int featureCount = batch.featureCount();
        final int outputCount = batch.outputCount();
        for (int v = 0; v < batch.variantCount(); v++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < outputCount; k++)
                {
                    float acc = batch.bias()[v * outputCount + k];
                    for (int f = 0; f < featureCount; f++)
                    {
                        acc = acc + batch.features()[i * featureCount + f] *
                            batch.weights()[(v * featureCount + f) * outputCount + k];
                    }
                    batch.scores()[(v * batch.maxInstruments() + i) * outputCount + k] = batch.activation().apply(acc);
                }
            }
        }
    }

    @Override
    public void close()
    {
    }
}
