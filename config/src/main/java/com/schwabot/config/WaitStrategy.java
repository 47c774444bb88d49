package com.schwabot.config;

/**
 * How the business thread waits for events (Disruptor wait strategy).
 */
public enum WaitStrategy implements Labelled
{
    BUSY_SPIN("busy-spin"),
    YIELDING("yielding"),
    SLEEPING("sleeping"),
    BLOCKING("blocking");

    private final String label;

    WaitStrategy(final String label)
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
