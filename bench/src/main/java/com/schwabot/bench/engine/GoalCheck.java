package com.schwabot.bench.engine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import com.schwabot.bench.BenchSupport;
import com.schwabot.bench.PageFaultProbe;
import com.schwabot.config.EngineProfile;

/**
 * Measures issue 8's goals on this machine and says which are met ({@code bench/run goals}): per round, a
 * {@link PageFaultProbe} of {@code bench.dir} (reported, not judged: the journal figures depend on it), the
 * pipeline benchmarks ({@link PipelineThroughputBenchmark}: the engine's ring with and without journaling, the
 * ArrayBlockingQueue baseline, the bare Chronicle append) in one JMH invocation, the replay pair
 * ({@link ReplayThroughputBenchmark}: replay and decode-only, batch 64) in another, both with JMH's gc profiler,
 * then the latency harness at 100,000 events/s; after the rounds one steady run of the harness at 1,000,000
 * events/s counts collections. Each ratio's two sides come from the same invocation; each goal is judged on its
 * median over the rounds ({@link Goals}). Prints every round and the verdicts, and writes them as Markdown with
 * {@code --out}. Exit status 0 when no goal was missed, 1 when one was, 2 on a bad option.
 */
public final class GoalCheck
{
    static final String USAGE = String.join(System.lineSeparator(),
        "usage: bench/run goals [options]",
        "  --rounds N     rounds of the JMH and latency measurements (default 3; 1 with --quick)",
        "  --quick        short iterations and a 10 s steady run: a smoke test, its numbers are not for the record",
        "                 (the GC goal needs a 60 s steady run and is then not judged)",
        "  --profile P    engine.profile of the latency harness runs: latency | balanced | low-cpu (default: the",
        "                 configuration's)",
        "  --out FILE     also write the rounds and verdicts to FILE as Markdown");

    /**
     * Size of the page-fault probe's file, MiB: 262,144 pages, about 3 s at 10 µs a page. Large enough that the
     * pages a step before it freed (which a new file reuses first, at a fraction of the cost: 2.7 µs a page over
     * 64 MiB right after a run, against 10.6 µs over 1 GiB) do not set the figure.
     */
    static final int PAGE_FAULT_PROBE_MB = 1024;

    private final PrintStream out;
    private final boolean quick;
    private final int rounds;
    private final String profile;

    private GoalCheck(final PrintStream out, final boolean quick, final int rounds, final String profile)
    {
        this.out = out;
        this.quick = quick;
        this.rounds = rounds;
        this.profile = profile;
    }

