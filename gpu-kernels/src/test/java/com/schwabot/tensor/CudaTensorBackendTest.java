package com.schwabot.tensor;

import com.schwabot.tensor.cpu.CpuTensorBackend;
import com.schwabot.tensor.cuda.CudaTensorBackend;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Random;

/**
 * The contract against the CUDA backend; skips every test, saying why, where no CUDA device is usable. Beyond the
 * contract it compares the CUDA and CPU backends directly at the benchmark shapes and logs the largest difference
 * seen, the figure gpu-kernels/README.md records.
 */
class CudaTensorBackendTest extends TensorBackendContractTest
{
    private static final Logger LOG = LoggerFactory.getLogger(CudaTensorBackendTest.class);
    private static final int LARGE_N = 4096;
    private static final int LARGE_F = 32;
    private static final int LARGE_K = 4;
    private static final int LARGE_V = 16;

    @Override
    TensorBackend createBackend(final TensorCapacity capacity)
    {
        try
        {
            return CudaTensorBackend.open(capacity, 0);
        }
        catch (final CudaUnavailableException ex)
        {
            Assumptions.abort("CUDA contract tests skipped, no usable CUDA device: " + ex.getMessage());
            throw ex;
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void shouldAgreeWithTheCpuBackendAtTheBenchmarkShapes(final Activation activation)
    {
        final TensorCapacity capacity = new TensorCapacity(LARGE_N, LARGE_F, LARGE_K, LARGE_V, 1);
        try (CudaTensorBackend cuda = CudaTensorBackend.open(capacity, 0);
            CpuTensorBackend cpu = new CpuTensorBackend(capacity))
        {
            final Random random = new Random(47);
            final TensorBatch onCpu = new TensorBatch(LARGE_N, LARGE_F, LARGE_K)
                .activation(activation)
                .learningRate(1e-4f);
            TensorFixtures.fill(onCpu.features(), random, 2.0f);
            TensorFixtures.fill(onCpu.weights(), random, 0.25f);
            TensorFixtures.fill(onCpu.bias(), random, 0.1f);
            TensorFixtures.fill(onCpu.outcomes(), random, 1.0f);
            final TensorBatch onCuda = TensorFixtures.copy(onCpu);

            cpu.score(onCpu, LARGE_N);
            cuda.score(onCuda, LARGE_N);
            final Difference scores = new Difference().add(onCpu.scores(), onCuda.scores());
            cpu.update(onCpu, LARGE_N);
            cuda.update(onCuda, LARGE_N);
            final Difference update = new Difference().add(onCpu.weights(), onCuda.weights())
                .add(onCpu.bias(), onCuda.bias());

            final SweepBatch cpuSweep = new SweepBatch(LARGE_V, LARGE_N, LARGE_F, LARGE_K).activation(activation);
            TensorFixtures.fill(cpuSweep.features(), random, 2.0f);
            TensorFixtures.fill(cpuSweep.weights(), random, 0.25f);
            TensorFixtures.fill(cpuSweep.bias(), random, 0.1f);
            final SweepBatch cudaSweep = new SweepBatch(LARGE_V, LARGE_N, LARGE_F, LARGE_K).activation(activation);
            System.arraycopy(cpuSweep.features(), 0, cudaSweep.features(), 0, cpuSweep.features().length);
            System.arraycopy(cpuSweep.weights(), 0, cudaSweep.weights(), 0, cpuSweep.weights().length);
            System.arraycopy(cpuSweep.bias(), 0, cudaSweep.bias(), 0, cpuSweep.bias().length);
            cpu.sweep(cpuSweep, LARGE_N);
            cuda.sweep(cudaSweep, LARGE_N);
            final Difference sweep = new Difference().add(cpuSweep.scores(), cudaSweep.scores());

            LOG.info(
                "CPU vs CUDA, {}, N={} F={} K={} V={}: score {}; update {}; sweep {}",
                activation, LARGE_N, LARGE_F, LARGE_K, LARGE_V, scores, update, sweep);
            assertWithinTolerance(onCpu.scores(), onCuda.scores(), onCpu.scores().length);
            assertWithinTolerance(onCpu.weights(), onCuda.weights(), onCpu.weights().length);
            assertWithinTolerance(onCpu.bias(), onCuda.bias(), onCpu.bias().length);
            assertWithinTolerance(cpuSweep.scores(), cudaSweep.scores(), cpuSweep.scores().length);
        }
    }

    /**
     * The largest absolute difference and the largest distance in float ulps between two sets of results.
     */
    private static final class Difference
    {
        private float maxAbsolute;
        private int maxUlps;
        private int differing;
        private int compared;

        Difference add(final float[] expected, final float[] actual)
        {
            for (int i = 0; i < expected.length; i++)
            {
                final float a = expected[i];
                final float b = actual[i];
                compared++;
                if (Float.compare(a, b) != 0)
                {
                    differing++;
                    maxAbsolute = Math.max(maxAbsolute, Math.abs(a - b));
                    maxUlps = Math.max(maxUlps, ulps(a, b));
                }
            }
            return this;
        }

        private static int ulps(final float a, final float b)
        {
            final long distance = Math.abs(ordered(a) - ordered(b));
            return (int)Math.min(Integer.MAX_VALUE, distance);
        }

        private static long ordered(final float value)
        {
            final int bits = Float.floatToIntBits(value);
            return bits < 0 ? (long)Integer.MIN_VALUE - bits : bits;
        }

        @Override
        public String toString()
        {
            return differing + " of " + compared + " differ, max |diff| " + maxAbsolute + " (" + maxUlps + " ulp)";
        }
    }
}
