package com.schwabot.engine.venue.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;

import com.schwabot.config.VenuesConfig;
import com.schwabot.config.secret.Secret;
import com.schwabot.engine.venue.FrameSink;
import com.schwabot.engine.venue.Sources;

import io.netty.channel.EventLoopGroup;

/**
 * Settings of a {@link MarketDataFeed}, Aeron style: fluent setters, defaults, one validation point
 * ({@link #conclude()}, called by the feed's constructor) whose messages name the setting and what is allowed.
 * <p>
 * Not thread-safe; configure on one thread, then hand it to the feed, which owns it from then on.
 */
public final class FeedContext
{
    /** Default largest message handed to the sink: binary frames or reassembled fragments above it are dropped. */
    public static final int MAX_MESSAGE_LENGTH_DEFAULT = 256 * 1024;
    /** Default largest single WebSocket frame the decoder accepts; a larger one is a protocol error. */
    public static final int MAX_FRAME_PAYLOAD_LENGTH_DEFAULT = 1024 * 1024;
    /** Default connect timeout. */
    public static final long CONNECT_TIMEOUT_MS_DEFAULT = 5_000;
    /** Default idle time after which we ping (Binance accepts at most 5 client messages per second). */
    public static final long PING_INTERVAL_MS_DEFAULT = 10_000;
    /**
     * Default staleness window: above Binance's 20 s server ping interval, so a quiet but healthy connection is
     * never dropped even if the venue ignored our pings.
     */
    public static final long STALE_TIMEOUT_MS_DEFAULT = 30_000;
    /** Default time allowed from TCP connect to a confirmed subscription. */
    public static final long SUBSCRIBE_TIMEOUT_MS_DEFAULT = 10_000;
    /** Default first reconnect delay. */
    public static final long RECONNECT_BACKOFF_MS_DEFAULT = 1_000;
    /** Default largest reconnect delay. */
    public static final long RECONNECT_BACKOFF_MAX_MS_DEFAULT = 30_000;
    /** Default time a connection must stay up for the backoff to start again from the base. */
    public static final long RECONNECT_STABLE_MS_DEFAULT = 60_000;
    /** Default fraction of each reconnect delay taken off at random. */
    public static final double RECONNECT_JITTER_DEFAULT = 0.2;
    /** Binance's WebSocket API key header. */
    public static final String API_KEY_HEADER = "X-MBX-APIKEY";

    private static final Pattern STREAM_NAME = Pattern.compile("[A-Za-z0-9@_!.\\-]+");

    private String name = "feed";
    private URI uri;
    private List<String> streams = List.of();
    private Secret apiKey;
    private long source;
    private FrameSink sink;
    private EpochNanoClock epochClock;
    private NanoClock nanoClock;
    private EventLoopGroup eventLoopGroup;
    private Path trustCertificate;
    private int maxMessageLength = MAX_MESSAGE_LENGTH_DEFAULT;
    private int maxFramePayloadLength = MAX_FRAME_PAYLOAD_LENGTH_DEFAULT;
    private long connectTimeoutMs = CONNECT_TIMEOUT_MS_DEFAULT;
    private long pingIntervalMs = PING_INTERVAL_MS_DEFAULT;
    private long staleTimeoutMs = STALE_TIMEOUT_MS_DEFAULT;
    private long subscribeTimeoutMs = SUBSCRIBE_TIMEOUT_MS_DEFAULT;
    private long reconnectBackoffMs = RECONNECT_BACKOFF_MS_DEFAULT;
    private long reconnectBackoffMaxMs = RECONNECT_BACKOFF_MAX_MS_DEFAULT;
    private long reconnectStableMs = RECONNECT_STABLE_MS_DEFAULT;
    private double reconnectJitter = RECONNECT_JITTER_DEFAULT;
    private long reconnectSeed;
    private boolean concluded;

    /**
     * A context for Binance Spot's SBE market-data streams from config.yaml's {@code venues.binance}: endpoint,
     * streams and initial backoff from the config, source {@code (VENUE_BINANCE, CHANNEL_MARKET_DATA)}.
     *
     * @param config the {@code venues.binance} section.
     * @param apiKey the API key of the entry named by {@code api_key_name} (its public key, not its secret), e.g.
     *               {@code Secret.ofChars(store.entry(name).apiKey().toCharArray())}; sent as {@code X-MBX-APIKEY}.
     * @return a context still needing {@link #sink(FrameSink)}.
     */
    public static FeedContext binance(final VenuesConfig.Binance config, final Secret apiKey)
    {
        return new FeedContext()
            .name("binance-md")
            .uri(URI.create(config.wsEndpoint()))
            .streams(config.streams())
            .apiKey(apiKey)
            .reconnectBackoffMs(config.reconnectBackoffMs())
            .source(Sources.source(Sources.VENUE_BINANCE, Sources.CHANNEL_MARKET_DATA));
    }

