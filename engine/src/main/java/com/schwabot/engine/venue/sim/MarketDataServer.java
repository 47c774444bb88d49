package com.schwabot.engine.venue.sim;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.IntArrayList;
import org.agrona.collections.Object2IntHashMap;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;

/**
 * The market-data side of the simulator: a WebSocket server in the manner of Binance's SBE market-data streams.
 * <ul>
 *   <li>Paths: {@code /ws} (subscribe later), {@code /ws/<stream>} (also {@code /ws/<a>/<b>}) and
 *   {@code /stream?streams=<a>/<b>/<c>}; any other path is 404, an unknown stream name 400. An
 *   {@code X-MBX-APIKEY} header is accepted and not required.</li>
 *   <li>Stream names: lower-case symbol + {@code @trade}, {@code @bestBidAsk}, {@code @depth}, {@code @depth20}.</li>
 *   <li>Binary frames carry one SBE message each (schema 1 v0); text frames carry JSON control
 *   ({@link ControlRequests}) and the {@code serverShutdown} event {@code {"e":"serverShutdown","E":<micros>}}
 *   sent to every session before a graceful close (followed by a close frame, status 1001).</li>
 *   <li>A ping every {@code pingIntervalMs}; pings are answered with pongs carrying their payload; a session with
 *   no pong for {@code pongTimeoutMs} is closed.</li>
 *   <li>Subscribing to {@code @depth20} sends the current snapshot to that session at once.</li>
 *   <li>Binary frames are never wrapped: the {@code combined} property (set by the {@code /stream} path or
 *   {@code SET_PROPERTY}) is kept and reported but changes nothing, since every SBE message carries its symbol.</li>
 * </ul>
 * Each frame is copied once into a pooled buffer and shared by every subscribed session; a session whose channel
 * is not writable misses the frame (counted in {@link SimCounter#MD_FRAMES_DROPPED}), as Binance culls. Touched only
 * on the simulator's event loop.
 */
final class MarketDataServer implements MarketDataListener
{
    private static final int MAX_HTTP_REQUEST = 16 * 1024;
    private static final int NANOS_PER_MICRO = 1000;
    private static final long NANOS_PER_MILLI = 1_000_000;

    private final ExchangeSimulator.Context context;
    private final SimulatorCounters counters;
    private final Object2IntHashMap<String> streamKeys = new Object2IntHashMap<>(-1);
    private final String[] streamNames;
    private final List<MarketDataSession> sessions = new ArrayList<>();
    private final List<MarketDataSession> dirtySessions = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final ExpandableArrayBuffer snapshotBuffer = new ExpandableArrayBuffer(2048);
    private final ControlRequests controlRequests = new ControlRequests(this);
    private SimulatorCore core;
    private Channel serverChannel;
    private int nextSessionId = 1;

    MarketDataServer(final ExchangeSimulator.Context context, final SimulatorCounters counters)
    {
        this.context = context;
        this.counters = counters;
        final List<SimInstrument> instruments = context.simInstruments();
        streamNames = new String[instruments.size() * StreamType.COUNT];
        for (final SimInstrument instrument : instruments)
        {
            for (final StreamType type : StreamType.values())
            {
                final int key = instrument.index() * StreamType.COUNT + type.ordinal();
                streamNames[key] = instrument.streamName(type);
                streamKeys.put(streamNames[key], key);
            }
        }
    }

    void core(final SimulatorCore core)
    {
        this.core = core;
    }

