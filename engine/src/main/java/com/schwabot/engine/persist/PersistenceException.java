package com.schwabot.engine.persist;

/**
 * The databases cannot be used: a schema newer than this build, databases built from another journal, a journal
 * that no longer holds the stored position, another process writing them, or an SQLite failure. The message says
 * which database and what to do.
 */
public final class PersistenceException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and what to do.
     */
    public PersistenceException(final String message)
    {
        super(message);
    }

    /**
     * @param message what is wrong.
     * @param cause   the underlying failure.
     */
    public PersistenceException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
