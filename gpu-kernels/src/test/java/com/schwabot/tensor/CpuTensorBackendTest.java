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
}