    ChannelFuture bind(final EventLoopGroup group, final boolean epoll)
    {
        final ChannelFuture bound = new ServerBootstrap()
            .group(group)
            .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(MAX_HTTP_REQUEST))
                        .addLast(new WebSocketSessionHandler(MarketDataServer.this));
                }
            })
            .bind(context.host(), context.marketDataPort());
        serverChannel = bound.channel();
        return bound;
    }

    int port()
    {
        return ((InetSocketAddress)serverChannel.localAddress()).getPort();
    }

    SimulatorCounters counters()
    {
        return counters;
    }

    long nowNanos()
    {
        return context.epochNanoClock().nanoTime();
    }

    /**
     * @param name a stream name, e.g. {@code btcusdt@trade}.
     * @return its key ({@code instrumentIndex * StreamType.COUNT + type.ordinal()}), or -1 when unknown.
     */
    int streamKey(final String name)
    {
        return streamKeys.getValue(name);
    }

    String streamName(final int key)
    {
        return streamNames[key];
    }

    void channelOpened(final Channel channel)
    {
        channels.add(channel);
    }

    void channelClosed(final Channel channel, final MarketDataSession session)
    {
        channels.remove(channel);
        if (null != session)
        {
            sessions.remove(session);
            dirtySessions.remove(session);
        }
    }

    /**
     * A handshake completed: start a session subscribed to the streams of its URL.
     */
    MarketDataSession register(
        final Channel channel, final WebSocketServerHandshaker handshaker, final int[] keys, final boolean combined)
    {
        final MarketDataSession session =
            new MarketDataSession(nextSessionId++, channel, handshaker, streamNames.length, combined, nowNanos());
        sessions.add(session);
        counters.increment(SimCounter.MD_CONNECTIONS);
        for (final int key : keys)
        {
            if (!session.isSubscribed(key))
            {
                session.subscribed(key, true);
                sendSnapshotIfDepth20(session, key);
            }
        }
        channel.flush();
        return session;
    }

    /**
     * A JSON control request arrived: answer it, then send the snapshots of new depth20 subscriptions.
     */
    void onControl(final MarketDataSession session, final String text)
    {
        counters.increment(SimCounter.MD_CONTROL_REQUESTS);
        final String answer = controlRequests.handle(session, text);
        session.channel().write(new TextWebSocketFrame(answer));
        final IntArrayList keys = controlRequests.newSubscriptions();
        for (int i = 0, size = keys.size(); i < size; i++)
        {
            sendSnapshotIfDepth20(session, keys.getInt(i));
        }
        session.channel().flush();
    }

    void countControlError()
    {
        counters.increment(SimCounter.MD_CONTROL_ERRORS);
    }

    @Override
    public void onMarketData(
        final int instrumentIndex, final StreamType type, final DirectBuffer buffer, final int offset, final int length)
    {
        final int key = instrumentIndex * StreamType.COUNT + type.ordinal();
        ByteBuf frame = null;
        for (int i = 0, size = sessions.size(); i < size; i++)
        {
            final MarketDataSession session = sessions.get(i);
            if (!session.isSubscribed(key))
            {
                continue;
            }
            final Channel channel = session.channel();
            if (!channel.isWritable())
            {
                counters.increment(SimCounter.MD_FRAMES_DROPPED);
                continue;
            }
            if (null == frame)
            {
                frame = Frames.copy(channel.alloc(), false, buffer, offset, length);
            }
            channel.write(new BinaryWebSocketFrame(frame.retainedDuplicate()), channel.voidPromise());
            counters.increment(SimCounter.MD_FRAMES_OUT);
            if (!session.dirty())
            {
                session.dirty(true);
                dirtySessions.add(session);
            }
        }
        if (null != frame)
        {
            frame.release();
        }
    }

    @Override
    public void onFlush()
    {
        for (int i = 0, size = dirtySessions.size(); i < size; i++)
        {
            final MarketDataSession session = dirtySessions.get(i);
            session.dirty(false);
            session.channel().flush();
        }
        dirtySessions.clear();
    }

    /**
     * Ping every session; close those that have not answered for the pong timeout.
     */
    void pingAll(final long nowNanos)
    {
        final long timeoutNanos = context.pongTimeoutMs() * NANOS_PER_MILLI;
        for (int i = sessions.size() - 1; i >= 0; i--)
        {
            final MarketDataSession session = sessions.get(i);
            if (nowNanos - session.lastPongNanos() > timeoutNanos)
            {
                counters.increment(SimCounter.MD_PONG_TIMEOUTS);
                session.channel().close();
                continue;
            }
            final Channel channel = session.channel();
            channel.writeAndFlush(new PingWebSocketFrame(Unpooled.EMPTY_BUFFER), channel.voidPromise());
            counters.increment(SimCounter.MD_PINGS_SENT);
        }
    }

    /**
     * Graceful stop: send the {@code serverShutdown} event and a close frame to every session, close every other
     * connection and the listening socket.
     *
     * @return the futures of every close, to wait on.
     */
    List<ChannelFuture> shutdown(final long nowNanos)
    {
        final List<ChannelFuture> futures = new ArrayList<>();
        final String event = "{\"e\":\"serverShutdown\",\"E\":" + nowNanos / NANOS_PER_MICRO + '}';
        for (final MarketDataSession session : new ArrayList<>(sessions))
        {
            final Channel channel = session.channel();
            channel.write(new TextWebSocketFrame(event));
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "serverShutdown"))
                .addListener(ChannelFutureListener.CLOSE);
        }
        for (final Channel channel : new ArrayList<>(channels))
        {
            if (!isSession(channel))
            {
                channel.close();
            }
            futures.add(channel.closeFuture());
        }
        futures.add(serverChannel.close());
        return futures;
    }

    private boolean isSession(final Channel channel)
    {
        for (final MarketDataSession session : sessions)
        {
            if (session.channel() == channel)
            {
                return true;
            }
        }
        return false;
    }

    private void sendSnapshotIfDepth20(final MarketDataSession session, final int key)
    {
        if (key % StreamType.COUNT != StreamType.DEPTH20.ordinal())
        {
            return;
        }
        final int length = core.encodeSnapshot(key / StreamType.COUNT, nowNanos(), snapshotBuffer, 0);
        final Channel channel = session.channel();
        channel.write(new BinaryWebSocketFrame(Frames.copy(channel.alloc(), false, snapshotBuffer, 0, length)));
        counters.increment(SimCounter.MD_FRAMES_OUT);
    }
}
