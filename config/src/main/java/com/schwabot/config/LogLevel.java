package com.schwabot.config;

/**
 * Root log level.
 */
public enum LogLevel implements Labelled
{
    TRACE("trace"),
    DEBUG("debug"),
    INFO("info"),
    WARN("warn"),
    ERROR("error");

    private final String label;

    LogLevel(final String label)
    {
        this.label = label;
    }

    /**
     * {@inheritDoc}
     */
    public String label()
    {
        return label;
    }
}
