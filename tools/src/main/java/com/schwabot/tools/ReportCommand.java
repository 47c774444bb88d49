package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.report.BacktestReport;
import com.schwabot.engine.report.ReportFiles;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalStats;
import com.schwabot.tensor.TensorBackend;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot report --journal DIR}: rebuilds a run's report from its journal by replaying it again, exactly as
 * {@code replay} does (a replay is deterministic, so with the same configuration the JSON and HTML come out byte for
 * byte the same, under the same names). The report is never rebuilt from an old JSON file: the journal is the
 * source of truth, and a report of another configuration is a new backtest.
 */
@Command(
    name = "report",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        ExitCodes.OK_HELP, "1:a live run's journal did not reproduce its order stream (the report is written)",
        ExitCodes.USAGE_HELP, ExitCodes.CONFIG_HELP, ExitCodes.IO_HELP },
    description = {
        "Rebuild the report (JSON and HTML) of a backtest or run from its journal, and print where it went.",
        "The journal is replayed again with the configuration given (use the one the run used): the same journal " +
            "and configuration give the same bytes." })
public final class ReportCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "The journal directory.")
    Path journalDir;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
        description = "Where the report goes (default: reports, under the current directory).")
    Path reportsDir;

    @Option(names = "--fills", paramLabel = "MODE", defaultValue = "AUTO",
        description = "Where fills come from, as for replay: auto (default), recorded, simulated.")
    ReplayCommand.Fills fills;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean noProgress;

    /**
     * Replay and write the report.
     *
     * @return the exit status.
     */
    public Integer call()
    {
        final CliContext context = SchwabotCli.context(spec);
        final SchwabotConfig config = configOptions.load(context);
        final PrintWriter out = spec.commandLine().getOut();
        BacktestReports.requireWritable(reportsDir);
        try (Journal journal = JournalFiles.openReadOnly(journalDir, spec.commandLine().getErr());
            TensorBackend backend = TradingCore.backend(config))
        {
            final JournalStats stats = journal.stats();
            JournalFiles.warnLeftOut(journalDir, stats, spec.commandLine().getErr());
            final boolean simulated = switch (fills)
            {
                case SIMULATED -> true;
                case RECORDED -> false;
                case AUTO -> !Replayer.isLiveRun(stats);
            };
            final PrintWriter progress =
                !noProgress && ProgressBar.wanted(context) ? spec.commandLine().getErr() : null;
            final BacktestReports.Run run = BacktestReports.replay(config, backend, new EngineCounters(), journal,
                stats, simulated, FillSettings.of(config.backtest()), true, progress);
            final BacktestReport report = BacktestReports.report(run, stats);
            final ReportFiles files = BacktestReports.write(report, reportsDir);
            final ReplayResult result = run.result();
            out.printf(Locale.ROOT, "rebuilt from %d journal records (runs: %d, fills: %s): trades %d, P&L %.4f, " +
                "fees %.4f%n", result.records(), result.sessions().size(), result.simulated() ? "simulated" :
                "recorded", report.trades().size(), report.metrics().finalPnl(), report.metrics().fees());
            BacktestReports.print(out, files);
            out.flush();
            if (!result.simulated() && !result.reproduced())
            {
                final PrintWriter err = spec.commandLine().getErr();
                err.println("schwabot: the replay sent other orders than the run did (order digest " +
                    result.digest() + ", the run's " + result.recordedDigest() + "): the report is of this replay, " +
                    "not of the run");
                ReplayCommand.printWhatMustMatch(err);
                err.flush();
                return ExitCodes.FAILURE;
            }
            return ExitCodes.OK;
        }
    }
}
