package com.schwabot.engine.monitor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.BitUtil;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

/**
 * The engine's counters in a memory-mapped file, so that another process ({@code schwabot stat}) reads them live.
 * Aeron's CnC file is the model: a small header, then the metadata and values buffers of an Agrona
 * {@link org.agrona.concurrent.status.CountersManager}, read elsewhere with a {@link CountersReader}.
 * <pre>
 * offset  type  field
 *      0  int   version         written last (release store): 0 while the file is being set up
 *      4  int   header length   {@value #HEADER_LENGTH}
 *      8  int   metadata length max counters * {@value CountersReader#METADATA_LENGTH}
 *     12  int   values length   max counters * {@value CountersReader#COUNTER_LENGTH}
 *     16  long  pid             of the engine's process
 *     24  long  start time      epoch milliseconds
 *     32  long  heartbeat       epoch milliseconds, refreshed by the monitor agent every 100 ms
 *     40  long  closed time     epoch milliseconds of a clean close, 0 while running
 *    128        metadata buffer
 *    128 + metadata length      values buffer
 * </pre>
 * Integers are little-endian (the platform's order on every supported machine). The engine creates the file at start
 * and leaves it at close, so the last values stay readable; a new engine replaces it unless it belongs to an engine
 * that still runs (a live pid with a recent heartbeat and no close time).
 * <p>
 * Thread-safety: the header fields are written with release stores and read with volatile loads; the counters follow
 * Agrona's single-writer rules. The mapping is never unmapped by the engine, because counters may be read after the
 * engine stops (the run's summary); a reader opened with {@link #openReadOnly(Path)} is unmapped by {@link #close()}.
 */
public final class CountersFile implements AutoCloseable
{
    /** Name of the file inside its directory. */
    public static final String FILE_NAME = "counters.dat";
    /** What {@link #activeEnginePid} returns when no engine runs with the file. */
    public static final long NO_ACTIVE_ENGINE = -1;
    /** Version of the layout. */
    public static final int VERSION = 1;
    /** Length of the header: two cache lines. */
    public static final int HEADER_LENGTH = 2 * BitUtil.CACHE_LINE_LENGTH;
    /** A heartbeat older than this means the engine that wrote the file is gone. */
    public static final long HEARTBEAT_TIMEOUT_MS = 5_000;

    static final int VERSION_OFFSET = 0;
    static final int HEADER_LENGTH_OFFSET = 4;
    static final int METADATA_LENGTH_OFFSET = 8;
    static final int VALUES_LENGTH_OFFSET = 12;
    static final int PID_OFFSET = 16;
    static final int START_TIME_OFFSET = 24;
    static final int HEARTBEAT_OFFSET = 32;
    static final int CLOSED_TIME_OFFSET = 40;

    private final Path path;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer header;
    private final UnsafeBuffer metadata;
    private final UnsafeBuffer values;

