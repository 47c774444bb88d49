package com.schwabot.tensor;

import com.schwabot.tensor.cpu.CpuTensorBackend;
import org.junit.jupiter.api.Test;

import static com.schwabot.tensor.TensorFixtures.N;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract against the CPU backend, plus its stronger promise: equal to the reference bit for bit.
 */
class CpuTensorBackendTest extends TensorBackendContractTest
{
    @Override
    TensorBackend createBackend(final TensorCapacity capacity)
    {
        return new CpuTensorBackend(capacity);
    }

    @Test
    void shouldMatchTheReferenceBitForBit()
    {
        final ReferenceTensorBackend reference = new ReferenceTensorBackend();
        try (CpuTensorBackend cpu = new CpuTensorBackend(TensorFixtures.CAPACITY))
        {
            for (final Activation activation : Activation.values())
            {
                final TensorBatch expected = TensorFixtures.batch(101, activation);
                final TensorBatch actual = TensorFixtures.copy(expected);
                reference.score(expected, N);
                cpu.score(actual, N);
                reference.update(expected, N);
                cpu.update(actual, N);
                assertThat(actual.scores()).containsExactly(expected.scores());
                assertThat(actual.weights()).containsExactly(expected.weights());
                assertThat(actual.bias()).containsExactly(expected.bias());

                final SweepBatch expectedSweep = TensorFixtures.sweep(103, activation);
                final SweepBatch actualSweep = TensorFixtures.sweep(103, activation);
                reference.sweep(expectedSweep, N);
                cpu.sweep(actualSweep, N);
                assertThat(actualSweep.scores()).containsExactly(expectedSweep.scores());
            }
            final FeatureWindow expectedWindow = TensorFixtures.window(107, 19, N);
            final FeatureWindow actualWindow = TensorFixtures.window(107, 19, N);
            reference.rollingStats(expectedWindow, N);
            cpu.rollingStats(actualWindow, N);
            assertThat(actualWindow.mean()).containsExactly(expectedWindow.mean());
            assertThat(actualWindow.variance()).containsExactly(expectedWindow.variance());
        }
    }

    @Test
    void shouldMatchTheReferenceBitForBitWithOneOutput()
    {
        final ReferenceTensorBackend reference = new ReferenceTensorBackend();
        final java.util.Random random = new java.util.Random(107);
        try (CpuTensorBackend cpu = new CpuTensorBackend(TensorFixtures.CAPACITY))
        {
            for (final Activation activation : Activation.values())
            {
                final TensorBatch expected = new TensorBatch(N, 16, 1).activation(activation);
                TensorFixtures.fill(expected.features(), random, 3.0f);
                TensorFixtures.fill(expected.weights(), random, 1.0f);
                TensorFixtures.fill(expected.bias(), random, 0.5f);
                final TensorBatch actual = TensorFixtures.copy(expected);
                reference.score(expected, N);
                cpu.score(actual, N);
                assertThat(actual.scores()).containsExactly(expected.scores());

                final SweepBatch expectedSweep = new SweepBatch(4, N, 16, 1).activation(activation);
                TensorFixtures.fill(expectedSweep.features(), random, 3.0f);
                TensorFixtures.fill(expectedSweep.weights(), random, 1.0f);
                TensorFixtures.fill(expectedSweep.bias(), random, 0.5f);
                final SweepBatch actualSweep = new SweepBatch(4, N, 16, 1).activation(activation);
                System.arraycopy(expectedSweep.features(), 0, actualSweep.features(), 0,
                    expectedSweep.features().length);
                System.arraycopy(expectedSweep.weights(), 0, actualSweep.weights(), 0,
                    expectedSweep.weights().length);
                System.arraycopy(expectedSweep.bias(), 0, actualSweep.bias(), 0, expectedSweep.bias().length);
                reference.sweep(expectedSweep, N);
                cpu.sweep(actualSweep, N);
                assertThat(actualSweep.scores()).containsExactly(expectedSweep.scores());
            }
        }
    }
}
