package com.schwabot.tensor;

import java.util.Locale;

/**
 * Which tensor backend to use: the value of the {@code tensor.backend} setting.
 */
public enum BackendMode
{
    /** CUDA when a device is usable, else CPU; one log line says which and why. */
    AUTO,
    /** The CPU backend, always. */
    CPU,
    /** The CUDA backend; creating it fails with {@link CudaUnavailableException} when no device is usable. */
    CUDA;

    /**
     * Parses a setting value: {@code auto}, {@code cpu} or {@code cuda}, in any case, surrounding blanks ignored.
     *
     * @param value the setting value.
     * @return the mode.
     * @throws IllegalArgumentException naming the value and the allowed ones.
     */
    public static BackendMode parse(final String value)
    {
        if (value != null)
        {
            final String trimmed = value.trim().toUpperCase(Locale.ROOT);
            for (final BackendMode mode : values())
            {
                if (mode.name().equals(trimmed))
                {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException(
            "tensor.backend: '" + value + "' is not one of auto, cpu, cuda");
    }
}
