package com.schwabot.tensor.cache;

/**
 * A mutable long key, reused for every lookup so a read allocates no boxed {@link Long}. Chronicle Map compares keys
 * by their serialized bytes, so equality here is only for completeness.
 */
public final class LongKey
{
    private long value;

    /** @return the id. */
    public long value()
    {
        return value;
    }

    /**
     * @param value the id.
     * @return this.
     */
    public LongKey value(final long value)
    {
        this.value = value;
        return this;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof LongKey && ((LongKey)other).value == value;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(value);
    }

    @Override
    public String toString()
    {
        return Long.toString(value);
    }
}
