package com.schwabot.engine.venue.feed;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.schwabot.engine.venue.RecordingFrameSink;
import com.schwabot.engine.venue.Sources;

/**
 * Shared settings for feed tests: short backoffs, long liveness windows (tests that exercise liveness shorten them),
 * and an ingress clock that advances by a microsecond per reading so ingress stamps can be checked.
 */
final class FeedTestSupport
{
    static final long SOURCE = Sources.source(Sources.VENUE_SIMULATOR, 7);
    static final List<String> STREAMS = List.of("btcusdt@trade", "btcusdt@bestBidAsk");

    private FeedTestSupport()
    {
    }

    static FeedContext context(final String uri, final RecordingFrameSink sink, final AtomicLong epoch)
    {
        return new FeedContext()
            .name("test-md")
            .uri(uri)
            .streams(STREAMS)
            .source(SOURCE)
            .sink(sink)
            .epochClock(() -> epoch.addAndGet(1_000))
            .reconnectBackoffMs(20)
            .reconnectBackoffMaxMs(200)
            .reconnectJitter(0.5)
            .reconnectSeed(7)
            .pingIntervalMs(5_000)
            .staleTimeoutMs(20_000)
            .subscribeTimeoutMs(5_000);
    }

    static byte[] frame(final java.util.Random random, final int length)
    {
        final byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
