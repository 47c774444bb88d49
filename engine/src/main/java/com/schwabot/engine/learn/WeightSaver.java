package com.schwabot.engine.learn;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.stage.TensorStage;
import com.schwabot.tensor.TensorBatch;

/**
 * Saves the learned weights to the weight cache ({@link WeightStore}, a Chronicle Map) off the business thread. As
 * the tensor stage's {@link TensorStage.WeightSink}, the business thread only copies the weights and the bias into a
 * shared vector under a sequence lock ({@link #save}: two array copies and two ordered stores; no allocation, no
 * lock, no I/O, nothing that waits for the other side); this agent, run on the engine's monitor thread, copies out
 * the latest complete vector and writes it to the store ({@link #doWork}). A save overwrites one the agent has not
 * written yet: only the latest weights matter.
 * <p>
 * Why not the business thread: a Chronicle Map write there took 9.7 to 14.3 ms the first time (the map's query classes
 * loaded and run in the interpreter) and 0.3 to 1.3 ms at each later save, which comes at most every 10 s of event
 * time and so never gets compiled; the first save stalled the business thread and every event queued behind it (a
 * 4.8 ms order in a default run, and the {@code p99_latency} alert). The map's segment lock is not the business
 * thread's business either.
 * <p>
 * A write to the store that fails is logged and counted ({@code learning.weight.save.failures}), and the engine
 * trades on; the next save tries again. {@link #close()} writes the latest save if the agent has not, on the
 * calling thread, then closes the store: call it once the agent's thread has stopped, after the last {@link #save}.
 * <p>
 * Thread-safety: {@link #save} on one thread at a time (the business thread, or the closing thread once it has
 * stopped); {@link #doWork} on one other thread; {@link #close()} when neither runs.
 */
public final class WeightSaver implements TensorStage.WeightSink, Agent, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(WeightSaver.class);

    private final WeightStore store;
    private final float[] shared;
    private final float[] vector;
    private final AtomicCounter failures;
    /**
     * Even: {@link #shared} is whole; odd: a save is writing it. Written by the saving thread only. An
     * {@code AtomicLong} rather than a {@code VarHandle}: a save every 10 s runs in the interpreter, where the first
     * save through a {@code VarHandle} took 173 and 482 µs (its call sites linked) against 36 and 38 µs.
     */
    private final AtomicLong version = new AtomicLong();
    private long written;

    /**
     * A saver that writes to a store.
     *
     * @param store    the weight cache; closed by {@link #close()}.
     * @param counters where failed writes are counted.
     */
    public WeightSaver(final WeightStore store, final EngineCounters counters)
    {
        this.store = store;
        this.shared = new float[store.vectorLength()];
        this.vector = new float[store.vectorLength()];
        this.failures = counters.get(EngineCounter.WEIGHT_SAVE_FAILURES);
    }

    /**
     * Hand the batch's weights and bias to the saver (business thread): copied into the shared vector, written to the
     * store later on the agent's thread.
     *
     * @param batch the batch, of the store's layout (one output).
     * @throws IllegalArgumentException when the batch's weights and bias do not fill the store's vector.
     */
    public void save(final TensorBatch batch)
    {
        final int weights = batch.featureCount() * batch.outputCount();
        final int floats = weights + batch.outputCount();
        if (floats != shared.length)
        {
            throw new IllegalArgumentException(
                floats + " weights and biases for a weight cache vector of " + shared.length);
        }
        final long v = version.get();
        version.lazySet(v + 1);
        VarHandle.storeStoreFence(); // the odd version is seen before any of the copy
        System.arraycopy(batch.weights(), 0, shared, 0, weights);
        System.arraycopy(batch.bias(), 0, shared, weights, batch.outputCount());
        version.lazySet(v + 2); // a release store: the copy is seen before the even version
    }

    /**
     * Write the latest save, if the agent has not written it yet and it is whole, to the store (the agent's thread).
     * A save caught while it was being written is left for the next call.
     *
     * @return 1 when a save was written (or its write failed), else 0.
     */
    public int doWork()
    {
        if (!copyLatest())
        {
            return 0;
        }
        try
        {
            store.saveVector(vector);
        }
        catch (final RuntimeException ex)
        {
            failures.incrementRelease();
            LOG.warn("could not save the learned weights to the weight cache {}: {}",
                store.weights().file(), ex.toString());
        }
        return 1;
    }

    /**
     * Copy the latest save into {@link #copied()} if it is new and whole (the agent's thread).
     *
     * @return true when a save not copied before was copied whole.
     */
    boolean copyLatest()
    {
        final long v = version.get();
        if (v == written || (v & 1) != 0)
        {
            return false;
        }
        System.arraycopy(shared, 0, vector, 0, vector.length);
        VarHandle.loadLoadFence(); // the copy is read before the version is read again
        if (version.get() != v)
        {
            return false;
        }
        written = v;
        return true;
    }

    /**
     * The last save {@link #copyLatest()} copied: the weights, then the bias.
     *
     * @return the vector (the agent's; not a copy).
     */
    float[] copied()
    {
        return vector;
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "schwabot-weight-saver";
    }

    /**
     * Write the latest save if the agent has not, then close the store. Call it after the agent's thread has stopped
     * (or when it never ran) and after the last {@link #save}.
     */
    public void close()
    {
        try
        {
            doWork();
        }
        finally
        {
            store.close();
        }
    }
}
