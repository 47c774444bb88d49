package com.schwabot.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How {@code SCHWABOT_*} environment variables map onto configuration keys.
 * <p>
 * The rule: the file's prefix ({@link ConfigFile#envPrefix()}) followed by the key path, upper case, with dots as
 * underscores. {@code engine.input_ring_size} in config.yaml is {@code SCHWABOT_ENGINE_INPUT_RING_SIZE};
 * {@code profiles.moderate.max_order_qty} in risk_limits.yaml is {@code SCHWABOT_RISK_PROFILES_MODERATE_MAX_ORDER_QTY}.
 * Every scalar key reached through mappings only has a variable; a list of strings takes a comma-separated value;
 * lists of mappings (instruments, strategies), mappings with user-chosen keys (ensemble weights) and api_keys.yaml
 * are set in files only. The table is derived from the bundled default files, so it is fixed for a build; any other
 * {@code SCHWABOT_*} variable, except the {@link #RESERVED} ones, is an error.
 */
public final class EnvMapping
{
    /** Prefix of every Schwabot environment variable. */
    public static final String PREFIX = "SCHWABOT_";
    /** Passphrase from which the api_keys.yaml master key is derived. */
    public static final String PASSPHRASE = "SCHWABOT_PASSPHRASE";
    /** Path of a file holding the 32-byte api_keys.yaml master key (raw or base64); wins over the passphrase. */
    public static final String KEY_FILE = "SCHWABOT_KEY_FILE";
    /** Directory of the configuration files, when not given on the command line. */
    public static final String CONFIG_DIR = "SCHWABOT_CONFIG_DIR";
    /** Token required by the monitoring server's admin actions (halt, resume). */
    public static final String ADMIN_TOKEN = "SCHWABOT_ADMIN_TOKEN";
    /** Variables that are not configuration keys; they are never logged or printed. */
    public static final Set<String> RESERVED = Set.of(PASSPHRASE, KEY_FILE, CONFIG_DIR, ADMIN_TOKEN);

    /** Mappings whose keys are chosen by the user: set in files only. */
    static final Set<String> FILE_ONLY = Set.of("strategies.yaml:ensemble.weights");

    static Set<String> fileOnly(final ConfigFile file)
    {
        final Set<String> paths = new java.util.HashSet<>();
        for (final String entry : FILE_ONLY)
        {
            if (entry.startsWith(file.fileName() + ":"))
            {
                paths.add(entry.substring(file.fileName().length() + 1));
            }
        }
        return paths;
    }

    /**
     * One variable's target.
     *
     * @param file the file whose key it overrides.
     * @param path the dotted key path.
     * @param list true when the key holds a list of strings (comma-separated value).
     */
    public record Target(ConfigFile file, String path, boolean list)
    {
    }

    private EnvMapping()
    {
    }

    /**
     * @param file the file.
     * @param path dotted key path.
     * @return the variable name for the key.
     */
    public static String envName(final ConfigFile file, final String path)
    {
        return file.envPrefix() + path.toUpperCase(java.util.Locale.ROOT).replace('.', '_');
    }

    /**
     * The whole table, derived from the bundled defaults, sorted by variable name.
     *
     * @return variable name to target.
     */
    public static Map<String, Target> table()
    {
        return table(ConfigLoader.bundledDefaults());
    }

    static Map<String, Target> table(final Map<ConfigFile, Map<String, Object>> defaults)
    {
        final Map<String, Target> table = new TreeMap<>();
        for (final Map.Entry<ConfigFile, Map<String, Object>> entry : defaults.entrySet())
        {
            if (null != entry.getKey().envPrefix())
            {
                walk(entry.getKey(), "", entry.getValue(), table);
            }
        }
        return Collections.unmodifiableMap(table);
    }

    @SuppressWarnings("unchecked")
    private static void walk(
        final ConfigFile file, final String prefix, final Map<String, Object> map, final Map<String, Target> table)
    {
        for (final Map.Entry<String, Object> entry : map.entrySet())
        {
            final String path = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
            final Object value = entry.getValue();
            if (FILE_ONLY.contains(file.fileName() + ":" + path))
            {
                continue;
            }
            if (value instanceof Map)
            {
                walk(file, path, (Map<String, Object>)value, table);
            }
            else if (value instanceof Leaf || (value instanceof List && isScalarList((List<Object>)value)))
            {
                final String name = envName(file, path);
                final Target previous = table.put(name, new Target(file, path, value instanceof List));
                if (null != previous || RESERVED.contains(name))
                {
                    throw new IllegalStateException("environment variable " + name + " maps to two keys: " +
                        file.fileName() + ": " + path + " and " + (null == previous ? "a reserved variable" :
                        previous.file().fileName() + ": " + previous.path()));
                }
            }
        }
    }

    private static boolean isScalarList(final List<Object> list)
    {
        for (final Object item : list)
        {
            if (!(item instanceof Leaf))
            {
                return false;
            }
        }
        return true;
    }
}
