package com.schwabot.tools;

import java.nio.file.Path;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Every path option and parameter of the command line ({@code --journal}, {@code --config}, {@code --data-dir},
 * {@code DIR}, ...; registered once for all commands by {@link SchwabotCli#commandLine(CliContext)}): an empty one is
 * a usage error naming the option, where {@code Path.of("")} would be the current directory and every message about
 * it would name a blank; so is one of only blanks (spaces, tabs), which would be a file or directory named so.
 */
final class PathConverter implements ITypeConverter<Path>
{
    public Path convert(final String value)
    {
        if (value.isEmpty())
        {
            throw new TypeConversionException("an empty path names no file or directory");
        }
        if (value.isBlank())
        {
            throw new TypeConversionException("a path of only blanks ('" + value + "') is refused: it is an unset " +
                "variable's or a quoting mistake far more often than a name");
        }
        return Path.of(value);
    }
}
