package com.schwabot.tensor;

import com.schwabot.tensor.cuda.CudaTensorBackend;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract against the CUDA backend; skips every test, saying why, where no CUDA device is usable.
 */
class CudaTensorBackendTest extends TensorBackendContractTest
{
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
}
