package com.schwabot.engine.venue.order;

import java.nio.ByteOrder;

/**
 * The order-entry protocol between the engine's order gateway and the embedded exchange simulator: canonical SBE
 * frames (schema 101) over TCP, each preceded by its length.
 *
 * <pre>
 *   +----------------------------+-------------------------------------------+
 *   | length (int32 LE)          | SBE frame: 8-byte message header + body   |
 *   +----------------------------+-------------------------------------------+
 * </pre>
 * Client to venue: {@code NewOrder} (6), {@code CancelOrder} (7), {@code Heartbeat} (13).
 * Venue to client: {@code ExecutionReport} (8) for every accepted, filled, canceled or rejected order, and
 * {@code Heartbeat} (13) at {@link #HEARTBEAT_INTERVAL_MS} when idle.
 * <p>
 * A frame whose length is below {@link #MIN_FRAME_LENGTH} or above {@link #MAX_FRAME_LENGTH} is a protocol error:
 * the receiver counts it and closes the connection. A frame with a well-formed length whose SBE content is not
 * understood (unknown template, bad block length) is counted and skipped; a venue answers a bad order with an
 * {@code ExecutionReport} of {@code execType=REJECTED}. The venue cancels every open order of a connection when
 * that connection closes (cancel on disconnect), without sending reports for them: the client treats its own
 * open orders on that connection as canceled.
 */
public final class OrderEntryProtocol
{
    /** Byte order of the length prefix (and of the SBE frames). */
    public static final ByteOrder BYTE_ORDER = ByteOrder.LITTLE_ENDIAN;
    /** Length of the int32 length prefix. */
    public static final int LENGTH_FIELD_LENGTH = 4;
    /** Smallest valid frame: an SBE message header. */
    public static final int MIN_FRAME_LENGTH = 8;
    /** Largest valid frame. */
    public static final int MAX_FRAME_LENGTH = 1024;
    /** Interval at which an idle side sends a heartbeat. */
    public static final long HEARTBEAT_INTERVAL_MS = 1000;
    /** A side that hears nothing (no frame, no heartbeat) for this long treats the connection as lost. */
    public static final long HEARTBEAT_TIMEOUT_MS = 5000;

    private OrderEntryProtocol()
    {
    }
}
