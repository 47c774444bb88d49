package com.schwabot.tensor.cache;

import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ChronicleMapBuilder;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An off-heap, persisted map from a long id (instrument, strategy or variant) to a fixed-length float vector: a
 * Chronicle Map in one file, with a one-line layout file next to it ({@code <file>.layout}: kind, vector length,
 * max entries). Reopening it with other sizes, or opening a file that is corrupt or not such a map, fails with a
 * {@link CacheFileException} naming the file and what is wrong, and leaves the file as it was (see
 * {@link CacheFileCheck}).
 * <p>
 * Reads ({@link #get(long, float[])}) and writes ({@link #put(long, float[])}) reuse one key and one value instance
 * and allocate nothing in steady state. Not thread-safe: one instance per thread (the map file itself may be
 * shared by several processes, as Chronicle Map allows).
 * <p>
 * Its owner closes it: Chronicle Map's own shutdown hook is turned off, because it ran beside the engine's and closed
 * the weight cache while the engine, stopping on Ctrl-C, was still saving its weights there.
 */
public final class VectorCache implements AutoCloseable
{
    /** The layout version written in every cache file's name; bumped when the value layout changes. */
    public static final int LAYOUT_VERSION = 1;
    private static final String LAYOUT_PREFIX = "schwabot-vector-cache/v";

    private final Path file;
    private final String kind;
    private final long maxEntries;
    private final int vectorLength;
    private final ChronicleMap<LongKey, FloatVector> map;
    private final LongKey key = new LongKey();
    private final FloatVector value;

    private VectorCache(
        final Path file, final String kind, final long maxEntries, final int vectorLength,
        final ChronicleMap<LongKey, FloatVector> map)
    {
        this.file = file;
        this.kind = kind;
        this.maxEntries = maxEntries;
        this.vectorLength = vectorLength;
        this.map = map;
        this.value = new FloatVector(vectorLength);
    }

    /**
     * Opens the cache file, creating it (and its directory) when absent.
     *
     * @param file         the file.
     * @param kind         what it holds, e.g. "features"; recorded in the file and checked on reopen.
     * @param maxEntries   the most ids it will hold.
     * @param vectorLength the floats per id.
     * @return the open cache; the caller closes it.
     * @throws CacheFileException when the file is corrupt, not a cache of this kind, or has other sizes.
     */
    public static VectorCache open(final Path file, final String kind, final long maxEntries, final int vectorLength)
    {
        if (maxEntries <= 0 || vectorLength <= 0)
        {
            throw new IllegalArgumentException(
                "cache " + kind + ": maxEntries and vectorLength must be positive, were " + maxEntries + ", " +
                vectorLength);
        }
        final String layout = layout(kind, maxEntries, vectorLength);
        final boolean existing = CacheFileCheck.existing(file);
        if (existing)
        {
            CacheFileCheck.checkHeader(file, vectorLength);
            CacheFileCheck.checkLayout(file, layout);
        }
        final ChronicleMap<LongKey, FloatVector> map;
        try
        {
            if (!existing)
            {
                final Path parent = file.toAbsolutePath().getParent();
                if (parent != null)
                {
                    Files.createDirectories(parent);
                }
            }
            map = ChronicleMapBuilder.of(LongKey.class, FloatVector.class)
                .name(kind)
                .entries(maxEntries)
                .keyMarshallers(LongKeyMarshaller.INSTANCE, LongKeyMarshaller.INSTANCE)
                .constantKeySizeBySample(new LongKey())
                .valueMarshallers(FloatVectorMarshaller.INSTANCE, FloatVectorMarshaller.INSTANCE)
                .constantValueSizeBySample(new FloatVector(vectorLength))
                .skipCloseOnExitHook(true)
                .createPersistedTo(file.toFile());
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new CacheFileException(
                file, (existing ? "corrupt: Chronicle Map cannot open it: " : "cannot create: ") + oneLine(ex), ex);
        }
        if (!existing)
        {
            try
            {
                CacheFileCheck.writeLayout(file, layout);
            }
            catch (final CacheFileException ex)
            {
                map.close();
                throw ex;
            }
        }
        return new VectorCache(file, kind, maxEntries, vectorLength, map);
    }

    /**
     * Copies the vector stored for an id into {@code into}. Allocates nothing.
     *
     * @param id   the id.
     * @param into at least {@link #vectorLength()} floats.
     * @return true when the id is present (and {@code into} was written), false when absent (untouched).
     */
    public boolean get(final long id, final float[] into)
    {
        final FloatVector found = map.getUsing(key.value(id), value);
        if (found == null)
        {
            return false;
        }
        System.arraycopy(found.values(), 0, into, 0, vectorLength);
        return true;
    }

    /**
     * Stores the first {@link #vectorLength()} floats of {@code values} for an id, replacing what was there.
     *
     * @param id     the id.
     * @param values at least {@link #vectorLength()} floats.
     */
    public void put(final long id, final float[] values)
    {
        if (values.length < vectorLength)
        {
            throw new IllegalArgumentException(
                "cache " + kind + ": vector of " + values.length + " floats, expected " + vectorLength);
        }
        System.arraycopy(values, 0, value.values(), 0, vectorLength);
        try (ExternalMapQueryContext<LongKey, FloatVector, ?> context = map.queryContext(key.value(id)))
        {
            context.writeLock().lock();
            final Data<FloatVector> data = context.wrapValueAsData(value);
            final MapEntry<LongKey, FloatVector> entry = context.entry();
            if (entry != null)
            {
                context.replaceValue(entry, data);
            }
            else
            {
                context.insert(context.absentEntry(), data);
            }
        }
    }

    /**
     * Removes an id.
     *
     * @param id the id.
     * @return true when it was present.
     */
    public boolean remove(final long id)
    {
        try (ExternalMapQueryContext<LongKey, FloatVector, ?> context = map.queryContext(key.value(id)))
        {
            context.writeLock().lock();
            final MapEntry<LongKey, FloatVector> entry = context.entry();
            if (entry == null)
            {
                return false;
            }
            context.remove(entry);
            return true;
        }
    }

    /**
     * Whether an id is present.
     *
     * @param id the id.
     * @return true when present.
     */
    public boolean contains(final long id)
    {
        return map.containsKey(key.value(id));
    }

    /** @return the ids held. */
    public long size()
    {
        return map.longSize();
    }

    /** @return the file. */
    public Path file()
    {
        return file;
    }

    /** @return what the cache holds. */
    public String kind()
    {
        return kind;
    }

    /** @return the most ids it holds. */
    public long maxEntries()
    {
        return maxEntries;
    }

    /** @return the floats per id. */
    public int vectorLength()
    {
        return vectorLength;
    }

    @Override
    public void close()
    {
        map.close();
    }

    static String layout(final String kind, final long maxEntries, final int vectorLength)
    {
        return LAYOUT_PREFIX + LAYOUT_VERSION + " kind=" + kind + " vectorLength=" + vectorLength +
            " maxEntries=" + maxEntries;
    }

    static String oneLine(final Throwable ex)
    {
        final String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        final String line = message.replace('\n', ' ').replace('\r', ' ').trim();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
