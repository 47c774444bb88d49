/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds and damages records in a closed journal's queue files on disk, as a bad disk or a stray write would. Shared
 * with the engine's tests through the journal's test-jar.
 */
public final class QueueFiles
{
    private QueueFiles()
    {
    }

    /**
     * Where a record starts in a queue file.
     *
     * @param file     the .cq4 file.
     * @param position of the record header in the file.
     */
    public record Location(Path file, long position)
    {
    }

    static List<Path> cycleFiles(final Path dir)
    {
        try (Stream<Path> files = Files.list(dir))
        {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).sorted().collect(Collectors.toList());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Find the record header of a {@link TestRecords} sequence: its sequence, ingress time and source fields are
     * unique, so search for those 24 bytes and step back to the start of the header.
     */
    static Location findRecord(final Path dir, final long sequence)
    {
        return findRecord(dir, sequence, TestRecords.ingressNanos(sequence), TestRecords.source(sequence));
    }

    /**
     * Find the header of the record of a sequence, ingress time and source (together unique in any journal the
     * engine writes).
     *
     * @param dir          the journal directory.
     * @param sequence     the record's sequence.
     * @param ingressNanos its ingress time.
     * @param source       its source.
     * @return where its header starts.
     */
    public static Location findRecord(final Path dir, final long sequence, final long ingressNanos, final long source)
    {
        final ByteBuffer pattern = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        pattern.putLong(sequence).putLong(ingressNanos).putLong(source);
        final byte[] bytes = pattern.array();
        for (final Path file : cycleFiles(dir))
        {
            final long found = find(file, bytes);
            if (found >= 0)
            {
                return new Location(file, found - RecordHeader.SEQUENCE_OFFSET);
            }
        }
        throw new AssertionError("record of sequence " + sequence + " not found in " + dir);
    }

    static long find(final Path file, final byte[] pattern)
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            final int last = map.limit() - pattern.length;
            for (int i = 0; i <= last; i++)
            {
                int j = 0;
                while (j < pattern.length && map.get(i + j) == pattern[j])
                {
                    j++;
                }
                if (j == pattern.length)
                {
                    return i;
                }
            }
            return -1;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static byte read(final Location location, final int offset)
    {
        try (FileChannel channel = FileChannel.open(location.file(), StandardOpenOption.READ))
        {
            final ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, location.position() + offset);
            return one.get(0);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void write(final Location location, final int offset, final byte[] bytes)
    {
        try (FileChannel channel = FileChannel.open(location.file(), StandardOpenOption.WRITE))
        {
            channel.write(ByteBuffer.wrap(bytes), location.position() + offset);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Invert the bits of one byte of a record.
     *
     * @param location where the record's header starts.
     * @param offset   of the byte from there.
     */
    public static void flip(final Location location, final int offset)
    {
        write(location, offset, new byte[] {(byte)~read(location, offset)});
    }

    static void writeIntLe(final Location location, final int offset, final int value)
    {
        write(location, offset, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    }
}
