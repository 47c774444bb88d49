package com.schwabot.engine.venue.sim;

import org.agrona.DirectBuffer;

/**
 * Receives the order-entry frames a {@link SimulatorCore} sends to a client connection: canonical SBE
 * {@code ExecutionReport} frames (schema 101) and the answers to {@code Logon}, header included, without the
 * order-entry length prefix.
 * <p>
 * Called on the thread that drives the core. The buffer is reused as soon as the call returns: copy what you keep.
 */
@FunctionalInterface
public interface ExecutionListener
{
    /**
     * One frame for a connection: an execution report (new or resent after a logon) or a logon's answer.
     *
     * @param sessionId the connection the order came from.
     * @param buffer    holding the frame.
     * @param offset    of the frame's message header.
     * @param length    of the frame.
     */
    void onExecutionReport(int sessionId, DirectBuffer buffer, int offset, int length);

    /**
     * The core has finished a unit of work (a tick or an inbound message): a good time to flush sockets.
     */
    default void onFlush()
    {
    }

    /**
     * The venue ended a connection's session: another connection logged on to its account. Close the connection.
     *
     * @param sessionId the connection.
     */
    default void onSessionEnded(final int sessionId)
    {
    }
}
