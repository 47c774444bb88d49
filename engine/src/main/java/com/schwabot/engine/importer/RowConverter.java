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

    /**
     * Check the file's header line, before any row: a layout that reads columns by position and names them in its
     * header refuses a header that names them otherwise. The default takes any header.
     *
     * @param row the header line.
     * @throws RowException when the header is not this layout's.
     */
    default void header(final CsvRow row)
    {
    }
}
