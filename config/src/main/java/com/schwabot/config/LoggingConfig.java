package com.schwabot.config;

import java.nio.file.Path;

/**
 * The {@code logging} section of config.yaml.
 *
 * @param dir   directory of the rotated JSON logs.
 * @param level root log level.
 */
public record LoggingConfig(Path dir, LogLevel level)
{
    static LoggingConfig read(final Section s)
    {
        final LoggingConfig config = new LoggingConfig(s.pathValue("dir"), s.enumValue("level", LogLevel.class));
        s.finish();
        return config;
    }
}
