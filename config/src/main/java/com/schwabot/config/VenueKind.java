package com.schwabot.config;

/**
 * The venues the engine can trade on.
 */
public enum VenueKind implements Labelled
{
    SIMULATOR("simulator"),
    BINANCE("binance");

    private final String label;

    VenueKind(final String label)
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
