package com.schwabot.engine.venue.sim;

/**
 * What the exchange simulator counts. Read a value with {@link SimulatorCounters#get(SimCounter)}; reject reasons
 * have their own counters ({@link SimulatorCounters#rejects(com.schwabot.codecs.sbe.RejectReason)}).
 * <p>
 * Protocol errors are {@link #OE_BAD_LENGTH}, {@link #OE_UNKNOWN_FRAMES}, {@link #MD_CONTROL_ERRORS} and
 * {@link #MD_HANDSHAKE_REJECTS}.
 */
public enum SimCounter
{
    /** Market ticks stepped (one tick steps every instrument once). */
    TICKS,
    /** Public trades printed on the trade streams: the random walk's and the fills of client orders. */
    TRADES,
    /** Exceptions caught on the event loop (logged; the simulator goes on). */
    ERRORS,

    /** WebSocket connections that completed the handshake. */
    MD_CONNECTIONS,
    /** HTTP requests refused before the handshake: bad path, unknown stream, not an upgrade. */
    MD_HANDSHAKE_REJECTS,
    /** Binary market-data frames written to WebSocket sessions (one per session per frame). */
    MD_FRAMES_OUT,
    /** Market-data frames not written because the session's channel was not writable (back-pressure). */
    MD_FRAMES_DROPPED,
    /** JSON control requests received in text frames. */
    MD_CONTROL_REQUESTS,
    /** JSON control requests answered with an error, and binary frames received from a client. */
    MD_CONTROL_ERRORS,
    /** WebSocket ping frames sent by the simulator. */
    MD_PINGS_SENT,
    /** WebSocket pong frames received. */
    MD_PONGS_RECEIVED,
    /** WebSocket ping frames received (each answered with a pong). */
    MD_PINGS_RECEIVED,
    /** WebSocket sessions closed because no pong came within the pong timeout. */
    MD_PONG_TIMEOUTS,

    /** Order-entry TCP connections accepted. */
    OE_CONNECTIONS,
    /** Order-entry frames received with a valid length prefix. */
    OE_FRAMES_IN,
    /** Order-entry frames written (execution reports and heartbeats). */
    OE_FRAMES_OUT,
    /** Heartbeats received from clients. */
    OE_HEARTBEATS_IN,
    /** Heartbeats sent to idle clients. */
    OE_HEARTBEATS_OUT,
    /** Frames whose length prefix was out of range: the connection was closed. */
    OE_BAD_LENGTH,
    /** Frames with a valid length whose content was not understood: counted and skipped (or rejected). */
    OE_UNKNOWN_FRAMES,
    /** Connections closed because the client was silent for longer than the heartbeat timeout. */
    OE_HEARTBEAT_TIMEOUTS,
    /** {@code Logon} messages received (each answered, then the account's later reports resent). */
    OE_LOGONS,
    /** Execution reports resent after a logon: those after the exec id the client said it had kept. */
    OE_REPORTS_RESENT,
    /** Execution reports an account dropped, oldest first, to stay within the number it keeps; a logon that would
     * need one of them starts a new session. */
    OE_REPORTS_DROPPED,
    /** Sessions ended because another connection logged on to their account (the connection is closed). */
    OE_SESSIONS_ENDED,

    /** {@code NewOrder} messages received, valid or not. */
    ORDERS_RECEIVED,
    /** Orders accepted (acknowledged with {@code NEW}). */
    ORDERS_ACCEPTED,
    /** Orders rejected ({@code REJECTED}); see the per-reason counters. */
    ORDERS_REJECTED,
    /** {@code CancelOrder} messages received. */
    CANCELS_RECEIVED,
    /** Cancels rejected ({@code REJECTED}, usually {@code UNKNOWN_ORDER}). */
    CANCELS_REJECTED,
    /** Orders canceled: by request, IOC/market remainders. */
    ORDERS_CANCELED,
    /** Open orders canceled because their connection closed or its session ended: their {@code CANCELED} reports are
     * kept for the account's next logon (not kept for a connection that never logged on). */
    ORDERS_CANCELED_ON_DISCONNECT,
    /** Orders completely filled. */
    ORDERS_FILLED,
    /** Fills (each {@code PARTIAL_FILL} or {@code FILL} report). */
    FILLS,
    /** Fills of resting orders (liquidity MAKER). */
    MAKER_FILLS,
    /** Fills of incoming orders (liquidity TAKER). */
    TAKER_FILLS,
    /** Execution reports produced, of every type. */
    EXECUTION_REPORTS,
    /** Orders rejected on purpose by the reject rate (fault injection), also counted as rejected. */
    INJECTED_REJECTS
}
