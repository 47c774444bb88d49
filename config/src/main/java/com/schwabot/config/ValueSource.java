package com.schwabot.config;

/**
 * Where a configuration value came from, in increasing order of precedence.
 */
public enum ValueSource
{
    /** The bundled default file on the classpath. */
    DEFAULT,
    /** A file in the configuration directory. */
    FILE,
    /** A {@code SCHWABOT_*} environment variable. */
    ENV,
    /** A command-line option that sets a key (for example {@code schwabot run --simulator HOST:PORT:PORT}). */
    OPTION
}
