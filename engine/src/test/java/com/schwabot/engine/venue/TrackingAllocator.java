package com.schwabot.engine.venue;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import io.netty.buffer.UnpooledUnsafeDirectByteBuf;

/**
 * An unpooled allocator that remembers every buffer it made, so a test can see how many bytes a pipeline holds at a
 * point (the capacity of every buffer not yet released) and that it released everything at the end. Give it to a
 * channel with {@code channel.config().setAllocator(...)}; call {@link #forget()} between connections. Not
 * thread-safe: for an {@code EmbeddedChannel} on the test thread.
 */
public final class TrackingAllocator extends AbstractByteBufAllocator
{
    private final List<ByteBuf> made = new ArrayList<>();
    private long allocations;

    public TrackingAllocator()
    {
        super(false);
    }

    protected ByteBuf newHeapBuffer(final int initialCapacity, final int maxCapacity)
    {
        return remember(new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity));
    }

    protected ByteBuf newDirectBuffer(final int initialCapacity, final int maxCapacity)
    {
        return remember(new UnpooledUnsafeDirectByteBuf(this, initialCapacity, maxCapacity));
    }

    public boolean isDirectBufferPooled()
    {
        return false;
    }

    /**
     * @return the capacity of every buffer made and not yet released, in bytes.
     */
    public long liveBytes()
    {
        long live = 0;
        for (int i = 0, n = made.size(); i < n; i++)
        {
            final ByteBuf buffer = made.get(i);
            if (buffer.refCnt() > 0)
            {
                live += buffer.capacity();
            }
        }
        return live;
    }

    /**
     * @return buffers made and not yet released.
     */
    public int liveBuffers()
    {
        int live = 0;
        for (int i = 0, n = made.size(); i < n; i++)
        {
            live += made.get(i).refCnt() > 0 ? 1 : 0;
        }
        return live;
    }

    /**
     * @return buffers made since this allocator was created.
     */
    public long allocations()
    {
        return allocations;
    }

    /**
     * Stop tracking the buffers made so far (call once they are all released, between connections).
     */
    public void forget()
    {
        made.clear();
    }

    private ByteBuf remember(final ByteBuf buffer)
    {
        allocations++;
        made.add(buffer);
        return buffer;
    }
}
