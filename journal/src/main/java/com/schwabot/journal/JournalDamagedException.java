/*
 * Schwabot journal.
 */
package com.schwabot.journal;

/**
 * The journal's files could not be read: Chronicle faulted reading a queue file (one shorter than its own header and
 * index say, as a truncated copy, a crash on some file systems or a full disk leaves it), or the tail of the journal
 * holds no readable record. The JVM reports a read past the end of a memory-mapped file as an {@link InternalError}
 * ("a fault occurred in an unsafe memory access"); the journal turns it into this exception where it reads, so
 * callers handle a damaged journal like any other bad input.
 */
public final class JournalDamagedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is damaged, and where.
     */
    public JournalDamagedException(final String message)
    {
        super(message);
    }

    /**
     * @param message what could not be read, and where.
     * @param cause   the fault or exception that stopped the read.
     */
    public JournalDamagedException(final String message, final Throwable cause)
    {
        super(message + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }
}
