package com.schwabot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
    /** Trial-level backlog the read benchmarks write before reading (then rewind when it is used up). */
    public static final int READ_BACKLOG = 4_000_000;

    private static final int SBE_HEADER_LENGTH = 8;

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
     * A deterministic 64-byte SBE-like message (no randomness: every run writes the same bytes): an 8-byte
     * little-endian SBE header (block length 56, template 1, schema 101, version 1) and a 56-byte body.
     *
     * @return the bytes.
     */
    public static byte[] sampleMessage()
    {
        final byte[] bytes = new byte[MESSAGE_LENGTH];
        for (int i = SBE_HEADER_LENGTH; i < bytes.length; i++)
        {
            bytes[i] = (byte)(i * 31 + 7);
        }
        final ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort(0, (short)(MESSAGE_LENGTH - SBE_HEADER_LENGTH));
        header.putShort(2, (short)1);
        header.putShort(4, (short)101);
        header.putShort(6, (short)1);
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
