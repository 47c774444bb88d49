package com.schwabot.config.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import com.schwabot.config.ShellWords;

/**
 * Checks that a file holding key material is readable by its owner only, where the file system has POSIX
 * permissions. On other file systems the check passes.
 */
public final class FilePermissions
{
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private FilePermissions()
    {
    }

    /**
     * @param file the file.
     * @return null when the file is private to its owner (or permissions are not supported), else a one-line
     * message saying what is wrong and how to fix it: the file does not exist, is a directory, or is accessible by
     * group or others.
     */
    public static String ownerOnlyProblem(final Path file)
    {
        if (Files.isDirectory(file))
        {
            return file + " is a directory, not a file";
        }
        final Set<PosixFilePermission> permissions;
        try
        {
            permissions = Files.getPosixFilePermissions(file);
        }
        catch (final UnsupportedOperationException ex)
        {
            return null;
        }
        catch (final NoSuchFileException ex)
        {
            return file + " does not exist";
        }
        catch (final IOException ex)
        {
            return "cannot read the permissions of " + file + ": " + ex.getMessage();
        }
        for (final PosixFilePermission permission : GROUP_OR_OTHERS)
        {
            if (permissions.contains(permission))
            {
                return file + " is accessible by group or others (" +
                    java.nio.file.attribute.PosixFilePermissions.toString(permissions) +
                    "); refusing to use it: run chmod 600 " + ShellWords.quote(file);
            }
        }
        return null;
    }

    /**
     * Restrict a file to its owner (rw-------), where POSIX permissions are supported.
     *
     * @param file the file.
     * @throws IOException if the permissions cannot be set.
     */
    public static void restrictToOwner(final Path file) throws IOException
    {
        try
        {
            Files.setPosixFilePermissions(file,
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
        catch (final UnsupportedOperationException ex)
        {
            return;
        }
    }
}
