package com.schwabot.config.secret;

/**
 * A secret could not be read: wrong passphrase or key file, a tampered or swapped entry, a missing entry, or a key
 * file with unsafe permissions. The message is one line, fit to print to the user, and never holds secret material.
 */
public final class SecretStoreException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message one line saying what failed and for which entry.
     */
    public SecretStoreException(final String message)
    {
        super(message);
    }

    /**
     * @param message one line saying what failed and for which entry.
     * @param cause   the underlying error (its message may be technical; it holds no secret).
     */
    public SecretStoreException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
