package com.schwabot.engine.venue.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;

/**
 * The WebSocket market-data server over real loopback sockets, with a Netty client.
 */
class MarketDataServerTest
{
    private ExchangeSimulator simulator;

    @AfterEach
    void close()
    {
        if (null != simulator)
        {
            simulator.close();
        }
    }

    @Test
    void shouldStreamTheSubscribedStreamsInFramesTheGeneratedCodecsDecode() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5));
        try (TestWebSocketClient client = TestWebSocketClient.connect(uri(
            "/stream?streams=btcusdt@trade/btcusdt@bestBidAsk/btcusdt@depth/btcusdt@depth20")))
        {
            final DepthSnapshotStreamEventDecoder snapshot = BinanceDecoders.snapshot(buffer(client.nextBinary()));
            assertThat(snapshot.priceExponent()).isEqualTo((byte)-3);
            final DepthSnapshotStreamEventDecoder.BidsDecoder bids = snapshot.bids();
            assertThat(bids.count()).isEqualTo(20);
            final long bestBid = bids.next().price();
            bids.forEachRemaining((level) -> assertThat(level.price()).isLessThan(bestBid));
            final DepthSnapshotStreamEventDecoder.AsksDecoder asks = snapshot.asks();
            assertThat(asks.count()).isEqualTo(20);
            assertThat(asks.next().price()).isGreaterThan(bestBid);
            asks.forEachRemaining((level) -> assertThat(level.qty()).isPositive());
            assertThat(snapshot.symbol()).isEqualTo("BTCUSDT");

            simulator.step(30).get(Await.TIMEOUT_MS, TimeUnit.MILLISECONDS);

            final Set<Integer> templates = new HashSet<>();
            while (templates.size() < 4)
            {
                final UnsafeBuffer frame = buffer(client.nextBinary());
                final int templateId = BinanceDecoders.templateId(frame);
                templates.add(templateId);
                assertThat(BinanceDecoders.symbolOf(frame)).isEqualTo("BTCUSDT");
            }
        }
        Await.until(() -> simulator.counters().get(SimCounter.MD_FRAMES_OUT) > 4, () -> "frames out");
        assertThat(simulator.counters().get(SimCounter.MD_CONNECTIONS)).isEqualTo(1);
    }

    @Test
    void shouldAnswerBinanceControlRequests() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5));
        try (TestWebSocketClient client = TestWebSocketClient.connect(uri("/ws")))
        {
            client.sendText("{\"method\":\"SUBSCRIBE\",\"params\":[\"ethusdt@trade\",\"ethusdt@depth20\"],\"id\":1}");
            assertThat(client.nextText()).isEqualTo("{\"result\":null,\"id\":1}");
            assertThat(BinanceDecoders.symbolOf(buffer(client.nextBinary()))).isEqualTo("ETHUSDT");

            client.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"abc\"}");
            assertThat(client.nextText())
                .isEqualTo("{\"result\":[\"ethusdt@trade\",\"ethusdt@depth20\"],\"id\":\"abc\"}");
            client.sendText("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"ethusdt@trade\"],\"id\":2}");
            assertThat(client.nextText()).isEqualTo("{\"result\":null,\"id\":2}");
            client.sendText("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":3}");
            assertThat(client.nextText()).isEqualTo("{\"result\":false,\"id\":3}");
            client.sendText("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":4}");
            assertThat(client.nextText()).isEqualTo("{\"result\":null,\"id\":4}");

            client.sendText("{\"method\":\"FOO\",\"id\":5}");
            assertThat(client.nextText())
                .startsWith("{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown variant")
                .endsWith("},\"id\":5}");
            client.sendText("not json");
            assertThat(client.nextText()).isEqualTo(
                "{\"error\":{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\"},\"id\":null}");
            client.sendText("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@kline_1m\"],\"id\":6}");
            assertThat(client.nextText()).isEqualTo(
                "{\"error\":{\"code\":2,\"msg\":\"Invalid request: unknown stream name `btcusdt@kline_1m`\"}," +
                "\"id\":6}");
            client.sendText("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"]}");
            assertThat(client.nextText()).isEqualTo("{\"error\":{\"code\":2,\"msg\":" +
                "\"Invalid request: request ID must be an unsigned integer\"},\"id\":null}");
            client.sendText("{\"method\":\"SET_PROPERTY\",\"params\":[\"speed\",true],\"id\":7}");
            assertThat(client.nextText())
                .isEqualTo("{\"error\":{\"code\":0,\"msg\":\"Unknown property\"},\"id\":7}");
        }
        assertThat(simulator.counters().get(SimCounter.MD_CONTROL_REQUESTS)).isEqualTo(10);
        assertThat(simulator.counters().get(SimCounter.MD_CONTROL_ERRORS)).isEqualTo(5);
    }

    @Test
    void shouldRefuseUnknownPathsAndStreamNames() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5));

        assertThat(httpStatusLine("/ws/btcusdt@kline_1m")).startsWith("HTTP/1.1 400");
        assertThat(httpStatusLine("/api/v3/depth")).startsWith("HTTP/1.1 404");
        assertThat(httpStatusLine("/ws/btc%zzusdt@trade")).as("a bad percent-escape").startsWith("HTTP/1.1 400");
        assertThat(httpStatusLine("/stream?streams=btcusdt@trade%")).as("one in the query").startsWith("HTTP/1.1 400");
        assertThat(simulator.counters().get(SimCounter.MD_HANDSHAKE_REJECTS)).isEqualTo(4);
        try (TestWebSocketClient client = TestWebSocketClient.connect(uri("/ws/btcusdt@trade")))
        {
            simulator.step(20).get(Await.TIMEOUT_MS, TimeUnit.MILLISECONDS);
            final UnsafeBuffer trades = buffer(client.nextBinary());
            assertThat(BinanceDecoders.templateId(trades)).isEqualTo(TradesStreamEventDecoder.TEMPLATE_ID);
            assertThat(BinanceDecoders.symbolOf(trades)).isEqualTo("BTCUSDT");
        }
    }

    @Test
    void shouldPingClientsAndAnswerTheirPings() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5).pingIntervalMs(50));
        try (TestWebSocketClient client = TestWebSocketClient.connect(uri("/ws")))
        {
            assertThat(client.next((event) -> event instanceof TestWebSocketClient.Ping)).isNotNull();
            Await.until(() -> simulator.counters().get(SimCounter.MD_PONGS_RECEIVED) > 0, () -> "a pong");

            client.sendPing("hello");
            assertThat(client.next((event) -> event instanceof TestWebSocketClient.Pong))
                .isEqualTo(new TestWebSocketClient.Pong("hello"));
        }
        assertThat(simulator.counters().get(SimCounter.MD_PINGS_RECEIVED)).isEqualTo(1);
    }

    @Test
    void shouldCloseASessionThatDoesNotAnswerPings() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5).pingIntervalMs(20).pongTimeoutMs(100));
        try (TestWebSocketClient client = TestWebSocketClient.connect(uri("/ws")))
        {
            client.answerPings(false);
            assertThat(client.next((event) -> event == TestWebSocketClient.CLOSED)).isNotNull();
        }
        assertThat(simulator.counters().get(SimCounter.MD_PONG_TIMEOUTS)).isEqualTo(1);
    }

    @Test
    void shouldSendServerShutdownThenCloseWhenStoppedGracefully() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5));
        try (TestWebSocketClient client = TestWebSocketClient.connect(uri("/ws")))
        {
            simulator.close();

            assertThat(client.nextText()).matches("\\{\"e\":\"serverShutdown\",\"E\":\\d{16}}");
            assertThat(client.next()).isEqualTo(new TestWebSocketClient.Close(1001, "serverShutdown"));
            assertThat(client.next((event) -> event == TestWebSocketClient.CLOSED)).isNotNull();
        }
    }

    private String uri(final String path)
    {
        return "ws://" + simulator.context().host() + ':' + simulator.marketDataPort() + path;
    }

    private String httpStatusLine(final String path) throws IOException
    {
        try (Socket socket = new Socket(simulator.context().host(), simulator.marketDataPort()))
        {
            socket.setSoTimeout((int)Await.TIMEOUT_MS);
            final OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            final InputStream in = socket.getInputStream();
            final StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\r')
            {
                line.append((char)c);
            }
            return line.toString();
        }
    }

    private static UnsafeBuffer buffer(final byte[] bytes)
    {
        return new UnsafeBuffer(bytes);
    }
}
