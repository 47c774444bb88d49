package com.schwabot.engine.venue.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.lmax.disruptor.RingBuffer;
import com.schwabot.config.VenuesConfig;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.venue.RecordingFrameSink;
import com.schwabot.engine.venue.Sources;
import com.schwabot.engine.venue.order.OrderEntryProtocol;

class GatewayContextTest
{
    private final RecordingFrameSink sink = new RecordingFrameSink(16, 16);
    private final RingBuffer<OutboundEvent> ring = RingBuffer.createSingleProducer(OutboundEvent::new, 64);

    @Test
    void shouldBuildTheSimulatorContextFromConfigWithTheProtocolDefaults()
    {
        final VenuesConfig.Simulator config = new VenuesConfig.Simulator(
            true, "127.0.0.1", 0, 0, 42, 10, List.of("BTCUSDT"), 0, true, 1);

        final GatewayContext context = GatewayContext.simulator(config, 40_124, ring, sink).conclude();

        assertThat(context.host()).isEqualTo("127.0.0.1");
        assertThat(context.port()).isEqualTo(40_124);
        assertThat(context.reconnectSeed()).isEqualTo(42);
        assertThat(context.source()).isEqualTo(Sources.source(Sources.VENUE_SIMULATOR, Sources.CHANNEL_ORDER_ENTRY));
        assertThat(context.heartbeatIntervalMs()).isEqualTo(OrderEntryProtocol.HEARTBEAT_INTERVAL_MS);
        assertThat(context.heartbeatTimeoutMs()).isEqualTo(OrderEntryProtocol.HEARTBEAT_TIMEOUT_MS);
        assertThat(context.epochClock()).isNotNull();
        assertThat(context.nanoClock()).isNotNull();
        assertThat(context.idleStrategy()).isNotNull();
    }

    @Test
    void shouldRejectBadSettingsNamingTheSetting()
    {
        assertRejected(new GatewayContext().port(1).ring(ring).sink(sink), "host");
        assertRejected(base().port(0), "port");
        assertRejected(base().port(70_000), "port");
        assertRejected(new GatewayContext().host("h").port(1).sink(sink), "ring");
        assertRejected(new GatewayContext().host("h").port(1).ring(ring), "sink");
        assertRejected(base().heartbeatIntervalMs(1_000).heartbeatTimeoutMs(1_000), "heartbeatTimeoutMs");
        assertRejected(base().heartbeatIntervalMs(0), "heartbeatIntervalMs");
        assertRejected(base().connectTimeoutMs(0), "connectTimeoutMs");
        assertRejected(base().reconnectBackoffMs(0), "reconnectBackoffMs");
        assertRejected(base().reconnectBackoffMs(50).reconnectBackoffMaxMs(10), "reconnectBackoffMaxMs");
        assertRejected(base().reconnectJitter(-0.1), "reconnectJitter");
        assertRejected(base().maxBatch(0), "maxBatch");
        assertRejected(base().sendBuffers(1), "sendBuffers");
        assertRejected(base().allocator(null), "allocator");
    }

    private GatewayContext base()
    {
        return new GatewayContext().host("127.0.0.1").port(1).ring(ring).sink(sink);
    }

    private static void assertRejected(final GatewayContext context, final String message)
    {
        assertThatThrownBy(context::conclude).isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
    }
}
