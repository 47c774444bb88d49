package com.schwabot.tensor;

/**
 * No usable CUDA device: the JCuda natives or the CUDA driver could not be loaded, there is no device, or the
 * kernels could not be built or loaded. {@link TensorBackends} turns this into a CPU fallback in
 * {@link BackendMode#AUTO} and passes it on in {@link BackendMode#CUDA}.
 */
public final class CudaUnavailableException extends TensorBackendException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: why CUDA cannot be used.
     * @param cause   the underlying error, may be null.
     */
    public CudaUnavailableException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
