package com.schwabot.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.schwabot.config.EffectiveConfigRenderer;
import com.schwabot.config.SchwabotConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot run}: parses the options and loads the configuration in {@link #call()}, then hands over to
 * {@link #run(SchwabotConfig, Path, Duration, PrintWriter)}, the one method the engine integrator replaces with
 * starting the engine. Until the engine exists that method prints the effective configuration and says so.
 */
@Command(
    name = "run",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.CONFIG_HELP },
    description = {
        "Run the engine on the configuration (the bundled defaults trade against the embedded simulator).",
        "Today the engine is not wired yet: run loads and validates the configuration, prints the effective " +
            "configuration with the source of every value, and exits." })
public final class RunCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(
        names = "--duration",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Stop after this long: 500ms, 90s, 15m, 2h, 1d or ISO-8601 (PT1H30M). " +
            "Default: run until stopped (Ctrl-C).")
    Duration duration;

    @Option(
        names = "--data-dir",
        paramLabel = "DIR",
        defaultValue = ".",
        description = "Base directory of the relative paths in the configuration (journal.dir, " +
            "tensor.cache_dir, persistence.sqlite_dir, logging.dir). Default: the current directory.")
    Path dataDir;

    /**
     * Load and validate the configuration, then {@link #run}.
     *
     * @return the exit status.
     */
    public Integer call()
    {
        final SchwabotConfig config = configOptions.load(SchwabotCli.context(spec));
        return run(config, dataDir, duration, spec.commandLine().getOut());
    }

    /**
     * What {@code run} does with a valid configuration. Engine integrator: replace this body with starting the
     * engine (and its one-line live status on {@code out}), stopping after {@code duration} when it is not null.
     *
     * @param config   the validated configuration.
     * @param dataDir  base directory of the relative paths in the configuration.
     * @param duration how long to run, or null to run until stopped.
     * @param out      standard output.
     * @return the exit status, see {@link ExitCodes}.
     */
    int run(final SchwabotConfig config, final Path dataDir, final Duration duration, final PrintWriter out)
    {
        out.println("# schwabot run: the configuration is valid.");
        out.println("# The engine is not wired yet: today run validates the configuration and prints it below;");
        out.println("# it connects to no venue and places no order.");
        out.println("# Would run " + (null == duration ? "until stopped" : "for " + duration) +
            " with data under " + dataDir.toAbsolutePath().normalize() + ":");
        out.println("#   journal " + resolve(dataDir, config.journal().dir()) +
            ", cache " + resolve(dataDir, config.tensor().cacheDir()) +
            ", sqlite " + resolve(dataDir, config.persistence().sqliteDir()) +
            ", logs " + resolve(dataDir, config.logging().dir()));
        out.print(EffectiveConfigRenderer.render(config));
        out.flush();
        return ExitCodes.OK;
    }

    private static Path resolve(final Path dataDir, final Path path)
    {
        return dataDir.resolve(path).toAbsolutePath().normalize();
    }
}
