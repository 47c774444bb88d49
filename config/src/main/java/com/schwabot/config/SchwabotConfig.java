package com.schwabot.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration, merged (environment over files over defaults) and validated. Immutable.
 * Load it with {@link ConfigLoader}. Holds no plaintext secret.
 */
public final class SchwabotConfig
{
    private final EngineConfig engine;
    private final JournalConfig journal;
    private final List<Instrument> instruments;
    private final VenuesConfig venues;
    private final TensorConfig tensor;
    private final PersistenceConfig persistence;
    private final MonitoringConfig monitoring;
    private final LoggingConfig logging;
    private final BacktestConfig backtest;
    private final RiskLimits risk;
    private final StrategiesConfig strategies;
    private final ApiKeysFile apiKeys;
    private final Path configDir;
    private final Map<ConfigFile, Map<String, Object>> trees;

    SchwabotConfig(
        final ConfigYaml main,
        final RiskLimits risk,
        final StrategiesConfig strategies,
        final ApiKeysFile apiKeys,
        final Path configDir,
        final Map<ConfigFile, Map<String, Object>> trees)
    {
        this.engine = main.engine();
        this.journal = main.journal();
        this.instruments = List.copyOf(main.instruments());
        this.venues = main.venues();
        this.tensor = main.tensor();
        this.persistence = main.persistence();
        this.monitoring = main.monitoring();
        this.logging = main.logging();
        this.backtest = main.backtest();
        this.risk = risk;
        this.strategies = strategies;
        this.apiKeys = apiKeys;
        this.configDir = configDir;
        this.trees = trees;
    }

    /** @return the {@code engine} section. */
    public EngineConfig engine()
    {
        return engine;
    }

    /** @return the {@code journal} section. */
    public JournalConfig journal()
    {
        return journal;
    }

    /** @return the instruments, in file order. */
    public List<Instrument> instruments()
    {
        return instruments;
    }

    /**
     * @param symbol venue symbol.
     * @return the instrument, or null if none has that symbol.
     */
    public Instrument instrument(final String symbol)
    {
        for (final Instrument instrument : instruments)
        {
            if (instrument.symbol().equals(symbol))
            {
                return instrument;
            }
        }
        return null;
    }

    /** @return the {@code venues} section. */
    public VenuesConfig venues()
    {
        return venues;
    }

    /** @return the {@code tensor} section. */
    public TensorConfig tensor()
    {
        return tensor;
    }

    /** @return the {@code backtest} section (the simulated venue of a backtest replay). */
    public BacktestConfig backtest()
    {
        return backtest;
    }

    /** @return the {@code persistence} section. */
    public PersistenceConfig persistence()
    {
        return persistence;
    }

    /** @return the {@code monitoring} section. */
    public MonitoringConfig monitoring()
    {
        return monitoring;
    }

    /** @return the {@code logging} section. */
    public LoggingConfig logging()
    {
        return logging;
    }

    /** @return risk_limits.yaml. */
    public RiskLimits risk()
    {
        return risk;
    }

    /** @return strategies.yaml. */
    public StrategiesConfig strategies()
    {
        return strategies;
    }

    /** @return api_keys.yaml as stored (encrypted); open it with {@link com.schwabot.config.secret.SecretStore}. */
    public ApiKeysFile apiKeys()
    {
        return apiKeys;
    }

    /** @return the configuration directory the files were read from, or null when only defaults were used. */
    public Path configDir()
    {
        return configDir;
    }

    Map<ConfigFile, Map<String, Object>> trees()
    {
        return trees;
    }
}
