/*
 * Schwabot journal.
 */
package com.schwabot.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.rollcycles.LegacyRollCycles;

/**
 * How often the journal starts a new file, mapped onto Chronicle roll cycles. Chronicle has no FAST_MINUTELY, so
 * {@link #MINUTELY} maps to its MINUTELY cycle (tests and short runs); production uses {@link #HOURLY} or
 * {@link #DAILY}.
 */
public enum JournalRollCycle
{
    /** One file per minute: Chronicle MINUTELY. */
    MINUTELY(LegacyRollCycles.MINUTELY),
    /** One file per five minutes: Chronicle FIVE_MINUTELY. */
    FIVE_MINUTELY(RollCycles.FIVE_MINUTELY),
    /** One file per hour: Chronicle FAST_HOURLY. */
    HOURLY(RollCycles.FAST_HOURLY),
    /** One file per day: Chronicle FAST_DAILY. */
    DAILY(RollCycles.FAST_DAILY);

    private final RollCycle chronicleRollCycle;

    JournalRollCycle(final RollCycle chronicleRollCycle)
    {
        this.chronicleRollCycle = chronicleRollCycle;
    }

    /**
     * The Chronicle roll cycle this maps to.
     *
     * @return the Chronicle roll cycle.
     */
    public RollCycle chronicleRollCycle()
    {
        return chronicleRollCycle;
    }
}
