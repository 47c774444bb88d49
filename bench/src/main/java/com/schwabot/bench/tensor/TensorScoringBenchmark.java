package com.schwabot.bench.tensor;

import com.schwabot.tensor.SweepBatch;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorBatch;
import com.schwabot.tensor.TensorCapacity;
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

import java.util.concurrent.TimeUnit;

import static com.schwabot.bench.tensor.TensorBenchData.OUTPUTS;

/**
 * The tensor stage's scoring batch on one backend: scores = tanh(features[N x F] . weights[F x K] + bias[K]) for N
 * instruments, one call per batch, as the engine makes it once per Disruptor batch. The score is ns per batch; ns
 * per instrument is that divided by N. {@link #scoreAndUpdate} adds the weight update from outcomes; {@link #sweep}
 * scores {@link TensorBenchData#VARIANTS} weight variants at once (the backtest form). Each backend's subclass opens
 * it; JMH runs these benchmarks once per subclass, under the subclass's name.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class TensorScoringBenchmark
{
    @Param({"8", "256", "4096"})
    int instruments;

    private TensorBackend backend;
    private TensorBatch batch;
    private SweepBatch sweep;

    /**
     * Open the backend under test.
     *
     * @param capacity the batch shapes it must take.
     * @return the backend.
     */
    abstract TensorBackend open(TensorCapacity capacity);

    /**
     * Opens the backend and builds a batch and a sweep batch of seeded data.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        backend = open(TensorBenchData.capacity(instruments));
        batch = TensorBenchData.batch(instruments);
        sweep = TensorBenchData.sweep(instruments);
    }

    /**
     * Releases the backend.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        if (backend != null)
        {
            backend.close();
        }
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
     * One scoring batch followed by the weight update from the outcomes (two calls, as the engine makes them).
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

    /**
     * One sweep batch: N instruments scored under each of the variants' weights.
     *
     * @param blackhole consumes a score so the work is kept.
     */
    @Benchmark
    public void sweep(final Blackhole blackhole)
    {
        backend.sweep(sweep, instruments);
        blackhole.consume(sweep.scores()[sweep.scores().length - 1]);
    }
}
