package com.schwabot.engine;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.venue.Sources;

/**
 * How the engine's venues are identified: the venue trading the configured instruments (the embedded simulator by
 * default, Binance when enabled) and its connections (market data, order entry).
 */
public final class Venues
{
    /** Connection id of a venue's market-data connection. */
    public static final int MARKET_DATA_CONNECTION = 1;
    /** Connection id of a venue's order-entry connection. */
    public static final int ORDER_CONNECTION = 2;

    private Venues()
    {
    }

    /**
     * The venue the engine trades on.
     *
     * @param config the configuration.
     * @return {@link Sources#VENUE_BINANCE} when Binance is enabled and the simulator is not, else
     * {@link Sources#VENUE_SIMULATOR}.
     */
    public static int tradingVenue(final SchwabotConfig config)
    {
        return config.venues().binance().enabled() && !config.venues().simulator().enabled() ?
            Sources.VENUE_BINANCE : Sources.VENUE_SIMULATOR;
    }

    /**
     * Where orders go: the trading venue's order connection.
     *
     * @param config the configuration.
     * @return the destination source.
     */
    public static long orderDestination(final SchwabotConfig config)
    {
        return Sources.source(tradingVenue(config), ORDER_CONNECTION);
    }

    /**
     * Source of the trading venue's market data.
     *
     * @param config the configuration.
     * @return the source.
     */
    public static long marketDataSource(final SchwabotConfig config)
    {
        return Sources.source(tradingVenue(config), MARKET_DATA_CONNECTION);
    }
}
