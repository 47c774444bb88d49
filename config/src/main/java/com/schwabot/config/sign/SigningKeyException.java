package com.schwabot.config.sign;

/**
 * A signing key could not be read: bad PEM, wrong key type or length. One-line message, no key material.
 */
public final class SigningKeyException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong.
     * @param cause   the underlying error, or null.
     */
    public SigningKeyException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
