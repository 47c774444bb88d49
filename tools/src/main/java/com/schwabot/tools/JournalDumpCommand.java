package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalTailer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot journal dump DIR [--from SEQ] [--limit N] [--follow]}: one line per record, see
 * {@link RecordPrinter}.
 */
@Command(
    name = "dump",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.IO_HELP },
    description = {
        "Print the journal's records, one line each: sequence, ingress time (UTC, ns), source venue and " +
            "connection, flags, then the decoded message.",
        "A record that is not a valid SBE frame is printed as BadFrame{...} with its first bytes in hex." })
final class JournalDumpCommand implements Callable<Integer>
{
    private static final int BATCH = 1024;
    private static final long FOLLOW_IDLE_MS = 20;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Journal directory (e.g. data/journal).")
    Path dir;

    @Option(names = "--from", paramLabel = "SEQ", description = "First sequence to print (default: 1).")
    long fromSequence = 1;

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N records (default: all).")
    long limit = Long.MAX_VALUE;

    @Option(names = { "-f", "--follow" },
        description = "Keep printing records as they are appended, until Ctrl-C (or --limit records).")
    boolean follow;

    public Integer call()
    {
        if (fromSequence < 0)
        {
            throw new ParameterException(spec.commandLine(), "--from must be >= 0, was " + fromSequence);
        }
        if (limit < 1)
        {
            throw new ParameterException(spec.commandLine(), "--limit must be >= 1, was " + limit);
        }
        final PrintWriter out = spec.commandLine().getOut();
        final RecordPrinter printer = new RecordPrinter(out, fromSequence, limit);
        final PrintWriter err = spec.commandLine().getErr();
        try (Journal journal = follow ? JournalFiles.openToFollow(dir, err) : JournalFiles.openReadOnly(dir, err);
            JournalTailer tailer = journal.tailer())
        {
            if (fromSequence > 1)
            {
                tailer.moveToSequence(fromSequence);
            }
            dump(journal, tailer, printer, out, err);
            out.flush();
            if (!follow && printer.printed() == 0)
            {
                err.println("journal " + dir + ": no record" +
                    (fromSequence > 1 ? " at or after sequence " + fromSequence : ""));
            }
            JournalFiles.warnLeftOut(dir, tailer.skippedRecords(), tailer.checksumFailures(), err);
            if (!printer.done())
            {
                JournalFiles.warnUnread(dir, journal.unreadFrom(tailer), err);
            }
        }
        catch (final CliException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            throw new CliException(ExitCodes.IO, "cannot read journal " + dir + " after " + printer.printed() +
                " records: " + ex.getMessage());
        }
        finally
        {
            out.flush();
        }
        return ExitCodes.OK;
    }

    /**
     * Print records until the limit, or the end when not following; when following, look for the files the writer
     * created whenever nothing is left to read, and say which of them are left out.
     */
    private void dump(
        final Journal journal, final JournalTailer tailer, final RecordPrinter printer, final PrintWriter out,
        final PrintWriter err)
    {
        while (!printer.done())
        {
            if (tailer.poll(printer, BATCH) == 0)
            {
                if (!follow)
                {
                    return;
                }
                out.flush();
                JournalFiles.warnDamage(dir, journal.refresh(), err);
                try
                {
                    Thread.sleep(FOLLOW_IDLE_MS);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
