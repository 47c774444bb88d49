package com.schwabot.tools;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot journal dump|verify|stats DIR}: read a journal (a Chronicle Queue directory) without changing it.
 */
@Command(
    name = "journal",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.FAILURE + ":journal verify found the journal damaged",
        ExitCodes.USAGE_HELP, ExitCodes.IO_HELP },
    description = "Read a journal directory (read-only): print its records, verify it, or count what it holds.",
    subcommands = { JournalDumpCommand.class, JournalVerifyCommand.class, JournalStatsCommand.class })
final class JournalCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "missing subcommand: dump, verify or stats");
    }
}
