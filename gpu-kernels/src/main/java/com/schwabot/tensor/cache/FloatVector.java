package com.schwabot.tensor.cache;

/**
 * A fixed-length float vector: the value type of the caches. Reused for reads ({@code getUsing}) and writes.
 */
public final class FloatVector
{
    private final float[] values;

    /**
     * @param length the number of floats.
     */
    public FloatVector(final int length)
    {
        this.values = new float[length];
    }

    /** @return the floats, modifiable in place. */
    public float[] values()
    {
        return values;
    }

    /** @return the number of floats. */
    public int length()
    {
        return values.length;
    }
}
