package com.schwabot.engine.replay;

import org.agrona.DirectBuffer;

/**
 * Takes a {@link SimulatedVenue}'s execution reports in a pipeline's place
 * ({@link SimulatedVenue#onMarketEvent(ReportSink, long)}): the JIT warm-up puts them on its input ring, as the live
 * gateway does.
 */
@FunctionalInterface
public interface ReportSink
{
    /**
     * A report, valid only during the call.
     *
     * @param buffer holding the frame (SBE header first).
     * @param offset of the frame.
     * @param length of the frame.
     * @param nanos  the time the venue sends it.
     */
    void onReport(DirectBuffer buffer, int offset, int length, long nanos);
}
