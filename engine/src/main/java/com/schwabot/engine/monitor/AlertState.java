package com.schwabot.engine.monitor;

/**
 * One alert as last evaluated. Immutable.
 *
 * @param alert     which.
 * @param active    true while raised.
 * @param value     the last measured value in the alert's unit, or {@link AlertMonitor#NO_VALUE}.
 * @param threshold the configured threshold, same unit.
 * @param sinceMs   epoch milliseconds when it was raised, 0 when not active.
 */
public record AlertState(Alert alert, boolean active, long value, long threshold, long sinceMs)
{
}
