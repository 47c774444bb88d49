package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalStats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot journal stats DIR}: record counts and bytes per template, named from the SBE schemas, and the
 * first and last sequence and ingress time.
 */
@Command(
    name = "stats",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.IO_HELP },
    description = "Count the journal's valid records per message template (named from the SBE schemas) with " +
        "their payload bytes, and show the first and last sequence and ingress time.")
final class JournalStatsCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal directory (e.g. data/journal).")
    Path dir;

    public Integer call()
    {
        final JournalStats stats;
        try (Journal journal = JournalFiles.openReadOnly(dir, spec.commandLine().getErr()))
        {
            stats = journal.stats();
        }
        catch (final CliException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            throw new CliException(ExitCodes.IO, "cannot read journal " + dir + ": " + ex.getMessage());
        }
        print(stats, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private void print(final JournalStats stats, final PrintWriter out)
    {
        out.println("journal        " + dir.toAbsolutePath().normalize());
        out.println("records        " + stats.recordCount());
        out.println("payload bytes  " + stats.payloadBytes());
        if (stats.recordCount() > 0)
        {
            out.println("first          seq=" + stats.firstSequence() + " time=" +
                JournalFiles.isoTime(stats.firstIngressNanos()));
            out.println("last           seq=" + stats.lastSequence() + " time=" +
                JournalFiles.isoTime(stats.lastIngressNanos()));
        }
        out.println("skipped        " + stats.skippedRecords() + " (excerpts that are not valid records)");
        out.println("bad checksum   " + stats.checksumFailures() +
            " (records whose payload fails its CRC32C, not counted above)");
        if (stats.unreadFromIndex() >= 0)
        {
            out.println("unread         from index 0x" + Long.toHexString(stats.unreadFromIndex()) +
                " (no read gets past it; journal verify says why)");
        }
        for (final String damage : stats.damagedFiles())
        {
            out.println("damaged file   " + damage);
        }
        if (!stats.templates().isEmpty())
        {
            final SchemaCatalog catalog = SchemaCatalog.load();
            out.println();
            out.println(String.format("%-26s %6s %8s %12s %14s", "template", "schema", "template", "records",
                "bytes"));
            for (final JournalStats.TemplateCount t : stats.templates())
            {
                out.println(String.format("%-26s %6s %8s %12d %14d", name(catalog, t),
                    t.schemaId() < 0 ? "-" : Integer.toString(t.schemaId()),
                    t.templateId() < 0 ? "-" : Integer.toString(t.templateId()), t.count(), t.bytes()));
            }
        }
        out.flush();
    }

    private static String name(final SchemaCatalog catalog, final JournalStats.TemplateCount t)
    {
        if (t.schemaId() < 0)
        {
            return "(no SBE header)";
        }
        final String name = catalog.messageName(t.schemaId(), t.templateId());
        return null == name ? "(unknown)" : name;
    }
}
