package com.schwabot.engine.venue.feed;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.engine.venue.Backoff;
import com.schwabot.engine.venue.FrameSink;
import com.schwabot.engine.venue.Sources;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * Market-data feed client for Binance Spot's SBE WebSocket streams (and the embedded simulator, which speaks the same
 * format over plain {@code ws://} on loopback).
 * <p>
 * <b>Connection.</b> Connects to {@link FeedContext#uri()} ({@code wss://} through Netty's {@code SslHandler} with
 * the JDK provider, SNI and host name verification; {@code ws://} plain), sends the {@code X-MBX-APIKEY} header when
 * an API key is set, completes the WebSocket handshake, then sends one
 * {@code {"method":"SUBSCRIBE","params":[streams],"id":N}} text frame. The feed is <em>up</em> when the venue
 * answers {@code {"result":null,"id":N}} or, for a venue that streams without answering, with the first binary
 * message; with no streams configured (a {@code /stream?streams=} URI) it is up once the handshake completes.
 * <p>
 * <b>Frames.</b> Each binary message is one SBE frame, handed to
 * {@link FrameSink#onMarketData(long, org.agrona.DirectBuffer, int, int, long)} with the configured source and an
 * ingress time read once per message from the context's {@code EpochNanoClock}. A single-frame message is passed by
 * wrapping the Netty buffer's memory in one reused {@code UnsafeBuffer} (no copy); a fragmented message is
 * reassembled into one reused array of {@link FeedContext#maxMessageLength()} bytes. A message above that length is
 * counted ({@link FeedCounters#oversized()}) and dropped; the connection stays up. Text frames are control: our
 * subscription result, error responses (logged and counted; an error before the subscription is confirmed replaces
 * the connection), the {@code serverShutdown} event (the connection is replaced at once, without backoff), anything
 * else counted.
 * <p>
 * <b>Liveness.</b> Server pings are answered with a pong carrying the same payload. After
 * {@link FeedContext#pingIntervalMs()} with nothing received we ping; after {@link FeedContext#staleTimeoutMs()}
 * with nothing received the connection is taken as dead and replaced. A connection not subscribed within
 * {@link FeedContext#subscribeTimeoutMs()} is replaced too.
 * <p>
 * <b>State.</b> {@link FrameSink#onConnectionState(long, int, boolean, long)} with
 * {@link Sources#CHANNEL_MARKET_DATA}: {@code true} each time the feed comes up, {@code false} exactly once for each
 * loss of an up connection (a close by either side, an I/O error, staleness, {@code serverShutdown}, or
 * {@link #close()}). Failed attempts while down signal nothing more. Reconnects use {@link Backoff} (exponential, cap,
 * seeded jitter, reset after a stable period).
 * <p>
 * <b>Threads.</b> Everything runs on one Netty event loop: a single-thread NIO group named
 * {@code schwabot-<name>} that the feed creates and shuts down, or one loop of a group given in the context. The
 * sink is called on that thread. {@link #start()} and {@link #close()} may be called from any thread; the counters
 * and {@link #isUp()} may be read from any thread.
 * <p>
 * <b>Allocation.</b> Our per-message path allocates nothing. Netty's WebSocket decoder creates one frame object per
 * message (its buffers are pooled); pings, pongs, text frames and reconnects allocate and are not on the hot path.
 */
public final class MarketDataFeed implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataFeed.class);
    private static final int HTTP_AGGREGATE_LIMIT = 16 * 1024;

    private final FeedContext ctx;
    private final FrameSink sink;
    private final long source;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final EventLoop loop;
    private final SslContext sslContext;
    private final Bootstrap bootstrap;
    private final Backoff backoff;
    private final FeedCounters counters = new FeedCounters();
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer assembly;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closeCalled = new AtomicBoolean();
    private final String host;
    private final int port;
    private volatile boolean upView;

    private FeedChannelHandler current;
    private ScheduledFuture<?> reconnectTask;
    private boolean closed;
    private boolean up;
    private boolean attempted;
    private boolean reconnectAtOnce;
    private long lastSubscribeId;

    /**
     * Validate the context and prepare; nothing connects until {@link #start()}.
     *
     * @param context the settings; {@link FeedContext#conclude()} is called here.
     * @throws IllegalStateException when a setting is invalid or the TLS context cannot be built.
     */
    public MarketDataFeed(final FeedContext context)
    {
        this.ctx = context.conclude();
        this.sink = ctx.sink();
        this.source = ctx.source();
        this.assembly = new UnsafeBuffer(new byte[ctx.maxMessageLength()]);
        final URI uri = ctx.uri();
        final boolean secure = "wss".equals(uri.getScheme().toLowerCase(Locale.ROOT));
        this.host = uri.getHost();
        this.port = -1 != uri.getPort() ? uri.getPort() : (secure ? 443 : 80);
        this.sslContext = secure ? FeedTls.clientContext(ctx) : null;
        this.backoff = Backoff.ofMillis(
            ctx.reconnectBackoffMs(), ctx.reconnectBackoffMaxMs(), ctx.reconnectStableMs(),
            ctx.reconnectJitter(), ctx.reconnectSeed());
        this.ownsGroup = null == ctx.eventLoopGroup();
        this.group = ownsGroup ?
            new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("schwabot-" + ctx.name(), true),
                NioIoHandler.newFactory()) :
            ctx.eventLoopGroup();
        this.loop = group.next();
        this.bootstrap = new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)ctx.connectTimeoutMs());
    }

    /**
     * Connect (asynchronously, on the event loop). Calling it again has no effect.
     */
    public void start()
    {
        if (started.compareAndSet(false, true) && !closeCalled.get())
        {
            loop.execute(this::connect);
        }
    }

    /**
     * Disconnect and stop reconnecting; signals the feed down if it was up; shuts the event loop group down when
     * the feed created it. From any other thread it waits for all that to finish; from the feed's own event loop (a
     * sink callback) it does the same without waiting. Idempotent.
     */
    public void close()
    {
        if (!closeCalled.compareAndSet(false, true))
        {
            return;
        }
        if (loop.inEventLoop())
        {
            shutdown();
            if (ownsGroup)
            {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            }
            return;
        }
        loop.submit(this::shutdown).awaitUninterruptibly();
        if (ownsGroup)
        {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }

    /**
     * @return true while subscribed (from any thread; a stale reading at worst).
     */
    public boolean isUp()
    {
        return upView;
    }

    /**
     * @return the counters.
     */
    public FeedCounters counters()
    {
        return counters;
    }

    /**
     * @return the concluded settings.
     */
    public FeedContext context()
    {
        return ctx;
    }

    FeedCounters countersForHandler()
    {
        return counters;
    }

    UnsafeBuffer view()
    {
        return view;
    }

    UnsafeBuffer assembly()
    {
        return assembly;
    }

    private void connect()
    {
        reconnectTask = null;
        if (closed)
        {
            return;
        }
        if (attempted)
        {
            counters.increment(FeedCounters.RECONNECTS);
        }
        attempted = true;
        final FeedChannelHandler handler;
        try
        {
            handler = new FeedChannelHandler(this, ++lastSubscribeId);
        }
        catch (final IllegalStateException ex)
        {
            // The API key was wiped by its owner: keep trying (and logging) rather than stop silently.
            counters.increment(FeedCounters.CONNECT_FAILURES);
            LOG.error("{}: cannot connect: {}", ctx.name(), ex.getMessage());
            scheduleReconnect();
            return;
        }
        current = handler;
        final ChannelFuture future = bootstrap.clone()
            .handler(new ChannelInitializer<SocketChannel>()
            {
                protected void initChannel(final SocketChannel channel)
                {
                    if (null != sslContext)
                    {
                        channel.pipeline().addLast(FeedTls.newHandler(sslContext, channel.alloc(), host, port));
                    }
                    addWebSocketHandlers(channel.pipeline(), handler);
                }
            })
            .connect(host, port);
        future.addListener((ChannelFuture f) ->
        {
            if (!f.isSuccess())
            {
                onConnectFailed(handler, f.cause());
            }
        });
    }

    /**
     * The handlers of a connection after TLS (if any): the HTTP codec and aggregator for the handshake, then the
     * connection's handler (the handshaker swaps the HTTP codec for the WebSocket decoder and encoder). Shared with
     * the tests that drive this exact pipeline without a socket.
     *
     * @param pipeline the connection's pipeline.
     * @param handler  the connection's handler.
     */
    static void addWebSocketHandlers(final ChannelPipeline pipeline, final FeedChannelHandler handler)
    {
        pipeline
            .addLast(new HttpClientCodec())
            .addLast(new HttpObjectAggregator(HTTP_AGGREGATE_LIMIT))
            .addLast(handler);
    }

    private void onConnectFailed(final FeedChannelHandler handler, final Throwable cause)
    {
        counters.increment(FeedCounters.CONNECT_FAILURES);
        LOG.warn("{}: connect to {}:{} failed: {}", ctx.name(), host, port, String.valueOf(cause));
        handler.wipeApiKey();
        if (handler == current)
        {
            current = null;
            scheduleReconnect();
        }
    }

    void onSubscribed(final FeedChannelHandler handler)
    {
        if (handler != current || up || closed)
        {
            return;
        }
        up = true;
        upView = true;
        counters.increment(FeedCounters.CONNECTS);
        backoff.onConnected(ctx.nanoClock().nanoTime());
        sink.onConnectionState(source, Sources.CHANNEL_MARKET_DATA, true, ctx.epochClock().nanoTime());
    }

    void onServerShutdown(final FeedChannelHandler handler)
    {
        if (handler == current)
        {
            reconnectAtOnce = true;
            handler.closeChannel();
        }
    }

    void onChannelClosed(final FeedChannelHandler handler)
    {
        if (handler != current)
        {
            return;
        }
        current = null;
        signalDownIfUp();
        scheduleReconnect();
    }

    private void signalDownIfUp()
    {
        if (up)
        {
            up = false;
            upView = false;
            backoff.onDisconnected(ctx.nanoClock().nanoTime());
            sink.onConnectionState(source, Sources.CHANNEL_MARKET_DATA, false, ctx.epochClock().nanoTime());
        }
    }

    private void scheduleReconnect()
    {
        if (closed || null != reconnectTask)
        {
            return;
        }
        final long delayNs = reconnectAtOnce ? 0 : backoff.nextDelayNs();
        reconnectAtOnce = false;
        reconnectTask = loop.schedule(this::connect, delayNs, TimeUnit.NANOSECONDS);
    }

    private void shutdown()
    {
        closed = true;
        if (null != reconnectTask)
        {
            reconnectTask.cancel(false);
            reconnectTask = null;
        }
        final FeedChannelHandler handler = current;
        current = null;
        if (null != handler)
        {
            handler.closeChannel();
        }
        signalDownIfUp();
    }
}
