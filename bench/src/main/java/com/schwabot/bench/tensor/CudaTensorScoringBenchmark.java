package com.schwabot.bench.tensor;

import com.schwabot.tensor.CudaUnavailableException;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cuda.CudaTensorBackend;

/**
 * {@link TensorScoringBenchmark} on the CUDA backend (device 0, or {@code -Dtensor.cuda.device}). Each operation is
 * one call as the engine makes it once per Disruptor batch: the copy into pinned memory, the asynchronous copies to
 * the device, one kernel launch, the copies back, the stream synchronisation and the copy into the batch; so the
 * figures include the host-device round trip. Without a usable CUDA device the trial fails at set-up with a one-line
 * reason (JMH reports it and goes on with the other benchmarks; {@code bench/run} leaves it out).
 */
public class CudaTensorScoringBenchmark extends TensorScoringBenchmark
{
    TensorBackend open(final TensorCapacity capacity)
    {
        final int ordinal = Integer.getInteger("tensor.cuda.device", 0);
        try
        {
            return CudaTensorBackend.open(capacity, ordinal);
        }
        catch (final CudaUnavailableException ex)
        {
            throw new IllegalStateException(
                "CudaTensorScoringBenchmark needs a usable CUDA device, none here: " + ex.getMessage(), ex);
        }
    }
}
