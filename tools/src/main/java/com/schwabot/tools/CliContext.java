package com.schwabot.tools;

import java.io.Console;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.schwabot.config.ApiKeysFile;

/**
 * What the commands take from the process, passed in rather than read from globals so tests control it: the
 * environment (the {@code SCHWABOT_*} variables), standard input, and the console used for prompts without echo.
 * Immutable.
 */
public final class CliContext
{
    /** Variables read by the launcher {@code tools/schwabot}, not by Java: never passed to the config loader. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("SCHWABOT_JAVA_OPTS", "SCHWABOT_SKIP_BUILD");

    private final Map<String, String> environment;
    private final InputStream in;
    private final Console console;
    private final int minKdfIterations;

    /**
     * @param environment      the environment ({@code System.getenv()} in production).
     * @param in               standard input.
     * @param console          the console for prompts without echo, or null when there is none (input piped).
     * @param minKdfIterations fewest PBKDF2 iterations accepted in api_keys.yaml
     *                         ({@link ApiKeysFile#MIN_ITERATIONS} outside tests).
     */
    public CliContext(
        final Map<String, String> environment, final InputStream in, final Console console, final int minKdfIterations)
    {
        this.environment = Map.copyOf(environment);
        this.in = in;
        this.console = console;
        this.minKdfIterations = minKdfIterations;
    }

    /**
     * @return the context of this process: {@code System.getenv()}, {@code System.in}, {@code System.console()}.
     */
    public static CliContext system()
    {
        return new CliContext(System.getenv(), System.in, System.console(), ApiKeysFile.MIN_ITERATIONS);
    }

    /**
     * @return the whole environment.
     */
    public Map<String, String> environment()
    {
        return environment;
    }

    /**
     * @return the environment for {@link com.schwabot.config.ConfigLoader}: without the launcher's own variables,
     * which the loader would otherwise reject as unknown {@code SCHWABOT_*} variables.
     */
    public Map<String, String> configEnvironment()
    {
        final Map<String, String> filtered = new HashMap<>(environment);
        filtered.keySet().removeAll(LAUNCHER_VARIABLES);
        return filtered;
    }

    /**
     * @return standard input.
     */
    public InputStream in()
    {
        return in;
    }

    /**
     * @return the console, or null when input is not a terminal.
     */
    public Console console()
    {
        return console;
    }

    /**
     * @return fewest PBKDF2 iterations accepted in api_keys.yaml.
     */
    public int minKdfIterations()
    {
        return minKdfIterations;
    }
}
