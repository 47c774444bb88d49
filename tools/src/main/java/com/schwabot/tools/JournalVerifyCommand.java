package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.schwabot.journal.Journal;
import com.schwabot.journal.VerifyReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot journal verify DIR}: scan every record; exit 1 when the journal is damaged.
 */
@Command(
    name = "verify",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.FAILURE + ":the journal is damaged (each problem is printed)",
        ExitCodes.USAGE_HELP, ExitCodes.IO_HELP },
    description = {
        "Check every record: header magic and version, lengths, SBE header, CRC32C of the payload, contiguous " +
            "sequences.",
        "Prints OK or DAMAGED with counts, then one line per problem (kind, cycle, index, sequence, detail).",
        "Exit 0 when sound, 1 when damaged." })
final class JournalVerifyCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal directory (e.g. data/journal).")
    Path dir;

    public Integer call()
    {
        final VerifyReport report;
        try (Journal journal = JournalFiles.openReadOnly(dir))
        {
            report = journal.verify();
        }
        final PrintWriter out = spec.commandLine().getOut();
        out.println("journal " + dir.toAbsolutePath().normalize());
        out.print(report.describe());
        out.flush();
        return report.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