    /**
     * A context for the embedded simulator's market data from config.yaml's {@code venues.simulator}: plain
     * {@code ws://host:port/ws}, no API key, and for each configured instrument the streams {@code <symbol>@trade},
     * {@code @bestBidAsk}, {@code @depth} and {@code @depth20} (symbols in lower case, as Binance names streams),
     * seeded with the simulator's seed; source {@code (VENUE_SIMULATOR, CHANNEL_MARKET_DATA)}.
     *
     * @param config the {@code venues.simulator} section.
     * @param port   the port the simulator actually listens on ({@code market_data_port} may be 0 = any).
     * @return a context still needing {@link #sink(FrameSink)}.
     */
    public static FeedContext simulator(final VenuesConfig.Simulator config, final int port)
    {
        final List<String> streams = new ArrayList<>();
        for (final String symbol : config.instruments())
        {
            final String lower = symbol.toLowerCase(Locale.ROOT);
            streams.add(lower + "@trade");
            streams.add(lower + "@bestBidAsk");
            streams.add(lower + "@depth");
            streams.add(lower + "@depth20");
        }
        final String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return new FeedContext()
            .name("simulator-md")
            .uri(URI.create("ws://" + host + ":" + port + "/ws"))
            .streams(streams)
            .reconnectSeed(config.seed())
            .source(Sources.source(Sources.VENUE_SIMULATOR, Sources.CHANNEL_MARKET_DATA));
    }

