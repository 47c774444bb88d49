package com.schwabot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Shared set-up for the benchmarks: scratch directories for queue files and a guard that the forked JVM got
 * the Chronicle flags (JMH forks inherit the host JVM's arguments; bench/run passes tools/jvm.flags).
 */
public final class BenchSupport
{
    /** Payload size used by the journal and bare-queue benchmarks, in bytes. */
    public static final int MESSAGE_LENGTH = 64;

    private BenchSupport()
    {
    }

    /**
     * Fails fast when the benchmark JVM lacks -Dchronicle.analytics.disable=true (and so the rest of the flags).
     */
    public static void requireJvmFlags()
    {
        if (!"true".equals(System.getProperty("chronicle.analytics.disable")))
        {
            throw new IllegalStateException(
                "benchmark JVM started without tools/jvm.flags: run the benchmarks through bench/run");
        }
    }

    /**
     * A fresh scratch directory for one benchmark trial, under bench.dir (default: java.io.tmpdir).
     *
     * @param name what the directory is for.
     * @return the new, empty directory.
     */
    public static Path newScratchDir(final String name)
    {
        try
        {
            final Path parent = Path.of(System.getProperty("bench.dir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "schwabot-bench-" + name + "-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Deletes a scratch directory and everything in it.
     *
     * @param dir the directory made by {@link #newScratchDir(String)}.
     */
    public static void deleteScratchDir(final Path dir)
    {
        if (dir == null || !Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            paths.sorted(Comparator.reverseOrder()).forEach(BenchSupport::deleteQuietly);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A deterministic 64-byte message body (no randomness: every run writes the same bytes).
     *
     * @return the bytes.
     */
    public static byte[] sampleMessage()
    {
        final byte[] bytes = new byte[MESSAGE_LENGTH];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)(i * 31 + 7);
        }
        return bytes;
    }

    private static void deleteQuietly(final Path path)
    {
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