    private CountersFile(final Path path, final MappedByteBuffer mapped, final int metadataLength,
        final int valuesLength)
    {
        this.path = path;
        this.mapped = mapped;
        this.header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        this.metadata = new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength);
        this.values = new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength);
    }

    /**
     * Create (or replace) the counters file of an engine.
     *
     * @param directory   where; created when absent.
     * @param maxCounters how many counters it holds.
     * @param nowMs       epoch milliseconds: the start time and first heartbeat.
     * @return the mapped file, header written.
     * @throws IOException           when the file cannot be created.
     * @throws IllegalStateException when the file belongs to an engine that still runs.
     */
    public static CountersFile create(final Path directory, final int maxCounters, final long nowMs)
        throws IOException
    {
        Files.createDirectories(directory);
        final Path path = directory.resolve(FILE_NAME);
        refuseWhenActive(path, nowMs);
        Files.deleteIfExists(path);
        final int metadataLength = maxCounters * CountersReader.METADATA_LENGTH;
        final int valuesLength = maxCounters * CountersReader.COUNTER_LENGTH;
        final MappedByteBuffer mapped = IoUtil.mapNewFile(path.toFile(),
            (long)HEADER_LENGTH + metadataLength + valuesLength, true);
        final CountersFile file = new CountersFile(path, mapped, metadataLength, valuesLength);
        final UnsafeBuffer header = file.header;
        header.putInt(HEADER_LENGTH_OFFSET, HEADER_LENGTH);
        header.putInt(METADATA_LENGTH_OFFSET, metadataLength);
        header.putInt(VALUES_LENGTH_OFFSET, valuesLength);
        header.putLong(PID_OFFSET, ProcessHandle.current().pid());
        header.putLong(START_TIME_OFFSET, nowMs);
        header.putLong(HEARTBEAT_OFFSET, nowMs);
        header.putLong(CLOSED_TIME_OFFSET, 0);
        header.putIntRelease(VERSION_OFFSET, VERSION);
        return file;
    }

    /**
     * Map an existing counters file read-only (for {@code schwabot stat}).
     *
     * @param directoryOrFile the directory holding {@value #FILE_NAME}, or the file itself.
     * @return the mapped file; close it to unmap.
     * @throws IOException when it is missing, unreadable, not a counters file or of another version.
     */
    public static CountersFile openReadOnly(final Path directoryOrFile) throws IOException
    {
        final Path path = Files.isRegularFile(directoryOrFile) ? directoryOrFile : directoryOrFile.resolve(FILE_NAME);
        if (!Files.isRegularFile(path))
        {
            throw new IOException("no counters file " + path + " (is the engine running with this data directory?)");
        }
        final long size = Files.size(path);
        if (size < HEADER_LENGTH)
        {
            throw new IOException(path + " is not a Schwabot counters file (" + size + " bytes)");
        }
        final MappedByteBuffer mapped;
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "r");
            FileChannel channel = file.getChannel())
        {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        final int version = header.getIntVolatile(VERSION_OFFSET);
        final int metadataLength = header.getInt(METADATA_LENGTH_OFFSET);
        final int valuesLength = header.getInt(VALUES_LENGTH_OFFSET);
        if (version != VERSION || header.getInt(HEADER_LENGTH_OFFSET) != HEADER_LENGTH || metadataLength <= 0 ||
            valuesLength <= 0 || (long)HEADER_LENGTH + metadataLength + valuesLength > size ||
            (long)metadataLength * CountersReader.COUNTER_LENGTH !=
            (long)valuesLength * CountersReader.METADATA_LENGTH)
        {
            IoUtil.unmap(mapped);
            throw new IOException(path + " is not a Schwabot counters file of version " + VERSION +
                " (version " + version + ", " + size + " bytes)");
        }
        return new CountersFile(path, mapped, metadataLength, valuesLength);
    }

    private static void refuseWhenActive(final Path path, final long nowMs)
    {
        final long pid = activeEnginePid(path, nowMs);
        if (NO_ACTIVE_ENGINE != pid)
        {
            throw new IllegalStateException("another engine (pid " + pid + ") is running with " + path +
                ": stop it or use another data directory");
        }
    }

    /**
     * The process id of the engine that still runs with a counters file ({@link #isActive}), if one does.
     *
     * @param directoryOrFile the directory holding {@value #FILE_NAME}, or the file itself.
     * @param nowMs           epoch milliseconds.
     * @return its pid, or {@link #NO_ACTIVE_ENGINE} when there is no such file, it is not one this version reads (the
     *         engine replaces it), or its engine no longer runs.
     */
    public static long activeEnginePid(final Path directoryOrFile, final long nowMs)
    {
        final Path path = Files.isDirectory(directoryOrFile) ? directoryOrFile.resolve(FILE_NAME) : directoryOrFile;
        if (!Files.isRegularFile(path))
        {
            return NO_ACTIVE_ENGINE;
        }
        try (CountersFile existing = openReadOnly(path))
        {
            return existing.isActive(nowMs) ? existing.pid() : NO_ACTIVE_ENGINE;
        }
        catch (final IOException ex)
        {
            return NO_ACTIVE_ENGINE;
        }
    }

    /**
     * Whether the engine that wrote the file still runs: not closed, heartbeat recent, process alive.
     *
     * @param nowMs epoch milliseconds.
     * @return true when it looks alive.
     */
    public boolean isActive(final long nowMs)
    {
        return closedTimeMs() == 0 && nowMs - heartbeatMs() < HEARTBEAT_TIMEOUT_MS &&
            ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Refresh the heartbeat (the monitor agent).
     *
     * @param nowMs epoch milliseconds.
     */
    public void heartbeat(final long nowMs)
    {
        header.putLongRelease(HEARTBEAT_OFFSET, nowMs);
    }

    /**
     * Mark a clean close.
     *
     * @param nowMs epoch milliseconds.
     */
    public void markClosed(final long nowMs)
    {
        header.putLongRelease(HEARTBEAT_OFFSET, nowMs);
        header.putLongRelease(CLOSED_TIME_OFFSET, nowMs);
    }

    /**
     * Reader over the counters.
     *
     * @return a new reader.
     */
    public CountersReader reader()
    {
        return new CountersReader(metadata, values);
    }

    /**
     * @return the metadata buffer, for the engine's counters manager.
     */
    public UnsafeBuffer metadataBuffer()
    {
        return metadata;
    }

    /**
     * @return the values buffer, for the engine's counters manager.
     */
    public UnsafeBuffer valuesBuffer()
    {
        return values;
    }

    /**
     * @return the layout version.
     */
    public int version()
    {
        return header.getIntVolatile(VERSION_OFFSET);
    }

    /**
     * @return pid of the engine's process.
     */
    public long pid()
    {
        return header.getLongVolatile(PID_OFFSET);
    }

    /**
     * @return epoch milliseconds of the engine's start.
     */
    public long startTimeMs()
    {
        return header.getLongVolatile(START_TIME_OFFSET);
    }

    /**
     * @return epoch milliseconds of the last heartbeat.
     */
    public long heartbeatMs()
    {
        return header.getLongVolatile(HEARTBEAT_OFFSET);
    }

    /**
     * @return epoch milliseconds of a clean close, 0 while running (or after a crash).
     */
    public long closedTimeMs()
    {
        return header.getLongVolatile(CLOSED_TIME_OFFSET);
    }

    /**
     * @return the file.
     */
    public Path path()
    {
        return path;
    }

    /**
     * Unmap the file. Only for readers: the engine's counters live in the mapping until it is collected.
     */
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}
