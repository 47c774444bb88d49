package com.schwabot.tensor.cache;

import java.nio.file.Path;

/**
 * A cache file could not be opened: it is corrupt, is not a Schwabot cache, or was created with other sizes. The
 * message is one line naming the file and what is wrong.
 */
public final class CacheFileException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file    the file.
     * @param problem what is wrong with it.
     * @param cause   the underlying error, may be null.
     */
    public CacheFileException(final Path file, final String problem, final Throwable cause)
    {
        super("cache file " + file + ": " + problem, cause);
        this.file = file;
    }

    /** @return the file. */
    public Path file()
    {
        return file;
    }
}
