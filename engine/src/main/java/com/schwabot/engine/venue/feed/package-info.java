/**
 * Market-data feed clients: {@link com.schwabot.engine.venue.feed.MarketDataFeed}, a Netty WebSocket client for
 * Binance Spot's SBE market-data streams and for the embedded simulator, which speaks the same format.
 * <p>
 * The Binance facts this relies on (Binance Spot API documentation, "SBE Market Data Streams" and "WebSocket Streams",
 * developers.binance.com/docs/binance-spot-api-docs/sbe-market-data-streams and .../web-socket-streams, as of 2026):
 * <ul>
 *   <li>endpoint {@code stream-sbe.binance.com} or {@code stream-sbe.binance.com:9443}; one stream at
 *       {@code /ws/<streamName>}, several at {@code /stream?streams=<a>/<b>}; live subscription on any connection with
 *       the text frame {@code {"method":"SUBSCRIBE","params":[...],"id":N}}, answered {@code {"result":null,"id":N}}
 *       or an error {@code {"code":C,"msg":"..."}}. config.yaml's {@code ws_endpoint} is
 *       {@code wss://stream-sbe.binance.com:9443/ws}, so the feed connects there and subscribes;</li>
 *   <li>market events come in binary frames, one SBE message each (schema 1 v0, times in microseconds); control
 *       responses and the {@code serverShutdown} event ({@code {"e":"serverShutdown","E":...}}, wrapped as
 *       {@code {"stream":"!serverShutdown","data":{...}}} on combined streams) come in text frames; on
 *       {@code serverShutdown}, reconnect as soon as possible;</li>
 *   <li>an Ed25519 API key in the {@code X-MBX-APIKEY} header is required; no signature;</li>
 *   <li>the server pings every 20 s and disconnects a client that has not answered with a pong (same payload) within
 *       a minute; unsolicited pongs are allowed;</li>
 *   <li>at most 5 client messages (pings, pongs, control) per second, 1024 streams per connection, 300 connection
 *       attempts per 5 minutes per IP, and a connection lasts at most 24 hours.</li>
 * </ul>
 */
package com.schwabot.engine.venue.feed;
