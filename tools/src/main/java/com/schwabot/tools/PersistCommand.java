package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.persist.PersistenceAgent;
import com.schwabot.engine.persist.PersistenceContext;
import com.schwabot.engine.persist.PersistenceException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot persist --journal DIR}: builds or catches up the SQLite databases from a journal (what
 * {@code schwabot run} does live), then exits: after a crash, for a journal copied from elsewhere, or to rebuild a
 * database that was deleted.
 */
@Command(
    name = "persist",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.CONFIG_HELP,
        "5:I/O: the journal is missing or not a journal; the databases cannot be written, are locked by another " +
            "schwabot, have a newer schema, or were built from another journal" },
    description = {
        "Build or catch up the SQLite databases from a journal, then exit: schwabot_trading.db (orders, " +
            "executions and fills, positions), schwabot_monitoring.db (metrics per second of journal time) and " +
            "schwabot_state.db (runs, configuration snapshots), in persistence.sqlite_dir.",
        "Each database resumes after the last record it committed, so running it again adds only what is new." })
public final class PersistCommand implements Callable<Integer>
{
    /**
     * The option that chooses the databases' directory: named where a message says to use another one, since this
     * command's user may not know the configuration key (which {@code run}'s messages name).
     */
    private static final String SQLITE_DIR_OPTION = "--sqlite-dir";

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "The journal directory.")
    Path journalDir;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".",
        description = "Base of the relative persistence.sqlite_dir (default: the current directory).")
    Path dataDir;

    @Option(names = SQLITE_DIR_OPTION, paramLabel = "DIR",
        description = "Directory of the databases (default: persistence.sqlite_dir under --data-dir).")
    Path sqliteDir;

    /**
     * Catch up and report.
     *
     * @return the exit status.
     */
    public Integer call()
    {
        final SchwabotConfig config = configOptions.load(SchwabotCli.context(spec));
        JournalFiles.openReadOnly(journalDir).close();
        JournalFiles.requireWhole(journalDir, ""); // the databases are built by a reader in place, which damage stops
        final PersistenceContext context = PersistenceContext.of(config.persistence(), dataDir, journalDir)
            .sqliteDirSetting(SQLITE_DIR_OPTION);
        if (null != sqliteDir)
        {
            context.sqliteDir(sqliteDir.toAbsolutePath().normalize());
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (PersistenceAgent agent = PersistenceAgent.open(context))
        {
            final long records = agent.catchUp();
            out.println("persisted " + journalDir.toAbsolutePath().normalize() + " into " + context.sqliteDir() +
                ": " + records + " new records");
            for (final PersistenceAgent.DatabaseSummary db : agent.summary())
            {
                final StringBuilder line = new StringBuilder(
                    String.format(Locale.ROOT, "  %-24s up to seq %d:", db.database(), db.sequence()));
                for (final Map.Entry<String, Long> table : db.rows().entrySet())
                {
                    line.append(' ').append(table.getKey()).append('=').append(table.getValue());
                }
                out.println(line);
            }
            out.flush();
            return ExitCodes.OK;
        }
        catch (final PersistenceException ex)
        {
            throw new CliException(ExitCodes.IO, "persist: " + ex.getMessage());
        }
    }
}
