package com.schwabot.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.IoUtil;

/**
 * What a first write to a fresh page of a memory-mapped file costs where the benchmarks put their journals: a new
 * sparse file of a given size is mapped and one byte written in each 4 KiB page, timed as a whole. The journal
 * benchmarks (and the bare Chronicle append baseline) write every page of their queue files once, so this cost sets
 * much of their speed, and it varies with the machine: on a VM whose balloon driver hands freed memory back to the
 * host, each first touch waits for the host to back the page again (about 10 µs, against 1 to 2 µs where memory
 * stays backed). The goals run prints it per round so that its journal figures can be read against it.
 * <p>
 * Not on any hot path: it allocates, maps and deletes a file.
 */
public final class PageFaultProbe
{
    /** The page size the probe writes one byte into, in bytes. */
    public static final int PAGE = 4096;
    /** The largest probe, MiB. */
    public static final int MAX_MEGABYTES = 1024;

    private PageFaultProbe()
    {
    }

    /**
     * Map a new file of {@code megabytes} MiB in {@code dir}, write one byte in each page, unmap and delete it.
     *
     * @param dir       where the file is made (a benchmark's scratch directory, under {@code bench.dir}).
     * @param megabytes its size, 1 to {@value #MAX_MEGABYTES}.
     * @return microseconds per page of the writes, the first to each page.
     * @throws IllegalArgumentException when megabytes is out of range.
     * @throws UncheckedIOException     when the file cannot be made or mapped.
     */
    public static double microsPerPage(final Path dir, final int megabytes)
    {
        if (megabytes < 1 || megabytes > MAX_MEGABYTES)
        {
            throw new IllegalArgumentException("megabytes must be in [1, " + MAX_MEGABYTES + "]: " + megabytes);
        }
        final int length = megabytes << 20;
        final int pages = length / PAGE;
        Path file = null;
        try
        {
            file = Files.createTempFile(dir, "page-fault-probe-", ".tmp");
            final long elapsed;
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw");
                FileChannel channel = raf.getChannel())
            {
                raf.setLength(length);
                final MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
                try
                {
                    final long start = System.nanoTime();
                    for (int p = 0; p < pages; p++)
                    {
                        map.put(p * PAGE, (byte)1);
                    }
                    elapsed = System.nanoTime() - start;
                }
                finally
                {
                    IoUtil.unmap(map);
                }
            }
            return elapsed / 1000.0 / pages;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            if (null != file)
            {
                try
                {
                    Files.deleteIfExists(file);
                }
                catch (final IOException ignored)
                {
                    // a leftover file in a scratch directory is deleted with the directory
                }
            }
        }
    }
}
