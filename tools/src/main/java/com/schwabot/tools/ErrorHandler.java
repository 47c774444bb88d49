package com.schwabot.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import com.schwabot.config.ConfigException;
import com.schwabot.config.secret.SecretStoreException;
import com.schwabot.journal.JournalDamagedException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what a command throws into a message on stderr and an exit status. User errors (configuration, secrets,
 * I/O, {@link CliException}, a journal whose files cannot be read: {@link ExitCodes#FAILURE}) print one line,
 * {@code schwabot: MESSAGE}, plus any detail lines, never a stack trace; anything else is a bug and prints its stack
 * trace with {@link ExitCodes#INTERNAL}. A usage error (picocli's {@link ParameterException}, thrown while parsing
 * or by a command) prints {@code schwabot: MESSAGE}, then picocli's suggestions for a mistyped name or else the
 * command's usage, with {@link ExitCodes#USAGE}.
 */
final class ErrorHandler implements IExecutionExceptionHandler
{
    private static final String PREFIX = "schwabot: ";

    public int handleExecutionException(
        final Exception ex, final CommandLine commandLine, final ParseResult parseResult)
    {
        final PrintWriter err = commandLine.getErr();
        final int status = report(ex, err);
        err.flush();
        return status;
    }

    /**
     * Picocli's {@code IParameterExceptionHandler}: the default one, with the {@code schwabot: } prefix.
     *
     * @param ex   the usage error.
     * @param args the command line.
     * @return {@link ExitCodes#USAGE}.
     */
    static int usageError(final ParameterException ex, final String[] args)
    {
        final CommandLine commandLine = ex.getCommandLine();
        final PrintWriter err = commandLine.getErr();
        err.println(PREFIX + ex.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(ex, err))
        {
            commandLine.usage(err);
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    static int report(final Exception ex, final PrintWriter err)
    {
        if (ex instanceof CliException)
        {
            final CliException cli = (CliException)ex;
            err.println(PREFIX + cli.getMessage());
            for (final String line : cli.details())
            {
                err.println("  " + line);
            }
            return cli.exitCode();
        }
        if (ex instanceof ConfigException)
        {
            return report(ConfigOptions.invalid((ConfigException)ex, "the configuration"), err);
        }
        if (ex instanceof JournalDamagedException)
        {
            err.println(PREFIX + "damaged journal: " + ex.getMessage());
            return ExitCodes.FAILURE;
        }
        if (ex instanceof SecretStoreException)
        {
            err.println(PREFIX + ex.getMessage());
            return ExitCodes.SECRETS;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException)
        {
            final Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
            err.println(PREFIX + "I/O error (" + cause.getClass().getSimpleName() + "): " + cause.getMessage());
            return ExitCodes.IO;
        }
        err.println(PREFIX + "internal error (please report it with the stack trace below): " + ex);
        ex.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }
}
