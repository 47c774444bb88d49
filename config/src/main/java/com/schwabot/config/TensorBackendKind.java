package com.schwabot.config;

/**
 * Which tensor backend to use; {@code auto} picks CUDA when a device is present.
 */
public enum TensorBackendKind implements Labelled
{
    AUTO("auto"),
    CPU("cpu"),
    CUDA("cuda");

    private final String label;

    TensorBackendKind(final String label)
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
