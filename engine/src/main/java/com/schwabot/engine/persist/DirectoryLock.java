package com.schwabot.engine.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on the databases' directory (a lock file in it), held while a persistence agent writes them: two
 * writers resuming from the same position would write every row twice.
 */
final class DirectoryLock implements AutoCloseable
{
    /** The lock file's name. */
    static final String FILE_NAME = "schwabot_persist.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(final FileChannel channel, final FileLock lock)
    {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Take the lock.
     *
     * @param dir     the directory.
     * @param setting the name of the setting that chooses it, for the message that says to use another.
     * @return the lock; close it to release.
     * @throws PersistenceException when another process (or agent) holds it, or it cannot be created.
     */
    static DirectoryLock acquire(final Path dir, final String setting)
    {
        final Path file = dir.resolve(FILE_NAME);
        FileChannel channel = null;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            final FileLock lock = channel.tryLock();
            if (null == lock)
            {
                throw held(file, setting);
            }
            return new DirectoryLock(channel, lock);
        }
        catch (final OverlappingFileLockException ex)
        {
            closeQuietly(channel);
            throw held(file, setting);
        }
        catch (final IOException ex)
        {
            closeQuietly(channel);
            throw new PersistenceException("cannot lock " + file + ": " + ex.getMessage(), ex);
        }
        catch (final PersistenceException ex)
        {
            closeQuietly(channel);
            throw ex;
        }
    }

    private static PersistenceException held(final Path file, final String setting)
    {
        return new PersistenceException("the databases in " + file.getParent() + " are being written by another " +
            "schwabot (it holds " + file + "): stop it first, or use another " + setting);
    }

    private static void closeQuietly(final FileChannel channel)
    {
        if (null != channel)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignore)
            {
                // nothing more to release
            }
        }
    }

    /**
     * Release the lock.
     */
    public void close()
    {
        try
        {
            lock.release();
        }
        catch (final IOException ignore)
        {
            // the channel's close releases it too
        }
        closeQuietly(channel);
    }
}
