package com.schwabot.engine.venue.gateway;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemNanoClock;

import com.lmax.disruptor.RingBuffer;
import com.schwabot.config.VenuesConfig;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.venue.FrameSink;
import com.schwabot.engine.venue.Sources;
import com.schwabot.engine.venue.order.OrderEntryProtocol;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;

/**
 * Settings of an {@link OrderGateway}, Aeron style: fluent setters, defaults, one validation point
 * ({@link #conclude()}, called by the gateway's constructor) whose messages name the setting.
 * <p>
 * Not thread-safe; configure on one thread, then hand it to the gateway, which owns it from then on.
 */
public final class GatewayContext
{
    /** Default connect timeout. */
    public static final long CONNECT_TIMEOUT_MS_DEFAULT = 5_000;
    /** Default first reconnect delay. */
    public static final long RECONNECT_BACKOFF_MS_DEFAULT = 100;
    /** Default largest reconnect delay. */
    public static final long RECONNECT_BACKOFF_MAX_MS_DEFAULT = 10_000;
    /** Default time a connection must stay up for the backoff to start again from the base. */
    public static final long RECONNECT_STABLE_MS_DEFAULT = 30_000;
    /** Default fraction of each reconnect delay taken off at random. */
    public static final double RECONNECT_JITTER_DEFAULT = 0.2;
    /** Default most output-ring events drained per duty cycle (bounds a batch and frees ring slots sooner). */
    public static final int MAX_BATCH_DEFAULT = 256;
    /** Default number of reused send buffers (batches that may be queued in Netty at once). */
    public static final int SEND_BUFFERS_DEFAULT = 4;
    /** No account: the gateway does not log on (the protocol before logons; the venue keeps nothing for it). */
    public static final long NO_ACCOUNT = 0;
    /** Resume nothing: the first logon asks the venue for a new session. */
    public static final long NO_EXEC_ID = Long.MIN_VALUE;

    private String name = "gateway";
    private String host;
    private int port;
    private long source = Sources.source(Sources.VENUE_SIMULATOR, Sources.CHANNEL_ORDER_ENTRY);
    private FrameSink sink;
    private RingBuffer<OutboundEvent> ring;
    private EpochNanoClock epochClock;
    private NanoClock nanoClock;
    private EventLoopGroup eventLoopGroup;
    private ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private IdleStrategy idleStrategy;
    private long connectTimeoutMs = CONNECT_TIMEOUT_MS_DEFAULT;
    private long heartbeatIntervalMs = OrderEntryProtocol.HEARTBEAT_INTERVAL_MS;
    private long heartbeatTimeoutMs = OrderEntryProtocol.HEARTBEAT_TIMEOUT_MS;
    private long reconnectBackoffMs = RECONNECT_BACKOFF_MS_DEFAULT;
    private long reconnectBackoffMaxMs = RECONNECT_BACKOFF_MAX_MS_DEFAULT;
    private long reconnectStableMs = RECONNECT_STABLE_MS_DEFAULT;
    private double reconnectJitter = RECONNECT_JITTER_DEFAULT;
    private long reconnectSeed;
    private int maxBatch = MAX_BATCH_DEFAULT;
    private int sendBuffers = SEND_BUFFERS_DEFAULT;
    private long account = NO_ACCOUNT;
    private long resumeAfterExecId = NO_EXEC_ID;
    private boolean concluded;

    /**
     * A context for the simulator's order port from config.yaml's {@code venues.simulator}: its host, the port it
     * actually listens on, its seed for the reconnect jitter, its account (the gateway logs on), source
     * {@code (VENUE_SIMULATOR, CHANNEL_ORDER_ENTRY)}.
     *
     * @param config the {@code venues.simulator} section.
     * @param port   the bound order port ({@code order_port} may be 0 = any).
     * @param ring   the output ring.
     * @param sink   the input ring's publisher.
     * @return the context.
     */
    public static GatewayContext simulator(
        final VenuesConfig.Simulator config, final int port, final RingBuffer<OutboundEvent> ring, final FrameSink sink)
    {
        return new GatewayContext()
            .name("simulator-oe")
            .host(config.host())
            .port(port)
            .reconnectSeed(config.seed())
            .account(config.account())
            .source(Sources.source(Sources.VENUE_SIMULATOR, Sources.CHANNEL_ORDER_ENTRY))
            .ring(ring)
            .sink(sink);
    }

