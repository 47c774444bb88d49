package com.schwabot.bench.engine;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.binance.DepthDiffStreamEventDecoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;
import com.schwabot.codecs.binance.MessageHeaderDecoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.Venues;
import com.schwabot.engine.venue.sim.ExchangeSimulator;
import com.schwabot.engine.venue.sim.MarketDataListener;
import com.schwabot.engine.venue.sim.SimulatorCore;
import com.schwabot.engine.venue.sim.SimulatorCounters;
import com.schwabot.engine.venue.sim.StreamType;

/**
 * Binance SBE market-data frames for the engine benchmarks, generated once from the embedded simulator's seeded
 * random walk ({@link SimulatorCore} ticks on a step clock, the configured instruments, seed and tick interval) and
 * held back to back in one preallocated heap buffer, with each frame's offset, length and ingress time (the tick's
 * time). The frames are what the engine's feed receives from the simulator: a depth20 snapshot per instrument first
 * (what a new subscriber is sent), then per tick and instrument the trades, the depth diff, the best bid/ask and
 * every tenth tick a depth20 snapshot.
 * <p>
 * Laps: a benchmark that needs more frames than were generated plays them again, and {@link #nextLap()} (or
 * {@link #shiftToNextLap(int)} frame by frame) first moves every frame forward by one lap: event times by the
 * generated time span plus one tick, book update ids by the largest id of the frame's instrument. The first frames
 * of a lap are the snapshots, so the engine's books resynchronise there and a lap validates like the first: no
 * stale, out-of-order or gap rejects at the seam. Trade ids are left as they are (no stage checks them) and prices
 * jump back by the walk's distance over one lap (a few dollars, far inside the validation band).
 * <p>
 * Not thread-safe: generate, then read or shift from one thread at a time.
 */
public final class MarketFrames
{
    private static final int NANOS_PER_MICRO = 1000;
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final int count;
    private final byte[] bytes;
    private final UnsafeBuffer buffer;
    private final int[] offsets;
    private final int[] lengths;
    private final int[] instruments;
    private final long[] ingressNanos;
    private final long[] updateIdShift;
    private final long lapNanos;
    private final long source;
    private long lap;
    private long lapShiftNanos;

    private MarketFrames(final Collector collector, final long lapNanos, final long source)
    {
        this.count = collector.count;
        this.bytes = collector.buffer.byteArray();
        this.buffer = new UnsafeBuffer(bytes, 0, collector.position);
        this.offsets = collector.offsets;
        this.lengths = collector.lengths;
        this.instruments = collector.instruments;
        this.ingressNanos = collector.ingressNanos;
        this.updateIdShift = collector.maxUpdateId;
        this.lapNanos = lapNanos;
        this.source = source;
    }

    /**
     * Generate frames from the simulator as configured ({@code venues.simulator}: instruments with their reference
     * prices, seed, tick interval).
     *
     * @param config     the configuration.
     * @param count      how many frames.
     * @param startNanos epoch nanoseconds of the first frames (the snapshots); ticks follow one interval apart.
     * @return the frames.
     */
    public static MarketFrames generate(final SchwabotConfig config, final int count, final long startNanos)
    {
        final ExchangeSimulator.Context context = ExchangeSimulator.Context.from(config).autoTick(false).conclude();
        final Collector collector = new Collector(count, context.simInstruments().size());
        final SimulatorCore core = new SimulatorCore(context, collector,
            (sessionId, buffer, offset, length) -> { }, new SimulatorCounters());
        final long tickNanos = TimeUnit.MILLISECONDS.toNanos(context.tickIntervalMs());
        collector.nowNanos = startNanos;
        final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(4096);
        for (int i = 0; i < core.instrumentCount() && !collector.full(); i++)
        {
            final int length = core.encodeSnapshot(i, startNanos, snapshot, 0);
            collector.onMarketData(i, StreamType.DEPTH20, snapshot, 0, length);
        }
        long now = startNanos;
        while (!collector.full())
        {
            now += tickNanos;
            collector.nowNanos = now;
            core.tick(now);
        }
        return new MarketFrames(collector, now - startNanos + tickNanos, Venues.marketDataSource(config));
    }

    /**
     * Number of frames.
     *
     * @return the count.
     */
    public int count()
    {
        return count;
    }

    /**
     * The buffer holding every frame.
     *
     * @return the buffer.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * The heap array behind {@link #buffer()}, for copies that take a byte array.
     *
     * @return the array.
     */
    public byte[] array()
    {
        return bytes;
    }

    /**
     * Offset of a frame in the buffer.
     *
     * @param k frame index.
     * @return the offset of its SBE header.
     */
    public int offset(final int k)
    {
        return offsets[k];
    }

    /**
     * Length of a frame.
     *
     * @param k frame index.
     * @return bytes.
     */
    public int length(final int k)
    {
        return lengths[k];
    }

    /**
     * Ingress time of a frame in the current lap: the time of the tick that published it.
     *
     * @param k frame index.
     * @return epoch nanoseconds.
     */
    public long ingressNanos(final int k)
    {
        return ingressNanos[k] + lapShiftNanos;
    }

