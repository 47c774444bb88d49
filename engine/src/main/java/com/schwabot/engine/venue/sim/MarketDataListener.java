package com.schwabot.engine.venue.sim;

import org.agrona.DirectBuffer;

/**
 * Receives the market-data frames a {@link SimulatorCore} publishes: one Binance SBE stream message (schema 1,
 * version 0) per call, header included.
 * <p>
 * Called on the thread that drives the core. The buffer is the core's and is reused as soon as the call returns:
 * copy what you keep.
 */
@FunctionalInterface
public interface MarketDataListener
{
    /**
     * One frame for the subscribers of a stream.
     *
     * @param instrumentIndex position of the instrument in the simulator ({@link SimInstrument#index()}).
     * @param type            which stream of that instrument.
     * @param buffer          holding the frame.
     * @param offset          of the frame's message header.
     * @param length          of the frame.
     */
    void onMarketData(int instrumentIndex, StreamType type, DirectBuffer buffer, int offset, int length);

    /**
     * The core has finished a unit of work (a tick or an inbound message): a good time to flush sockets.
     */
    default void onFlush()
    {
    }
}
