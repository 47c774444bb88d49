package com.schwabot.tensor;

/**
 * The batched tensor operations of the engine's tensor stage (and of backtest sweeps). Each call is one batch: the
 * caller fills a preallocated {@link TensorBatch}, {@link SweepBatch} or {@link FeatureWindow}, calls once, and
 * reads the results from the same object. Implementations allocate nothing per call once created, and every
 * result element is reduced in the fixed order stated below, so results are deterministic; different backends
 * agree within {@link TensorTolerance#TOLERANCE}.
 * <p>
 * Not thread-safe: a backend instance is used by one thread at a time (the business thread).
 */
public interface TensorBackend extends AutoCloseable
{
    /**
     * A short name for logs: "cpu", "cuda", "reference".
     *
     * @return the name.
     */
    String name();

    /**
     * For i in [0, n), k in [0, K): {@code scores[i][k] = act(bias[k] + x[i][0]*w[0][k] + ... + x[i][F-1]*w[F-1][k])},
     * summed left to right in float.
     *
     * @param batch the batch; its scores are written.
     * @param n     the instruments in use, [0, N].
     */
    void score(TensorBatch batch, int n);

    /**
     * The weight update from outcomes, using the batch's current scores (normally those of the last
     * {@link #score(TensorBatch, int)}): for f in [0, F] (row F is the bias, with input 1) and k in [0, K),
     * <pre>
     *     acc = sum over i = 0 .. n-1, in order, of (outcome[i] * x[i][f]) * act'(scores[i][k])
     *     w[f][k] = clamp(w[f][k] + learningRate * acc, -bound, bound)     (a NaN result keeps the old weight)
     * </pre>
     * Every weight and bias ends in [-bound, bound].
     *
     * @param batch the batch; its weights and bias are updated in place.
     * @param n     the instruments in use, [0, N].
     */
    void update(TensorBatch batch, int n);

    /**
     * Rolling statistics of the first n instruments: for each (i, f), the mean of the rows held (oldest to newest,
     * sum then divide) and the population variance (sum of squared deviations from that mean, oldest to newest,
     * then divide). An empty window gives zeros.
     *
     * @param window the window; its mean and variance are written.
     * @param n      the instruments in use, [0, N].
     */
    void rollingStats(FeatureWindow window, int n);

    /**
     * {@link #score(TensorBatch, int)} for every variant v: {@code scores[v][i][k]} from {@code weights[v]} and
     * {@code bias[v]}, with the same reduction order.
     *
     * @param batch the batch; its scores are written.
     * @param n     the instruments in use, [0, N].
     */
    void sweep(SweepBatch batch, int n);

    /**
     * Releases what the backend holds (device memory, contexts); idempotent.
     */
    @Override
    void close();
}
