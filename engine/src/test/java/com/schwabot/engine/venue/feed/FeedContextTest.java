package com.schwabot.engine.venue.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.schwabot.config.VenuesConfig;
import com.schwabot.config.secret.Secret;
import com.schwabot.engine.venue.RecordingFrameSink;
import com.schwabot.engine.venue.Sources;

class FeedContextTest
{
    private final RecordingFrameSink sink = new RecordingFrameSink(16, 16);

    @Test
    void shouldBuildTheBinanceContextFromConfig()
    {
        final VenuesConfig.Binance config = new VenuesConfig.Binance(true, "wss://stream-sbe.binance.com:9443/ws",
            "https://api.binance.com", List.of("btcusdt@trade", "btcusdt@bestBidAsk"), "binance-main", 5_000, 750);
        final Secret key = Secret.ofChars("abc".toCharArray());

        final FeedContext context = FeedContext.binance(config, key).sink(sink).conclude();

        assertThat(context.uri()).isEqualTo(URI.create("wss://stream-sbe.binance.com:9443/ws"));
        assertThat(context.streams()).containsExactly("btcusdt@trade", "btcusdt@bestBidAsk");
        assertThat(context.apiKey()).isSameAs(key);
        assertThat(context.reconnectBackoffMs()).isEqualTo(750);
        assertThat(context.source()).isEqualTo(Sources.source(Sources.VENUE_BINANCE, Sources.CHANNEL_MARKET_DATA));
        assertThat(context.epochClock()).isNotNull();
        assertThat(context.nanoClock()).isNotNull();
        assertThat(context.toString()).contains("apiKey=<redacted>").doesNotContain("abc");
    }

    @Test
    void shouldBuildTheSimulatorContextFromConfig()
    {
        final VenuesConfig.Simulator config = new VenuesConfig.Simulator(
            true, "127.0.0.1", 0, 0, 42, 10, List.of("BTCUSDT", "ETHUSDT"), 0, true, 1);

        final FeedContext context = FeedContext.simulator(config, 40_123).sink(sink).conclude();

        assertThat(context.uri()).isEqualTo(URI.create("ws://127.0.0.1:40123/ws"));
        assertThat(context.streams()).containsExactly(
            "btcusdt@trade", "btcusdt@bestBidAsk", "btcusdt@depth", "btcusdt@depth20",
            "ethusdt@trade", "ethusdt@bestBidAsk", "ethusdt@depth", "ethusdt@depth20");
        assertThat(context.apiKey()).isNull();
        assertThat(context.reconnectSeed()).isEqualTo(42);
        assertThat(context.source()).isEqualTo(Sources.source(Sources.VENUE_SIMULATOR, Sources.CHANNEL_MARKET_DATA));
        assertThat(context.toString()).contains("apiKey=none");
    }

    @Test
    void shouldRequireAnApiKeyForTls()
    {
        assertThatThrownBy(() -> base().uri("wss://stream-sbe.binance.com:9443/ws").conclude())
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("apiKey");
    }

    @Test
    void shouldRejectBadSettingsNamingTheSetting()
    {
        assertRejected(new FeedContext().sink(sink), "uri must be set");
        assertRejected(base().uri("http://localhost/ws"), "uri must be ws:// or wss://");
        assertRejected(new FeedContext().uri("ws://localhost/ws"), "sink");
        assertRejected(base().streams(List.of("btc\"usdt@trade")), "streams must match");
        assertRejected(base().trustCertificate(Path.of("/nonexistent.pem")), "trustCertificate");
        assertRejected(base().maxMessageLength(4), "maxMessageLength");
        assertRejected(base().maxMessageLength(4096).maxFramePayloadLength(1024), "maxFramePayloadLength");
        assertRejected(base().pingIntervalMs(0), "pingIntervalMs");
        assertRejected(base().pingIntervalMs(1_000).staleTimeoutMs(1_000), "staleTimeoutMs");
        assertRejected(base().subscribeTimeoutMs(0), "subscribeTimeoutMs");
        assertRejected(base().connectTimeoutMs(0), "connectTimeoutMs");
        assertRejected(base().reconnectBackoffMs(100).reconnectBackoffMaxMs(50), "reconnectBackoffMaxMs");
        assertRejected(base().reconnectJitter(1.5), "reconnectJitter");
        final Secret wiped = Secret.ofChars("k".toCharArray());
        wiped.wipe();
        assertRejected(base().apiKey(wiped), "apiKey was wiped");
        assertThatThrownBy(() -> new FeedContext().uri("ws://bad host/")).isInstanceOf(IllegalArgumentException.class);
    }

    private FeedContext base()
    {
        return new FeedContext().uri("ws://127.0.0.1:1/ws").sink(sink);
    }

    private static void assertRejected(final FeedContext context, final String message)
    {
        assertThatThrownBy(context::conclude).isInstanceOf(IllegalStateException.class).hasMessageContaining(message);
    }
}
