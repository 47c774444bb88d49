package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
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
 * {@code schwabot replay --journal DIR}: feeds the journal's inbound events through the same pipeline as a live run,
 * on this thread, as fast as it reads, and prints the digest of the order stream it sent. A live run's journal is
 * replayed with its recorded venue reports and must reproduce the live digest (printed next to it, with a verdict);
 * a market-data-only journal is a backtest whose fills come from the deterministic simulated venue. Either way it
 * then writes the run's report (JSON and HTML, see {@link BacktestReports}) under {@code --reports} and prints
 * their paths; on a terminal a progress bar shows on standard error while it replays.
 */
@Command(
    name = "replay",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        ExitCodes.OK_HELP, "1:a live run's journal did not reproduce its order stream", ExitCodes.USAGE_HELP,
        ExitCodes.CONFIG_HELP, ExitCodes.IO_HELP },
    description = {
        "Replay a journal through the pipeline and print the digest of the order stream.",
        "A live run's journal (it holds venue execution reports) is replayed as recorded and must reproduce the " +
            "run's digest; a journal of market data only is backtested against a simulated venue.",
        "Then write the report (metrics, trades, equity curve) as JSON and HTML under --reports and print their " +
            "paths. A progress bar shows on a terminal (not with CI=true)." })
public final class ReplayCommand implements Callable<Integer>
{
    /** How a replay gets its fills. */
    enum Fills
    {
        /** Recorded when the journal holds execution reports, else simulated. */
        AUTO,
        /** The venue reports in the journal. */
        RECORDED,
        /** The deterministic simulated venue. */
        SIMULATED
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "The journal directory.")
    Path journalDir;

