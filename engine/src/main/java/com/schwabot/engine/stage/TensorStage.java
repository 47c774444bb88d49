package com.schwabot.engine.stage;

import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.tensor.Activation;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorBatch;

/**
 * Stage 4, tensor: once per Disruptor batch, the instruments whose signals changed are scored in one call to the
 * {@link TensorBackend} (CPU, or CUDA when present): {@code score = features . weights + bias}, one output per
 * instrument, the ensemble's combined strength in [-1, 1].
 * <p>
 * Feature row of an instrument: for each enabled strategy s, its signal divided by the sum of the ensemble weights
 * of the strategies that trade the instrument (so that with the configured weights the score is their weighted
 * average); then, where the row has room, volatility in basis points and the spread in basis points, whose weights
 * start at 0. The weights are the tensor weight memory: this first version takes them from strategies.yaml; the
 * learning issue updates them from trade outcomes.
 * <p>
 * Not thread-safe: business thread only. Allocation-free per batch.
 */
public final class TensorStage
{
    private final TensorBackend backend;
    private final TensorBatch batch;
    private final SignalStage signals;
    private final StrategyTable strategies;
    private final MarketState market;
    private final ScoreListener listener;
    private final int[] rows;
    private final float[] weightSum;
    private final AtomicCounter batches;
    private final AtomicCounter rowsScored;

    /**
     * Receives the scores of a batch.
     */
    @FunctionalInterface
    public interface ScoreListener
    {
        /**
         * The combined strength of an instrument.
         *
         * @param instrument instrument index.
         * @param score      in [-1, 1]: positive = buy.
         */
        void onScore(int instrument, float score);
    }

    /**
     * A tensor stage.
     *
     * @param backend      the backend.
     * @param featureCount features per row; at least the number of enabled strategies.
     * @param signals      the signal stage.
     * @param strategies   the enabled strategies.
     * @param market       the market state.
     * @param listener     receiving scores (the decision logic).
     * @param counters     engine counters.
     */
    public TensorStage(
        final TensorBackend backend,
        final int featureCount,
        final SignalStage signals,
        final StrategyTable strategies,
        final MarketState market,
        final ScoreListener listener,
        final EngineCounters counters)
    {
        if (featureCount < strategies.count())
        {
            throw new IllegalArgumentException("tensor.feature_count " + featureCount +
                " is below the number of enabled strategies " + strategies.count());
        }
        this.backend = backend;
        this.signals = signals;
        this.strategies = strategies;
        this.market = market;
        this.listener = listener;
        final int instruments = market.instrumentCount();
        this.batch = new TensorBatch(instruments, featureCount, 1).activation(Activation.IDENTITY);
        this.rows = new int[instruments];
        this.weightSum = new float[instruments];
        for (int s = 0; s < strategies.count(); s++)
        {
            batch.weights()[s] = strategies.weight(s);
            for (int i = 0; i < instruments; i++)
            {
                if (strategies.trades(s, i))
                {
                    weightSum[i] += strategies.weight(s);
                }
            }
        }
        this.batches = counters.get(EngineCounter.TENSOR_BATCHES);
        this.rowsScored = counters.get(EngineCounter.TENSOR_ROWS);
    }

    /**
     * Score the instruments marked dirty by the signal stage, hand each score to the listener, clear the marks.
     */
    public void onEndOfBatch()
    {
        final int n = signals.dirtyCount();
        if (n == 0)
        {
            return;
        }
        final int f = batch.featureCount();
        final float[] features = batch.features();
        for (int k = 0; k < n; k++)
        {
            final int i = signals.dirty(k);
            rows[k] = i;
            final int base = k * f;
            final float norm = weightSum[i] > 0 ? 1.0f / weightSum[i] : 0.0f;
            for (int s = 0; s < strategies.count(); s++)
            {
                features[base + s] = (float)signals.signal(s, i) * norm;
            }
            for (int x = strategies.count(); x < f; x++)
            {
                features[base + x] = 0.0f;
            }
            if (f > strategies.count() + 1)
            {
                features[base + strategies.count()] = (float)(signals.volatility(i) * 10_000.0);
                final double mid = market.mid(i);
                features[base + strategies.count() + 1] =
                    mid > 0 ? (float)((market.ask(i) - market.bid(i)) / mid * 10_000.0) : 0.0f;
            }
        }
        signals.clearDirty();
        backend.score(batch, n);
        batches.incrementRelease();
        rowsScored.getAndAddRelease(n);
        final float[] scores = batch.scores();
        for (int k = 0; k < n; k++)
        {
            listener.onScore(rows[k], scores[k]);
        }
    }

    /**
     * The batch (its weights are the tensor weight memory).
     *
     * @return the batch.
     */
    public TensorBatch batch()
    {
        return batch;
    }

    /**
     * The backend's name: "cpu" or "cuda".
     *
     * @return the name.
     */
    public String backendName()
    {
        return backend.name();
    }
}
