package com.schwabot.engine.ring;

import java.nio.ByteBuffer;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandEncoder;
import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ConnectionStateEncoder;
import com.schwabot.codecs.sbe.LinkState;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.codecs.sbe.TimerEncoder;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.venue.FrameSink;
import com.schwabot.engine.venue.Sources;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The input ring: a multi-producer Disruptor ring of preallocated {@link InboundEvent} slots over one off-heap
 * region (each slot cache-line aligned: the event's metadata, then the frame), and the {@link FrameSink} through
 * which network threads, the timer and the admin path publish into it.
 * <p>
 * Back-pressure policy: market data is dropped (and counted) when the ring is full, because a newer frame will
 * follow; execution reports, connection changes, timer ticks and admin commands wait for space, because losing one
 * would corrupt state. Frames larger than a slot are dropped and counted. Thread-safe for any number of producers.
 * Allocation-free once each producer thread has published once: engine frames (connection state, timer, admin) are
 * encoded straight into the claimed slot with that thread's own encoders.
 */
public final class InputRing implements FrameSink
{
    private static final ThreadLocal<Encoders> ENCODERS = ThreadLocal.withInitial(Encoders::new);

    private final RingBuffer<InboundEvent> ring;
    private final int slotCapacity;
    private final AtomicCounter ringFullDrops;
    private final AtomicCounter oversizedDrops;
    private final ByteBuffer region;

    /**
     * A ring of slots.
     *
     * @param size         slots, a power of two.
     * @param slotCapacity bytes per slot: the largest frame accepted.
     * @param waitStrategy how the consumer waits.
     * @param counters     where drops are counted.
     */
    public InputRing(final int size, final int slotCapacity, final WaitStrategy waitStrategy,
        final EngineCounters counters)
    {
        if (slotCapacity < MessageHeaderEncoder.ENCODED_LENGTH + AdminCommandEncoder.BLOCK_LENGTH + 256)
        {
            throw new IllegalArgumentException("slot capacity too small: " + slotCapacity);
        }
        this.slotCapacity = slotCapacity;
        final int stride = BitUtil.align(InboundEvent.METADATA_LENGTH + slotCapacity, BitUtil.CACHE_LINE_LENGTH);
        this.region = BufferUtil.allocateDirectAligned(Math.multiplyExact(size, stride), BitUtil.CACHE_LINE_LENGTH);
        final long base = BufferUtil.address(region);
        final int[] next = {0};
        this.ring = RingBuffer.createMultiProducer(
            () -> new InboundEvent(base + (long)stride * next[0]++, slotCapacity),
            size,
            waitStrategy);
        this.ringFullDrops = counters.get(EngineCounter.RING_FULL_DROPS);
        this.oversizedDrops = counters.get(EngineCounter.OVERSIZED_DROPS);
    }

    /**
     * The Disruptor ring, for wiring the business thread's processor.
     *
     * @return the ring.
     */
    public RingBuffer<InboundEvent> ring()
    {
        return ring;
    }

    /**
     * Bytes per slot.
     *
     * @return the slot capacity.
     */
    public int slotCapacity()
    {
        return slotCapacity;
    }

    /**
     * {@inheritDoc}
     */
    public boolean onMarketData(
        final long source, final DirectBuffer buffer, final int offset, final int length, final long ingressNanos)
    {
        if (length > slotCapacity || length < 0)
        {
            oversizedDrops.increment();
            return false;
        }
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            ringFullDrops.increment();
            return false;
        }
        copyAndPublish(sequence, source, buffer, offset, length, ingressNanos);
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public boolean onExecution(
        final long source, final DirectBuffer buffer, final int offset, final int length, final long ingressNanos)
    {
        if (length > slotCapacity || length < 0)
        {
            oversizedDrops.increment();
            return false;
        }
        copyAndPublish(ring.next(), source, buffer, offset, length, ingressNanos);
        return true;
    }

    /**
     * {@inheritDoc}
     */
    public void onConnectionState(final long source, final int channel, final boolean up, final long nanos)
    {
        final long sequence = ring.next();
        try
        {
            final InboundEvent event = ring.get(sequence);
            final ConnectionStateEncoder encoder = ENCODERS.get().connection
                .wrapAndApplyHeader(event.buffer(), 0, ENCODERS.get().header)
                .timeNs(nanos)
                .sourceId(source)
                .channel(channel == Sources.CHANNEL_ORDER_ENTRY ? Channel.ORDER_ENTRY : Channel.MARKET_DATA)
                .state(up ? LinkState.UP : LinkState.DOWN);
            event.set(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(), nanos, source);
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    /**
     * Publish a timer tick. Waits for space.
     *
     * @param timerId  which timer.
     * @param nanos    epoch nanoseconds of the tick.
     */
    public void publishTimer(final long timerId, final long nanos)
    {
        final long sequence = ring.next();
        try
        {
            final InboundEvent event = ring.get(sequence);
            final Encoders encoders = ENCODERS.get();
            final TimerEncoder encoder = encoders.timer.wrapAndApplyHeader(event.buffer(), 0, encoders.header)
                .timerId(timerId)
                .deadlineNs(nanos)
                .timeNs(nanos);
            event.set(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(), nanos,
                Sources.source(Sources.VENUE_ENGINE, 0));
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    /**
     * Publish an admin command (halt, resume). Waits for space.
     *
     * @param commandId    id of the command, for the audit trail.
     * @param action       what to do.
     * @param instrumentId the instrument, 0 for all.
     * @param nanos        epoch nanoseconds of the command.
     * @param note         operator's note (at most 255 bytes of UTF-8; longer is cut).
     */
    public void publishAdmin(
        final long commandId, final AdminAction action, final int instrumentId, final long nanos, final String note)
    {
        publishAdmin(commandId, action, RiskReason.HALTED, instrumentId, nanos, note);
    }

    /**
     * Publish an admin command with a reason in its {@code riskLimit} field: the reason of a HALT (JOURNAL_SPACE for
     * the journal space guard's; anything else halts as an operator's HALTED). Waits for space.
     *
     * @param commandId    id of the command, for the audit trail.
     * @param action       what to do.
     * @param reason       the halt reason, or the limit a SET_LIMIT changes.
     * @param instrumentId the instrument, 0 for all.
     * @param nanos        epoch nanoseconds of the command.
     * @param note         why (at most 255 bytes of UTF-8; longer is cut).
     */
    public void publishAdmin(final long commandId, final AdminAction action, final RiskReason reason,
        final int instrumentId, final long nanos, final String note)
    {
        final long sequence = ring.next();
        try
        {
            final InboundEvent event = ring.get(sequence);
            final Encoders encoders = ENCODERS.get();
            final AdminCommandEncoder encoder = encoders.admin.wrapAndApplyHeader(event.buffer(), 0, encoders.header)
                .commandId(commandId)
                .timeNs(nanos)
                .value(0)
                .instrumentId(instrumentId)
                .valueExponent((byte)0)
                .action(action)
                .riskLimit(reason);
            final byte[] bytes = note.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            encoder.putNote(bytes, 0, Math.min(bytes.length, 255));
            event.set(MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength(), nanos,
                Sources.source(Sources.VENUE_ENGINE, 1));
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    private void copyAndPublish(
        final long sequence,
        final long source,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long ingressNanos)
    {
        try
        {
            final InboundEvent event = ring.get(sequence);
            event.buffer().putBytes(0, buffer, offset, length);
            event.set(length, ingressNanos, source);
        }
        finally
        {
            ring.publish(sequence);
        }
    }

    /**
     * Off-heap region holding the slots; kept reachable for the ring's lifetime.
     *
     * @return the region.
     */
    ByteBuffer region()
    {
        return region;
    }

    private static final class Encoders
    {
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final ConnectionStateEncoder connection = new ConnectionStateEncoder();
        final TimerEncoder timer = new TimerEncoder();
        final AdminCommandEncoder admin = new AdminCommandEncoder();
    }
}
