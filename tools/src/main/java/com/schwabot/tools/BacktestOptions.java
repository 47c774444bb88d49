package com.schwabot.tools;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import com.schwabot.config.BacktestConfig;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.sweep.SweepReplayer;
import com.schwabot.engine.sweep.SweepResult;
import com.schwabot.engine.sweep.SweepSpec;
import com.schwabot.engine.sweep.Variant;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalStats;
import com.schwabot.tensor.TensorBackend;

/**
 * The backtest side of {@code replay}: the simulated venue's settings from the configuration and the command line,
 * and {@code --sweep}.
 */
final class BacktestOptions
{
    private BacktestOptions()
    {
    }

    static FillSettings fillSettings(
        final SchwabotConfig config, final Long latencyNanos, final BigDecimal takerBps, final BigDecimal makerBps)
    {
        FillSettings settings = FillSettings.of(config.backtest());
        if (null != latencyNanos)
        {
            settings = settings.withLatencyNanos(latencyNanos);
        }
        if (null != takerBps)
        {
            settings = settings.withTakerFee(fee("--taker-fee-bps", takerBps, 0));
        }
        if (null != makerBps)
        {
            settings = settings.withMakerFee(fee("--maker-fee-bps", makerBps, -BacktestConfig.MAX_REBATE_BPS));
        }
        return settings;
    }

    private static long fee(final String option, final BigDecimal bps, final int min)
    {
        if (bps.compareTo(BigDecimal.valueOf(min)) < 0 ||
            bps.compareTo(BigDecimal.valueOf(BacktestConfig.MAX_FEE_BPS)) > 0)
        {
            throw new CliException(ExitCodes.USAGE, option + " " + bps.toPlainString() + ": must be in [" + min +
                ", " + BacktestConfig.MAX_FEE_BPS + "]");
        }
        try
        {
            return FillSettings.centiBps(bps);
        }
        catch (final ArithmeticException ex)
        {
            throw new CliException(ExitCodes.USAGE, option + " " + bps.toPlainString() +
                ": must have at most two decimals");
        }
    }

    static int sweep(
        final SchwabotConfig config,
        final Path journalDir,
        final boolean recordedFills,
        final List<String> specs,
        final int top,
        final FillSettings fills,
        final PrintWriter out,
        final PrintWriter err)
    {
        if (recordedFills)
        {
            throw new CliException(ExitCodes.USAGE, "--sweep needs simulated fills (--fills auto or simulated): a " +
                "recorded venue answered only the live run's orders");
        }
        if (top < 1)
        {
            throw new CliException(ExitCodes.USAGE, "--top " + top + ": must be at least 1");
        }
        final List<Variant> variants;
        try
        {
            variants = SweepSpec.parse(specs, config).variants();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CliException(ExitCodes.USAGE, ex.getMessage());
        }
        try (Journal journal = JournalFiles.openReadOnly(journalDir, err);
            TensorBackend backend = TradingCore.backend(config, variants.size()))
        {
            final JournalStats stats = journal.stats();
            JournalFiles.warnLeftOut(journalDir, stats, err);
            final SweepResult result = new SweepReplayer(config, backend, variants).fillSettings(fills)
                .replay(journal);
            SweepReport.print(out, result, fills, top);
            out.flush();
            return ExitCodes.OK;
        }
    }
}
