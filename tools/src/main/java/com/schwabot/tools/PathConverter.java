package com.schwabot.tools;

import java.nio.file.Path;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every path option and parameter of the command line ({@code --journal}, {@code --config}, {@code --data-dir},
 * {@code DIR}, ...; registered once for all commands by {@link SchwabotCli#commandLine(CliContext)}): an empty one is
 * a usage error naming the option, where {@code Path.of("")} would be the current directory and every message about
 * it would name a blank.
 */
final class PathConverter implements ITypeConverter<Path>
{
    public Path convert(final String value)
    {
        if (value.isEmpty())
        {
            throw new TypeConversionException("an empty path names no file or directory");
        }
        return Path.of(value);
    }
}