    /**
     * Source of the frames: the configured trading venue's market-data connection.
     *
     * @return the source.
     */
    public long source()
    {
        return source;
    }

    /**
     * Total payload bytes.
     *
     * @return bytes.
     */
    public long totalBytes()
    {
        return buffer.capacity();
    }

    /**
     * Laps completed so far (0 while the frames are as generated).
     *
     * @return the lap.
     */
    public long lap()
    {
        return lap;
    }

    /**
     * Move every frame forward by one lap.
     */
    public void nextLap()
    {
        for (int k = 0; k < count; k++)
        {
            shiftToNextLap(k);
        }
    }

    /**
     * Move one frame forward by one lap. Call it for frames 0, 1, ... in order as they are replayed again: the
     * ingress times move with frame 0.
     *
     * @param k frame index.
     */
    public void shiftToNextLap(final int k)
    {
        if (k == 0)
        {
            lap++;
            lapShiftNanos = lap * lapNanos;
        }
        final int header = offsets[k];
        final int body = header + MessageHeaderDecoder.ENCODED_LENGTH;
        final long micros = lapNanos / NANOS_PER_MICRO;
        final long ids = updateIdShift[instruments[k]];
        switch (buffer.getShort(header + MessageHeaderDecoder.templateIdEncodingOffset(), ORDER) & 0xFFFF)
        {
            case TradesStreamEventDecoder.TEMPLATE_ID ->
            {
                add(body + TradesStreamEventDecoder.eventTimeEncodingOffset(), micros);
                add(body + TradesStreamEventDecoder.transactTimeEncodingOffset(), micros);
            }
            case BestBidAskStreamEventDecoder.TEMPLATE_ID ->
            {
                add(body + BestBidAskStreamEventDecoder.eventTimeEncodingOffset(), micros);
                add(body + BestBidAskStreamEventDecoder.bookUpdateIdEncodingOffset(), ids);
            }
            case DepthSnapshotStreamEventDecoder.TEMPLATE_ID ->
            {
                add(body + DepthSnapshotStreamEventDecoder.eventTimeEncodingOffset(), micros);
                add(body + DepthSnapshotStreamEventDecoder.bookUpdateIdEncodingOffset(), ids);
            }
            case DepthDiffStreamEventDecoder.TEMPLATE_ID ->
            {
                add(body + DepthDiffStreamEventDecoder.eventTimeEncodingOffset(), micros);
                add(body + DepthDiffStreamEventDecoder.firstBookUpdateIdEncodingOffset(), ids);
                add(body + DepthDiffStreamEventDecoder.lastBookUpdateIdEncodingOffset(), ids);
            }
            default -> throw new IllegalStateException("not a Binance stream frame at " + header);
        }
    }

    private void add(final int index, final long delta)
    {
        buffer.putLong(index, buffer.getLong(index, ORDER) + delta, ORDER);
    }

    private static final class Collector implements MarketDataListener
    {
        private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 20);
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final int[] offsets;
        private final int[] lengths;
        private final int[] instruments;
        private final long[] ingressNanos;
        private final long[] maxUpdateId;
        private final int capacity;
        private int count;
        private int position;
        private long nowNanos;

        Collector(final int capacity, final int instrumentCount)
        {
            this.capacity = capacity;
            this.maxUpdateId = new long[instrumentCount];
            this.offsets = new int[capacity];
            this.lengths = new int[capacity];
            this.instruments = new int[capacity];
            this.ingressNanos = new long[capacity];
        }

        boolean full()
        {
            return count == capacity;
        }

        public void onMarketData(
            final int instrumentIndex, final StreamType type, final DirectBuffer frame, final int offset,
            final int length)
        {
            if (full())
            {
                return;
            }
            buffer.putBytes(position, frame, offset, length);
            offsets[count] = position;
            lengths[count] = length;
            instruments[count] = instrumentIndex;
            ingressNanos[count] = nowNanos;
            maxUpdateId[instrumentIndex] = Math.max(maxUpdateId[instrumentIndex], updateId(frame, offset));
            position += length;
            count++;
        }

        private long updateId(final DirectBuffer frame, final int offset)
        {
            header.wrap(frame, offset);
            final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
            return switch (header.templateId())
            {
                case BestBidAskStreamEventDecoder.TEMPLATE_ID ->
                    frame.getLong(body + BestBidAskStreamEventDecoder.bookUpdateIdEncodingOffset(), ORDER);
                case DepthSnapshotStreamEventDecoder.TEMPLATE_ID ->
                    frame.getLong(body + DepthSnapshotStreamEventDecoder.bookUpdateIdEncodingOffset(), ORDER);
                case DepthDiffStreamEventDecoder.TEMPLATE_ID ->
                    frame.getLong(body + DepthDiffStreamEventDecoder.lastBookUpdateIdEncodingOffset(), ORDER);
                default -> 0;
            };
        }
    }
}