    /**
     * Validate the settings and fill in defaults (clocks). Idempotent.
     *
     * @return this.
     * @throws IllegalStateException naming the first bad setting.
     */
    public FeedContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        require(null != uri, "uri must be set (ws://host:port/path or wss://host:port/path)");
        final String scheme = null == uri.getScheme() ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        require("ws".equals(scheme) || "wss".equals(scheme), "uri must be ws:// or wss://, got " + uri);
        require(null != uri.getHost(), "uri must name a host, got " + uri);
        require(null != sink, "sink must be set");
        require("wss".equals(scheme) || null == trustCertificate, "trustCertificate is only for wss:// uris");
        require(!"wss".equals(scheme) || null != apiKey, "apiKey must be set for wss:// (Binance requires " +
            API_KEY_HEADER + "); plain ws:// loopback may omit it");
        require(null == apiKey || !apiKey.isWiped(), "apiKey was wiped");
        require(null == trustCertificate || Files.isReadable(trustCertificate),
            "trustCertificate must be a readable PEM file, got " + trustCertificate);
        for (final String stream : streams)
        {
            require(STREAM_NAME.matcher(stream).matches(),
                "streams must match " + STREAM_NAME.pattern() + ", got '" + stream + "'");
        }
        require(maxMessageLength >= 8, "maxMessageLength must be at least 8 (an SBE header), got " + maxMessageLength);
        require(maxFramePayloadLength >= maxMessageLength,
            "maxFramePayloadLength must be >= maxMessageLength, got " + maxFramePayloadLength);
        require(connectTimeoutMs > 0 && connectTimeoutMs <= Integer.MAX_VALUE,
            "connectTimeoutMs must be in [1, 2^31), got " + connectTimeoutMs);
        require(pingIntervalMs > 0, "pingIntervalMs must be > 0, got " + pingIntervalMs);
        require(staleTimeoutMs > pingIntervalMs,
            "staleTimeoutMs must be > pingIntervalMs (" + pingIntervalMs + "), got " + staleTimeoutMs);
        require(subscribeTimeoutMs > 0, "subscribeTimeoutMs must be > 0, got " + subscribeTimeoutMs);
        require(reconnectBackoffMs > 0, "reconnectBackoffMs must be > 0, got " + reconnectBackoffMs);
        require(reconnectBackoffMaxMs >= reconnectBackoffMs,
            "reconnectBackoffMaxMs must be >= reconnectBackoffMs, got " + reconnectBackoffMaxMs);
        require(reconnectStableMs >= 0, "reconnectStableMs must be >= 0, got " + reconnectStableMs);
        require(reconnectJitter >= 0.0 && reconnectJitter <= 1.0,
            "reconnectJitter must be in [0, 1], got " + reconnectJitter);
        if (null == epochClock)
        {
            epochClock = new OffsetEpochNanoClock();
        }
        if (null == nanoClock)
        {
            nanoClock = SystemNanoClock.INSTANCE;
        }
        concluded = true;
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException("feed context: " + message);
        }
    }

    /**
     * @param name used in thread names and log lines.
     * @return this.
     */
    public FeedContext name(final String name)
    {
        this.name = name;
        return this;
    }

    /**
     * @return used in thread names and log lines.
     */
    public String name()
    {
        return name;
    }

    /**
     * @param uri WebSocket endpoint, e.g. {@code wss://stream-sbe.binance.com:9443/ws}; a combined-stream path
     *            ({@code /stream?streams=a/b}) works too, with {@link #streams(List)} left empty.
     * @return this.
     */
    public FeedContext uri(final URI uri)
    {
        this.uri = uri;
        return this;
    }

    /**
     * @param uri WebSocket endpoint as a string.
     * @return this.
     * @throws IllegalArgumentException if it is not a URI.
     */
    public FeedContext uri(final String uri)
    {
        try
        {
            return uri(new URI(uri));
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalArgumentException("feed context: uri is not a URI: " + ex.getMessage(), ex);
        }
    }

    /**
     * @return WebSocket endpoint.
     */
    public URI uri()
    {
        return uri;
    }

    /**
     * @param streams stream names sent in one {@code SUBSCRIBE} request after each connect; empty sends none and
     *                takes the connection as up once the handshake completes.
     * @return this.
     */
    public FeedContext streams(final List<String> streams)
    {
        this.streams = List.copyOf(streams);
        return this;
    }

    /**
     * @return stream names to subscribe to.
     */
    public List<String> streams()
    {
        return streams;
    }

    /**
     * @param apiKey value of the {@code X-MBX-APIKEY} header, or null for none. Read at each connect, never logged;
     *               the caller keeps ownership (the feed does not wipe it).
     * @return this.
     */
    public FeedContext apiKey(final Secret apiKey)
    {
        this.apiKey = apiKey;
        return this;
    }

    /**
     * @return the API key, or null.
     */
    public Secret apiKey()
    {
        return apiKey;
    }

    /**
     * @param source venue and connection stamped on every frame, see {@link Sources}.
     * @return this.
     */
    public FeedContext source(final long source)
    {
        this.source = source;
        return this;
    }

    /**
     * @return venue and connection.
     */
    public long source()
    {
        return source;
    }

    /**
     * @param sink where frames and connection state go.
     * @return this.
     */
    public FeedContext sink(final FrameSink sink)
    {
        this.sink = sink;
        return this;
    }

    /**
     * @return where frames and connection state go.
     */
    public FrameSink sink()
    {
        return sink;
    }

    /**
     * @param epochClock ingress time stamps (read once per message on the event loop); default
     *                   {@link OffsetEpochNanoClock}. Must be thread-safe and allocation-free.
     * @return this.
     */
    public FeedContext epochClock(final EpochNanoClock epochClock)
    {
        this.epochClock = epochClock;
        return this;
    }

    /**
     * @return ingress time stamps.
     */
    public EpochNanoClock epochClock()
    {
        return epochClock;
    }

    /**
     * @param nanoClock monotonic clock for idle, staleness and backoff timing; default {@link SystemNanoClock}.
     * @return this.
     */
    public FeedContext nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    /**
     * @return monotonic clock for timing.
     */
    public NanoClock nanoClock()
    {
        return nanoClock;
    }

    /**
     * @param eventLoopGroup a NIO event loop group to share (not shut down by the feed), or null for the feed to
     *                       create and own one single-thread group.
     * @return this.
     */
    public FeedContext eventLoopGroup(final EventLoopGroup eventLoopGroup)
    {
        this.eventLoopGroup = eventLoopGroup;
        return this;
    }

    /**
     * @return the shared group, or null.
     */
    public EventLoopGroup eventLoopGroup()
    {
        return eventLoopGroup;
    }

    /**
     * @param trustCertificate a PEM certificate file to trust instead of the JDK's default trust store (tests,
     *                         private venues), or null for the default trust store.
     * @return this.
     */
    public FeedContext trustCertificate(final Path trustCertificate)
    {
        this.trustCertificate = trustCertificate;
        return this;
    }

    /**
     * @return the certificate file to trust, or null.
     */
    public Path trustCertificate()
    {
        return trustCertificate;
    }

    /**
     * @param maxMessageLength largest message (after reassembling fragments) handed to the sink; larger ones are
     *                         counted as oversized and dropped, the connection stays up.
     * @return this.
     */
    public FeedContext maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    /**
     * @return largest message handed to the sink.
     */
    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    /**
     * @param maxFramePayloadLength largest single WebSocket frame the decoder buffers; a larger one is a protocol
     *                              violation: counted as an error, the connection is closed and re-established.
     * @return this.
     */
    public FeedContext maxFramePayloadLength(final int maxFramePayloadLength)
    {
        this.maxFramePayloadLength = maxFramePayloadLength;
        return this;
    }

    /**
     * @return largest single WebSocket frame.
     */
    public int maxFramePayloadLength()
    {
        return maxFramePayloadLength;
    }

    /**
     * @param connectTimeoutMs TCP connect timeout.
     * @return this.
     */
    public FeedContext connectTimeoutMs(final long connectTimeoutMs)
    {
        this.connectTimeoutMs = connectTimeoutMs;
        return this;
    }

    /**
     * @return TCP connect timeout.
     */
    public long connectTimeoutMs()
    {
        return connectTimeoutMs;
    }

    /**
     * @param pingIntervalMs after this long with nothing received, send a ping (and again at this interval).
     * @return this.
     */
    public FeedContext pingIntervalMs(final long pingIntervalMs)
    {
        this.pingIntervalMs = pingIntervalMs;
        return this;
    }

    /**
     * @return idle time before a ping.
     */
    public long pingIntervalMs()
    {
        return pingIntervalMs;
    }

    /**
     * @param staleTimeoutMs after this long with nothing received the connection is taken as dead and replaced.
     * @return this.
     */
    public FeedContext staleTimeoutMs(final long staleTimeoutMs)
    {
        this.staleTimeoutMs = staleTimeoutMs;
        return this;
    }

    /**
     * @return staleness window.
     */
    public long staleTimeoutMs()
    {
        return staleTimeoutMs;
    }

    /**
     * @param subscribeTimeoutMs time from TCP connect to a confirmed subscription (handshake, then our
     *                           {@code SUBSCRIBE} acknowledged or the first binary message); past it the connection
     *                           is replaced.
     * @return this.
     */
    public FeedContext subscribeTimeoutMs(final long subscribeTimeoutMs)
    {
        this.subscribeTimeoutMs = subscribeTimeoutMs;
        return this;
    }

    /**
     * @return time allowed to subscribe.
     */
    public long subscribeTimeoutMs()
    {
        return subscribeTimeoutMs;
    }

    /**
     * @param reconnectBackoffMs first reconnect delay (config {@code reconnect_backoff_ms}).
     * @return this.
     */
    public FeedContext reconnectBackoffMs(final long reconnectBackoffMs)
    {
        this.reconnectBackoffMs = reconnectBackoffMs;
        return this;
    }

    /**
     * @return first reconnect delay.
     */
    public long reconnectBackoffMs()
    {
        return reconnectBackoffMs;
    }

    /**
     * @param reconnectBackoffMaxMs largest reconnect delay.
     * @return this.
     */
    public FeedContext reconnectBackoffMaxMs(final long reconnectBackoffMaxMs)
    {
        this.reconnectBackoffMaxMs = reconnectBackoffMaxMs;
        return this;
    }

    /**
     * @return largest reconnect delay.
     */
    public long reconnectBackoffMaxMs()
    {
        return reconnectBackoffMaxMs;
    }

    /**
     * @param reconnectStableMs a connection up this long resets the backoff when lost.
     * @return this.
     */
    public FeedContext reconnectStableMs(final long reconnectStableMs)
    {
        this.reconnectStableMs = reconnectStableMs;
        return this;
    }

    /**
     * @return stable period.
     */
    public long reconnectStableMs()
    {
        return reconnectStableMs;
    }

    /**
     * @param reconnectJitter fraction of each delay taken off at random, in [0, 1].
     * @return this.
     */
    public FeedContext reconnectJitter(final double reconnectJitter)
    {
        this.reconnectJitter = reconnectJitter;
        return this;
    }

    /**
     * @return jitter fraction.
     */
    public double reconnectJitter()
    {
        return reconnectJitter;
    }

    /**
     * @param reconnectSeed seed of the jitter sequence (deterministic reconnect schedule).
     * @return this.
     */
    public FeedContext reconnectSeed(final long reconnectSeed)
    {
        this.reconnectSeed = reconnectSeed;
        return this;
    }

    /**
     * @return jitter seed.
     */
    public long reconnectSeed()
    {
        return reconnectSeed;
    }

    /**
     * The settings, with the API key redacted.
     *
     * @return one line.
     */
    public String toString()
    {
        return "FeedContext{name=" + name + ", uri=" + uri + ", streams=" + streams +
            ", apiKey=" + (null == apiKey ? "none" : "<redacted>") + ", source=" + source +
            ", trustCertificate=" + trustCertificate + ", maxMessageLength=" + maxMessageLength +
            ", maxFramePayloadLength=" + maxFramePayloadLength + ", connectTimeoutMs=" + connectTimeoutMs +
            ", pingIntervalMs=" + pingIntervalMs + ", staleTimeoutMs=" + staleTimeoutMs +
            ", subscribeTimeoutMs=" + subscribeTimeoutMs + ", reconnectBackoffMs=" + reconnectBackoffMs +
            ", reconnectBackoffMaxMs=" + reconnectBackoffMaxMs + ", reconnectStableMs=" + reconnectStableMs +
            ", reconnectJitter=" + reconnectJitter + ", reconnectSeed=" + reconnectSeed + '}';
    }
}
