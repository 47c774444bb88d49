package com.schwabot.engine.venue.feed;

import static com.schwabot.engine.venue.RecordingFrameSink.MARKET_DATA;
import static com.schwabot.engine.venue.feed.FeedTestSupport.SOURCE;
import static com.schwabot.engine.venue.feed.FeedTestSupport.frame;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.schwabot.engine.venue.Await;
import com.schwabot.engine.venue.RecordingFrameSink;
import com.schwabot.engine.venue.Sources;

class MarketDataFeedTest
{
    private final RecordingFrameSink sink = new RecordingFrameSink();
    private final AtomicLong epoch = new AtomicLong(1_000_000_000L);
    private final Random random = new Random(17);
    private final TestWebSocketServer server = new TestWebSocketServer().start();
    private MarketDataFeed feed;

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(feed, server);
    }

    @Test
    void shouldSubscribeToTheConfiguredStreamsAndForwardBinaryFramesByteExactInOrder()
    {
        start(context());
        awaitStates(true);

        assertThat(server.paths).containsExactly("/ws");
        assertThat(server.texts).containsExactly(
            "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@bestBidAsk\"],\"id\":1}");
        assertThat(server.handshakeHeaders.get(0)).doesNotContainKey(FeedContext.API_KEY_HEADER);
        assertThat(sink.stateSource(0)).isEqualTo(SOURCE);

        final List<byte[]> sent = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < 200; i++)
        {
            final byte[] frame = frame(random, 8 + random.nextInt(600));
            sent.add(frame);
            bytes += frame.length;
            server.sendBinary(frame);
        }
        Await.until("200 frames", () -> sink.count(MARKET_DATA) == 200);

        assertThat(sink.frames(MARKET_DATA)).containsExactlyElementsOf(sent);
        assertThat(sink.sources(MARKET_DATA)).containsOnly(SOURCE);
        assertThat(sink.nanos(MARKET_DATA)).isSorted().doesNotHaveDuplicates()
            .allSatisfy(t -> assertThat(t).isGreaterThan(1_000_000_000L));
        assertThat(feed.counters().frames()).isEqualTo(200);
        assertThat(feed.counters().bytes()).isEqualTo(bytes);
        assertThat(feed.counters().subscribeAcks()).isEqualTo(1);
        assertThat(feed.counters().textFrames()).isEqualTo(1);
        assertThat(feed.counters().connects()).isEqualTo(1);
        assertThat(feed.isUp()).isTrue();
    }

    @Test
    void shouldSignalDownOnceWhenTheVenueClosesAndComeBackUpWithFramesFlowingAgain()
    {
        start(context());
        awaitStates(true);
        final byte[] before = frame(random, 64);
        server.sendBinary(before);
        Await.until("first frame", () -> sink.count(MARKET_DATA) == 1);

        server.sendClose();

        awaitStates(true, false, true);
        Await.until("second connection", server::hasConnection);
        final byte[] after = frame(random, 64);
        server.sendBinary(after);
        Await.until("second frame", () -> sink.count(MARKET_DATA) == 2);
        assertThat(sink.frames(MARKET_DATA)).containsExactly(before, after);
        assertThat(server.handshakes.get()).isEqualTo(2);
        assertThat(server.texts).hasSize(2).allSatisfy(t -> assertThat(t).contains("\"SUBSCRIBE\""));
        assertThat(feed.counters().closeFrames()).isEqualTo(1);
        assertThat(feed.counters().reconnects()).isEqualTo(1);
        assertThat(feed.counters().connects()).isEqualTo(2);
    }

    @Test
    void shouldSignalDownOnceWhileAKilledVenueIsAwayAndReconnectWhenItReturns()
    {
        start(context());
        awaitStates(true);

        server.kill();
        awaitStates(true, false);
        Await.until("several failed attempts", () -> feed.counters().connectFailures() >= 3);
        assertThat(states()).containsExactly(true, false);
        assertThat(feed.isUp()).isFalse();

        server.start();
        awaitStates(true, false, true);
        Await.until("connection", server::hasConnection);
        final byte[] frame = frame(random, 100);
        server.sendBinary(frame);
        Await.until("frame after restart", () -> sink.count(MARKET_DATA) == 1);
        assertThat(sink.frames(MARKET_DATA)).containsExactly(frame);
        assertThat(feed.counters().reconnects()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void shouldReconnectAtOnceOnServerShutdownEventsWithoutWaitingForTheBackoff()
    {
        start(context().reconnectBackoffMs(60_000).reconnectBackoffMaxMs(60_000));
        awaitStates(true);

        server.sendText("{\"e\":\"serverShutdown\",\"E\":1770123456789}");
        awaitStates(true, false, true);
        Await.until("second connection", server::hasConnection);

        server.sendText("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1770123456790}}");
        awaitStates(true, false, true, false, true);

        assertThat(server.handshakes.get()).isEqualTo(3);
        assertThat(feed.counters().serverShutdowns()).isEqualTo(2);
    }

    @Test
    void shouldCountASubscriptionErrorAndReplaceTheConnectionWithoutSignallingALoss()
    {
        server.subscribeReply = (connection, id) -> 1 == connection ?
            "{\"code\":2,\"msg\":\"Invalid request: unknown variant\",\"id\":" + id + "}" :
            TestWebSocketServer.ack(id);
        start(context());

        awaitStates(true);
        assertThat(server.handshakes.get()).isEqualTo(2);
        assertThat(feed.counters().subscribeErrors()).isEqualTo(1);
        assertThat(feed.counters().subscribeAcks()).isEqualTo(1);
        assertThat(server.texts.get(1)).endsWith("\"id\":2}");
    }

    @Test
    void shouldCountOtherTextFramesAndKeepTheConnection()
    {
        start(context());
        awaitStates(true);

        server.sendText("{\"result\":[\"btcusdt@trade\"],\"id\":99}");
        server.sendText("hello");
        server.sendTextFragments("{\"foo\":", "1}");
        server.sendBinary(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Await.until("frame", () -> sink.count(MARKET_DATA) == 1);

        assertThat(feed.counters().unknownText()).isEqualTo(3);
        assertThat(feed.counters().textFrames()).isEqualTo(4);
        assertThat(server.handshakes.get()).isEqualTo(1);
        assertThat(states()).containsExactly(true);
    }

    @Test
    void shouldReassembleAFragmentedBinaryMessage()
    {
        start(context());
        awaitStates(true);
        final byte[] a = frame(random, 300);
        final byte[] b = frame(random, 5);
        final byte[] c = frame(random, 700);

        server.sendFragments(a, b, c);
        server.sendBinary(b);
        Await.until("two frames", () -> sink.count(MARKET_DATA) == 2);

        assertThat(sink.frames(MARKET_DATA).get(0)).isEqualTo(concat(a, b, c));
        assertThat(sink.frames(MARKET_DATA).get(1)).isEqualTo(b);
        assertThat(feed.counters().fragmented()).isEqualTo(1);
    }

    @Test
    void shouldDropAndCountOversizedMessagesAndKeepTheConnection()
    {
        start(context().maxMessageLength(1024));
        awaitStates(true);
        final byte[] good = frame(random, 1024);

        server.sendBinary(frame(random, 2000));
        server.sendFragments(frame(random, 600), frame(random, 600));
        server.sendBinary(good);
        Await.until("good frame", () -> sink.count(MARKET_DATA) == 1);

        assertThat(sink.frames(MARKET_DATA)).containsExactly(good);
        assertThat(feed.counters().oversized()).isEqualTo(2);
        assertThat(server.handshakes.get()).isEqualTo(1);
        assertThat(states()).containsExactly(true);
    }

    @Test
    void shouldTreatAFrameAboveTheWireLimitAsAProtocolErrorAndReconnect()
    {
        start(context().maxMessageLength(1024).maxFramePayloadLength(4096));
        awaitStates(true);

        server.sendBinary(frame(random, 8000));

        awaitStates(true, false, true);
        assertThat(feed.counters().errors()).isGreaterThanOrEqualTo(1);
        assertThat(sink.count(MARKET_DATA)).isZero();
    }

    @Test
    void shouldTreatAFrameDeclaringATebibyteAsAProtocolErrorWithoutWaitingForItsPayload()
    {
        start(context());
        awaitStates(true);
        final long errorsBefore = feed.counters().errors();

        final ByteBuffer header = ByteBuffer.allocate(10).order(ByteOrder.BIG_ENDIAN);
        header.put((byte)0x82).put((byte)127).putLong(1L << 40);
        server.sendRaw(header.array());

        awaitStates(true, false, true);
        assertThat(feed.counters().errors()).isGreaterThan(errorsBefore);
        assertThat(sink.count(MARKET_DATA)).isZero();
        Await.until("the venue got a close frame saying why", () -> server.closeFrames.get() == 1);
        final byte[] good = frame(random, 100);
        server.sendBinary(good);
        Await.until("a frame on the new connection", () -> sink.count(MARKET_DATA) == 1);
        assertThat(sink.frames(MARKET_DATA)).containsExactly(good);
    }

    @Test
    void shouldBeUpOnHandshakeWithoutSubscribingWhenTheStreamsAreInTheUri()
    {
        start(context().uri("ws://127.0.0.1:" + server.port() + "/stream?streams=btcusdt@trade/ethusdt@trade")
            .streams(List.of()));

        awaitStates(true);
        assertThat(server.paths).containsExactly("/stream?streams=btcusdt@trade/ethusdt@trade");
        assertThat(server.texts).isEmpty();
    }

    @Test
    void shouldTakeTheFirstBinaryMessageAsProofOfSubscriptionWhenTheVenueDoesNotAnswer()
    {
        server.subscribeReply = (connection, id) -> null;
        start(context());
        Await.until("subscribe request", () -> 1 == server.texts.size());
        assertThat(states()).isEmpty();

        final byte[] frame = frame(random, 40);
        server.sendBinary(frame);

        awaitStates(true);
        Await.until("frame", () -> sink.count(MARKET_DATA) == 1);
        assertThat(sink.kinds()).containsExactly(RecordingFrameSink.STATE, MARKET_DATA);
        assertThat(feed.counters().subscribeAcks()).isZero();
    }

    @Test
    void shouldCountFramesTheSinkRefuses()
    {
        start(context());
        awaitStates(true);
        sink.accept(false);

        server.sendBinary(frame(random, 16));
        server.sendBinary(frame(random, 16));
        Await.until("two frames", () -> feed.counters().frames() == 2);

        assertThat(feed.counters().dropped()).isEqualTo(2);
    }

    @Test
    void shouldSignalDownWhenClosedAndStopReconnecting()
    {
        start(context());
        awaitStates(true);

        feed.close();

        assertThat(states()).containsExactly(true, false);
        assertThat(feed.isUp()).isFalse();
        assertThat(server.handshakes.get()).isEqualTo(1);
        feed.close();
        assertThat(states()).containsExactly(true, false);
    }

    @Test
    void shouldCloseFromASinkCallbackOnItsOwnEventLoop()
    {
        final java.util.concurrent.atomic.AtomicReference<MarketDataFeed> self =
            new java.util.concurrent.atomic.AtomicReference<>();
        final RecordingFrameSink closing = new RecordingFrameSink()
        {
            public synchronized void onConnectionState(
                final long source, final int channel, final boolean up, final long nanos)
            {
                super.onConnectionState(source, channel, up, nanos);
                if (up)
                {
                    self.get().close();
                }
            }
        };
        feed = new MarketDataFeed(FeedTestSupport.context(server.uri("ws", "127.0.0.1"), closing, epoch));
        self.set(feed);
        feed.start();

        Await.until("up then down", () -> closing.states(Sources.CHANNEL_MARKET_DATA).equals(List.of(true, false)));
        Await.until("venue sees the close", () -> !server.hasConnection());
        assertThat(feed.isUp()).isFalse();
    }

    private FeedContext context()
    {
        return FeedTestSupport.context(server.uri("ws", "127.0.0.1"), sink, epoch);
    }

    private void start(final FeedContext context)
    {
        feed = new MarketDataFeed(context);
        feed.start();
    }

    private List<Boolean> states()
    {
        return sink.states(Sources.CHANNEL_MARKET_DATA);
    }

    private void awaitStates(final Boolean... expected)
    {
        Await.until("states " + List.of(expected), () -> states().equals(List.of(expected)));
    }

    private static byte[] concat(final byte[]... parts)
    {
        int length = 0;
        for (final byte[] part : parts)
        {
            length += part.length;
        }
        final byte[] all = new byte[length];
        int offset = 0;
        for (final byte[] part : parts)
        {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
