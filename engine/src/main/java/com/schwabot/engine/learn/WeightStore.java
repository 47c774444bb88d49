package com.schwabot.engine.learn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.schwabot.engine.stage.StrategyTable;
import com.schwabot.tensor.TensorBatch;
import com.schwabot.tensor.cache.CacheSizes;
import com.schwabot.tensor.cache.TensorCaches;
import com.schwabot.tensor.cache.VectorCache;

/**
 * The learned weights in the tensor weight cache ({@link TensorCaches}, Chronicle Map files under
 * {@code tensor.cache_dir}): one vector of {@code F * K + K} floats (the weights, then the bias) under a key that
 * fingerprints the feature layout (the enabled strategies in order and the feature count), so a changed
 * strategies.yaml does not read weights learned for another layout.
 * <p>
 * The engine saves the weights here on timer ticks and at shutdown, through a {@link WeightSaver} that writes them
 * off the business thread; it does not load them at start, because the initial weights must be something a replay
 * has too, and the replay has the configuration, not the cache (see the engine README). {@link #load} is for tools
 * and tests.
 * <p>
 * {@link #save} and {@link #saveVector} allocate nothing (the Chronicle Map writes in place), but they take the
 * map's segment lock and write its file: not for the business thread. Not thread-safe: one thread at a time.
 */
public final class WeightStore implements AutoCloseable
{
    /** Most layouts held in the weight cache. */
    public static final int MAX_LAYOUTS = 64;

    private final TensorCaches caches;
    private final long key;
    private final float[] vector;

    private WeightStore(final TensorCaches caches, final long key, final int length)
    {
        this.caches = caches;
        this.key = key;
        this.vector = new float[length];
    }

    /**
     * Open (creating) the caches under a directory, sized for a feature layout.
     *
     * @param directory      the cache directory.
     * @param strategies     the enabled strategies.
     * @param featureCount   features per row, F.
     * @param maxInstruments rows of the feature cache.
     * @return the store; the caller closes it.
     */
    public static WeightStore open(
        final Path directory, final StrategyTable strategies, final int featureCount, final int maxInstruments)
    {
        final int length = featureCount + 1;
        final TensorCaches caches = TensorCaches.open(directory,
            new CacheSizes(MAX_LAYOUTS, length, maxInstruments, featureCount, Math.max(1, strategies.count())));
        return new WeightStore(caches, key(strategies, featureCount), length);
    }

    /**
     * The key of a feature layout: FNV-1a over the strategy names and the feature count.
     *
     * @param strategies   the enabled strategies.
     * @param featureCount features per row.
     * @return the key.
     */
    public static long key(final StrategyTable strategies, final int featureCount)
    {
        final StringBuilder layout = new StringBuilder("schwabot-weights/v1 f=").append(featureCount);
        for (int s = 0; s < strategies.count(); s++)
        {
            layout.append(' ').append(strategies.name(s));
        }
        long hash = 0xcbf29ce484222325L;
        for (final byte b : layout.toString().getBytes(StandardCharsets.UTF_8))
        {
            hash ^= b & 0xFF;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * Save a batch's weights and bias under this layout's key.
     *
     * @param batch the batch, of this layout.
     */
    public void save(final TensorBatch batch)
    {
        final int weights = batch.featureCount() * batch.outputCount();
        System.arraycopy(batch.weights(), 0, vector, 0, weights);
        System.arraycopy(batch.bias(), 0, vector, weights, batch.outputCount());
        saveVector(vector);
    }

    /**
     * Save a vector of this layout (the weights, then the bias) under this layout's key.
     *
     * @param weightsThenBias {@link #vectorLength()} floats.
     */
    public void saveVector(final float[] weightsThenBias)
    {
        caches.weights().put(key, weightsThenBias);
    }

    /**
     * Floats of a saved vector: the weights, then the bias.
     *
     * @return the length.
     */
    public int vectorLength()
    {
        return vector.length;
    }

    /**
     * Read the saved weights and bias into a batch of this layout.
     *
     * @param into the batch.
     * @return true when weights were saved under this layout's key.
     */
    public boolean load(final TensorBatch into)
    {
        if (!caches.weights().get(key, vector))
        {
            return false;
        }
        final int weights = into.featureCount() * into.outputCount();
        System.arraycopy(vector, 0, into.weights(), 0, weights);
        System.arraycopy(vector, weights, into.bias(), 0, into.outputCount());
        return true;
    }

    /**
     * The weight cache.
     *
     * @return the cache.
     */
    public VectorCache weights()
    {
        return caches.weights();
    }

    /**
     * The layout key.
     *
     * @return the key.
     */
    public long key()
    {
        return key;
    }

    @Override
    public void close()
    {
        caches.close();
    }
}
