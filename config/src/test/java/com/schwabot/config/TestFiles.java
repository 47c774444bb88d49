package com.schwabot.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Helpers for writing configuration files and loading them.
 */
final class TestFiles
{
    private TestFiles()
    {
    }

    static Path write(final Path dir, final String name, final String content)
    {
        try
        {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static SchwabotConfig load(final Path dir, final Map<String, String> env) throws ConfigException
    {
        return new ConfigLoader().configDir(dir).environment(env).minKdfIterations(1000).load();
    }

    static ConfigException loadFails(final Path dir, final Map<String, String> env)
    {
        final ConfigException ex = catchThrowableOfType(ConfigException.class, () -> load(dir, env));
        assertThat(ex).as("expected the configuration to be rejected").isNotNull();
        return ex;
    }
}
