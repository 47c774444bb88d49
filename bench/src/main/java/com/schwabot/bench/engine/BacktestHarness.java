package com.schwabot.bench.engine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import com.schwabot.bench.BenchSupport;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.sweep.SweepReplayer;
import com.schwabot.engine.sweep.SweepResult;
import com.schwabot.engine.sweep.SweepSpec;
import com.schwabot.engine.sweep.VariantResult;
import com.schwabot.journal.Journal;
import com.schwabot.tensor.TensorBackend;

/**
 * The backtest of {@link ReplayThroughputBenchmark} as a plain program, for profiling (JFR) and for what a run
 * does besides its speed: writes the same journal ({@code laps} laps of the generated frames), reads it decode-only
 * once, replays it as a backtest {@code repeat} times and sweeps it once, printing records per second, orders,
 * fills and P&amp;L. Arguments: {@code laps batch fillLatencyUs repeat} (default {@code 4 64 0 5}).
 */
public final class BacktestHarness
{
    private BacktestHarness()
    {
    }

    /**
     * Run it.
     *
     * @param args laps, batch, fill latency in µs, repeats.
     */
    public static void main(final String[] args)
    {
        BenchSupport.requireJvmFlags();
        final int laps = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        final int batch = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        final long latencyUs = args.length > 2 ? Long.parseLong(args[2]) : 0;
        final int repeat = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        final SchwabotConfig config = BenchEngine.defaultConfig();
        final FillSettings fills = FillSettings.of(config.backtest()).withLatencyNanos(latencyUs * 1000);
        final Path dir = BenchSupport.newScratchDir("backtest");
        try (Journal journal = ReplayThroughputBenchmark.writeJournal(config, dir, batch, laps);
            TensorBackend backend = BenchEngine.cpuBackend(config);
            TensorBackend sweepBackend = TradingCore.backend(config, ReplayThroughputBenchmark.SWEEP_VARIANTS))
        {
            final DecodeOnlyHandler decoder = new DecodeOnlyHandler();
            for (int r = 0; r < 2; r++)
            {
                decoder.reset();
                final long start = System.nanoTime();
                journal.replay(0, decoder);
                final long elapsed = System.nanoTime() - start;
                out.printf(Locale.ROOT, "decode-only: %d records in %.3f s, %,.0f records/s%n", decoder.records(),
                    elapsed / 1e9, decoder.records() * 1e9 / elapsed);
            }
            for (int r = 0; r < repeat; r++)
            {
                final EngineCounters counters = new EngineCounters();
                final ReplayResult result = new Replayer(config, backend, counters).fillSettings(fills)
                    .replay(journal, true);
                out.printf(Locale.ROOT, "backtest %d: %d records in %.3f s, %,.0f events/s; orders+cancels %d, " +
                    "fills %d, venue rejects %d, risk rejects %d, P&L %.2f, digest %s%n", r, result.inbound(),
                    result.elapsedNanos() / 1e9, result.eventsPerSecond(), result.ordersSent(),
                    counters.value(EngineCounter.FILLS), counters.value(EngineCounter.VENUE_REJECTS),
                    counters.value(EngineCounter.RISK_REJECTS), result.pnl(), result.digest().substring(0, 16));
            }
            final SweepResult sweep = new SweepReplayer(config, sweepBackend,
                SweepSpec.parse(ReplayThroughputBenchmark.SWEEP, config).variants()).fillSettings(fills)
                .replay(journal);
            out.printf(Locale.ROOT, "sweep of %d variants: %d records in %.3f s, %,.0f events/s%n",
                sweep.variants().size(), sweep.inbound(), sweep.elapsedNanos() / 1e9, sweep.eventsPerSecond());
            for (final VariantResult v : sweep.ranking())
            {
                out.printf(Locale.ROOT, "  %2d %-32s P&L %9.2f fills %6d orders %6d digest %s%n", v.variant().id(),
                    v.variant().label(), v.pnl(), v.fills(), v.orders(), v.digest().substring(0, 16));
            }
        }
        finally
        {
            BenchSupport.deleteScratchDir(dir);
        }
    }
}
