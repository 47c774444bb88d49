package com.schwabot.tools;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks of a directory a command is about to write into, made before it reads anything, so that a directory it
 * cannot use is named with why rather than found out part way.
 */
final class Directories
{
    private static final String NOT_WRITABLE = " not writable (its permissions, or a read-only file system)";

    private Directories()
    {
    }

    /**
     * Why a directory cannot be written, or created with the parents it lacks: the nearest of it and its parents that
     * exists must be a directory the process may write.
     *
     * @param dir         the directory.
     * @param created     what would be created in that nearest parent, e.g. {@code "the journal"}.
     * @param fileComment added where that nearest path is a file, e.g. what the option names; may be empty.
     * @return the reason, or null when the directory can be written or created.
     */
    static String whyNotWritable(final Path dir, final String created, final String fileComment)
    {
        final Path absolute = dir.toAbsolutePath();
        Path existing = absolute;
        while (null != existing && !Files.exists(existing))
        {
            existing = existing.getParent();
        }
        if (null == existing)
        {
            return null;
        }
        final boolean itself = existing.equals(absolute);
        if (!Files.isDirectory(existing))
        {
            return (itself ? "it is" : existing + " is") + " a file, not a directory" + fileComment;
        }
        if (!Files.isWritable(existing))
        {
            return itself ? "the directory is" + NOT_WRITABLE :
                existing + " is" + NOT_WRITABLE + ", so " + created + " cannot be created in it";
        }
        return null;
    }
}
