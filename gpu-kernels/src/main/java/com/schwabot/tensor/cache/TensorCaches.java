package com.schwabot.tensor.cache;

import java.nio.file.Path;

/**
 * The engine's three off-heap caches, persisted under one directory ({@code data/cache} by default, chosen by the
 * caller): tensor weights per strategy or variant ({@value #WEIGHTS_FILE}), the latest feature vector per instrument
 * ({@value #FEATURES_FILE}) and the latest signal vector per instrument ({@value #SIGNALS_FILE}). They survive a
 * restart; a corrupt or mismatched file fails the open with a {@link CacheFileException} naming it.
 */
public final class TensorCaches implements AutoCloseable
{
    /** The default directory, relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = "data/cache";
    /** Tensor weights, keyed by strategy/variant id. */
    public static final String WEIGHTS_FILE = "tensor-weights.cmap";
    /** Latest features, keyed by instrument id. */
    public static final String FEATURES_FILE = "features.cmap";
    /** Latest signals, keyed by instrument id. */
    public static final String SIGNALS_FILE = "signals.cmap";

    private final VectorCache weights;
    private final VectorCache features;
    private final VectorCache signals;

    private TensorCaches(final VectorCache weights, final VectorCache features, final VectorCache signals)
    {
        this.weights = weights;
        this.features = features;
        this.signals = signals;
    }

    /**
     * Opens (creating where absent) the three caches under a directory.
     *
     * @param directory the directory, created if needed.
     * @param sizes     their sizes.
     * @return the caches; the caller closes them.
     * @throws CacheFileException when a file is corrupt or was created with other sizes (none is left open).
     */
    public static TensorCaches open(final Path directory, final CacheSizes sizes)
    {
        final VectorCache weights = VectorCache.open(
            directory.resolve(WEIGHTS_FILE), "tensor-weights", sizes.maxStrategies(), sizes.weightVectorLength());
        VectorCache features = null;
        try
        {
            features = VectorCache.open(
                directory.resolve(FEATURES_FILE), "features", sizes.maxInstruments(), sizes.featureVectorLength());
            final VectorCache signals = VectorCache.open(
                directory.resolve(SIGNALS_FILE), "signals", sizes.maxInstruments(), sizes.signalVectorLength());
            return new TensorCaches(weights, features, signals);
        }
        catch (final RuntimeException ex)
        {
            if (features != null)
            {
                features.close();
            }
            weights.close();
            throw ex;
        }
    }

    /** @return the tensor weights per strategy/variant. */
    public VectorCache weights()
    {
        return weights;
    }

    /** @return the latest feature vector per instrument. */
    public VectorCache features()
    {
        return features;
    }

    /** @return the latest signal vector per instrument. */
    public VectorCache signals()
    {
        return signals;
    }

    @Override
    public void close()
    {
        signals.close();
        features.close();
        weights.close();
    }
}
