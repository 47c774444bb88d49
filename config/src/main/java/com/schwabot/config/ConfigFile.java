package com.schwabot.config;

/**
 * The four configuration files, their bundled default resource and the prefix of their environment variables.
 */
public enum ConfigFile
{
    /** Engine, journal, instruments, venues, tensor, persistence, monitoring, logging, backtest. */
    CONFIG("config.yaml", "SCHWABOT_"),
    /** Risk profiles. */
    RISK_LIMITS("risk_limits.yaml", "SCHWABOT_RISK_"),
    /** Strategies and the ensemble. */
    STRATEGIES("strategies.yaml", "SCHWABOT_STRATEGIES_"),
    /** Encrypted API credentials; not overridable from the environment. */
    API_KEYS("api_keys.yaml", null);

    /** Classpath folder of the bundled defaults (config/src/main/resources/config/ in the repository). */
    public static final String RESOURCE_DIR = "/config/";

    private final String fileName;
    private final String envPrefix;

    ConfigFile(final String fileName, final String envPrefix)
    {
        this.fileName = fileName;
        this.envPrefix = envPrefix;
    }

    /**
     * @return the file name, for example {@code config.yaml}.
     */
    public String fileName()
    {
        return fileName;
    }

    /**
     * @return the prefix of the environment variables that override this file, or null if none do.
     */
    public String envPrefix()
    {
        return envPrefix;
    }

    /**
     * @return the classpath resource of the bundled default.
     */
    public String resource()
    {
        return RESOURCE_DIR + fileName;
    }
}
