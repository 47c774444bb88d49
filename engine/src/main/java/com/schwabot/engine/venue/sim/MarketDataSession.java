package com.schwabot.engine.venue.sim;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;

/**
 * One WebSocket market-data connection after its handshake: its channel, the streams it is subscribed to (one
 * flag per stream key, see {@link MarketDataServer#streamKey(String)}), and Binance's {@code combined} property.
 * Touched only on the simulator's event loop.
 */
final class MarketDataSession
{
    private final int id;
    private final Channel channel;
    private final WebSocketServerHandshaker handshaker;
    private final boolean[] subscribed;
    private boolean combined;
    private long lastPongNanos;
    private boolean dirty;

    MarketDataSession(
        final int id,
        final Channel channel,
        final WebSocketServerHandshaker handshaker,
        final int streamKeys,
        final boolean combined,
        final long nowNanos)
    {
        this.id = id;
        this.channel = channel;
        this.handshaker = handshaker;
        this.subscribed = new boolean[streamKeys];
        this.combined = combined;
        this.lastPongNanos = nowNanos;
    }

    int id()
    {
        return id;
    }

    Channel channel()
    {
        return channel;
    }

    WebSocketServerHandshaker handshaker()
    {
        return handshaker;
    }

    boolean isSubscribed(final int streamKey)
    {
        return subscribed[streamKey];
    }

    void subscribed(final int streamKey, final boolean value)
    {
        subscribed[streamKey] = value;
    }

    int streamKeyCount()
    {
        return subscribed.length;
    }

    boolean combined()
    {
        return combined;
    }

    void combined(final boolean combined)
    {
        this.combined = combined;
    }

    long lastPongNanos()
    {
        return lastPongNanos;
    }

    void lastPongNanos(final long nanos)
    {
        lastPongNanos = nanos;
    }

    /** @return whether frames were written since the last flush. */
    boolean dirty()
    {
        return dirty;
    }

    void dirty(final boolean dirty)
    {
        this.dirty = dirty;
    }
}
