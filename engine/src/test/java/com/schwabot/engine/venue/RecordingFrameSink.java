package com.schwabot.engine.venue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;

/**
 * A {@link FrameSink} that records every call into preallocated arrays (bytes copied, as the real sink does), for
 * tests. Thread-safe (synchronized); allocation-free per call while under capacity.
 */
public class RecordingFrameSink implements FrameSink
{
    public static final int MARKET_DATA = 1;
    public static final int EXECUTION = 2;
    public static final int STATE = 3;

    private final int[] kinds;
    private final long[] sources;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] nanos;
    private final int[] channels;
    private final boolean[] ups;
    private final byte[] data;
    private int count;
    private int dataUsed;
    private volatile boolean accept = true;

    public RecordingFrameSink(final int capacity, final int dataCapacity)
    {
        kinds = new int[capacity];
        sources = new long[capacity];
        offsets = new int[capacity];
        lengths = new int[capacity];
        nanos = new long[capacity];
        channels = new int[capacity];
        ups = new boolean[capacity];
        data = new byte[dataCapacity];
    }

    public RecordingFrameSink()
    {
        this(100_000, 16 * 1024 * 1024);
    }

    /**
     * @param accept what onMarketData and onExecution return (they record either way).
     */
    public void accept(final boolean accept)
    {
        this.accept = accept;
    }

    public synchronized boolean onMarketData(
        final long source, final DirectBuffer buffer, final int offset, final int length, final long ingressNanos)
    {
        record(MARKET_DATA, source, buffer, offset, length, ingressNanos);
        return accept;
    }

    public synchronized boolean onExecution(
        final long source, final DirectBuffer buffer, final int offset, final int length, final long ingressNanos)
    {
        record(EXECUTION, source, buffer, offset, length, ingressNanos);
        return accept;
    }

    public synchronized void onConnectionState(final long source, final int channel, final boolean up, final long nanos)
    {
        final int i = next(STATE, source, 0, nanos);
        channels[i] = channel;
        ups[i] = up;
    }

    private void record(
        final int kind, final long source, final DirectBuffer buffer, final int offset, final int length, final long t)
    {
        final int i = next(kind, source, length, t);
        if (dataUsed + length > data.length)
        {
            throw new IllegalStateException("recording sink data full");
        }
        buffer.getBytes(offset, data, dataUsed, length);
        offsets[i] = dataUsed;
        dataUsed += length;
    }

    private int next(final int kind, final long source, final int length, final long t)
    {
        if (count == kinds.length)
        {
            throw new IllegalStateException("recording sink full");
        }
        final int i = count++;
        kinds[i] = kind;
        sources[i] = source;
        lengths[i] = length;
        nanos[i] = t;
        return i;
    }

    public synchronized int count(final int kind)
    {
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (kinds[i] == kind)
            {
                n++;
            }
        }
        return n;
    }

    /**
     * @param kind MARKET_DATA or EXECUTION.
     * @return copies of the recorded frames of that kind, in arrival order.
     */
    public synchronized List<byte[]> frames(final int kind)
    {
        final List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            if (kinds[i] == kind)
            {
                frames.add(Arrays.copyOfRange(data, offsets[i], offsets[i] + lengths[i]));
            }
        }
        return frames;
    }

    public synchronized List<Long> sources(final int kind)
    {
        final List<Long> list = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            if (kinds[i] == kind)
            {
                list.add(sources[i]);
            }
        }
        return list;
    }

    public synchronized List<Long> nanos(final int kind)
    {
        final List<Long> list = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            if (kinds[i] == kind)
            {
                list.add(nanos[i]);
            }
        }
        return list;
    }

    /**
     * @param channel a Sources channel.
     * @return the up/down sequence signalled for that channel.
     */
    public synchronized List<Boolean> states(final int channel)
    {
        final List<Boolean> list = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            if (kinds[i] == STATE && channels[i] == channel)
            {
                list.add(ups[i]);
            }
        }
        return list;
    }

    /**
     * @return the kinds of all calls, in order (to check what came before what).
     */
    public synchronized int[] kinds()
    {
        return Arrays.copyOf(kinds, count);
    }

    public synchronized long stateSource(final int nth)
    {
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (kinds[i] == STATE && n++ == nth)
            {
                return sources[i];
            }
        }
        throw new IllegalArgumentException("no state change " + nth);
    }
}
