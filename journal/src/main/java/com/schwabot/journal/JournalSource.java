/*
 * Schwabot journal.
 */
package com.schwabot.journal;

/**
 * Packs a venue id and a connection id into the int64 source field of a record: venue id in the high 32 bits,
 * connection id in the low 32 bits.
 */
public final class JournalSource
{
    private JournalSource()
    {
    }

    /**
     * Pack a source.
     *
     * @param venueId      venue id.
     * @param connectionId connection id within the venue.
     * @return the packed source.
     */
    public static long source(final int venueId, final int connectionId)
    {
        return ((long)venueId << 32) | (connectionId & 0xFFFF_FFFFL);
    }

    /**
     * Venue id of a packed source.
     *
     * @param source packed source.
     * @return the venue id.
     */
    public static int venueId(final long source)
    {
        return (int)(source >>> 32);
    }

    /**
     * Connection id of a packed source.
     *
     * @param source packed source.
     * @return the connection id.
     */
    public static int connectionId(final long source)
    {
        return (int)source;
    }
}
