package com.schwabot.tensor.cuda;

import com.schwabot.tensor.TensorCapacity;

/**
 * Every device buffer (with its pinned host mirror) the CUDA backend uses, sized from the {@link TensorCapacity}.
 */
final class DeviceBuffers implements AutoCloseable
{
    final DeviceBuffer features;
    final DeviceBuffer weights;
    final DeviceBuffer bias;
    final DeviceBuffer scores;
    final DeviceBuffer outcomes;
    final DeviceBuffer window;
    final DeviceBuffer mean;
    final DeviceBuffer variance;
    final DeviceBuffer sweepWeights;
    final DeviceBuffer sweepBias;
    final DeviceBuffer sweepScores;
    private final DeviceBuffer[] all;

    /**
     * Allocates them all in the current context; frees what was allocated if one allocation fails.
     *
     * @param c the capacity.
     */
    DeviceBuffers(final TensorCapacity c)
    {
        all = new DeviceBuffer[11];
        try
        {
            final int rows = c.maxInstruments();
            features = add(0, new DeviceBuffer("features", rows * c.maxFeatures()));
            weights = add(1, new DeviceBuffer("weights", c.maxFeatures() * c.maxOutputs()));
            bias = add(2, new DeviceBuffer("bias", c.maxOutputs()));
            scores = add(3, new DeviceBuffer("scores", rows * c.maxOutputs()));
            outcomes = add(4, new DeviceBuffer("outcomes", rows));
            window = add(5, new DeviceBuffer("window", c.maxWindow() * rows * c.maxFeatures()));
            mean = add(6, new DeviceBuffer("mean", rows * c.maxFeatures()));
            variance = add(7, new DeviceBuffer("variance", rows * c.maxFeatures()));
            sweepWeights = add(8, new DeviceBuffer("sweepWeights", c.maxVariants() * c.maxFeatures() * c.maxOutputs()));
            sweepBias = add(9, new DeviceBuffer("sweepBias", c.maxVariants() * c.maxOutputs()));
            sweepScores = add(10, new DeviceBuffer("sweepScores", c.maxVariants() * rows * c.maxOutputs()));
        }
        catch (final RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    private DeviceBuffer add(final int index, final DeviceBuffer buffer)
    {
        all[index] = buffer;
        return buffer;
    }

    @Override
    public void close()
    {
        for (int i = all.length - 1; i >= 0; i--)
        {
            if (all[i] != null)
            {
                all[i].close();
                all[i] = null;
            }
        }
    }
}
