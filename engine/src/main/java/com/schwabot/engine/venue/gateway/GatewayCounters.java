package com.schwabot.engine.venue.gateway;

import com.schwabot.engine.venue.SingleWriterCounters;

/**
 * Counters of one {@link OrderGateway}, readable from any thread. Each counter has one writing thread: the gateway
 * (duty-cycle) thread for everything outbound and for the connection state machine, the Netty event loop for
 * everything inbound; the accessors say which.
 */
public final class GatewayCounters
{
    static final int FRAMES_SENT = 0;
    static final int BYTES_SENT = 1;
    static final int FLUSHES = 2;
    static final int SYNTHETIC_REJECTS = 3;
    static final int REJECTS_REFUSED = 4;
    static final int MISROUTED = 5;
    static final int BAD_OUTBOUND = 6;
    static final int HEARTBEATS_SENT = 7;
    static final int HEARTBEAT_TIMEOUTS = 8;
    static final int CONNECTS = 9;
    static final int RECONNECTS = 10;
    static final int CONNECT_FAILURES = 11;
    static final int BACK_PRESSURE = 12;
    static final int REPORTS = 13;
    static final int REPORTS_REFUSED = 14;
    static final int HEARTBEATS_RECEIVED = 15;
    static final int UNKNOWN_FRAMES = 16;
    static final int BAD_LENGTHS = 17;
    static final int ERRORS = 18;
    static final int LOSSES = 19;
    static final int LOGONS_SENT = 20;
    static final int LOGON_ANSWERS = 21;
    static final int LOGON_TIMEOUTS = 22;
    private static final int COUNT = 23;

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
     * @return order-entry frames written to the venue (gateway thread).
     */
    public long framesSent()
    {
        return counters.get(FRAMES_SENT);
    }

    /**
     * @return bytes written for them, length prefixes included (gateway thread).
     */
    public long bytesSent()
    {
        return counters.get(BYTES_SENT);
    }

    /**
     * @return writes of a drained batch, one flush each (gateway thread).
     */
    public long flushes()
    {
        return counters.get(FLUSHES);
    }

    /**
     * @return synthetic {@code REJECTED} reports published for orders and cancels drained while down or misrouted
     * (gateway thread).
     */
    public long syntheticRejects()
    {
        return counters.get(SYNTHETIC_REJECTS);
    }

    /**
     * @return synthetic reports the sink refused (larger than a ring slot; gateway thread).
     */
    public long rejectsRefused()
    {
        return counters.get(REJECTS_REFUSED);
    }

    /**
     * @return frames whose destination was not this gateway's source, rejected (gateway thread).
     */
    public long misrouted()
    {
        return counters.get(MISROUTED);
    }

    /**
     * @return output-ring frames with an impossible length, or not a NewOrder or CancelOrder when a reject had to be
     * made: skipped (gateway thread).
     */
    public long badOutbound()
    {
        return counters.get(BAD_OUTBOUND);
    }

    /**
     * @return heartbeats sent while idle (gateway thread).
     */
    public long heartbeatsSent()
    {
        return counters.get(HEARTBEATS_SENT);
    }

    /**
     * @return connections dropped because the venue was silent past the heartbeat timeout (gateway thread).
     */
    public long heartbeatTimeouts()
    {
        return counters.get(HEARTBEAT_TIMEOUTS);
    }

    /**
     * @return connections established (gateway thread).
     */
    public long connects()
    {
        return counters.get(CONNECTS);
    }

    /**
     * @return connection attempts after the first (gateway thread).
     */
    public long reconnects()
    {
        return counters.get(RECONNECTS);
    }

    /**
     * @return connection attempts that failed (gateway thread).
     */
    public long connectFailures()
    {
        return counters.get(CONNECT_FAILURES);
    }

    /**
     * @return established connections lost (gateway thread).
     */
    public long losses()
    {
        return counters.get(LOSSES);
    }

    /**
     * @return duty cycles that left the ring alone because the socket was not writable (gateway thread).
     */
    public long backPressure()
    {
        return counters.get(BACK_PRESSURE);
    }

    /**
     * @return execution reports received and handed to the sink (event loop).
     */
    public long reports()
    {
        return counters.get(REPORTS);
    }

    /**
     * @return execution reports the sink refused (larger than a ring slot; event loop).
     */
    public long reportsRefused()
    {
        return counters.get(REPORTS_REFUSED);
    }

    /**
     * @return heartbeats received (event loop).
     */
    public long heartbeatsReceived()
    {
        return counters.get(HEARTBEATS_RECEIVED);
    }

    /**
     * @return well-delimited frames that are not an ExecutionReport or Heartbeat, or not valid SBE: skipped
     * (event loop).
     */
    public long unknownFrames()
    {
        return counters.get(UNKNOWN_FRAMES);
    }

    /**
     * @return length prefixes outside the protocol's bounds, each closing the connection (event loop).
     */
    public long badLengths()
    {
        return counters.get(BAD_LENGTHS);
    }

    /**
     * @return exceptions on the connection (event loop).
     */
    public long errors()
    {
        return counters.get(ERRORS);
    }

    /**
     * One line with every counter (allocates: not for the hot path).
     *
     * @return the counters.
     */
    public String toString()
    {
        return "GatewayCounters{framesSent=" + framesSent() + ", bytesSent=" + bytesSent() + ", flushes=" + flushes() +
            ", syntheticRejects=" + syntheticRejects() + ", rejectsRefused=" + rejectsRefused() +
            ", misrouted=" + misrouted() + ", badOutbound=" + badOutbound() + ", heartbeatsSent=" + heartbeatsSent() +
            ", heartbeatTimeouts=" + heartbeatTimeouts() + ", connects=" + connects() + ", reconnects=" + reconnects() +
            ", connectFailures=" + connectFailures() + ", losses=" + losses() + ", backPressure=" + backPressure() +
            ", reports=" + reports() + ", reportsRefused=" + reportsRefused() +
            ", heartbeatsReceived=" + heartbeatsReceived() + ", unknownFrames=" + unknownFrames() +
            ", badLengths=" + badLengths() + ", errors=" + errors() + '}';
    }

    /**
     * @return logons sent, one per connection when an account is set (gateway thread).
     */
    public long logonsSent()
    {
        return counters.get(LOGONS_SENT);
    }

    /**
     * @return the venue's answers to them (event loop).
     */
    public long logonAnswers()
    {
        return counters.get(LOGON_ANSWERS);
    }

    /**
     * @return connections closed because the venue did not answer the logon within the heartbeat timeout (gateway
     * thread).
     */
    public long logonTimeouts()
    {
        return counters.get(LOGON_TIMEOUTS);
    }
}
