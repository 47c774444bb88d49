package com.schwabot.engine.importer;

/**
 * A CSV row that cannot be imported: which column, its value and what is wrong, or a problem with the whole row.
 * The reader adds the file and line (see {@link ImportError}). Thrown only for bad rows, never in the steady state.
 */
final class RowException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * A problem with one field.
     *
     * @param column  the column's name.
     * @param value   the field as read.
     * @param problem what is wrong.
     */
    RowException(final String column, final String value, final String problem)
    {
        super(column + " = " + (value.isEmpty() ? "(empty)" : value) + ": " + problem, null, false, false);
    }

    /**
     * A problem with the whole row.
     *
     * @param problem what is wrong.
     */
    RowException(final String problem)
    {
        super(problem, null, false, false);
    }
}
