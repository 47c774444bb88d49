package com.schwabot.engine.venue.sim;

import java.util.concurrent.atomic.AtomicLongArray;

import com.schwabot.codecs.sbe.RejectReason;

/**
 * The simulator's counters: one per {@link SimCounter} and one per {@link RejectReason}.
 * <p>
 * Single writer, many readers: only the simulator's event-loop thread (or the one thread stepping a
 * {@link SimulatorCore} directly) increments them, with release stores and no locks or allocation; any thread may
 * read them at any time and sees values that only grow.
 */
public final class SimulatorCounters
{
    private static final int REASON_SLOTS = 256;
    private static final SimCounter[] COUNTERS = SimCounter.values();

    private final AtomicLongArray values = new AtomicLongArray(COUNTERS.length);
    private final AtomicLongArray rejects = new AtomicLongArray(REASON_SLOTS);

    /**
     * @param counter which one.
     * @return its current value.
     */
    public long get(final SimCounter counter)
    {
        return values.getAcquire(counter.ordinal());
    }

    /**
     * Orders and cancels rejected for a reason.
     *
     * @param reason the reject reason.
     * @return how many reports carried it.
     */
    public long rejects(final RejectReason reason)
    {
        return rejects.getAcquire(reason.value() & 0xFF);
    }

    void increment(final SimCounter counter)
    {
        add(counter, 1);
    }

    void add(final SimCounter counter, final long delta)
    {
        final int index = counter.ordinal();
        values.setRelease(index, values.getPlain(index) + delta);
    }

    void incrementReject(final RejectReason reason)
    {
        final int index = reason.value() & 0xFF;
        rejects.setRelease(index, rejects.getPlain(index) + 1);
    }

    /**
     * Every non-zero counter, for logs and test failure messages (allocates).
     *
     * @return e.g. {@code SimulatorCounters{TICKS=10, TRADES=14, rejects.INVALID_PRICE=1}}.
     */
    @Override
    public String toString()
    {
        final StringBuilder builder = new StringBuilder("SimulatorCounters{");
        String separator = "";
        for (final SimCounter counter : COUNTERS)
        {
            final long value = get(counter);
            if (value != 0)
            {
                builder.append(separator).append(counter.name()).append('=').append(value);
                separator = ", ";
            }
        }
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason != RejectReason.NULL_VAL && rejects(reason) != 0)
            {
                builder.append(separator).append("rejects.").append(reason.name()).append('=').append(rejects(reason));
                separator = ", ";
            }
        }
        return builder.append('}').toString();
    }
}
