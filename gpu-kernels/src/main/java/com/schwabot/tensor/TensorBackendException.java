package com.schwabot.tensor;

/**
 * A tensor backend could not be created or failed to run; the message is one line that says what and why.
 */
public class TensorBackendException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line: what failed and why.
     */
    public TensorBackendException(final String message)
    {
        super(message);
    }

    /**
     * @param message one line: what failed and why.
     * @param cause   the underlying error.
     */
    public TensorBackendException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
