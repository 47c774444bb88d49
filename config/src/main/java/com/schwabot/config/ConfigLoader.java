package com.schwabot.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.config.secret.FilePermissions;

/**
 * Loads the configuration: the bundled defaults, then the files of a configuration directory, then the
 * {@code SCHWABOT_*} environment variables (see {@link EnvMapping}), and validates the result once. Every problem
 * is collected and reported together in one {@link ConfigException}.
 * <pre>
 * SchwabotConfig config = new ConfigLoader().configDir(dir).environment(System.getenv()).load();
 * </pre>
 * A context object in Aeron's style: set what you need, then {@link #load()}. Not thread-safe; reusable.
 */
public final class ConfigLoader
{
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private Path configDir;
    private Map<String, String> environment = Map.of();
    private final Map<String, OptionValue> options = new LinkedHashMap<>();
    private int minKdfIterations = ApiKeysFile.MIN_ITERATIONS;

    /**
     * @param configDir directory holding any of the four files; a missing file means its default is used.
     *                  Null (the default) uses {@code SCHWABOT_CONFIG_DIR} if set, else the defaults only.
     * @return this.
     */
    public ConfigLoader configDir(final Path configDir)
    {
        this.configDir = configDir;
        return this;
    }

    /**
     * @param environment the environment ({@code System.getenv()} in production); only {@code SCHWABOT_*}
     *                    variables are looked at.
     * @return this.
     */
    public ConfigLoader environment(final Map<String, String> environment)
    {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /**
     * Values set by a command-line option: they override the environment and are validated like it, and an error
     * in one names the option as the user typed it ({@code --simulator 127.0.0.1:99999:1 -> config.yaml: ...}).
     * A later option that sets the same variable wins.
     *
     * @param option    the option and its argument as typed, for example {@code --simulator 127.0.0.1:9001:9002}.
     * @param variables the keys it sets, as {@code SCHWABOT_*} variable names (see {@link EnvMapping}) to values.
     * @return this.
     */
    public ConfigLoader option(final String option, final Map<String, String> variables)
    {
        for (final Map.Entry<String, String> entry : variables.entrySet())
        {
            options.put(entry.getKey(), new OptionValue(option, entry.getValue()));
        }
        return this;
    }

    /**
     * @param minKdfIterations fewest PBKDF2 iterations api_keys.yaml may declare; lower it in tests only.
     * @return this.
     */
    public ConfigLoader minKdfIterations(final int minKdfIterations)
    {
        this.minKdfIterations = minKdfIterations;
        return this;
    }

    /**
     * Shorthand for {@code new ConfigLoader().configDir(dir).environment(env).load()}.
     *
     * @param configDir   directory of the files, or null.
     * @param environment the environment.
     * @return the validated configuration.
     * @throws ConfigException listing every problem found.
     */
    public static SchwabotConfig load(final Path configDir, final Map<String, String> environment)
        throws ConfigException
    {
        return new ConfigLoader().configDir(configDir).environment(environment).load();
    }

    /**
     * @return the validated configuration.
     * @throws ConfigException listing every problem found.
     */
    public SchwabotConfig load() throws ConfigException
    {
        final Errors errors = new Errors();
        final Path dir = resolveDir(errors);
        final Map<ConfigFile, Map<String, Object>> defaults = bundledDefaults();
        final Map<ConfigFile, Map<String, Object>> trees = new EnumMap<>(ConfigFile.class);
        for (final ConfigFile file : ConfigFile.values())
        {
            final Map<String, Object> fromFile = readFile(dir, file, errors);
            trees.put(file, YamlTrees.merge(defaults.get(file), fromFile, EnvMapping.fileOnly(file)));
        }
        final Map<String, EnvMapping.Target> table = EnvMapping.table(defaults);
        final List<String> applied = applyEnvironment(trees, table, errors);
        applyOptions(trees, table);

        final ConfigYaml main = ConfigYaml.read(section(ConfigFile.CONFIG, trees, defaults, errors));
        final RiskLimits risk = RiskLimits.read(section(ConfigFile.RISK_LIMITS, trees, defaults, errors));
        final StrategiesConfig strategies =
            StrategiesConfig.read(section(ConfigFile.STRATEGIES, trees, defaults, errors));
        final ApiKeysFile apiKeys =
            ApiKeysFile.read(section(ConfigFile.API_KEYS, trees, defaults, errors), minKdfIterations);
        checkAcrossFiles(main, strategies, apiKeys, errors);

        if (!errors.isEmpty())
        {
            LOG.debug("configuration rejected with {} errors", errors.list().size());
            throw new ConfigException(errors.list());
        }
        LOG.info("configuration loaded from {}; environment overrides: {}; command-line overrides: {}",
            null == dir ? "bundled defaults" : dir, applied.isEmpty() ? "none" : applied,
            options.isEmpty() ? "none" : options.keySet());
        return new SchwabotConfig(main, risk, strategies, apiKeys, dir, trees);
    }

    private Path resolveDir(final Errors errors)
    {
        Path dir = configDir;
        final String fromEnv = environment.get(EnvMapping.CONFIG_DIR);
        if (null == dir && null != fromEnv)
        {
            if (fromEnv.isBlank())
            {
                // Set to nothing: an unset variable's expansion far more often than a wish for the bundled defaults,
                // which would then run without a word.
                errors.add(new ConfigError(null, null, "'" + fromEnv + "'", "names no configuration directory: " +
                    "unset the variable for the bundled defaults, or name a directory", EnvMapping.CONFIG_DIR, 0));
                return null;
            }
            dir = Path.of(fromEnv);
        }
        if (null != dir && !Files.isDirectory(dir))
        {
            errors.add(new ConfigError(null, null, null, "configuration directory " + dir + (Files.exists(dir) ?
                " is a file, not a directory" : " does not exist"), null == configDir ? EnvMapping.CONFIG_DIR : null,
                0));
            return null;
        }
        return dir;
    }

    private static Section section(
        final ConfigFile file,
        final Map<ConfigFile, Map<String, Object>> trees,
        final Map<ConfigFile, Map<String, Object>> defaults,
        final Errors errors)
    {
        return new Section(file.fileName(), "", trees.get(file), errors, defaults.get(file));
    }

    private static Map<String, Object> readFile(final Path dir, final ConfigFile file, final Errors errors)
    {
        if (null == dir)
        {
            return Map.of();
        }
        final Path path = dir.resolve(file.fileName());
        if (!Files.exists(path))
        {
            return Map.of();
        }
        final String content;
        try
        {
            content = YamlTrees.read(path);
        }
        catch (final YamlTrees.NotUtf8Exception ex)
        {
            errors.add(file.fileName(), null, ex.getMessage(), ex.line());
            return Map.of();
        }
        catch (final IOException ex)
        {
            errors.add(file.fileName(), null, "cannot read " + path + ": " + ex.getMessage(), 0);
            return Map.of();
        }
        final Map<String, Object> tree = YamlTrees.parse(content, file.fileName(), path.toString(), ValueSource.FILE,
            errors);
        if (file == ConfigFile.API_KEYS && tree.get("entries") instanceof List &&
            !((List<?>)tree.get("entries")).isEmpty())
        {
            final String problem = FilePermissions.ownerOnlyProblem(path);
            if (null != problem)
            {
                errors.add(file.fileName(), null, problem, 0);
                return Map.of();
            }
        }
        return tree;
    }

    private List<String> applyEnvironment(
        final Map<ConfigFile, Map<String, Object>> trees,
        final Map<String, EnvMapping.Target> table,
        final Errors errors)
    {
        final List<String> applied = new ArrayList<>();
        for (final Map.Entry<String, String> entry : new TreeMap<>(environment).entrySet())
        {
            final String name = entry.getKey();
            if (!name.startsWith(EnvMapping.PREFIX) || EnvMapping.RESERVED.contains(name))
            {
                continue;
            }
            final EnvMapping.Target target = table.get(name);
            if (null == target)
            {
                errors.add(new ConfigError(null, null, null,
                    "unknown Schwabot environment variable (not a configuration key; see config/README.md)",
                    name, 0));
                continue;
            }
            set(trees, target, entry.getValue(), Origin.env(target.file().fileName(), name));
            applied.add(name);
        }
        return applied;
    }

    private void applyOptions(
        final Map<ConfigFile, Map<String, Object>> trees, final Map<String, EnvMapping.Target> table)
    {
        for (final Map.Entry<String, OptionValue> entry : options.entrySet())
        {
            final EnvMapping.Target target = table.get(entry.getKey());
            if (null == target)
            {
                throw new IllegalArgumentException(entry.getValue().option() + " sets " + entry.getKey() +
                    ", which is not a configuration key");
            }
            set(trees, target, entry.getValue().value(),
                Origin.option(target.file().fileName(), entry.getValue().option()));
        }
    }

    private static void set(
        final Map<ConfigFile, Map<String, Object>> trees,
        final EnvMapping.Target target,
        final String text,
        final Origin origin)
    {
        final Object value;
        if (target.list())
        {
            final List<Object> items = new ArrayList<>();
            for (final String item : text.split(","))
            {
                if (!item.isBlank())
                {
                    items.add(new Leaf(item.trim(), Leaf.Kind.UNTYPED, origin));
                }
            }
            value = items;
        }
        else
        {
            value = new Leaf(text, Leaf.Kind.UNTYPED, origin);
        }
        YamlTrees.set(trees.get(target.file()), target.path(), value);
    }

    /** A value set by a command-line option, and the option as typed. */
    private record OptionValue(String option, String value)
    {
    }

    /**
     * Parse the bundled default files.
     *
     * @return each file's default tree.
     */
    static Map<ConfigFile, Map<String, Object>> bundledDefaults()
    {
        final Map<ConfigFile, Map<String, Object>> defaults = new EnumMap<>(ConfigFile.class);
        for (final ConfigFile file : ConfigFile.values())
        {
            defaults.put(file, parseDefault(file));
        }
        return defaults;
    }

    private static Map<String, Object> parseDefault(final ConfigFile file)
    {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(file.resource()))
        {
            if (null == in)
            {
                throw new IllegalStateException("bundled default " + file.resource() + " is missing");
            }
            final Errors errors = new Errors();
            final Map<String, Object> tree = YamlTrees.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                file.fileName(), "classpath:" + file.resource(), ValueSource.DEFAULT, errors);
            if (!errors.isEmpty())
            {
                throw new IllegalStateException("bundled default is invalid: " + errors.list());
            }
            return tree;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void checkAcrossFiles(
        final ConfigYaml main, final StrategiesConfig strategies, final ApiKeysFile apiKeys, final Errors errors)
    {
        final String strategiesFile = ConfigFile.STRATEGIES.fileName();
        for (int i = 0; i < strategies.strategies().size(); i++)
        {
            final List<String> symbols = strategies.strategies().get(i).instruments();
            for (int j = 0; j < symbols.size(); j++)
            {
                if (!hasSymbol(main, symbols.get(j)))
                {
                    errors.add(strategiesFile, "strategies[" + i + "].instruments[" + j + "]", null,
                        "unknown instrument '" + symbols.get(j) + "': not in config.yaml instruments");
                }
            }
        }
        final VenuesConfig.Binance binance = main.venues().binance();
        if (binance.enabled() && null == apiKeys.entry(binance.apiKeyName()))
        {
            errors.add(ConfigFile.CONFIG.fileName(), "venues.binance.api_key_name", null,
                "no api_keys.yaml entry named '" + binance.apiKeyName() + "' (required while binance is enabled)");
        }
    }

    private static boolean hasSymbol(final ConfigYaml main, final String symbol)
    {
        for (final Instrument instrument : main.instruments())
        {
            if (instrument.symbol().equals(symbol))
            {
                return true;
            }
        }
        return false;
    }
}
