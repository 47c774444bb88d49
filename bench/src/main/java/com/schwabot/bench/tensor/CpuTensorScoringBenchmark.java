package com.schwabot.bench.tensor;

import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

/**
 * {@link TensorScoringBenchmark} on the CPU backend. {@link CudaTensorScoringBenchmark} runs the same batches on the
 * CUDA backend.
 */
public class CpuTensorScoringBenchmark extends TensorScoringBenchmark
{
    TensorBackend open(final TensorCapacity capacity)
    {
        return new CpuTensorBackend(capacity);
    }
}
