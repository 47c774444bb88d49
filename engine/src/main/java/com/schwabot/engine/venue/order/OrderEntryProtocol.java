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
 * Client to venue: {@code Logon} (15), {@code NewOrder} (6), {@code CancelOrder} (7), {@code Heartbeat} (13).
 * Venue to client: the answer to {@code Logon} (15), {@code ExecutionReport} (8) for every accepted, filled, canceled
 * or rejected order, and {@code Heartbeat} (13) at {@link #HEARTBEAT_INTERVAL_MS} when idle.
 * <p>
 * A frame whose length is below {@link #MIN_FRAME_LENGTH} or above {@link #MAX_FRAME_LENGTH} is a protocol error:
 * the receiver counts it and closes the connection. A frame with a well-formed length whose SBE content is not
 * understood (unknown template, bad block length) is counted and skipped; a venue answers a bad order with an
 * {@code ExecutionReport} of {@code execType=REJECTED}.
 * <p>
 * <b>Session resume</b> (FIX's logon and resend, kept small). The venue numbers every execution report it makes
 * with an {@code execId} that increases across the whole venue, and keeps every report of an account. A client's
 * first frame on a connection is {@code Logon{account, lastExecId, reset}}: {@code reset = NO} with the last exec id
 * it has kept (journaled) to resume, {@code reset = YES} (and a null exec id) for a new session. The venue answers
 * with {@code Logon{account, lastExecId, reset}} and then sends every report of the account whose exec id is above
 * the answer's {@code lastExecId}, in exec-id order, before anything new: {@code reset = NO} and the client's exec id
 * when it resumes; {@code reset = YES} and its own last exec id when it starts a new session (the client asked for
 * one, or the venue does not know the account or that exec id, e.g. it restarted): nothing is resent, and exec ids
 * go on from there. A client drops a resent report it already has (exec id at or below the last it has); on a reset
 * it takes the answer's exec id as its own. One connection holds an account: a logon to an account held by another
 * connection ends that connection's session (its open orders canceled as below) and the venue closes it. A
 * connection that never logs on has no account and nothing is kept for it (the protocol before logons).
 * <p>
 * The venue cancels every open order of a connection when that connection closes (cancel on disconnect); the
 * {@code CANCELED} reports cannot reach the closed connection, so the venue keeps them with the account's other
 * reports and sends them after the account's next logon. Meanwhile the client treats its own open orders on that
 * connection as canceled.
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
