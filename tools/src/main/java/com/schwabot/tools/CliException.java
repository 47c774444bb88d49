package com.schwabot.tools;

import java.util.List;

/**
 * A user-facing failure of a command: a one-line message, printed as {@code schwabot: MESSAGE} without a stack
 * trace, optional detail lines printed indented below it, and the exit status from {@link ExitCodes}.
 */
final class CliException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final transient List<String> details;

    CliException(final int exitCode, final String message)
    {
        this(exitCode, message, List.of());
    }

    CliException(final int exitCode, final String message, final List<String> details)
    {
        super(message);
        this.exitCode = exitCode;
        this.details = List.copyOf(details);
    }

    int exitCode()
    {
        return exitCode;
    }

    List<String> details()
    {
        return details;
    }
}
