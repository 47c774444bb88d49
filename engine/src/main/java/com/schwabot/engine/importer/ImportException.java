package com.schwabot.engine.importer;

import java.util.List;

/**
 * An import that did not happen: bad rows (each an {@link ImportError}), a file whose layout or symbol cannot be
 * told or is not configured, or a journal that already holds records without {@code append}. Nothing was written
 * to the journal.
 */
public final class ImportException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final transient List<ImportError> errors;

    /**
     * A refusal that is not about rows.
     *
     * @param message what is wrong.
     */
    public ImportException(final String message)
    {
        this(message, List.of());
    }

    /**
     * Bad rows.
     *
     * @param message summary.
     * @param errors  the rows, in the order found.
     */
    public ImportException(final String message, final List<ImportError> errors)
    {
        super(message);
        this.errors = List.copyOf(errors);
    }

    /**
     * The bad rows, empty for another refusal.
     *
     * @return the errors.
     */
    public List<ImportError> errors()
    {
        return errors;
    }
}
