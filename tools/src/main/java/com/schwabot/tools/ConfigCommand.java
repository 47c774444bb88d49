package com.schwabot.tools;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.schwabot.config.EffectiveConfigRenderer;
import com.schwabot.config.SchwabotConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code schwabot config show|check}: print the effective configuration, or only validate it.
 */
@Command(
    name = "config",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.CONFIG_HELP },
    description = "Show or check the configuration (files in --config DIR or $SCHWABOT_CONFIG_DIR, " +
        "SCHWABOT_* variables, bundled defaults).")
final class ConfigCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    public Integer call()
    {
        throw new ParameterException(spec.commandLine(), "missing subcommand: show or check");
    }

    @Command(
        name = "show",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.CONFIG_HELP },
        description = "Print the effective configuration as YAML; each value is followed by its source " +
            "(default, file:line, or env variable). Secrets are redacted.")
    int show(@Mixin final ConfigOptions options)
    {
        final SchwabotConfig config = options.load(SchwabotCli.context(spec));
        final PrintWriter out = spec.commandLine().getOut();
        out.print(EffectiveConfigRenderer.render(config));
        out.flush();
        return ExitCodes.OK;
    }

    @Command(
        name = "check",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { ExitCodes.OK_HELP, ExitCodes.USAGE_HELP, ExitCodes.CONFIG_HELP },
        description = "Validate the configuration: print 'configuration OK' (exit 0) or every error with its " +
            "file, key, value and what is allowed (exit 3).")
    int check(@Mixin final ConfigOptions options)
    {
        final CliContext context = SchwabotCli.context(spec);
        final SchwabotConfig config = options.load(context);
        final PrintWriter out = spec.commandLine().getOut();
        out.println("configuration OK (" + options.describeSource(context) + "; " + config.instruments().size() +
            " instruments, risk profile " + config.risk().activeProfile().label() + ")");
        if (!RunCommand.hasVenue(config))
        {
            out.println("note: " + RunCommand.NO_VENUE);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
