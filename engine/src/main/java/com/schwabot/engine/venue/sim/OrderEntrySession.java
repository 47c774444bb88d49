package com.schwabot.engine.venue.sim;

import io.netty.channel.Channel;

/**
 * One order-entry connection: its id (the {@code sessionId} of the core, and the low half of the heartbeat's
 * {@code sourceId}), channel and heartbeat sequence. Touched only on the simulator's event loop.
 */
final class OrderEntrySession
{
    private final int id;
    private final Channel channel;
    private long heartbeatSequence;
    private boolean dirty;

    OrderEntrySession(final int id, final Channel channel)
    {
        this.id = id;
        this.channel = channel;
    }

    int id()
    {
        return id;
    }

    Channel channel()
    {
        return channel;
    }

    long nextHeartbeatSequence()
    {
        return ++heartbeatSequence;
    }

    boolean dirty()
    {
        return dirty;
    }

    void dirty(final boolean dirty)
    {
        this.dirty = dirty;
    }
}
