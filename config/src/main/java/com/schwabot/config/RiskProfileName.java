package com.schwabot.config;

/**
 * The risk profiles in risk_limits.yaml.
 */
public enum RiskProfileName implements Labelled
{
    CONSERVATIVE("conservative"),
    MODERATE("moderate"),
    AGGRESSIVE("aggressive");

    private final String label;

    RiskProfileName(final String label)
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