    @Option(names = "--fills", paramLabel = "MODE", defaultValue = "AUTO",
        description = "Where fills come from: auto (default: recorded for a live run's journal, which holds " +
            "connection states and venue reports; simulated for a journal of market data only), recorded, " +
            "simulated.")
    Fills fills;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "reports",
        description = "Where the report goes: backtest-<first event time>-<order digest>.json and .html " +
            "(default: reports, under the current directory).")
    Path reportsDir;

    @Option(names = "--no-report", description = "Write no report.")
    boolean noReport;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean noProgress;

    @Option(names = "--fill-latency", paramLabel = "LATENCY", converter = LatencyConverter.class,
        description = "Simulated venue: event time from an order's send to the first market event it can fill at " +
            "(0, 800ns, 250us, 5ms, 1s; default: backtest.fill_latency_us).")
    Long fillLatencyNanos;

    @Option(names = "--taker-fee-bps", paramLabel = "BPS",
        description = "Simulated venue: fee of fills that take liquidity, bps, at most two decimals (default: " +
            "backtest.taker_fee_bps).")
    java.math.BigDecimal takerFeeBps;

    @Option(names = "--maker-fee-bps", paramLabel = "BPS",
        description = "Simulated venue: fee of fills of resting orders, bps, negative for a rebate (default: " +
            "backtest.maker_fee_bps).")
    java.math.BigDecimal makerFeeBps;

    @Option(names = "--sweep", paramLabel = "NAME=VALUES",
        description = "Backtest parameter variants in one pass and rank them by P&L: threshold, weight-scale, " +
            "learning-rate or weight.STRATEGY, each =a,b,c or =START:STOP:STEP; repeat the option or separate " +
            "parameters with commas; the grid is every combination, variant 0 is the configuration as it is.")
    List<String> sweep;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
        description = "With --sweep: how many of the ranked variants to print (default 20).")
    int top;

    /**
     * Replay and report.
     *
     * @return the exit status.
     */
    public Integer call()
    {
        final SchwabotConfig config = configOptions.load(SchwabotCli.context(spec));
        final PrintWriter out = spec.commandLine().getOut();
        final com.schwabot.engine.replay.FillSettings fillSettings = BacktestOptions.fillSettings(
            config, fillLatencyNanos, takerFeeBps, makerFeeBps);
        if (fills == Fills.RECORDED)
        {
            refuseSimulatedVenueOptions("--fills recorded replays the venue reports recorded in the journal");
        }
        if (null != sweep && !sweep.isEmpty())
        {
            return BacktestOptions.sweep(config, journalDir, fills == Fills.RECORDED, sweep, top, fillSettings, out,
                spec.commandLine().getErr());
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--top"))
        {
            throw new CliException(ExitCodes.USAGE, "--top ranks the variants of --sweep: give --sweep, or leave " +
                "--top out");
        }
        if (!noReport)
        {
            BacktestReports.requireWritable(reportsDir);
        }
        final EngineCounters counters = new EngineCounters();
        try (Journal journal = JournalFiles.openReadOnly(journalDir, spec.commandLine().getErr());
            TensorBackend backend = TradingCore.backend(config))
        {
            final JournalStats stats = journal.stats();
            JournalFiles.warnLeftOut(journalDir, stats, spec.commandLine().getErr());
            final boolean simulated = switch (fills)
            {
                case SIMULATED -> true;
                case RECORDED -> false;
                case AUTO -> !isLiveRun(stats);
            };
            if (!simulated)
            {
                refuseSimulatedVenueOptions("this journal of a live run replays its recorded venue reports (--fills " +
                    "auto): add --fills simulated to backtest it with the simulated venue");
            }
            final BacktestReports.Run run = BacktestReports.replay(config, backend, counters, journal, stats,
                simulated, fillSettings, !noReport, progress());
            final ReplayResult result = run.result();
            print(out, result, counters, stats.readWhole());
            if (!noReport)
            {
                final ReportFiles files = BacktestReports.write(BacktestReports.report(run, stats), reportsDir);
                BacktestReports.print(out, files);
            }
            out.flush();
            return !result.simulated() && !result.reproduced() ? ExitCodes.FAILURE : ExitCodes.OK;
        }
    }

    /**
     * The simulated venue's options change nothing in a replay of recorded venue reports: refuse them rather than
     * let a backtest look as if it had run with them.
     */
    private void refuseSimulatedVenueOptions(final String why)
    {
        final List<String> given = new ArrayList<>();
        for (final String option : new String[] {"--fill-latency", "--taker-fee-bps", "--maker-fee-bps"})
        {
            if (spec.commandLine().getParseResult().hasMatchedOption(option))
            {
                given.add(option);
            }
        }
        if (!given.isEmpty())
        {
            throw new CliException(ExitCodes.USAGE, String.join(" and ", given) + (given.size() == 1 ? " sets" :
                " set") + " the simulated venue, but " + why);
        }
    }

    private PrintWriter progress()
    {
        return !noProgress && ProgressBar.wanted(SchwabotCli.context(spec)) ? spec.commandLine().getErr() : null;
    }

    private static boolean isLiveRun(final JournalStats stats)
    {
        return Replayer.isLiveRun(stats);
    }

    private static void print(
        final PrintWriter out, final ReplayResult result, final EngineCounters counters, final boolean whole)
    {
        out.printf(Locale.ROOT, "replayed %d records: %d inbound, %d outbound (recorded orders) in %.3f s " +
            "(%,.0f events/s)%n", result.records(), result.inbound(), result.outbound(),
            result.elapsedNanos() / 1e9, result.eventsPerSecond());
        out.printf(Locale.ROOT, "fills: %s; orders sent %d, fills %d, venue rejects %d, risk rejects %d; " +
            "P&L %.2f%n", result.simulated() ? "simulated venue" : "recorded venue reports", result.ordersSent(),
            counters.value(EngineCounter.FILLS), counters.value(EngineCounter.VENUE_REJECTS),
            counters.value(EngineCounter.RISK_REJECTS), result.pnl());
        if (result.sessions().size() > 1)
        {
            for (final ReplayResult.Session session : result.sessions())
            {
                out.printf(Locale.ROOT, "run from seq=%d: %d inbound, %d orders, digest %s%s%n",
                    session.firstSequence(), session.inbound(), session.ordersSent(), session.digest(),
                    result.simulated() ? "" : session.reproduced() ? " (reproduced)" : " (NOT reproduced)");
            }
        }
        if (!result.simulated())
        {
            out.println("recorded order digest " + result.recordedDigest());
            out.println(!result.reproduced() ? "reproduced: NO (the replay sent other orders)" : whole ?
                "reproduced: yes" : "reproduced: yes, for the records that could be read (the journal is damaged: " +
                "see the warnings)");
            if (!result.reproduced())
            {
                printWhatMustMatch(out);
            }
        }
        out.println("order digest " + result.digest());
    }

    /**
     * Say, after a live run's journal did not reproduce its orders, what a replay must share with the run.
     *
     * @param out where the verdict went.
     */
    static void printWhatMustMatch(final PrintWriter out)
    {
        out.println("note: a replay reproduces a run only with the run's configuration (--config DIR, and " +
            "the same SCHWABOT_* variables):");
        out.println("  its strategies, risk limits, instruments and tensor.backend decide the orders, and so " +
            "does the schwabot version");
    }
}
