package com.schwabot.engine.stage;

import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.signal.MarketSignals;
import com.schwabot.tensor.Activation;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorBatch;

/**
 * Stage 4, tensor: once per Disruptor batch, the instruments whose signals changed are scored in one call to the
 * {@link TensorBackend} (CPU, or CUDA when present): {@code score = features . weights + bias}, one output per
 * instrument, the ensemble's combined strength.
 * <p>
 * Feature row of an instrument: for each enabled strategy s, its signal divided by the sum of the configured ensemble
 * weights of the strategies that trade the instrument (so that with the configured weights the score is their
 * weighted average); then, where the row has room, the {@link MarketSignals} features (RSI, z-score, VWAP distance,
 * book imbalance, SMA trend, signal times orderliness; each in [-1, 1]); then zeros. The weights are the tensor
 * weight memory: they start from strategies.yaml (the market features at 0, so the first scores are the configured
 * ensemble's) and move with trade outcomes through {@link #learn}; the replay starts from the same configuration and
 * sees the same outcomes, so it computes the same weights.
 * <p>
 * The last row scored for each instrument is kept, for the learning to take the features a decision was made on.
 * Learned weights are handed to a {@link WeightSink} (the tensor weight cache) on timer ticks, at most once per
 * {@link #SAVE_INTERVAL_NANOS} of event time and only when they changed, and by {@link #save()} at shutdown.
 * <p>
 * Not thread-safe: business thread only. Allocation-free per batch.
 */
public final class TensorStage
{
    /** Least event time between two saves of the weights on timer ticks: 10 s. */
    public static final long SAVE_INTERVAL_NANOS = 10_000_000_000L;

