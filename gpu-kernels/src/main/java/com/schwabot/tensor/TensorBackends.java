package com.schwabot.tensor;

import com.schwabot.tensor.cpu.CpuTensorBackend;
import com.schwabot.tensor.cuda.CudaTensorBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the tensor backend the {@code tensor.backend} setting asks for, and logs one line saying which backend
 * was chosen and why.
 */
public final class TensorBackends
{
    private static final Logger LOG = LoggerFactory.getLogger(TensorBackends.class);

    private TensorBackends()
    {
    }

    /**
     * Creates a backend on CUDA device 0.
     *
     * @param mode     auto, cpu or cuda.
     * @param capacity the largest shapes it will accept.
     * @return the backend; the caller closes it.
     * @throws CudaUnavailableException in {@link BackendMode#CUDA} when no CUDA device is usable (one-line reason).
     */
    public static TensorBackend create(final BackendMode mode, final TensorCapacity capacity)
    {
        return create(mode, capacity, 0);
    }

    /**
     * Creates a backend.
     *
     * @param mode     auto, cpu or cuda.
     * @param capacity the largest shapes it will accept.
     * @param ordinal  the CUDA device to use.
     * @return the backend; the caller closes it.
     * @throws CudaUnavailableException in {@link BackendMode#CUDA} when no CUDA device is usable (one-line reason).
     */
    public static TensorBackend create(final BackendMode mode, final TensorCapacity capacity, final int ordinal)
    {
        switch (mode)
        {
            case CPU:
                LOG.info("tensor backend: cpu (tensor.backend=cpu)");
                return new CpuTensorBackend(capacity);
            case CUDA:
                try
                {
                    final CudaTensorBackend cuda = CudaTensorBackend.open(capacity, ordinal);
                    LOG.info("tensor backend: cuda on {} (tensor.backend=cuda)", cuda.description());
                    return cuda;
                }
                catch (final CudaUnavailableException ex)
                {
                    throw new CudaUnavailableException(
                        "tensor.backend=cuda but CUDA is unavailable: " + ex.getMessage(), ex.getCause());
                }
            case AUTO:
            default:
                return createAuto(capacity, ordinal);
        }
    }

    private static TensorBackend createAuto(final TensorCapacity capacity, final int ordinal)
    {
        try
        {
            final CudaTensorBackend cuda = CudaTensorBackend.open(capacity, ordinal);
            LOG.info("tensor backend: cuda on {} (tensor.backend=auto, device usable)", cuda.description());
            return cuda;
        }
        catch (final CudaUnavailableException ex)
        {
            LOG.info("tensor backend: cpu (tensor.backend=auto, CUDA unavailable: {})", ex.getMessage());
            return new CpuTensorBackend(capacity);
        }
    }
}
