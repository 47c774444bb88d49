package com.schwabot.bench.engine;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.engine.ring.BusinessHandler;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.journal.JournalAppender;

/**
 * The business thread of the {@link ArrayBlockingQueue} pipeline: takes slots from the queue and does what
 * {@link BusinessHandler} does (journal append with the end-of-batch mark, then the pipeline), where the end of a
 * batch is the queue found empty after a take. Without an appender it runs the pipeline only.
 * <p>
 * Slots are preallocated like the input ring's (off-heap, {@code slotCapacity} bytes each) and reused by the
 * producer; there are twice as many as the queue holds, so the producer never writes a slot the consumer may still be
 * reading. Thread-safety: one producer thread calls {@link #publish}, the consumer thread runs {@link #run}.
 */
final class QueueConsumer implements Runnable
{
    private final ArrayBlockingQueue<Slot> queue;
    private final Slot[] slots;
    private final int mask;
    private final ByteBuffer region;
    private final Slot stop;
    private JournalAppender appender;
    private Pipeline pipeline;
    private long journalSequence;
    private long published;
    private volatile long processed;

    QueueConsumer(final int capacity, final int slotCapacity)
    {
        queue = new ArrayBlockingQueue<>(capacity);
        slots = new Slot[2 * capacity];
        mask = slots.length - 1;
        region = BufferUtil.allocateDirectAligned(Math.multiplyExact(slots.length + 1, slotCapacity), 64);
        final long base = BufferUtil.address(region);
        for (int i = 0; i < slots.length; i++)
        {
            slots[i] = new Slot(new UnsafeBuffer(base + (long)slotCapacity * i, slotCapacity));
        }
        stop = new Slot(new UnsafeBuffer(base + (long)slotCapacity * slots.length, slotCapacity));
    }

    /**
     * Before the consumer thread starts: what it journals to (null for none) and the pipeline it feeds.
     *
     * @param appender the journal's appender, or null.
     * @param pipeline the stages.
     */
    void bind(final JournalAppender appender, final Pipeline pipeline)
    {
        this.appender = appender;
        this.pipeline = pipeline;
    }

    /**
     * Copy a frame into the next slot and put it on the queue, waiting for room.
     *
     * @param source       source of the frame.
     * @param buffer       holding it.
     * @param offset       of its SBE header.
     * @param length       of the frame.
     * @param ingressNanos its ingress time.
     * @throws InterruptedException when interrupted while waiting for room.
     */
    void publish(
        final long source, final DirectBuffer buffer, final int offset, final int length, final long ingressNanos)
        throws InterruptedException
    {
        final Slot slot = slots[(int)(published++ & mask)];
        slot.buffer.putBytes(0, buffer, offset, length);
        slot.length = length;
        slot.ingressNanos = ingressNanos;
        slot.source = source;
        queue.put(slot);
    }

    /**
     * Slots published so far.
     *
     * @return the count.
     */
    long published()
    {
        return published;
    }

    /**
     * Slots the consumer has finished with.
     *
     * @return the count.
     */
    long processed()
    {
        return processed;
    }

    /**
     * Ask the consumer thread to stop once it has taken everything before.
     *
     * @throws InterruptedException when interrupted while waiting for room.
     */
    void stop() throws InterruptedException
    {
        queue.put(stop);
    }

    /**
     * Off-heap region of the slots; kept reachable for the consumer's lifetime.
     *
     * @return the region.
     */
    ByteBuffer region()
    {
        return region;
    }

    public void run()
    {
        try
        {
            while (true)
            {
                final Slot slot = queue.take();
                if (slot == stop)
                {
                    return;
                }
                onSlot(slot, queue.isEmpty());
                processed = processed + 1;
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private void onSlot(final Slot slot, final boolean endOfBatch)
    {
        final long sequence;
        if (null == appender)
        {
            sequence = ++journalSequence;
        }
        else
        {
            try
            {
                sequence = appender.append(slot.buffer, 0, slot.length, slot.ingressNanos, slot.source,
                    endOfBatch ? JournalFlags.END_OF_BATCH : 0);
            }
            catch (final RuntimeException ex)
            {
                if (endOfBatch)
                {
                    pipeline.endOfBatch();
                }
                return;
            }
        }
        pipeline.onFrame(slot.buffer, 0, slot.length, slot.ingressNanos, slot.source, sequence, endOfBatch);
    }

    private static final class Slot
    {
        final UnsafeBuffer buffer;
        int length;
        long ingressNanos;
        long source;

        Slot(final UnsafeBuffer buffer)
        {
            this.buffer = buffer;
        }
    }
}