    private final TensorBackend backend;
    private final TensorBatch batch;
    private final SignalStage signals;
    private final StrategyTable strategies;
    private final ScoreListener listener;
    private final EventClock clock;
    private final int[] rows;
    private final float[] weightSum;
    private final float[] latest;
    private final float[] latestScore;
    private final AtomicCounter batches;
    private final AtomicCounter rowsScored;
    private final AtomicCounter updates;
    private final AtomicCounter saves;
    private WeightSink sink;
    private long version;
    private long savedVersion;
    private long lastSaveNanos = Long.MIN_VALUE;

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
         * @param score      positive = buy.
         */
        void onScore(int instrument, float score);
    }

    /**
     * Where learned weights are saved (the tensor weight cache).
     */
    @FunctionalInterface
    public interface WeightSink
    {
        /**
         * Save the batch's weights and bias.
         *
         * @param batch the batch.
         */
        void save(TensorBatch batch);
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
     * @param clock        the event clock.
     * @param counters     engine counters.
     */
    public TensorStage(
        final TensorBackend backend,
        final int featureCount,
        final SignalStage signals,
        final StrategyTable strategies,
        final MarketState market,
        final ScoreListener listener,
        final EventClock clock,
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
        this.listener = listener;
        this.clock = clock;
        final int instruments = market.instrumentCount();
        this.batch = new TensorBatch(instruments, featureCount, 1).activation(Activation.IDENTITY);
        this.rows = new int[instruments];
        this.weightSum = new float[instruments];
        this.latest = new float[instruments * featureCount];
        this.latestScore = new float[instruments];
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
        this.updates = counters.get(EngineCounter.LEARNING_UPDATES);
        this.saves = counters.get(EngineCounter.WEIGHT_SAVES);
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
            row(i, features, k * f);
        }
        signals.clearDirty();
        backend.score(batch, n);
        deliver(n, rows, features, batch.scores(), 0);
    }

    /**
     * Take the scores of a batch scored elsewhere (a backtest sweep scores every variant's weights in one call):
     * keep each row and score for learning, count the batch, and hand each score to the listener, in row order.
     *
     * @param n           rows.
     * @param rowIndex    instrument index of each row.
     * @param features    the rows, {@code featureCount} floats each, as {@link #features} wrote them.
     * @param scores      the scores.
     * @param scoreOffset index of row 0's score in {@code scores}.
     */
    public void deliver(
        final int n, final int[] rowIndex, final float[] features, final float[] scores, final int scoreOffset)
    {
        batches.incrementRelease();
        rowsScored.getAndAddRelease(n);
        final int f = batch.featureCount();
        for (int k = 0; k < n; k++)
        {
            final int i = rowIndex[k];
            System.arraycopy(features, k * f, latest, i * f, f);
            latestScore[i] = scores[scoreOffset + k];
        }
        for (int k = 0; k < n; k++)
        {
            listener.onScore(rowIndex[k], scores[scoreOffset + k]);
        }
    }

    /**
     * Write an instrument's feature row (the row {@link #onEndOfBatch} scores).
     *
     * @param i        instrument index.
     * @param features destination.
     * @param base     where the row starts.
     */
    public void features(final int i, final float[] features, final int base)
    {
        row(i, features, base);
    }

    private void row(final int i, final float[] features, final int base)
    {
        final int f = batch.featureCount();
        final int s = strategies.count();
        final float norm = weightSum[i] > 0 ? 1.0f / weightSum[i] : 0.0f;
        double ensemble = 0;
        for (int k = 0; k < s; k++)
        {
            final float x = (float)signals.signal(k, i) * norm;
            features[base + k] = x;
            ensemble += strategies.weight(k) * x;
        }
        final int market = Math.min(MarketSignals.FEATURES, f - s);
        signals.market(i).features(features, base + s, market, ensemble);
        for (int x = s + market; x < f; x++)
        {
            features[base + x] = 0.0f;
        }
    }

    /**
     * Copy the last feature row scored for an instrument.
     *
     * @param i      instrument index.
     * @param into   destination.
     * @param offset where the row goes.
     * @return the score it got.
     */
    public float latest(final int i, final float[] into, final int offset)
    {
        final int f = batch.featureCount();
        System.arraycopy(latest, i * f, into, offset, f);
        return latestScore[i];
    }

    /**
     * One learning step from a trade outcome: {@link TensorBackend#update} over one row, the features the trade
     * was decided on, with the outcome as its target direction: every weight moves by
     * {@code learningRate * outcome * feature}, the bias by {@code learningRate * outcome}, each kept within the
     * batch's weight bound. The row is the batch's row 0, rewritten by the next scoring.
     *
     * @param features the row.
     * @param offset   where it starts.
     * @param score    the score it got.
     * @param outcome  signed success score: positive to push the score up, negative to push it down.
     */
    public void learn(final float[] features, final int offset, final float score, final float outcome)
    {
        System.arraycopy(features, offset, batch.features(), 0, batch.featureCount());
        batch.scores()[0] = score;
        batch.outcomes()[0] = outcome;
        backend.update(batch, 1);
        version++;
        updates.incrementRelease();
    }

    /**
     * Timer tick: save the weights when they changed and the last save is {@link #SAVE_INTERVAL_NANOS} old.
     */
    public void onTimer()
    {
        final long now = clock.nanos();
        if (null != sink && version != savedVersion &&
            (lastSaveNanos == Long.MIN_VALUE || now - lastSaveNanos >= SAVE_INTERVAL_NANOS))
        {
            lastSaveNanos = now;
            save();
        }
    }

    /**
     * Save the weights now, when there is a sink (shutdown, once the business thread has stopped).
     */
    public void save()
    {
        if (null != sink)
        {
            sink.save(batch);
            savedVersion = version;
            saves.incrementRelease();
        }
    }

    /**
     * Where weights are saved; set before the business thread starts.
     *
     * @param sink the sink, or null for none (replays, tests).
     */
    public void weightSink(final WeightSink sink)
    {
        this.sink = sink;
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
     * Learning steps taken.
     *
     * @return the count.
     */
    public long updates()
    {
        return version;
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
