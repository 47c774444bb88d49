package com.schwabot.bench.engine;

import org.agrona.DirectBuffer;

import com.schwabot.engine.order.OrderSender;

/**
 * An {@link OrderSender} that accepts every frame and counts it: the order stage's work is done, nothing is sent.
 * No execution report comes back, so each order stays working and the decision stage sends no other order for that
 * instrument: with this sink, orders are rare (the throughput benchmarks report how many).
 * <p>
 * Not thread-safe: the business thread sends; read {@link #sent()} once it has stopped.
 */
public final class AcceptingOrderSender implements OrderSender
{
    private long sent;

    /**
     * {@inheritDoc}
     */
    public boolean send(
        final DirectBuffer buffer, final int offset, final int length, final long clOrdId, final long destination)
    {
        sent++;
        return true;
    }

    /**
     * Frames accepted.
     *
     * @return the count.
     */
    public long sent()
    {
        return sent;
    }
}
