package com.schwabot.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.ConfigFile;
import com.schwabot.config.EnvMapping;
import com.schwabot.config.VenueKind;
import com.schwabot.config.secret.ApiKeyStoreEditor;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --config DIR} option of the {@code keys} commands: the directory whose api_keys.yaml they edit.
 */
final class KeyStoreOptions
{
    @Option(
        names = "--config",
        paramLabel = "DIR",
        description = "Configuration directory holding api_keys.yaml (default: $SCHWABOT_CONFIG_DIR).")
    Path configDir;

    /**
     * @param spec    the command, for the usage error.
     * @param context the environment.
     * @return the configuration directory.
     * @throws ParameterException when neither {@code --config} nor {@code SCHWABOT_CONFIG_DIR} is given.
     */
    Path dir(final CommandSpec spec, final CliContext context)
    {
        if (null != configDir)
        {
            return configDir;
        }
        final String fromEnv = context.environment().get(EnvMapping.CONFIG_DIR);
        if (null == fromEnv || fromEnv.isBlank())
        {
            throw new ParameterException(spec.commandLine(),
                "no configuration directory: give --config DIR or set " + EnvMapping.CONFIG_DIR);
        }
        return Path.of(fromEnv);
    }

    /**
     * @param spec    the command, for the usage error.
     * @param context the environment.
     * @return the api_keys.yaml path.
     */
    Path file(final CommandSpec spec, final CliContext context)
    {
        return dir(spec, context).resolve(ConfigFile.API_KEYS.fileName());
    }

    /**
     * @param file the api_keys.yaml path.
     * @return the file.
     * @throws CliException with {@link ExitCodes#IO} when it does not exist.
     */
    static Path requireExisting(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new CliException(ExitCodes.IO, "no api_keys.yaml at " + file + ": run keys init first");
        }
        return file;
    }

    /**
     * @param venue an entry's venue, or null for a plain secret.
     * @return what the entry is, for the keys commands' messages: the venue's label, or "plain secret".
     */
    static String kind(final VenueKind venue)
    {
        return null == venue ? "plain secret" : venue.label();
    }

    /**
     * @param written the file as written.
     * @return how many entries it holds, for the keys commands' messages: "1 entry", "2 entries".
     */
    static String entries(final ApiKeysFile written)
    {
        final int count = written.entries().size();
        return count + (count == 1 ? " entry" : " entries");
    }

    /**
     * @param file    the api_keys.yaml path.
     * @param context the environment.
     * @return an editor for the file.
     */
    static ApiKeyStoreEditor editor(final Path file, final CliContext context)
    {
        return new ApiKeyStoreEditor(file).minIterations(context.minKdfIterations());
    }
}
