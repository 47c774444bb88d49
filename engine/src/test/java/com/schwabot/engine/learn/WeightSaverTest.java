package com.schwabot.engine.learn;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.stage.StrategyTable;
import com.schwabot.tensor.TensorBatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The weight saver: the business thread's saves reach the weight cache only through the saver's agent (or its
 * close), the latest one wins, no save is taken torn while saves go on, a failed write is counted without stopping
 * anything, and a save allocates nothing.
 */
class WeightSaverTest
{
    @TempDir
    Path dir;

    private StrategyTable strategies;
    private int featureCount;
    private EngineCounters counters;
    private WeightStore store;
    private WeightSaver saver;

    @BeforeEach
    void setUp()
    {
        final SchwabotConfig config = TestCores.defaults();
        strategies = new StrategyTable(config.strategies(), new InstrumentTable(config.instruments()));
        featureCount = config.tensor().featureCount();
        counters = new EngineCounters();
        store = WeightStore.open(dir, strategies, featureCount, 64);
        saver = new WeightSaver(store, counters);
    }

    @Test
    void shouldWriteTheLatestSaveToTheCacheOnlyWhenTheAgentWorks()
    {
        saver.save(batch(1f));
        saver.save(batch(2f));
        saver.save(batch(3f));
        assertThat(store.load(batch(0f))).as("nothing in the cache before the agent works").isFalse();

        assertThat(saver.doWork()).as("the latest save written").isEqualTo(1);
        final TensorBatch loaded = batch(0f);
        assertThat(store.load(loaded)).isTrue();
        assertThat(loaded.weights()).containsExactly(batch(3f).weights());
        assertThat(loaded.bias()).containsExactly(batch(3f).bias());
        assertThat(saver.doWork()).as("nothing more to write").isZero();
    }

    @Test
    void shouldWriteTheLastSaveWhenItCloses() throws Exception
    {
        saver.save(batch(4f));
        saver.close();
        try (WeightStore reopened = WeightStore.open(dir, strategies, featureCount, 64))
        {
            final TensorBatch loaded = batch(0f);
            assertThat(reopened.load(loaded)).isTrue();
            assertThat(loaded.weights()).containsExactly(batch(4f).weights());
        }
    }

    @Test
    void shouldNeverTakeATornSaveWhileTheBusinessThreadSaves() throws Exception
    {
        final int saves = 2_000_000;
        final Thread business = new Thread(() ->
        {
            final TensorBatch batch = batch(0f);
            for (int i = 1; i <= saves; i++)
            {
                java.util.Arrays.fill(batch.weights(), i);
                batch.bias()[0] = -i;
                saver.save(batch);
            }
        }, "business");
        business.start();
        int copies = 0;
        while (true)
        {
            final boolean saving = business.isAlive();
            if (saver.copyLatest())
            {
                copies++;
                final float[] copied = saver.copied();
                final float value = copied[0];
                for (int i = 0; i < copied.length - 1; i++)
                {
                    if (copied[i] != value)
                    {
                        assertThat(copied).as("copy %d: every weight from one save", copies).containsOnly(value);
                    }
                }
                if (copied[copied.length - 1] != -value)
                {
                    assertThat(copied[copied.length - 1]).as("copy %d: the bias from the same save", copies)
                        .isEqualTo(-value);
                }
            }
            else if (!saving)
            {
                break;
            }
        }
        business.join();
        assertThat(copies).as("saves taken while the business thread saved").isGreaterThan(1);
        assertThat(saver.copied()[0]).as("the last save is the last taken").isEqualTo((float)saves);
    }

    @Test
    void shouldCountAFailedWriteAndGoOn()
    {
        store.close();
        saver.save(batch(5f));
        assertThat(saver.doWork()).isEqualTo(1);
        assertThat(counters.value(EngineCounter.WEIGHT_SAVE_FAILURES)).isEqualTo(1);
        saver.save(batch(6f));
        assertThat(saver.doWork()).isEqualTo(1);
        assertThat(counters.value(EngineCounter.WEIGHT_SAVE_FAILURES)).isEqualTo(2);
    }

    @Test
    void shouldRefuseABatchOfAnotherLayout()
    {
        assertThatThrownBy(() -> saver.save(new TensorBatch(2, featureCount + 1, 1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining((featureCount + 2) + " weights and biases")
            .hasMessageContaining("vector of " + (featureCount + 1));
    }

    @Test
    void shouldAllocateNothingToHandOverASave()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final TensorBatch batch = batch(7f);
        handOver(threads, thread, batch, 20_480);

        final long allocated = handOver(threads, thread, batch, 102_400);

        assertThat(allocated).as("bytes allocated by the business thread's side of 102,400 saves").isLessThan(512);
    }

    /**
     * Saves handed over, the latest written to the cache after every 256th: the bytes allocated by the saves alone
     * (the writes, the monitor thread's side, are not counted).
     */
    private long handOver(
        final com.sun.management.ThreadMXBean threads, final long thread, final TensorBatch batch, final int saves)
    {
        long allocated = 0;
        for (int i = 0; i < saves; i += 256)
        {
            final long before = threads.getThreadAllocatedBytes(thread);
            for (int k = 0; k < 256; k++)
            {
                batch.weights()[0] = i + k;
                saver.save(batch);
            }
            allocated += threads.getThreadAllocatedBytes(thread) - before;
            assertThat(saver.doWork()).isEqualTo(1);
        }
        return allocated;
    }

    private TensorBatch batch(final float value)
    {
        final TensorBatch batch = new TensorBatch(2, featureCount, 1);
        for (int i = 0; i < featureCount; i++)
        {
            batch.weights()[i] = value + i / 100f;
        }
        batch.bias()[0] = -value;
        return batch;
    }
}
