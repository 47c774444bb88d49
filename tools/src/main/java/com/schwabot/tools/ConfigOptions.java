package com.schwabot.tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.schwabot.config.ConfigError;
import com.schwabot.config.ConfigException;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.EnvMapping;
import com.schwabot.config.SchwabotConfig;

import picocli.CommandLine.Option;

/**
 * The {@code --config DIR} option shared by the commands that load the configuration, and the loading itself:
 * {@code --config}, else {@code SCHWABOT_CONFIG_DIR}, else the bundled defaults; {@code SCHWABOT_*} variables
 * override the files.
 */
final class ConfigOptions
{
    @Option(
        names = "--config",
        paramLabel = "DIR",
        description = "Configuration directory holding any of config.yaml, risk_limits.yaml, strategies.yaml, " +
            "api_keys.yaml (default: $SCHWABOT_CONFIG_DIR, else the bundled defaults).")
    Path configDir;

    /**
     * Load and validate the configuration.
     *
     * @param context the environment.
     * @return the validated configuration.
     * @throws CliException with {@link ExitCodes#CONFIG} and every error, one per detail line.
     */
    SchwabotConfig load(final CliContext context)
    {
        return load(context, Map.of());
    }

    /**
     * Load with command-line overrides: each option (as the user typed it, e.g. {@code --simulator
     * 127.0.0.1:9001:9002}) sets keys given as {@code SCHWABOT_*} variables. They take precedence over the
     * environment and go through the same validation, and an error in one names the option.
     *
     * @param context the environment.
     * @param options each option as typed, in command-line order, to the variables it sets.
     * @return the validated configuration.
     * @throws CliException with {@link ExitCodes#CONFIG} and every error, one per detail line.
     */
    SchwabotConfig load(final CliContext context, final Map<String, Map<String, String>> options)
    {
        final ConfigLoader loader = new ConfigLoader()
            .configDir(configDir)
            .environment(context.configEnvironment())
            .minKdfIterations(context.minKdfIterations());
        for (final Map.Entry<String, Map<String, String>> option : options.entrySet())
        {
            loader.option(option.getKey(), option.getValue());
        }
        try
        {
            return loader.load();
        }
        catch (final ConfigException ex)
        {
            throw invalid(ex, describeSource(context));
        }
    }

    /**
     * @param context the environment.
     * @return where the configuration files come from, in words.
     */
    String describeSource(final CliContext context)
    {
        if (null != configDir)
        {
            return configDir.toString();
        }
        final String fromEnv = context.environment().get(EnvMapping.CONFIG_DIR);
        if (null != fromEnv && !fromEnv.isBlank())
        {
            return fromEnv + " (" + EnvMapping.CONFIG_DIR + ")";
        }
        return "the bundled defaults";
    }

    static CliException invalid(final ConfigException ex, final String source)
    {
        final List<String> lines = new ArrayList<>(ex.errors().size());
        for (final ConfigError error : ex.errors())
        {
            lines.add(error.message());
        }
        final int count = lines.size();
        return new CliException(ExitCodes.CONFIG, "invalid configuration from " + source + " (" + count +
            (count == 1 ? " error" : " errors") + "):", lines);
    }
}