    /**
     * Validate the settings and fill in defaults (clocks, idle strategy). Idempotent.
     *
     * @return this.
     * @throws IllegalStateException naming the first bad setting.
     */
    public GatewayContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        require(null != host && !host.isEmpty(), "host must be set");
        require(port > 0 && port <= 65_535, "port must be in [1, 65535], got " + port);
        require(null != sink, "sink must be set");
        require(null != ring, "ring must be set (the output ring this gateway drains)");
        require(null != allocator, "allocator must be set");
        require(connectTimeoutMs > 0 && connectTimeoutMs <= Integer.MAX_VALUE,
            "connectTimeoutMs must be in [1, 2^31), got " + connectTimeoutMs);
        require(heartbeatIntervalMs > 0, "heartbeatIntervalMs must be > 0, got " + heartbeatIntervalMs);
        require(heartbeatTimeoutMs > heartbeatIntervalMs,
            "heartbeatTimeoutMs must be > heartbeatIntervalMs (" + heartbeatIntervalMs + "), got " +
            heartbeatTimeoutMs);
        require(reconnectBackoffMs > 0, "reconnectBackoffMs must be > 0, got " + reconnectBackoffMs);
        require(reconnectBackoffMaxMs >= reconnectBackoffMs,
            "reconnectBackoffMaxMs must be >= reconnectBackoffMs, got " + reconnectBackoffMaxMs);
        require(reconnectStableMs >= 0, "reconnectStableMs must be >= 0, got " + reconnectStableMs);
        require(reconnectJitter >= 0.0 && reconnectJitter <= 1.0,
            "reconnectJitter must be in [0, 1], got " + reconnectJitter);
        require(maxBatch > 0 && maxBatch <= 4_096, "maxBatch must be in [1, 4096], got " + maxBatch);
        require(sendBuffers >= 2 && sendBuffers <= 64, "sendBuffers must be in [2, 64], got " + sendBuffers);
        require(account >= 0, "account must be >= 0 (0 = no logon), got " + account);
        if (null == epochClock)
        {
            epochClock = new OffsetEpochNanoClock();
        }
        if (null == nanoClock)
        {
            nanoClock = SystemNanoClock.INSTANCE;
        }
        if (null == idleStrategy)
        {
            idleStrategy = new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
        }
        concluded = true;
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalStateException("gateway context: " + message);
        }
    }

    /**
     * @param name used in the agent's role name, thread names and log lines.
     * @return this.
     */
    public GatewayContext name(final String name)
    {
        this.name = name;
        return this;
    }

    /**
     * @return the name.
     */
    public String name()
    {
        return name;
    }

    /**
     * @param host the venue's order-entry host.
     * @return this.
     */
    public GatewayContext host(final String host)
    {
        this.host = host;
        return this;
    }

    /**
     * @return the venue's order-entry host.
     */
    public String host()
    {
        return host;
    }

    /**
     * @param port the venue's order-entry port.
     * @return this.
     */
    public GatewayContext port(final int port)
    {
        this.port = port;
        return this;
    }

    /**
     * @return the venue's order-entry port.
     */
    public int port()
    {
        return port;
    }

    /**
     * @param source venue and connection of this gateway: stamped on reports and connection state, and the
     *               destination an output-ring event must carry to be sent here.
     * @return this.
     */
    public GatewayContext source(final long source)
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
     * @param sink where reports and connection state go.
     * @return this.
     */
    public GatewayContext sink(final FrameSink sink)
    {
        this.sink = sink;
        return this;
    }

    /**
     * @return where reports and connection state go.
     */
    public FrameSink sink()
    {
        return sink;
    }

    /**
     * @param ring the output ring; the gateway adds its poller's sequence as a gating sequence, so create the
     *             gateway before the business thread publishes.
     * @return this.
     */
    public GatewayContext ring(final RingBuffer<OutboundEvent> ring)
    {
        this.ring = ring;
        return this;
    }

    /**
     * @return the output ring.
     */
    public RingBuffer<OutboundEvent> ring()
    {
        return ring;
    }

    /**
     * @param epochClock report ingress and synthetic report times; default {@link OffsetEpochNanoClock}.
     *                   Thread-safe and allocation-free.
     * @return this.
     */
    public GatewayContext epochClock(final EpochNanoClock epochClock)
    {
        this.epochClock = epochClock;
        return this;
    }

    /**
     * @return epoch clock.
     */
    public EpochNanoClock epochClock()
    {
        return epochClock;
    }

    /**
     * @param nanoClock monotonic clock for heartbeats, timeouts and backoff, read once per duty cycle on the gateway
     *                  thread and once per read on the event loop; default {@link SystemNanoClock}. Thread-safe.
     * @return this.
     */
    public GatewayContext nanoClock(final NanoClock nanoClock)
    {
        this.nanoClock = nanoClock;
        return this;
    }

    /**
     * @return monotonic clock.
     */
    public NanoClock nanoClock()
    {
        return nanoClock;
    }

    /**
     * @param eventLoopGroup a NIO event loop group to share (not shut down by the gateway), or null for the gateway
     *                       to create and own a single-thread group.
     * @return this.
     */
    public GatewayContext eventLoopGroup(final EventLoopGroup eventLoopGroup)
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
     * @param allocator for the send buffers (allocated once) and the channel's reads; default
     *                  {@link PooledByteBufAllocator#DEFAULT}.
     * @return this.
     */
    public GatewayContext allocator(final ByteBufAllocator allocator)
    {
        this.allocator = allocator;
        return this;
    }

    /**
     * @return the allocator.
     */
    public ByteBufAllocator allocator()
    {
        return allocator;
    }

    /**
     * @param idleStrategy for {@link OrderGateway#startOnThread(OrderGateway)}; default a
     *                     {@link BackoffIdleStrategy} parking up to 1 ms.
     * @return this.
     */
    public GatewayContext idleStrategy(final IdleStrategy idleStrategy)
    {
        this.idleStrategy = idleStrategy;
        return this;
    }

    /**
     * @return the idle strategy.
     */
    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    /**
     * @param connectTimeoutMs TCP connect timeout.
     * @return this.
     */
    public GatewayContext connectTimeoutMs(final long connectTimeoutMs)
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
     * @param heartbeatIntervalMs send a heartbeat after this long with nothing sent; default
     *                            {@link OrderEntryProtocol#HEARTBEAT_INTERVAL_MS}.
     * @return this.
     */
    public GatewayContext heartbeatIntervalMs(final long heartbeatIntervalMs)
    {
        this.heartbeatIntervalMs = heartbeatIntervalMs;
        return this;
    }

    /**
     * @return heartbeat interval.
     */
    public long heartbeatIntervalMs()
    {
        return heartbeatIntervalMs;
    }

    /**
     * @param heartbeatTimeoutMs the connection is lost after this long with nothing received; default
     *                           {@link OrderEntryProtocol#HEARTBEAT_TIMEOUT_MS}.
     * @return this.
     */
    public GatewayContext heartbeatTimeoutMs(final long heartbeatTimeoutMs)
    {
        this.heartbeatTimeoutMs = heartbeatTimeoutMs;
        return this;
    }

    /**
     * @return heartbeat timeout.
     */
    public long heartbeatTimeoutMs()
    {
        return heartbeatTimeoutMs;
    }

    /**
     * @param reconnectBackoffMs first reconnect delay.
     * @return this.
     */
    public GatewayContext reconnectBackoffMs(final long reconnectBackoffMs)
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
    public GatewayContext reconnectBackoffMaxMs(final long reconnectBackoffMaxMs)
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
    public GatewayContext reconnectStableMs(final long reconnectStableMs)
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
    public GatewayContext reconnectJitter(final double reconnectJitter)
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
     * @param reconnectSeed seed of the jitter sequence.
     * @return this.
     */
    public GatewayContext reconnectSeed(final long reconnectSeed)
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
     * @param maxBatch most output-ring events drained (and written in one flush) per duty cycle.
     * @return this.
     */
    public GatewayContext maxBatch(final int maxBatch)
    {
        this.maxBatch = maxBatch;
        return this;
    }

    /**
     * @return most events per duty cycle.
     */
    public int maxBatch()
    {
        return maxBatch;
    }

    /**
     * @param account the venue account to log on to on every connection ({@code OrderEntryProtocol}'s session
     *                resume), or {@link #NO_ACCOUNT} (the default) to send no logon.
     * @return this.
     */
    public GatewayContext account(final long account)
    {
        this.account = account;
        return this;
    }

    /**
     * @return the account, or {@link #NO_ACCOUNT}.
     */
    public long account()
    {
        return account;
    }

    /**
     * @param execId what the first logon asks the venue to resend after: the exec id of the last report the engine
     *               journaled in the session it continues (see {@code Recovery}), or {@link #NO_EXEC_ID} (the
     *               default) for a new session. Later logons (reconnects) resume after the last report received.
     * @return this.
     */
    public GatewayContext resumeAfterExecId(final long execId)
    {
        this.resumeAfterExecId = execId;
        return this;
    }

    /**
     * @return the exec id the first logon resumes after, or {@link #NO_EXEC_ID}.
     */
    public long resumeAfterExecId()
    {
        return resumeAfterExecId;
    }

    /**
     * @param sendBuffers direct buffers of {@code maxBatch * (4 + OutboundEvent.CAPACITY)} bytes allocated once and
     *                    reused for every write; when all are still queued in Netty the gateway stops draining
     *                    (back-pressure).
     * @return this.
     */
    public GatewayContext sendBuffers(final int sendBuffers)
    {
        this.sendBuffers = sendBuffers;
        return this;
    }

    /**
     * @return number of send buffers.
     */
    public int sendBuffers()
    {
        return sendBuffers;
    }

    /**
     * The settings in one line.
     *
     * @return the settings.
     */
    public String toString()
    {
        return "GatewayContext{name=" + name + ", host=" + host + ", port=" + port + ", source=" + source +
            ", connectTimeoutMs=" + connectTimeoutMs + ", heartbeatIntervalMs=" + heartbeatIntervalMs +
            ", heartbeatTimeoutMs=" + heartbeatTimeoutMs + ", reconnectBackoffMs=" + reconnectBackoffMs +
            ", reconnectBackoffMaxMs=" + reconnectBackoffMaxMs + ", reconnectStableMs=" + reconnectStableMs +
            ", reconnectJitter=" + reconnectJitter + ", reconnectSeed=" + reconnectSeed + ", maxBatch=" + maxBatch +
            ", sendBuffers=" + sendBuffers + '}';
    }
}
