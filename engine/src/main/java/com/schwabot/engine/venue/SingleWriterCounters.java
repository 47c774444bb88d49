package com.schwabot.engine.venue;

import java.nio.ByteBuffer;

import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A fixed set of {@code long} counters, each written by one thread and read by any: the writer increments with a
 * release store (a plain store on x86, no lock prefix, no fence), readers use volatile loads. Backed by one aligned
 * direct buffer allocated at construction; nothing is allocated afterwards.
 * <p>
 * Thread-safety: any number of readers; each counter must have exactly one writing thread (the classes that use this
 * say which thread owns which counter). Two threads incrementing the same counter lose counts.
 */
public final class SingleWriterCounters
{
    private final UnsafeBuffer values;
    private final int count;

    /**
     * @param count number of counters, ids {@code 0 .. count - 1}.
     */
    public SingleWriterCounters(final int count)
    {
        if (count <= 0)
        {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        final int length = BitUtil.align(count * Long.BYTES, BitUtil.CACHE_LINE_LENGTH);
        final ByteBuffer memory = BufferUtil.allocateDirectAligned(length, BitUtil.CACHE_LINE_LENGTH);
        this.values = new UnsafeBuffer(memory);
        this.count = count;
    }

    /**
     * Add one. Call only from the counter's writing thread.
     *
     * @param id counter id.
     */
    public void increment(final int id)
    {
        add(id, 1);
    }

    /**
     * Add a delta. Call only from the counter's writing thread.
     *
     * @param id    counter id.
     * @param delta to add.
     */
    public void add(final int id, final long delta)
    {
        final int index = id * Long.BYTES;
        values.putLongRelease(index, values.getLong(index) + delta);
    }

    /**
     * @param id counter id.
     * @return the current value, from any thread.
     */
    public long get(final int id)
    {
        return values.getLongVolatile(id * Long.BYTES);
    }

    /**
     * @return number of counters.
     */
    public int count()
    {
        return count;
    }
}
