/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted on a directory for one test: a real file system that really fills up. Mounting needs root
 * (or CAP_SYS_ADMIN); where it is not permitted the test is skipped (aborted) with the reason, never passed silently.
 * Closing unmounts it (lazily when still busy). The engine's tests have the same helper with a filler.
 */
final class Tmpfs implements AutoCloseable
{
    private final Path directory;

    private Tmpfs(final Path directory)
    {
        this.directory = directory;
    }

    /**
     * Mount a tmpfs of a size on a directory (created), or abort the test.
     */
    static Tmpfs mount(final Path directory, final int sizeMb) throws IOException, InterruptedException
    {
        final String uid = run("id", "-u").trim();
        Assumptions.assumeTrue("0".equals(uid),
            "a full-disk test mounts a tmpfs, which needs root; running as uid " + uid + ": skipped");
        Files.createDirectories(directory);
        final String[] mount = {"mount", "-t", "tmpfs", "-o", "size=" + sizeMb + "m", "tmpfs", directory.toString()};
        final Process process = start(mount);
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Assumptions.assumeTrue(process.waitFor() == 0,
            "mounting a tmpfs is not permitted here (" + output + "): skipped");
        return new Tmpfs(directory);
    }

    Path directory()
    {
        return directory;
    }

    /**
     * Change the size of the mounted tmpfs (more room for a full journal).
     */
    void resize(final int sizeMb) throws IOException, InterruptedException
    {
        run("mount", "-o", "remount,size=" + sizeMb + "m", directory.toString());
    }

    long usableSpace() throws IOException
    {
        return Files.getFileStore(directory).getUsableSpace();
    }

    public void close() throws IOException
    {
        try
        {
            if (start("umount", directory.toString()).waitFor() != 0)
            {
                run("umount", "-l", directory.toString());
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted unmounting " + directory, ex);
        }
    }

    private static String run(final String... command) throws IOException, InterruptedException
    {
        final Process process = start(command);
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0)
        {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static Process start(final String... command) throws IOException
    {
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }
}
