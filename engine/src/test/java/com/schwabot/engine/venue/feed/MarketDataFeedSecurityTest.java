package com.schwabot.engine.venue.feed;

import static com.schwabot.engine.venue.RecordingFrameSink.MARKET_DATA;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import com.schwabot.config.secret.Secret;
import com.schwabot.engine.venue.Await;
import com.schwabot.engine.venue.RecordingFrameSink;
import com.schwabot.engine.venue.Sources;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;

class MarketDataFeedSecurityTest
{
    private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";

    @TempDir
    static Path certificateDir;
    private static TestCertificates certificates;

    private final RecordingFrameSink sink = new RecordingFrameSink();
    private final AtomicLong epoch = new AtomicLong(1);
    private TestWebSocketServer server;
    private MarketDataFeed feed;

    @BeforeAll
    static void generateCertificate() throws Exception
    {
        certificates = TestCertificates.generate(certificateDir);
    }

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(feed, server);
    }

    @Test
    void shouldConnectOverTlsTrustingTheGivenCertificateAndSendTheApiKeyHeader() throws Exception
    {
        server = new TestWebSocketServer(certificates.serverContext()).start();
        final Secret key = Secret.ofChars(API_KEY.toCharArray());
        start(context(server.uri("wss", "localhost")).apiKey(key).trustCertificate(certificates.certificatePem));

        awaitStates(true);
        final byte[] frame = "an SBE frame over TLS".getBytes(StandardCharsets.US_ASCII);
        server.sendBinary(frame);
        Await.until("frame", () -> sink.count(MARKET_DATA) == 1);

        assertThat(sink.frames(MARKET_DATA)).containsExactly(frame);
        assertThat(server.handshakeHeaders.get(0)).containsEntry(FeedContext.API_KEY_HEADER, API_KEY);
        // The JDK sends no SNI for a name without a dot (FeedTlsTest checks SNI for a venue name).
        assertThat(server.serverNames).containsExactly("");
        assertThat(key.isWiped()).isFalse();
        assertThat(new String(key.bytes(), StandardCharsets.US_ASCII)).isEqualTo(API_KEY);
    }

    @Test
    void shouldRefuseATlsVenueWhoseCertificateIsNotTrusted() throws Exception
    {
        server = new TestWebSocketServer(certificates.serverContext()).start();
        start(context(server.uri("wss", "localhost")).apiKey(Secret.ofChars(API_KEY.toCharArray())));

        Await.until("failed attempts", () -> feed.counters().connectFailures() >= 2);

        assertThat(server.handshakes.get()).isZero();
        assertThat(sink.states(Sources.CHANNEL_MARKET_DATA)).isEmpty();
    }

    @Test
    void shouldRefuseATlsVenueWhoseCertificateNamesAnotherHost() throws Exception
    {
        server = new TestWebSocketServer(certificates.serverContext()).start();
        // The certificate names localhost only: reaching the same server as 127.0.0.1 must fail verification.
        start(context(server.uri("wss", "127.0.0.1")).apiKey(Secret.ofChars(API_KEY.toCharArray()))
            .trustCertificate(certificates.certificatePem));

        Await.until("failed attempts", () -> feed.counters().connectFailures() >= 2);

        assertThat(server.handshakes.get()).isZero();
    }

    @Test
    void shouldKeepTryingAndCountingWhenTheApiKeyIsWipedBetweenConnections()
    {
        server = new TestWebSocketServer().start();
        final Secret key = Secret.ofChars(API_KEY.toCharArray());
        start(context(server.uri("ws", "127.0.0.1")).apiKey(key));
        awaitStates(true);

        key.wipe();
        server.sendClose();

        awaitStates(true, false);
        Await.until("failed attempts", () -> feed.counters().connectFailures() >= 2);
        assertThat(server.handshakes.get()).isEqualTo(1);
    }

    @Test
    void shouldNeverLogTheApiKey()
    {
        final Logger root = (Logger)LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        final Logger netty = (Logger)LoggerFactory.getLogger("io.netty");
        final Logger ours = (Logger)LoggerFactory.getLogger("com.schwabot");
        final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        netty.setLevel(Level.TRACE);
        ours.setLevel(Level.TRACE);
        try
        {
            server = new TestWebSocketServer().start();
            final FeedContext context = context(server.uri("ws", "127.0.0.1")).apiKey(
                Secret.ofChars(API_KEY.toCharArray()));
            start(context);
            awaitStates(true);
            server.sendText("{\"code\":3,\"msg\":\"Invalid JSON\"}");
            server.sendText("{\"e\":\"serverShutdown\",\"E\":1}");
            awaitStates(true, false, true);
            feed.close();

            assertThat(server.handshakeHeaders).hasSize(2)
                .allSatisfy(h -> assertThat(h).containsEntry(FeedContext.API_KEY_HEADER, API_KEY));
            assertThat(appender.list).isNotEmpty();
            for (final ILoggingEvent event : appender.list)
            {
                assertThat(event.getFormattedMessage()).doesNotContain(API_KEY);
                if (null != event.getThrowableProxy())
                {
                    assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).doesNotContain(API_KEY);
                }
            }
            assertThat(context.toString()).doesNotContain(API_KEY).contains("apiKey=<redacted>");
            assertThat(feed.counters().toString()).doesNotContain(API_KEY);
        }
        finally
        {
            root.detachAppender(appender);
            netty.setLevel(null);
            ours.setLevel(null);
        }
    }

    private FeedContext context(final String uri)
    {
        return FeedTestSupport.context(uri, sink, epoch);
    }

    private void start(final FeedContext context)
    {
        feed = new MarketDataFeed(context);
        feed.start();
    }

    private void awaitStates(final Boolean... expected)
    {
        Await.until("states " + List.of(expected),
            () -> sink.states(Sources.CHANNEL_MARKET_DATA).equals(List.of(expected)));
    }
}
