package com.schwabot.engine.venue.sim;

/**
 * The Binance spot SBE market-data streams the simulator serves. A stream name is the lower-case symbol, {@code @}
 * and the suffix: {@code btcusdt@trade}, {@code btcusdt@bestBidAsk}, {@code btcusdt@depth}, {@code btcusdt@depth20}.
 */
public enum StreamType
{
    /** {@code <symbol>@trade}: {@code TradesStreamEvent} (10000), one or more trades per frame. */
    TRADE("trade"),
    /** {@code <symbol>@bestBidAsk}: {@code BestBidAskStreamEvent} (10001), whenever the top of book changes. */
    BEST_BID_ASK("bestBidAsk"),
    /** {@code <symbol>@depth}: {@code DepthDiffStreamEvent} (10003), the level changes since the last diff. */
    DEPTH("depth"),
    /** {@code <symbol>@depth20}: {@code DepthSnapshotStreamEvent} (10002), top 20 levels, periodic and on subscribe. */
    DEPTH20("depth20");

    /** Number of stream types; stream keys are {@code instrumentIndex * COUNT + ordinal()}. */
    public static final int COUNT = 4;

    private static final StreamType[] TYPES = values();

    private final String suffix;

    StreamType(final String suffix)
    {
        this.suffix = suffix;
    }

    /**
     * @return the part of the stream name after {@code @}.
     */
    public String suffix()
    {
        return suffix;
    }

    /**
     * @param suffix part of a stream name after {@code @}, case-sensitive as Binance's.
     * @return the type, or null when unknown.
     */
    public static StreamType fromSuffix(final String suffix)
    {
        for (final StreamType type : TYPES)
        {
            if (type.suffix.equals(suffix))
            {
                return type;
            }
        }
        return null;
    }

    /**
     * @param ordinal a value of {@link #ordinal()}.
     * @return the type.
     */
    public static StreamType get(final int ordinal)
    {
        return TYPES[ordinal];
    }
}
