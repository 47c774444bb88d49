package com.schwabot.bench.tensor;

import com.schwabot.tensor.CudaUnavailableException;
import com.schwabot.tensor.SweepBatch;
import com.schwabot.tensor.TensorBatch;
import com.schwabot.tensor.cuda.CudaTensorBackend;
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
 * {@link CpuTensorScoringBenchmark}'s batches on the CUDA backend (device 0, or {@code -Dtensor.cuda.device}). Each
 * operation is one call as the engine makes it once per Disruptor batch: the copy into pinned memory, the
 * asynchronous copies to the device, one kernel launch, the copies back, the stream synchronisation and the copy
 * into the batch; so the figures include the host-device round trip. Without a usable CUDA device the trial fails
 * at set-up with a one-line reason (JMH reports it and goes on with the other benchmarks).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CudaTensorScoringBenchmark
{
    @Param({"8", "256", "4096"})
    private int instruments;

    private CudaTensorBackend backend;
    private TensorBatch batch;
    private SweepBatch sweep;

    /**
     * Opens the backend on the device and builds a batch and a sweep batch of seeded data.
     *
     * @throws IllegalStateException with the reason when no CUDA device is usable.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final int ordinal = Integer.getInteger("tensor.cuda.device", 0);
        try
        {
            backend = CudaTensorBackend.open(TensorBenchData.capacity(instruments), ordinal);
        }
        catch (final CudaUnavailableException ex)
        {
            throw new IllegalStateException(
                "CudaTensorScoringBenchmark needs a usable CUDA device, none here: " + ex.getMessage(), ex);
        }
        batch = TensorBenchData.batch(instruments);
        sweep = TensorBenchData.sweep(instruments);
    }

    /**
     * Releases the device memory and the context.
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
     * One scoring batch of N instruments, copies included.
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
     * One scoring batch followed by the weight update from the outcomes (two round trips, as the engine calls them).
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
     * One sweep batch: N instruments scored under each of the variants' weights, copies included.
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
