package com.schwabot.config;

/**
 * The strategy implementations a strategies.yaml entry can name.
 */
public enum StrategyType implements Labelled
{
    MOMENTUM("momentum"),
    MEAN_REVERSION("mean_reversion"),
    IMBALANCE("imbalance");

    private final String label;

    StrategyType(final String label)
    {
        this.label = label;
    }

    /**
     * {@inheritDoc}
     */
    public String label()
    {
        return label;
    }
}
