package com.schwabot.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Test support: a small tmpfs mounted on a directory, a real file system that really fills up, and a filler file
 * that takes its space. Mounting needs root (or CAP_SYS_ADMIN); where it is not permitted the test is skipped
 * (aborted) saying why, never passed silently. Closing unmounts it (lazily when still busy). Shared with the
 * engine's and the command line's tests through the journal's test-jar.
 */
public final class Tmpfs implements AutoCloseable
{
    private static final int CHUNK = 1 << 20;

    private final Path directory;
    private final Path filler;

    private Tmpfs(final Path directory)
    {
        this.directory = directory;
        this.filler = directory.resolve("filler");
    }

    /**
     * Mount a tmpfs of a size on a directory (created), or abort the test when that is not permitted.
     *
     * @param directory where.
     * @param sizeMb    its size in MiB.
     * @return the mounted file system.
     * @throws IOException          when a command cannot run.
     * @throws InterruptedException when interrupted.
     */
    public static Tmpfs mount(final Path directory, final int sizeMb) throws IOException, InterruptedException
    {
        final String uid = run("id", "-u").trim();
        Assumptions.assumeTrue("0".equals(uid),
            "a full-disk test mounts a tmpfs, which needs root; running as uid " + uid + ": skipped");
        Files.createDirectories(directory);
        final Process process = start("mount", "-t", "tmpfs", "-o", "size=" + sizeMb + "m", "tmpfs",
            directory.toString());
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        Assumptions.assumeTrue(process.waitFor() == 0,
            "mounting a tmpfs is not permitted here (" + output + "): skipped");
        return new Tmpfs(directory);
    }

    /**
     * The mount point.
     *
     * @return the directory.
     */
    public Path directory()
    {
        return directory;
    }

    /**
     * Change the size of the mounted file system (room again, as an operator would make).
     *
     * @param sizeMb the new size in MiB.
     * @throws IOException          when it cannot be changed.
     * @throws InterruptedException when interrupted.
     */
    public void resize(final int sizeMb) throws IOException, InterruptedException
    {
        run("mount", "-o", "remount,size=" + sizeMb + "m", directory.toString());
    }

    /**
     * Free bytes for this JVM.
     *
     * @return usable space.
     * @throws IOException when it cannot be read.
     */
    public long usableSpace() throws IOException
    {
        return Files.getFileStore(directory).getUsableSpace();
    }

    /**
     * Grow the filler file (real pages, not a hole) until at most this much space is left.
     *
     * @param freeBytes free space to leave (a little less is left, by at most a page).
     * @throws IOException when writing fails.
     */
    public void fillTo(final long freeBytes) throws IOException
    {
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND))
        {
            final ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
            long left = usableSpace() - freeBytes;
            while (left > 0)
            {
                chunk.clear().limit((int)Math.min(CHUNK, left));
                left -= channel.write(chunk);
            }
        }
    }

    /**
     * Grow the filler file until the file system refuses: no free page left.
     *
     * @throws IOException when the filler cannot be opened.
     */
    public void fillUp() throws IOException
    {
        try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND))
        {
            final ByteBuffer page = ByteBuffer.allocate(4096);
            while (true)
            {
                page.clear();
                channel.write(page);
            }
        }
        catch (final IOException ex)
        {
            if (usableSpace() > 0)
            {
                throw ex;
            }
        }
    }

    /**
     * Unmount.
     *
     * @throws IOException when it cannot be unmounted.
     */
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
