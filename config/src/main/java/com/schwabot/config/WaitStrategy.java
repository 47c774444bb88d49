package com.schwabot.config;

/**
 * How the business thread waits for events (Disruptor wait strategy). {@link #WAKE_ON_PUBLISH} is the engine's own:
 * spin, yield, then park until a producer publishes; its counts and longest park come from the profile
 * ({@link EngineProfile#businessWake()}).
 */
public enum WaitStrategy implements Labelled
{
    BUSY_SPIN("busy-spin"),
    YIELDING("yielding"),
    SLEEPING("sleeping"),
    BLOCKING("blocking"),
    WAKE_ON_PUBLISH("wake-on-publish");

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
