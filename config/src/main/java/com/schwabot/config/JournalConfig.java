package com.schwabot.config;

import java.nio.file.Path;

/**
 * The {@code journal} section of config.yaml: where the Chronicle Queue journal lives, how it rolls, and what the
 * engine does as the journal's disk fills up.
 *
 * @param dir           journal directory.
 * @param rollCycle     how often a new journal file is started.
 * @param blockSizeMb   Chronicle Queue block size in MiB.
 * @param retainCycles  how many rolled files to keep; 0 keeps all.
 * @param minFreeMb     the free-space reserve: below it trading halts (new orders refused as JOURNAL_SPACE) while
 *                      the journal goes on taking market data, execution reports and admin commands.
 * @param stopFreeMb    the stop limit, below the reserve: below it the journal stops (nothing more is appended or
 *                      acted on) and the engine must be stopped.
 * @param pretouchMb    MiB of the journal file that a thread of its own keeps touched (faulted in and mapped) ahead
 *                      of the business thread's appends; 0 for no such thread.
 */
public record JournalConfig(
    Path dir, RollCycle rollCycle, int blockSizeMb, int retainCycles, long minFreeMb, long stopFreeMb, int pretouchMb)
{
    /** Most MiB the pretouch lookahead may be set to. */
    public static final int MAX_PRETOUCH_MB = 1024;

    /** Most MiB a free-space limit may be set to (100 TiB). */
    public static final long MAX_FREE_MB = 100_000_000;

    static JournalConfig read(final Section s)
    {
        final JournalConfig config = new JournalConfig(
            s.pathValue("dir"),
            s.enumValue("roll_cycle", RollCycle.class),
            s.intValue("block_size_mb", 1, 1024),
            s.intValue("retain_cycles", 0, 100_000),
            s.longValue("min_free_mb", 2, MAX_FREE_MB),
            s.longValue("stop_free_mb", 1, MAX_FREE_MB),
            s.intValue("pretouch_mb", 0, MAX_PRETOUCH_MB));
        if (!s.errors().hasErrorAt(s.file(), s.childPath("min_free_mb")) &&
            !s.errors().hasErrorAt(s.file(), s.childPath("stop_free_mb")) && config.stopFreeMb >= config.minFreeMb)
        {
            s.error("stop_free_mb", "must be < min_free_mb (" + config.minFreeMb + ")");
        }
        s.finish();
        return config;
    }
}
