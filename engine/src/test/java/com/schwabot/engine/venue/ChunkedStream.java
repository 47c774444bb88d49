package com.schwabot.engine.venue;

import java.util.SplittableRandom;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * Writes a byte stream into an {@code EmbeddedChannel} as a socket would deliver it: cut at seeded random points
 * (single bytes, small and large reads), each read a heap, direct, composite or offset (sliced) buffer from a
 * {@link TrackingAllocator}; after each read the caller drains what the pipeline wrote, and the bytes the pipeline
 * holds are measured. Writing stops when the channel closes. Not thread-safe.
 */
public final class ChunkedStream
{
    private final SplittableRandom random;
    private final TrackingAllocator allocator;
    private final int maxChunk;
    private long peakLiveBytes;
    private long reads;
    private int lastRead;

    /**
     * @param random    the seeded sequence of cuts and buffer kinds.
     * @param allocator where read buffers come from (the channel's allocator too).
     * @param maxChunk  the largest read.
     */
    public ChunkedStream(final SplittableRandom random, final TrackingAllocator allocator, final int maxChunk)
    {
        this.random = random;
        this.allocator = allocator;
        this.maxChunk = maxChunk;
    }

    /**
     * Write {@code stream[from, to)}, read by read, until it is all written or the channel has closed.
     *
     * @param channel    the channel.
     * @param stream     the bytes.
     * @param from       first byte to write.
     * @param to         end of the bytes to write.
     * @param afterRead  run after each read (drain the outbound side).
     * @return where writing stopped: {@code to}, or the end of the read after which the channel was closed.
     */
    public int write(
        final EmbeddedChannel channel, final byte[] stream, final int from, final int to, final Runnable afterRead)
    {
        int at = from;
        while (at < to && channel.isOpen())
        {
            final int n = Math.min(to - at, chunk());
            channel.writeInbound(buffer(stream, at, n));
            reads++;
            lastRead = n;
            at += n;
            afterRead.run();
            peakLiveBytes = Math.max(peakLiveBytes, allocator.liveBytes());
        }
        return at;
    }

    /**
     * @return the most bytes the pipeline held after any read (buffers allocated and not released, the read
     * itself included when the pipeline kept it).
     */
    public long peakLiveBytes()
    {
        return peakLiveBytes;
    }

    /**
     * @return the length of the last read written.
     */
    public int lastRead()
    {
        return lastRead;
    }

    /**
     * @return reads written.
     */
    public long reads()
    {
        return reads;
    }

    private int chunk()
    {
        final int kind = random.nextInt(10);
        if (kind < 3)
        {
            return 1 + random.nextInt(8);
        }
        if (kind < 6)
        {
            return 1 + random.nextInt(128);
        }
        if (kind < 9)
        {
            return 1 + random.nextInt(4096);
        }
        return 1 + random.nextInt(maxChunk);
    }

    private ByteBuf buffer(final byte[] stream, final int at, final int n)
    {
        switch (random.nextInt(4))
        {
            case 0:
                return allocator.heapBuffer(n).writeBytes(stream, at, n);

            case 1:
                return allocator.directBuffer(n).writeBytes(stream, at, n);

            case 2:
            {
                final int split = random.nextInt(n + 1);
                final CompositeByteBuf composite = allocator.compositeBuffer(2);
                composite.addComponent(true, allocator.heapBuffer(Math.max(1, split)).writeBytes(stream, at, split));
                composite.addComponent(true, allocator.directBuffer(Math.max(1, n - split))
                    .writeBytes(stream, at + split, n - split));
                return composite;
            }

            default:
            {
                final int skip = 1 + random.nextInt(16);
                final ByteBuf parent = allocator.heapBuffer(skip + n).writeZero(skip).writeBytes(stream, at, n);
                final ByteBuf slice = parent.retainedSlice(skip, n);
                parent.release();
                return slice;
            }
        }
    }
}
