package com.schwabot.engine.venue;

import org.agrona.DirectBuffer;

/**
 * Where network threads hand inbound frames to the engine: the input ring's publisher implements it.
 * <p>
 * Implementations copy the bytes before returning, so the caller may reuse its buffer at once. Thread-safe:
 * several Netty event loops, the gateway thread, the timer and the admin path publish concurrently.
 * Allocation-free in steady state.
 */
public interface FrameSink
{
    /**
     * Publish one venue market-data frame (for Binance and the simulator: one Binance SBE stream frame).
     * Market data may be dropped under back-pressure (the ring is full) or when it is larger than a ring slot;
     * both are counted by the implementation.
     *
     * @param source       venue and connection, see {@link Sources}.
     * @param buffer       holding the frame.
     * @param offset       of the frame's first byte (its SBE message header).
     * @param length       of the frame in bytes.
     * @param ingressNanos epoch nanoseconds at which the frame was received (read once per read on the I/O thread).
     * @return true when published, false when dropped.
     */
    boolean onMarketData(long source, DirectBuffer buffer, int offset, int length, long ingressNanos);

    /**
     * Publish one execution report frame (canonical SBE {@code ExecutionReport}), or the venue's answer to a logon
     * (canonical {@code Logon}: the business thread takes its resume point from it). Never dropped: when the ring is
     * full this waits for space, because losing a fill would corrupt positions.
     *
     * @param source       venue and connection, see {@link Sources}.
     * @param buffer       holding the frame.
     * @param offset       of the frame's first byte.
     * @param length       of the frame in bytes.
     * @param ingressNanos epoch nanoseconds at which the frame was received.
     * @return true when published, false only when the frame is larger than a ring slot (counted, and logged
     * off the hot path by the caller).
     */
    boolean onExecution(long source, DirectBuffer buffer, int offset, int length, long ingressNanos);

    /**
     * Publish a connection state change so the business thread sees it in order with the data: trading halts
     * while a feed is down or stale or while the order gateway is down. Never dropped.
     *
     * @param source       venue and connection, see {@link Sources}.
     * @param channel      {@link Sources#CHANNEL_MARKET_DATA} or {@link Sources#CHANNEL_ORDER_ENTRY}.
     * @param up           true when the connection is (re)established and usable, false when lost.
     * @param nanos        epoch nanoseconds of the change.
     */
    void onConnectionState(long source, int channel, boolean up, long nanos);
}
