package com.schwabot.engine.venue.feed;

import com.schwabot.engine.venue.SingleWriterCounters;

/**
 * Counters of one {@link MarketDataFeed}. Every counter is written only by the feed's event-loop thread and may be
 * read from any thread; nothing is allocated per update.
 */
public final class FeedCounters
{
    static final int FRAMES = 0;
    static final int BYTES = 1;
    static final int DROPPED = 2;
    static final int FRAGMENTED = 3;
    static final int OVERSIZED = 4;
    static final int TEXT_FRAMES = 5;
    static final int SUBSCRIBE_ACKS = 6;
    static final int SUBSCRIBE_ERRORS = 7;
    static final int SERVER_SHUTDOWNS = 8;
    static final int UNKNOWN_TEXT = 9;
    static final int PINGS_RECEIVED = 10;
    static final int PONGS_RECEIVED = 11;
    static final int PINGS_SENT = 12;
    static final int STALE = 13;
    static final int CONNECTS = 14;
    static final int RECONNECTS = 15;
    static final int CONNECT_FAILURES = 16;
    static final int ERRORS = 17;
    static final int CLOSE_FRAMES = 18;
    static final int SUBSCRIBE_TIMEOUTS = 19;
    private static final int COUNT = 20;

    private final SingleWriterCounters counters = new SingleWriterCounters(COUNT);

    void increment(final int id)
    {
        counters.increment(id);
    }

    void add(final int id, final long delta)
    {
        counters.add(id, delta);
    }

    /**
     * @return binary messages handed to the sink (whether or not the sink published them).
     */
    public long frames()
    {
        return counters.get(FRAMES);
    }

    /**
     * @return bytes of the binary messages handed to the sink.
     */
    public long bytes()
    {
        return counters.get(BYTES);
    }

    /**
     * @return binary messages the sink refused (ring full or larger than a slot).
     */
    public long dropped()
    {
        return counters.get(DROPPED);
    }

    /**
     * @return binary messages that arrived in several WebSocket fragments and were reassembled.
     */
    public long fragmented()
    {
        return counters.get(FRAGMENTED);
    }

    /**
     * @return messages (binary or text) larger than the maximum message length, dropped.
     */
    public long oversized()
    {
        return counters.get(OVERSIZED);
    }

    /**
     * @return text (JSON control) messages received, of every kind.
     */
    public long textFrames()
    {
        return counters.get(TEXT_FRAMES);
    }

    /**
     * @return successful subscription results ({@code {"result":null,"id":N}} for our request).
     */
    public long subscribeAcks()
    {
        return counters.get(SUBSCRIBE_ACKS);
    }

    /**
     * @return error responses ({@code {"code":..,"msg":..}}) from the venue.
     */
    public long subscribeErrors()
    {
        return counters.get(SUBSCRIBE_ERRORS);
    }

    /**
     * @return {@code serverShutdown} events received.
     */
    public long serverShutdowns()
    {
        return counters.get(SERVER_SHUTDOWNS);
    }

    /**
     * @return text messages that are none of the above.
     */
    public long unknownText()
    {
        return counters.get(UNKNOWN_TEXT);
    }

    /**
     * @return ping frames received (each answered with a pong carrying the same payload).
     */
    public long pingsReceived()
    {
        return counters.get(PINGS_RECEIVED);
    }

    /**
     * @return pong frames received.
     */
    public long pongsReceived()
    {
        return counters.get(PONGS_RECEIVED);
    }

    /**
     * @return ping frames we sent because the connection was idle.
     */
    public long pingsSent()
    {
        return counters.get(PINGS_SENT);
    }

    /**
     * @return connections dropped because nothing arrived within the staleness window.
     */
    public long stale()
    {
        return counters.get(STALE);
    }

    /**
     * @return times the feed came up (subscribed).
     */
    public long connects()
    {
        return counters.get(CONNECTS);
    }

    /**
     * @return connection attempts after the first (after a loss or a failed attempt).
     */
    public long reconnects()
    {
        return counters.get(RECONNECTS);
    }

    /**
     * @return connection attempts that failed before the WebSocket handshake completed.
     */
    public long connectFailures()
    {
        return counters.get(CONNECT_FAILURES);
    }

    /**
     * @return exceptions on the connection (I/O errors, TLS and protocol violations, frames past the wire limit).
     */
    public long errors()
    {
        return counters.get(ERRORS);
    }

    /**
     * @return close frames received from the venue.
     */
    public long closeFrames()
    {
        return counters.get(CLOSE_FRAMES);
    }

    /**
     * @return connections dropped because the subscription was not confirmed in time.
     */
    public long subscribeTimeouts()
    {
        return counters.get(SUBSCRIBE_TIMEOUTS);
    }

    /**
     * One line with every counter, for logs and status pages (allocates: not for the hot path).
     *
     * @return the counters.
     */
    public String toString()
    {
        return "FeedCounters{frames=" + frames() + ", bytes=" + bytes() + ", dropped=" + dropped() +
            ", fragmented=" + fragmented() + ", oversized=" + oversized() + ", textFrames=" + textFrames() +
            ", subscribeAcks=" + subscribeAcks() + ", subscribeErrors=" + subscribeErrors() +
            ", serverShutdowns=" + serverShutdowns() + ", unknownText=" + unknownText() +
            ", pingsReceived=" + pingsReceived() + ", pongsReceived=" + pongsReceived() + ", pingsSent=" + pingsSent() +
            ", stale=" + stale() + ", connects=" + connects() + ", reconnects=" + reconnects() +
            ", connectFailures=" + connectFailures() + ", errors=" + errors() + ", closeFrames=" + closeFrames() +
            ", subscribeTimeouts=" + subscribeTimeouts() + '}';
    }
}
