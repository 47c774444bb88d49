package com.schwabot.engine.venue.gateway;

import static com.schwabot.engine.venue.gateway.OrderFrames.prefixed;
import static com.schwabot.engine.venue.gateway.OrderGatewayTest.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.lmax.disruptor.RingBuffer;
import com.schwabot.codecs.sbe.HeartbeatDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.venue.Await;
import com.schwabot.engine.venue.RecordingFrameSink;
import com.schwabot.engine.venue.Sources;

/**
 * Heartbeats and the heartbeat timeout, with the gateway's monotonic clock moved by hand and its duty cycle stepped
 * on the test thread: no sleeps, no timing assumptions.
 */
class OrderGatewayHeartbeatTest
{
    private static final int HEARTBEAT_FRAME = 4 + MessageHeaderDecoder.ENCODED_LENGTH + HeartbeatDecoder.BLOCK_LENGTH;

    private final RecordingFrameSink sink = new RecordingFrameSink();
    private final RingBuffer<OutboundEvent> ring = RingBuffer.createSingleProducer(OutboundEvent::new, 64);
    private final OrderFrames frames = new OrderFrames();
    private final ManualNanoClock clock = new ManualNanoClock(5_000_000_000L);
    private final TestOrderVenue venue = new TestOrderVenue().start();
    private OrderGateway gateway;

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(gateway, venue);
    }

    @Test
    void shouldSendHeartbeatsOnlyWhenNothingWasSentForAnInterval()
    {
        connect();

        clock.advanceMs(999);
        step();
        assertThat(gateway.counters().heartbeatsSent()).isZero();

        clock.advanceMs(1);
        step();
        await("first heartbeat", () -> venue.bytesReceived.get() == HEARTBEAT_FRAME);
        assertHeartbeat(venue.received(), 0, 1);

        clock.advanceMs(500);
        frames.publishNewOrder(ring, SOURCE, 1, 100, 1);
        step();
        final int orderFrame = prefixed(frames.newOrder(1, 100, 1)).length;
        await("order", () -> venue.bytesReceived.get() == HEARTBEAT_FRAME + orderFrame);

        clock.advanceMs(999);
        step();
        assertThat(gateway.counters().heartbeatsSent()).isEqualTo(1);
        clock.advanceMs(1);
        step();
        await("second heartbeat", () -> venue.bytesReceived.get() == 2L * HEARTBEAT_FRAME + orderFrame);
        assertHeartbeat(venue.received(), HEARTBEAT_FRAME + orderFrame, 2);
        assertThat(gateway.counters().heartbeatsSent()).isEqualTo(2);
    }

    @Test
    void shouldTreatAVenueSilentForTheHeartbeatTimeoutAsLost()
    {
        connect();
        clock.advanceMs(4_999);
        step();
        assertThat(states()).containsExactly(true);

        venue.send(prefixed(OrderFrames.heartbeat(1)));
        await("venue heartbeat", () -> 1 == gateway.counters().heartbeatsReceived());
        clock.advanceMs(4_999);
        step();
        assertThat(states()).containsExactly(true);

        clock.advanceMs(1);
        step();
        assertThat(states()).containsExactly(true, false);
        assertThat(gateway.counters().heartbeatTimeouts()).isEqualTo(1);
        Await.until("venue sees the close", () -> 1 == venue.closed.get());

        clock.advanceMs(1_000);
        await("reconnected", () -> states().equals(List.of(true, false, true)) && 2 == venue.connections.get());
    }

    private void connect()
    {
        gateway = new OrderGateway(new GatewayContext()
            .name("test-hb")
            .host("127.0.0.1")
            .port(venue.port())
            .source(SOURCE)
            .ring(ring)
            .sink(sink)
            .nanoClock(clock)
            .reconnectBackoffMs(10)
            .reconnectBackoffMaxMs(100));
        await("connected", () -> states().equals(List.of(true)) && venue.hasConnection());
    }

    private static void assertHeartbeat(final byte[] received, final int offset, final long sequence)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(received);
        assertThat(buffer.getInt(offset, ByteOrder.LITTLE_ENDIAN)).isEqualTo(HEARTBEAT_FRAME - 4);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset + 4);
        assertThat(header.templateId()).isEqualTo(HeartbeatDecoder.TEMPLATE_ID);
        final HeartbeatDecoder heartbeat = new HeartbeatDecoder().wrapAndApplyHeader(buffer, offset + 4, header);
        assertThat(heartbeat.sequence()).isEqualTo(sequence);
        assertThat(heartbeat.sourceId()).isEqualTo(SOURCE);
        assertThat(heartbeat.timeNs()).isPositive();
    }

    private void step()
    {
        try
        {
            gateway.doWork();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void await(final String what, final BooleanSupplier condition)
    {
        Await.until(what, condition, this::step);
    }

    private List<Boolean> states()
    {
        return sink.states(Sources.CHANNEL_ORDER_ENTRY);
    }
}
