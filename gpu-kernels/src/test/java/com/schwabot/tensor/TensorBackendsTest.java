package com.schwabot.tensor;

import com.schwabot.tensor.cpu.CpuTensorBackend;
import com.schwabot.tensor.cuda.CudaTensorBackend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TensorBackendsTest
{
    @Test
    void shouldParseTheSettingValues()
    {
        assertThat(BackendMode.parse("auto")).isEqualTo(BackendMode.AUTO);
        assertThat(BackendMode.parse(" CPU ")).isEqualTo(BackendMode.CPU);
        assertThat(BackendMode.parse("Cuda")).isEqualTo(BackendMode.CUDA);
        assertThatThrownBy(() -> BackendMode.parse("gpu"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("tensor.backend: 'gpu' is not one of auto, cpu, cuda");
    }

    @Test
    void shouldCreateTheCpuBackendWhenAskedFor()
    {
        try (TensorBackend backend = TensorBackends.create(BackendMode.CPU, TensorFixtures.CAPACITY))
        {
            assertThat(backend).isInstanceOf(CpuTensorBackend.class);
        }
    }

    @Test
    void shouldChooseCudaInAutoExactlyWhenADeviceIsUsable()
    {
        final boolean cudaUsable = cudaUsable();
        try (TensorBackend backend = TensorBackends.create(BackendMode.AUTO, TensorFixtures.CAPACITY))
        {
            assertThat(backend.name()).isEqualTo(cudaUsable ? "cuda" : "cpu");
        }
    }

    @Test
    void shouldFailWithAOneLineReasonWhenCudaIsRequiredButUnavailable()
    {
        if (cudaUsable())
        {
            try (TensorBackend backend = TensorBackends.create(BackendMode.CUDA, TensorFixtures.CAPACITY))
            {
                assertThat(backend.name()).isEqualTo("cuda");
            }
            return;
        }
        assertThatThrownBy(() -> TensorBackends.create(BackendMode.CUDA, TensorFixtures.CAPACITY))
            .isInstanceOf(CudaUnavailableException.class)
            .hasMessageStartingWith("tensor.backend=cuda but CUDA is unavailable: ")
            .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\n"));
    }

    @Test
    void shouldSayWhyNoDeviceIsUsableOnEveryAttempt()
    {
        if (cudaUsable())
        {
            return;
        }
        for (int attempt = 0; attempt < 2; attempt++)
        {
            assertThatThrownBy(() -> CudaTensorBackend.open(TensorFixtures.CAPACITY, 0))
                .isInstanceOf(CudaUnavailableException.class)
                .hasMessageNotContaining("\n");
        }
    }

    private static boolean cudaUsable()
    {
        try (CudaTensorBackend backend = CudaTensorBackend.open(TensorFixtures.CAPACITY, 0))
        {
            return backend != null;
        }
        catch (final CudaUnavailableException ex)
        {
            return false;
        }
    }
}
