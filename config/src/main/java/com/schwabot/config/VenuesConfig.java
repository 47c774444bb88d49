package com.schwabot.config;

import java.util.List;

/**
 * The {@code venues} section of config.yaml.
 *
 * @param simulator the embedded exchange simulator.
 * @param binance   Binance Spot (SBE market data streams).
 */
public record VenuesConfig(Simulator simulator, Binance binance)
{
    /**
     * The exchange simulator: Binance SBE market data over TCP, canonical SBE order entry. Embedded (started by the
     * engine on loopback) by default, or a separate process ({@code schwabot sim}) that outlives the engine.
     *
     * @param enabled         whether the engine trades on it.
     * @param host            listen address (embedded), or the address of the simulator to connect to.
     * @param marketDataPort  market data port; 0 picks a free port (embedded only).
     * @param orderPort       order entry port; 0 picks a free port (embedded only).
     * @param seed            random seed, so a simulated session can be replayed.
     * @param tickIntervalMs  time between simulated market events.
     * @param instruments     symbols it quotes; each must be in {@code instruments}.
     * @param rejectRateBps   fault injection: the share of otherwise acceptable orders it rejects (VENUE_ERROR), in
     *                        basis points, drawn from a random sequence seeded by {@code seed}; 0 (the default) never.
     * @param embedded        true (the default): the engine starts the simulator itself; false: it connects to one
     *                        already running at {@code host}, {@code market_data_port} and {@code order_port}.
     * @param account         the order-entry account the engine logs on to: the venue keeps its execution reports
     *                        and resends those the engine has not journaled when it logs on again.
     */
    public record Simulator(
        boolean enabled,
        String host,
        int marketDataPort,
        int orderPort,
        long seed,
        long tickIntervalMs,
        List<String> instruments,
        int rejectRateBps,
        boolean embedded,
        long account)
    {
        static Simulator read(final Section s)
        {
            final Simulator config = new Simulator(
                s.bool("enabled"),
                s.string("host"),
                s.intValue("market_data_port", 0, 65_535),
                s.intValue("order_port", 0, 65_535),
                s.longValue("seed", Long.MIN_VALUE, Long.MAX_VALUE),
                s.longValue("tick_interval_ms", 1, 60_000),
                s.strings("instruments", false),
                s.intValue("reject_rate_bps", 0, 10_000),
                s.bool("embedded"),
                s.longValue("account", 1, Long.MAX_VALUE));
            if (config.enabled && !config.embedded)
            {
                requireRunningPort(s, "market_data_port", config.marketDataPort);
                requireRunningPort(s, "order_port", config.orderPort);
            }
            s.finish();
            return config;
        }

        private static void requireRunningPort(final Section s, final String key, final int port)
        {
            // a port that is itself invalid reads as 0 and is reported once, as invalid
            if (0 == port && !s.errors().hasErrorAt(s.file(), s.childPath(key)))
            {
                s.error(key, "must be the port of the running simulator (not 0) when embedded is false");
            }
        }
    }

    /**
     * Binance Spot.
     *
     * @param enabled           whether to connect; off by default.
     * @param wsEndpoint        SBE market data WebSocket endpoint.
     * @param restEndpoint      REST endpoint for orders.
     * @param streams           stream names to subscribe to.
     * @param apiKeyName        name of the api_keys.yaml entry to use.
     * @param recvWindowMs      Binance {@code recvWindow} for signed requests.
     * @param reconnectBackoffMs initial reconnect back-off.
     */
    public record Binance(
        boolean enabled,
        String wsEndpoint,
        String restEndpoint,
        List<String> streams,
        String apiKeyName,
        long recvWindowMs,
        long reconnectBackoffMs)
    {
        static Binance read(final Section s)
        {
            final Binance config = new Binance(
                s.bool("enabled"),
                s.matching("ws_endpoint", "wss?://\\S+", "a ws:// or wss:// URL"),
                s.matching("rest_endpoint", "https?://\\S+", "an http:// or https:// URL"),
                s.strings("streams", true),
                s.string("api_key_name"),
                s.longValue("recv_window_ms", 1, 60_000),
                s.longValue("reconnect_backoff_ms", 10, 600_000));
            if (config.enabled && config.streams.isEmpty())
            {
                s.error("streams", "must not be empty when binance is enabled");
            }
            s.finish();
            return config;
        }
    }

    static VenuesConfig read(final Section s)
    {
        final VenuesConfig config = new VenuesConfig(
            Simulator.read(s.section("simulator")),
            Binance.read(s.section("binance")));
        s.finish();
        return config;
    }
}
