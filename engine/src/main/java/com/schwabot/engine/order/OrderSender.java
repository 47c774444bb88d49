package com.schwabot.engine.order;

import org.agrona.DirectBuffer;

/**
 * Where the order stage hands outbound order-entry frames: live, the output ring to the gateway thread (and the
 * journal); in a replay, a digest-only sink or a simulated venue. Business thread only.
 */
@FunctionalInterface
public interface OrderSender
{
    /**
     * Send one canonical NewOrder or CancelOrder frame.
     *
     * @param buffer      holding the frame.
     * @param offset      of the frame's SBE header.
     * @param length      of the frame.
     * @param clOrdId     client order id of the order or cancel request.
     * @param destination venue and connection, see {@code Sources}.
     * @return true when accepted for sending; false when it could not be (output ring full): the order is then
     * treated as rejected locally.
     */
    boolean send(DirectBuffer buffer, int offset, int length, long clOrdId, long destination);
}
