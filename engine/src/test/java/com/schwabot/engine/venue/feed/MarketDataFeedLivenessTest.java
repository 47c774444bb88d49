package com.schwabot.engine.venue.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.schwabot.engine.venue.Await;
import com.schwabot.engine.venue.RecordingFrameSink;
import com.schwabot.engine.venue.Sources;

class MarketDataFeedLivenessTest
{
    private final RecordingFrameSink sink = new RecordingFrameSink();
    private final AtomicLong epoch = new AtomicLong(1);
    private final TestWebSocketServer server = new TestWebSocketServer().start();
    private MarketDataFeed feed;

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(feed, server);
    }

    @Test
    void shouldAnswerVenuePingsWithTheSamePayload()
    {
        start(context());
        awaitStates(true);

        server.sendPing("ping-payload-123");

        Await.until("pong", () -> server.pongs.contains("ping-payload-123"));
        assertThat(feed.counters().pingsReceived()).isEqualTo(1);
    }

    @Test
    void shouldPingWhenIdleAndStayUpWhileTheVenueAnswers()
    {
        start(context().pingIntervalMs(50).staleTimeoutMs(400));
        awaitStates(true);

        // Fifteen idle pings span well over the staleness window: the pongs alone keep the connection alive.
        Await.until("15 pings", () -> server.pings.get() >= 15);

        assertThat(feed.counters().stale()).isZero();
        assertThat(feed.counters().pingsSent()).isGreaterThanOrEqualTo(15);
        assertThat(feed.counters().pongsReceived()).isGreaterThanOrEqualTo(1);
        assertThat(server.handshakes.get()).isEqualTo(1);
        assertThat(states()).containsExactly(true);
    }

    @Test
    void shouldNotPingWhileDataFlows()
    {
        start(context().pingIntervalMs(200).staleTimeoutMs(1_000));
        awaitStates(true);

        for (int i = 0; i < 60; i++)
        {
            server.sendBinary(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            sleep(10);
        }
        Await.until("frames", () -> feed.counters().frames() == 60);

        assertThat(feed.counters().pingsSent()).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldDropAStaleConnectionAndReconnect()
    {
        server.answerPings = false;
        start(context().pingIntervalMs(50).staleTimeoutMs(300));
        awaitStates(true);

        Await.until("down and up again", () -> states().size() >= 3);

        assertThat(states().subList(0, 3)).containsExactly(true, false, true);
        assertThat(feed.counters().stale()).isGreaterThanOrEqualTo(1);
        assertThat(feed.counters().pingsSent()).isGreaterThanOrEqualTo(1);
        assertThat(server.pings.get()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldReplaceAConnectionThatIsNotSubscribedInTime()
    {
        server.subscribeReply = (connection, id) -> null;
        start(context().subscribeTimeoutMs(150));

        Await.until("three attempts", () -> server.handshakes.get() >= 3);

        assertThat(feed.counters().subscribeTimeouts()).isGreaterThanOrEqualTo(2);
        assertThat(states()).isEmpty();
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

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
