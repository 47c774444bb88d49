package com.schwabot.engine.importer;

/**
 * Converts one data row of a layout into market events.
 */
@FunctionalInterface
interface RowConverter
{
    /**
     * Convert a row.
     *
     * @param row the row.
     * @param out receives the events (cleared by the caller).
     * @return false when the row is skipped (a symbol not in the configuration), true otherwise.
     * @throws RowException when the row is bad.
     */
    boolean convert(CsvRow row, MarketEvents out);
}
