package com.schwabot.config;

import java.nio.file.Path;

/**
 * The {@code journal} section of config.yaml: where the Chronicle Queue journal lives and how it rolls.
 *
 * @param dir           journal directory.
 * @param rollCycle     how often a new journal file is started.
 * @param blockSizeMb   Chronicle Queue block size in MiB.
 * @param retainCycles  how many rolled files to keep; 0 keeps all.
 */
public record JournalConfig(Path dir, RollCycle rollCycle, int blockSizeMb, int retainCycles)
{
    static JournalConfig read(final Section s)
    {
        final JournalConfig config = new JournalConfig(
            s.pathValue("dir"),
            s.enumValue("roll_cycle", RollCycle.class),
            s.intValue("block_size_mb", 1, 1024),
            s.intValue("retain_cycles", 0, 100_000));
        s.finish();
        return config;
    }
}
