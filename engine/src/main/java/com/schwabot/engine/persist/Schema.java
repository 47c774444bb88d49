package com.schwabot.engine.persist;

import java.util.List;

/**
 * The schema of one database as the list of its migrations: migration {@code v} (from 1) holds the statements that
 * take the schema from version {@code v - 1} to {@code v}, so the current version is the number of migrations.
 * Migrations are only ever appended: a released one is never changed.
 *
 * @param database   the file name, e.g. {@code schwabot_trading.db}, recorded with the version.
 * @param migrations the statements of each migration, in order.
 */
record Schema(String database, List<List<String>> migrations)
{
    /**
     * The version this build writes.
     *
     * @return the number of migrations.
     */
    int version()
    {
        return migrations.size();
    }
}
