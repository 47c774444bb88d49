package com.schwabot.config;

import java.nio.file.Path;

/**
 * The {@code persistence} section of config.yaml: the SQLite journal tailers.
 *
 * @param sqliteDir       directory of the SQLite databases.
 * @param batchSize       rows per transaction.
 * @param flushIntervalMs longest time a row waits before its batch is committed.
 */
public record PersistenceConfig(Path sqliteDir, int batchSize, long flushIntervalMs)
{
    static PersistenceConfig read(final Section s)
    {
        final PersistenceConfig config = new PersistenceConfig(
            s.pathValue("sqlite_dir"),
            s.intValue("batch_size", 1, 100_000),
            s.longValue("flush_interval_ms", 1, 60_000));
        s.finish();
        return config;
    }
}