    /**
     * Run the check.
     *
     * @param args see {@link #USAGE}.
     * @throws Exception when a benchmark fails or the report cannot be written.
     */
    public static void main(final String[] args) throws Exception
    {
        final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        boolean quick = false;
        Integer rounds = null;
        Path report = null;
        String profile = null;
        try
        {
            for (int i = 0; i < args.length; i++)
            {
                switch (args[i])
                {
                    case "--quick" -> quick = true;
                    case "--rounds" -> rounds = positive(args, ++i);
                    case "--out" -> report = Path.of(value(args, ++i));
                    case "--profile" -> profile = profile(args, ++i);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        }
        catch (final IllegalArgumentException ex)
        {
            out.println(ex.getMessage());
            out.println(USAGE);
            System.exit(2);
            return;
        }
        BenchSupport.requireJvmFlags();
        final GoalCheck check = new GoalCheck(out, quick, null != rounds ? rounds : quick ? 1 : 3, profile);
        final String started = Instant.now().toString();
        final List<Map<String, Double>> measured = check.measure();
        final List<Goals.Outcome> outcomes = Goals.evaluate(Goals.ISSUE_8, measured);
        final String markdown = markdown(started, check.describe(), outcomes) + reported(measured);
        out.println();
        out.print(markdown);
        if (null != report)
        {
            Files.writeString(report, markdown, StandardCharsets.UTF_8);
            out.println("written to " + report);
        }
        System.exit(outcomes.stream().anyMatch(o -> o.verdict() == Goals.Verdict.MISSED) ? 1 : 0);
    }

    private List<Map<String, Double>> measure() throws RunnerException, InterruptedException
    {
        final List<Map<String, Double>> measured = new ArrayList<>();
        for (int r = 1; r <= rounds; r++)
        {
            final Map<String, Double> round = new HashMap<>();
            final double pageFault = pageFault();
            round.put(Goals.PAGE_FAULT, pageFault);
            out.printf(Locale.ROOT, "round %d of %d: page-fault probe: %.2f us a first write to a fresh 4 KiB page " +
                "of a %d MiB file under bench.dir%n", r, rounds, pageFault, PAGE_FAULT_PROBE_MB);
            out.printf("round %d of %d: pipeline benchmarks%n", r, rounds);
            pipeline(round);
            out.printf("round %d of %d: replay benchmarks%n", r, rounds);
            replay(round);
            out.printf("round %d of %d: latency harness at 100,000 events/s%n", r, rounds);
            final LatencyResult latency = LatencyHarness.measure(latencyOptions(100_000, quick ? 5 : 20), out);
            if (latency.orders() > 0)
            {
                round.put(Goals.TICK_TO_ORDER_P50, latency.tickToOrderP50Nanos() / 1000.0);
                round.put(Goals.TICK_TO_ORDER_P99, latency.tickToOrderP99Nanos() / 1000.0);
                round.put(Goals.TICK_TO_ORDER_P9999, latency.tickToOrderP9999Nanos() / 1000.0);
                round.put(Goals.ORDER_SERVICE_P50, latency.orderServiceP50Nanos() / 1000.0);
                round.put(Goals.ORDER_SERVICE_P99, latency.orderServiceP99Nanos() / 1000.0);
                round.put(Goals.TICK_TO_GATEWAY_P50, latency.tickToGatewayP50Nanos() / 1000.0);
                round.put(Goals.TICK_TO_GATEWAY_P99, latency.tickToGatewayP99Nanos() / 1000.0);
            }
            round.put(Goals.OTHER_ORDERS, (double)latency.otherOrders());
            if (latency.stealMillis() >= 0)
            {
                round.put(Goals.STEAL, (double)latency.stealMillis());
            }
            measured.add(round);
            out.printf("round %d of %d: %s%n", r, rounds, round);
        }
        final long seconds = quick ? 10 : Goals.STEADY_SECONDS_REQUIRED;
        out.printf("steady run: latency harness at 1,000,000 events/s for %d s%n", seconds);
        final LatencyResult steady = LatencyHarness.measure(latencyOptions(1_000_000, seconds), out);
        measured.get(measured.size() - 1).put(Goals.STEADY_GC, (double)steady.gcCount());
        measured.get(measured.size() - 1).put(Goals.STEADY_SECONDS, (double)steady.durationSeconds());
        return measured;
    }

    private LatencyOptions latencyOptions(final long rate, final long seconds)
    {
        final LatencyOptions options = LatencyOptions.parse(new String[] {
            "--rate", Long.toString(rate), "--warmup", quick ? "2" : "5", "--duration", Long.toString(seconds),
            "--max-orders", "1000"});
        options.profile = profile;
        return options;
    }

    private void pipeline(final Map<String, Double> round) throws RunnerException
    {
        final ChainedOptionsBuilder options = jmh(
            PipelineThroughputBenchmark.class.getName() + "\\.(disruptor|arrayBlockingQueue|bareChronicleAppend)$")
            .param("journal", "true", "false")
            .param("batchJournal", "true");
        for (final RunResult result : new Runner(options.build()).run())
        {
            final BenchmarkParams params = result.getParams();
            final String method = method(params);
            final boolean journal = "true".equals(params.getParam("journal"));
            final String key = switch (method)
            {
                case "disruptor" -> journal ? Goals.DISRUPTOR_JOURNAL : Goals.DISRUPTOR;
                case "arrayBlockingQueue" -> journal ? null : Goals.QUEUE;
                default -> Goals.BARE_APPEND;
            };
            record(round, key, result, "disruptor".equals(method));
        }
    }

    private void replay(final Map<String, Double> round) throws RunnerException
    {
        final ChainedOptionsBuilder options = jmh(
            ReplayThroughputBenchmark.class.getName() + "\\.(replay|decodeOnly)$")
            .param("batch", "64")
            .param("fillLatencyUs", "0");
        for (final RunResult result : new Runner(options.build()).run())
        {
            final String method = method(result.getParams());
            record(round, "replay".equals(method) ? Goals.REPLAY : Goals.DECODE_ONLY, result, false);
        }
    }

    private void record(final Map<String, Double> round, final String key, final RunResult result,
        final boolean hotPath)
    {
        final double score = result.getPrimaryResult().getScore();
        final double alloc = secondary(result, "gc.alloc.rate.norm");
        final double businessBytes = secondary(result, "consumerAllocBytes");
        final double businessEvents = secondary(result, "consumerEvents");
        final double businessPerEvent = businessEvents > 0 ? businessBytes / businessEvents : Double.NaN;
        out.printf(Locale.ROOT, "  %s%s: %,.0f %s%s%s%n", method(result.getParams()),
            journalParam(result.getParams()), score, result.getPrimaryResult().getScoreUnit(),
            Double.isNaN(alloc) ? "" : String.format(Locale.ROOT, ", %.3f B/op (JMH, every thread)", alloc),
            Double.isNaN(businessPerEvent) ? "" :
                String.format(Locale.ROOT, ", %.4f B/event (business thread)", businessPerEvent));
        if (null == key)
        {
            return;
        }
        round.put(key, score);
        if (hotPath)
        {
            round.put(Goals.ALLOC_PREFIX + key, Double.isNaN(businessPerEvent) ? alloc : businessPerEvent);
        }
    }

    private ChainedOptionsBuilder jmh(final String include)
    {
        return new OptionsBuilder()
            .include(include)
            .forks(1)
            .warmupIterations(quick ? 2 : 3)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(quick ? 2 : 5)
            .measurementTime(TimeValue.seconds(quick ? 1 : 2))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT);
    }

    private String describe()
    {
        return String.format(Locale.ROOT, "%d round(s)%s; latency harness profile %s; %d CPUs; %s %s; %s %s; " +
            "load average %s", rounds, quick ? ", quick (smoke test: not for the record)" : "",
            null == profile ? "from the configuration" : profile,
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
            System.getProperty("java.vm.version"), System.getProperty("os.name"), System.getProperty("os.version"),
            loadAverage());
    }

    static String markdown(final String started, final String machine, final List<Goals.Outcome> outcomes)
    {
        final StringBuilder md = new StringBuilder();
        md.append("Issue 8 goals, started ").append(started).append(": ").append(machine).append('\n').append('\n');
        md.append("| goal | target | rounds | median | verdict |\n|---|---|---|---|---|\n");
        for (final Goals.Outcome o : outcomes)
        {
            final Goals.Goal goal = o.goal();
            final StringBuilder values = new StringBuilder();
            for (final double v : o.rounds())
            {
                values.append(values.length() == 0 ? "" : "; ")
                    .append(Double.isNaN(v) ? "-" : String.format(Locale.ROOT, goal.unit(), v));
            }
            md.append("| ").append(goal.name()).append(" | ").append(goal.target()).append(" | ").append(values)
                .append(" | ").append(Double.isNaN(o.median()) ? "-" :
                    String.format(Locale.ROOT, goal.unit(), o.median()))
                .append(" | ").append(o.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .append(null == o.reason() ? "" : " (" + o.reason() + ")").append(" |\n");
        }
        final long met = outcomes.stream().filter(o -> o.verdict() == Goals.Verdict.MET).count();
        final long missed = outcomes.stream().filter(o -> o.verdict() == Goals.Verdict.MISSED).count();
        md.append('\n').append(met).append(" met, ").append(missed).append(" missed, ")
            .append(outcomes.size() - met - missed).append(" not measured\n");
        return md.toString();
    }

    /**
     * The figures each round reports beside the goals, not judged: the orders' own service time, tick-to-gateway, the
     * orders decided without market data, the page-fault probe and the steal time, as lines under the goals table
     * (none when no round has them).
     *
     * @param measured the rounds.
     * @return the lines.
     */
    static String reported(final List<Map<String, Double>> measured)
    {
        final StringBuilder md = new StringBuilder();
        reportedLine(md, measured, "orders' own service time p50 at 100k events/s (handler start to order handed " +
            "over), us", Goals.ORDER_SERVICE_P50, "%.2f");
        reportedLine(md, measured, "orders' own service time p99, us", Goals.ORDER_SERVICE_P99, "%.2f");
        reportedLine(md, measured, "tick-to-gateway p50 at 100k events/s (to the gateway thread having the order, " +
            "ready for the socket), us", Goals.TICK_TO_GATEWAY_P50, "%.2f");
        reportedLine(md, measured, "tick-to-gateway p99, us", Goals.TICK_TO_GATEWAY_P99, "%.2f");
        reportedLine(md, measured, "orders decided without market data (on an execution report or a timer tick; " +
            "not in tick-to-order)", Goals.OTHER_ORDERS, "%.0f");
        reportedLine(md, measured, "page-fault probe (a first write to a fresh 4 KiB page under bench.dir), us",
            Goals.PAGE_FAULT, "%.2f");
        reportedLine(md, measured, "steal time in the latency window at 100k events/s (the hypervisor kept the " +
            "machine's CPUs from running), summed over CPUs, ms", Goals.STEAL, "%.0f");
        return md.length() == 0 ? "" : "\nReported, not judged, per round:\n\n" + md;
    }

    private static void reportedLine(
        final StringBuilder md, final List<Map<String, Double>> measured, final String name, final String key,
        final String format)
    {
        if (measured.stream().noneMatch(round -> round.containsKey(key)))
        {
            return;
        }
        final StringBuilder values = new StringBuilder();
        for (final Map<String, Double> round : measured)
        {
            final Double v = round.get(key);
            values.append(values.length() == 0 ? "" : "; ")
                .append(null == v ? "-" : String.format(Locale.ROOT, format, v));
        }
        md.append("- ").append(name).append(": ").append(values).append('\n');
    }

    private static double pageFault()
    {
        final Path dir = BenchSupport.newScratchDir("page-fault");
        try
        {
            return PageFaultProbe.microsPerPage(dir, PAGE_FAULT_PROBE_MB);
        }
        finally
        {
            BenchSupport.deleteScratchDir(dir);
        }
    }

    private static double secondary(final RunResult result, final String name)
    {
        final Object found = result.getSecondaryResults().get(name);
        return found instanceof Result<?> r ? r.getScore() : Double.NaN;
    }

    private static String method(final BenchmarkParams params)
    {
        final String benchmark = params.getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static String journalParam(final BenchmarkParams params)
    {
        final String journal = params.getParam("journal");
        return null == journal ? "" : " journal=" + journal;
    }

    private static String loadAverage()
    {
        try
        {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        }
        catch (final IOException | RuntimeException ex)
        {
            return "unknown";
        }
    }

    private static String value(final String[] args, final int i)
    {
        if (i >= args.length)
        {
            throw new IllegalArgumentException("missing value after " + args[i - 1]);
        }
        return args[i];
    }

    private static String profile(final String[] args, final int i)
    {
        final String v = value(args, i);
        for (final EngineProfile p : EngineProfile.values())
        {
            if (p.label().equals(v))
            {
                return v;
            }
        }
        throw new IllegalArgumentException("--profile must be one of " + Arrays.stream(EngineProfile.values())
            .map(EngineProfile::label).toList() + ": " + v);
    }

    private static int positive(final String[] args, final int i)
    {
        final String v = value(args, i);
        try
        {
            final int parsed = Integer.parseInt(v);
            if (parsed > 0)
            {
                return parsed;
            }
        }
        catch (final NumberFormatException ignored)
        {
            // falls through to the error below
        }
        throw new IllegalArgumentException(args[i - 1] + " must be a positive whole number: " + v);
    }
}
