package com.schwabot.config;

import java.nio.file.Path;

/**
 * The {@code tensor} section of config.yaml: the tensor backend and its caches.
 *
 * @param backend        {@code auto} uses CUDA when a device is present, the CPU backend otherwise.
 * @param cacheDir       directory of the off-heap Chronicle Map caches.
 * @param maxInstruments rows of the feature and weight tensors.
 * @param featureCount   features per instrument.
 * @param batchSize      most events scored in one batch.
 * @param cudaDevice     CUDA device ordinal.
 * @param learningRate   step of the weight update after a trade outcome.
 * @param tolerance      largest allowed difference between the CPU and CUDA results.
 */
public record TensorConfig(
    TensorBackendKind backend,
    Path cacheDir,
    int maxInstruments,
    int featureCount,
    int batchSize,
    int cudaDevice,
    double learningRate,
    double tolerance)
{
    /** Least {@code tensor.learning_rate}. */
    public static final double MIN_LEARNING_RATE = 0.0;
    /** Most {@code tensor.learning_rate}. */
    public static final double MAX_LEARNING_RATE = 1.0;

    static TensorConfig read(final Section s)
    {
        final TensorConfig config = new TensorConfig(
            s.enumValue("backend", TensorBackendKind.class),
            s.pathValue("cache_dir"),
            s.intValue("max_instruments", 1, 4096),
            s.intValue("feature_count", 1, 1024),
            s.intValue("batch_size", 1, 65_536),
            s.intValue("cuda_device", 0, 63),
            s.doubleValue("learning_rate", MIN_LEARNING_RATE, MAX_LEARNING_RATE),
            s.doubleValue("tolerance", 0.0, 0.01));
        s.finish();
        return config;
    }
}
