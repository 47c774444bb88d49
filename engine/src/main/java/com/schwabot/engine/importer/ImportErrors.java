package com.schwabot.engine.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * The bad rows found so far, up to a limit: reaching it stops the import at once.
 */
final class ImportErrors
{
    private final int max;
    private final List<ImportError> errors = new ArrayList<>();

    ImportErrors(final int max)
    {
        this.max = max;
    }

    /**
     * Record a bad row.
     *
     * @param error the row.
     * @throws ImportException when this is the last error to collect.
     */
    void add(final ImportError error)
    {
        errors.add(error);
        if (errors.size() >= max)
        {
            throw failure(true);
        }
    }

    boolean isEmpty()
    {
        return errors.isEmpty();
    }

    /**
     * The exception that reports the errors found.
     *
     * @param stopped whether the import stopped at the limit before reading every row.
     * @return the exception.
     */
    ImportException failure(final boolean stopped)
    {
        final int count = errors.size();
        final String rows = count + (count == 1 ? " bad row" : " bad rows");
        final String why = stopped ?
            (max == 1 ? " (stopped at the first; --max-errors N lists up to N)" : " (stopped at --max-errors " +
            max + ")") : "";
        return new ImportException(rows + why + "; nothing was imported", errors);
    }
}
