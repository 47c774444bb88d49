package com.schwabot.bench.tensor;

import com.schwabot.tensor.Activation;
import com.schwabot.tensor.TensorBatch;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The tensor stage's scoring batch on the CPU backend: scores = tanh(features[N x F] . weights[F x K] + bias[K]) for
 * N instruments, one call per batch, as the engine makes it once per Disruptor batch. The score is ns per batch;
 * ns per instrument is that divided by N. {@link #scoreAndUpdate} adds the weight update from outcomes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CpuTensorScoringBenchmark
{
    private static final int FEATURES = 32;
    private static final int OUTPUTS = 4;

    @Param({"8", "256", "4096"})
    private int instruments;

    private CpuTensorBackend backend;
    private TensorBatch batch;

    /**
     * Builds the backend and a batch of seeded features, weights and outcomes.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        backend = new CpuTensorBackend(new TensorCapacity(instruments, FEATURES, OUTPUTS, 1, 1));
        batch = new TensorBatch(instruments, FEATURES, OUTPUTS).activation(Activation.TANH).learningRate(1e-4f);
        final Random random = new Random(42);
        fill(batch.features(), random, 2.0f);
        fill(batch.weights(), random, 0.25f);
        fill(batch.bias(), random, 0.1f);
        fill(batch.outcomes(), random, 1.0f);
    }

    /**
     * Releases the backend.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        backend.close();
    }

    /**
     * One scoring batch of N instruments.
     *
     * @param blackhole consumes a score so the work is kept.
     */
    @Benchmark
    public void score(final Blackhole blackhole)
    {
        backend.score(batch, instruments);
        blackhole.consume(batch.scores()[instruments * OUTPUTS - 1]);
    }

    /**
     * One scoring batch followed by the weight update from the outcomes.
     *
     * @param blackhole consumes a weight so the work is kept.
     */
    @Benchmark
    public void scoreAndUpdate(final Blackhole blackhole)
    {
        backend.score(batch, instruments);
        backend.update(batch, instruments);
        blackhole.consume(batch.weights()[0]);
    }

    private static void fill(final float[] array, final Random random, final float scale)
    {
        for (int i = 0; i < array.length; i++)
        {
            array[i] = (random.nextFloat() * 2.0f - 1.0f) * scale;
        }
    }
}
