package com.schwabot.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.agrona.concurrent.status.CountersReader;

import com.schwabot.engine.monitor.CountersFile;
import com.schwabot.engine.monitor.EngineCounters;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot stat}: prints every counter of an engine from its counters file ({@code counters.dat}, mapped
 * read-only: the engine is not disturbed), live every {@code --interval} until Ctrl-C, or once with {@code --once}.
 * Works on a running engine and on the file a stopped one left. Each snapshot re-opens the file, so a restarted
 * engine is followed.
 */
@Command(
    name = "stat",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP,
        ExitCodes.IO + ":I/O (no counters file in the directory, or not one this version reads)" },
    description = {
        "Print the counters of a running (or stopped) engine from its counters file, refreshed every --interval " +
            "until Ctrl-C, or once with --once.",
        "Each line: counter id, type (count, gauge or latency in ns), value, label." })
public final class StatCommand implements Callable<Integer>
{
    private static final String CLEAR_SCREEN = "\033[H\033[2J";

    @Spec
    CommandSpec spec;

    @Option(
        names = "--dir",
        paramLabel = "DIR",
        defaultValue = RunCommand.COUNTERS_DIR,
        description = "Directory of the engine's counters.dat (a run's DATA_DIR/" + RunCommand.COUNTERS_DIR +
            "), or the file itself. Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--once", description = "Print one snapshot and exit.")
    boolean once;

    @Option(
        names = "--interval",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        defaultValue = "1s",
        description = "Time between snapshots: 500ms, 2s, ... Default: ${DEFAULT-VALUE}.")
    Duration interval;

    @Option(
        names = "--count",
        paramLabel = "N",
        description = "Stop after N snapshots. Default: until Ctrl-C (1 with --once).")
    Integer count;

    /**
     * Print the snapshots.
     *
     * @return the exit status.
     * @throws InterruptedException when interrupted between snapshots.
     */
    public Integer call() throws InterruptedException
    {
        final PrintWriter out = spec.commandLine().getOut();
        if (null != count && count < 1)
        {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1");
        }
        final long snapshots = once ? 1 : null == count ? Long.MAX_VALUE : count;
        final boolean clear = !once && null != SchwabotCli.context(spec).console();
        for (long n = 0; n < snapshots; n++)
        {
            if (n > 0)
            {
                Thread.sleep(interval.toMillis());
                out.print(clear ? CLEAR_SCREEN : System.lineSeparator());
            }
            print(out);
            out.flush();
        }
        return ExitCodes.OK;
    }

    private void print(final PrintWriter out)
    {
        try (CountersFile file = CountersFile.openReadOnly(dir))
        {
            final long now = System.currentTimeMillis();
            out.println("# " + file.path().toAbsolutePath().normalize() + ": pid " + file.pid() + " " +
                state(file, now) + ", started " + Instant.ofEpochMilli(file.startTimeMs()));
            out.println("# " + Instant.ofEpochMilli(now));
            out.println(String.format(Locale.ROOT, "%5s  %-7s %20s  %s", "id", "type", "value", "label"));
            final CountersReader reader = file.reader();
            reader.forEach((counterId, typeId, keyBuffer, label) -> out.println(String.format(Locale.ROOT,
                "%5d  %-7s %20d  %s", counterId, type(typeId), reader.getCounterValue(counterId), label)));
        }
        catch (final IOException ex)
        {
            throw new CliException(ExitCodes.IO, ex.getMessage());
        }
    }

    private static String state(final CountersFile file, final long now)
    {
        if (file.closedTimeMs() != 0)
        {
            return "stopped at " + Instant.ofEpochMilli(file.closedTimeMs());
        }
        if (file.isActive(now))
        {
            return String.format(Locale.ROOT, "running (heartbeat %.1f s ago)", (now - file.heartbeatMs()) / 1000.0);
        }
        return "not running (last heartbeat " + Instant.ofEpochMilli(file.heartbeatMs()) + ")";
    }

    private static String type(final int typeId)
    {
        return switch (typeId)
        {
            case EngineCounters.TYPE_GAUGE -> "gauge";
            case EngineCounters.TYPE_LATENCY -> "latency";
            default -> "count";
        };
    }
}
