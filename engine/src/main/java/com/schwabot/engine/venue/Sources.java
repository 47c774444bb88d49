package com.schwabot.engine.venue;

/**
 * Source identifiers carried by every ring event and journal record: the venue id in the high 32 bits and the
 * connection id in the low 32 bits of a long (the journal's record header stores it as is).
 */
public final class Sources
{
    /** The embedded exchange simulator. */
    public static final int VENUE_SIMULATOR = 1;
    /** Binance spot. */
    public static final int VENUE_BINANCE = 2;
    /** The engine itself: timer ticks and admin commands. */
    public static final int VENUE_ENGINE = 100;

    /** Market-data connection channel. */
    public static final int CHANNEL_MARKET_DATA = 1;
    /** Order-entry connection channel. */
    public static final int CHANNEL_ORDER_ENTRY = 2;

    private Sources()
    {
    }

    /**
     * Compose a source.
     *
     * @param venueId      venue number.
     * @param connectionId connection number within the venue.
     * @return the composed source.
     */
    public static long source(final int venueId, final int connectionId)
    {
        return ((long)venueId << 32) | (connectionId & 0xFFFF_FFFFL);
    }

    /**
     * The venue of a source.
     *
     * @param source composed source.
     * @return its venue id.
     */
    public static int venueId(final long source)
    {
        return (int)(source >>> 32);
    }

    /**
     * The connection of a source.
     *
     * @param source composed source.
     * @return its connection id.
     */
    public static int connectionId(final long source)
    {
        return (int)source;
    }
}
