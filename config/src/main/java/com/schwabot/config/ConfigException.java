package com.schwabot.config;

import java.util.List;

/**
 * The configuration could not be loaded. Carries every problem found, not just the first, so a user can fix them
 * all in one pass. The message is meant to be printed to the user as is (no stack trace needed); it never contains
 * a secret value.
 */
public final class ConfigException extends Exception
{
    private static final long serialVersionUID = 1L;

    /**
     * The errors; an immutable list, never empty.
     */
    private final transient List<ConfigError> errors;

    /**
     * @param errors the problems found; at least one.
     */
    public ConfigException(final List<ConfigError> errors)
    {
        super(format(errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * @return every problem found, in the order they were found.
     */
    public List<ConfigError> errors()
    {
        return errors;
    }

    private static String format(final List<ConfigError> errors)
    {
        final StringBuilder sb = new StringBuilder(64 + 96 * errors.size());
        sb.append("invalid configuration (").append(errors.size()).append(errors.size() == 1 ? " error" : " errors")
            .append("):");
        for (final ConfigError error : errors)
        {
            sb.append(System.lineSeparator()).append("  ").append(error.message());
        }
        return sb.toString();
    }
}
