package com.schwabot.engine.sweep;

import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.engine.TradingCore;
import com.schwabot.engine.stage.SignalStage;
import com.schwabot.engine.stage.TensorStage;
import com.schwabot.tensor.SweepBatch;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorBatch;

/**
 * The tensor stage of a sweep: at the end of each batch, the rows of the instruments whose signals changed are
 * built once (they depend on market data only), every variant's current weights are scored over them in one
 * {@link TensorBackend#sweep} call, and each variant's {@link TensorStage} gets its own scores, which its decisions,
 * risk and orders act on. A variant's weights are copied into the sweep batch when its learning moved them.
 * <p>
 * {@code sweep} computes each variant's scores in the same order as {@code score}, so a variant with the configured
 * weights scores exactly as a plain replay does. Not thread-safe: replay thread only. Allocation-free per batch.
 */
final class SweepScorer
{
    private final TensorBackend backend;
    private final SignalStage signals;
    private final TradingCore[] cores;
    private final AtomicCounter[] errors;
    private final SweepBatch batch;
    private final int[] rows;
    private final long[] weightVersion;

    SweepScorer(
        final TensorBackend backend, final SignalStage signals, final TradingCore[] cores,
        final AtomicCounter[] errors)
    {
        this.backend = backend;
        this.signals = signals;
        this.cores = cores;
        this.errors = errors;
        final TensorBatch first = cores[0].tensor().batch();
        final int instruments = cores[0].instruments().count();
        batch = new SweepBatch(cores.length, instruments, first.featureCount(), first.outputCount())
            .activation(first.activation());
        rows = new int[instruments];
        weightVersion = new long[cores.length];
        java.util.Arrays.fill(weightVersion, -1);
    }

    void onEndOfBatch()
    {
        final int n = signals.dirtyCount();
        if (n == 0)
        {
            return;
        }
        final int f = batch.featureCount();
        final float[] features = batch.features();
        final TensorStage lead = cores[0].tensor();
        for (int k = 0; k < n; k++)
        {
            final int i = signals.dirty(k);
            rows[k] = i;
            lead.features(i, features, k * f);
        }
        signals.clearDirty();
        refreshWeights();
        backend.sweep(batch, n);
        final float[] scores = batch.scores();
        final int stride = batch.maxInstruments() * batch.outputCount();
        for (int v = 0; v < cores.length; v++)
        {
            try
            {
                cores[v].tensor().deliver(n, rows, features, scores, v * stride);
            }
            catch (final RuntimeException ex)
            {
                errors[v].incrementRelease();
            }
        }
    }

    private void refreshWeights()
    {
        final int wk = batch.featureCount() * batch.outputCount();
        final int k = batch.outputCount();
        for (int v = 0; v < cores.length; v++)
        {
            final TensorStage tensor = cores[v].tensor();
            if (tensor.updates() != weightVersion[v])
            {
                weightVersion[v] = tensor.updates();
                System.arraycopy(tensor.batch().weights(), 0, batch.weights(), v * wk, wk);
                System.arraycopy(tensor.batch().bias(), 0, batch.bias(), v * k, k);
            }
        }
    }
}
