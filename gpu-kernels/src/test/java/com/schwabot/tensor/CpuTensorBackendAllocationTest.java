package com.schwabot.tensor;

import com.schwabot.tensor.cpu.CpuTensorBackend;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static com.schwabot.tensor.TensorFixtures.N;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CPU backend allocates nothing per batch: the bytes this thread allocates over many calls of every operation,
 * after warm-up, stay under a small fixed total that 16 bytes per call would exceed many times over.
 */
class CpuTensorBackendAllocationTest
{
    private static final int WARM_UP_ROUNDS = 20_000;
    private static final int MEASURED_ROUNDS = 10_000;
    private static final long ALLOWED_BYTES = 1024;

    @Test
    void shouldAllocateNothingPerBatch()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);

        try (CpuTensorBackend backend = new CpuTensorBackend(TensorFixtures.CAPACITY))
        {
            final TensorBatch batch = TensorFixtures.batch(5, Activation.TANH);
            final SweepBatch sweep = TensorFixtures.sweep(6, Activation.SIGMOID);
            final FeatureWindow window = TensorFixtures.window(7, 3, N);
            runRounds(backend, batch, sweep, window, WARM_UP_ROUNDS);
            threads.getCurrentThreadAllocatedBytes();

            final long before = threads.getCurrentThreadAllocatedBytes();
            runRounds(backend, batch, sweep, window, MEASURED_ROUNDS);
            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertThat(allocated)
                .as("bytes allocated over %d rounds of score, update, append, rollingStats and sweep", MEASURED_ROUNDS)
                .isLessThanOrEqualTo(ALLOWED_BYTES);
        }
    }

    private static void runRounds(
        final TensorBackend backend,
        final TensorBatch batch,
        final SweepBatch sweep,
        final FeatureWindow window,
        final int rounds)
    {
        for (int round = 0; round < rounds; round++)
        {
            backend.score(batch, N);
            backend.update(batch, N);
            window.append(batch.features(), N);
            backend.rollingStats(window, N);
            backend.sweep(sweep, N);
        }
    }
}
