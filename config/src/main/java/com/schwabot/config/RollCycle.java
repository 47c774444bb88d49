package com.schwabot.config;

/**
 * How often the journal starts a new file.
 */
public enum RollCycle implements Labelled
{
    MINUTELY("minutely"),
    HOURLY("hourly"),
    DAILY("daily");

    private final String label;

    RollCycle(final String label)
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
