package com.schwabot.config;

/**
 * An enum whose constants are written in the YAML files by a label (for example {@code busy-spin}).
 */
public interface Labelled
{
    /**
     * @return the label used in YAML files and environment variables.
     */
    String label();
}
