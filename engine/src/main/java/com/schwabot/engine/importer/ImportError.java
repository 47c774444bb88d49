package com.schwabot.engine.importer;

/**
 * One bad row: where it is and what is wrong, printed as {@code FILE:LINE: MESSAGE}, for example
 * {@code BTCUSDT-trades-2024-01-02.csv:17: price = 42000.125: more decimal places than BTCUSDT's price_exponent -2
 * allows}.
 *
 * @param file    the file as given (a zip entry as {@code archive.zip!entry.csv}).
 * @param line    the line number, from 1.
 * @param message the column, its value and the problem, or a problem with the whole row.
 */
public record ImportError(String file, long line, String message)
{
    /**
     * The error as one line.
     *
     * @return {@code FILE:LINE: MESSAGE}.
     */
    @Override
    public String toString()
    {
        return file + ":" + line + ": " + message;
    }
}
