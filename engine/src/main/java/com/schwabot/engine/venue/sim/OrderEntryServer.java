package com.schwabot.engine.venue.sim;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.HeartbeatEncoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.engine.venue.Sources;
import com.schwabot.engine.venue.order.OrderEntryProtocol;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * The order-entry side of the simulator: a TCP server speaking {@link OrderEntryProtocol}. Each connection is a
 * session (ids from 1); its frames go to the {@link SimulatorCore}; its execution reports come back here and are
 * written with their int32 little-endian length prefix. An idle connection gets a {@code Heartbeat} every
 * {@code heartbeatIntervalMs} ({@code timeNs} now, {@code sequence} 1, 2, ... per connection, {@code sourceId}
 * {@code Sources.source(VENUE_SIMULATOR, sessionId)}); one silent for {@code heartbeatTimeoutMs} is closed. A
 * closed connection's open orders are canceled; the cancels are kept for its account's next logon (see
 * {@link Accounts}). A connection whose session the core ends (its account logged on elsewhere) is closed.
 * Touched only on the simulator's event loop.
 */
final class OrderEntryServer implements ExecutionListener
{
    private final ExchangeSimulator.Context context;
    private final SimulatorCounters counters;
    private final Int2ObjectHashMap<OrderEntrySession> sessions = new Int2ObjectHashMap<>();
    private final List<OrderEntrySession> dirtySessions = new ArrayList<>();
    private final List<Channel> channels = new ArrayList<>();
    private final UnsafeBuffer frameBuffer = new UnsafeBuffer(new byte[OrderEntryProtocol.MAX_FRAME_LENGTH]);
    private final UnsafeBuffer heartbeatBuffer = new UnsafeBuffer(new byte[64]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final HeartbeatEncoder heartbeat = new HeartbeatEncoder();
    private SimulatorCore core;
    private Channel serverChannel;
    private int nextSessionId = 1;

    OrderEntryServer(final ExchangeSimulator.Context context, final SimulatorCounters counters)
    {
        this.context = context;
        this.counters = counters;
    }

    void core(final SimulatorCore core)
    {
        this.core = core;
    }

    ChannelFuture bind(final EventLoopGroup group, final boolean epoll)
    {
        final long readerIdle = context.heartbeatTimeoutMs();
        final long writerIdle = context.heartbeatIntervalMs();
        final ChannelFuture bound = new ServerBootstrap()
            .group(group)
            .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel channel)
                {
                    channel.pipeline()
                        .addLast(new IdleStateHandler(readerIdle, writerIdle, 0, TimeUnit.MILLISECONDS))
                        .addLast(new OrderEntryHandler(OrderEntryServer.this));
                }
            })
            .bind(context.host(), context.orderEntryPort());
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

    int register(final Channel channel)
    {
        final int sessionId = nextSessionId++;
        sessions.put(sessionId, new OrderEntrySession(sessionId, channel));
        channels.add(channel);
        counters.increment(SimCounter.OE_CONNECTIONS);
        return sessionId;
    }

    void unregister(final int sessionId, final Channel channel)
    {
        channels.remove(channel);
        final OrderEntrySession session = sessions.remove(sessionId);
        if (null != session)
        {
            dirtySessions.remove(session);
            core.onSessionClosed(sessionId, nowNanos());
        }
    }

    /**
     * One frame with a valid length: copy it out of the socket buffer and hand it to the core.
     */
    void onFrame(final int sessionId, final ByteBuf in, final int index, final int length)
    {
        counters.increment(SimCounter.OE_FRAMES_IN);
        in.getBytes(index, frameBuffer.byteArray(), 0, length);
        core.onOrderEntryFrame(sessionId, frameBuffer, 0, length, nowNanos());
    }

    void onBadLength()
    {
        counters.increment(SimCounter.OE_BAD_LENGTH);
    }

    void onHeartbeatTimeout()
    {
        counters.increment(SimCounter.OE_HEARTBEAT_TIMEOUTS);
    }

    void sendHeartbeat(final int sessionId)
    {
        final OrderEntrySession session = sessions.get(sessionId);
        if (null == session)
        {
            return;
        }
        heartbeat.wrapAndApplyHeader(heartbeatBuffer, 0, header)
            .timeNs(nowNanos())
            .sequence(session.nextHeartbeatSequence())
            .sourceId(Sources.source(Sources.VENUE_SIMULATOR, sessionId));
        counters.increment(SimCounter.OE_HEARTBEATS_OUT);
        write(session, heartbeatBuffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + heartbeat.encodedLength());
        onFlush();
    }

    @Override
    public void onExecutionReport(final int sessionId, final DirectBuffer buffer, final int offset, final int length)
    {
        final OrderEntrySession session = sessions.get(sessionId);
        if (null != session)
        {
            write(session, buffer, offset, length);
        }
    }

    @Override
    public void onSessionEnded(final int sessionId)
    {
        final OrderEntrySession session = sessions.get(sessionId);
        if (null != session)
        {
            session.channel().flush();
            session.channel().close();
        }
    }

    @Override
    public void onFlush()
    {
        for (int i = 0, size = dirtySessions.size(); i < size; i++)
        {
            final OrderEntrySession session = dirtySessions.get(i);
            session.dirty(false);
            session.channel().flush();
        }
        dirtySessions.clear();
    }

    /**
     * Close every connection (their orders are canceled) and the listening socket.
     *
     * @return the futures of every close, to wait on.
     */
    List<ChannelFuture> shutdown()
    {
        final List<ChannelFuture> futures = new ArrayList<>();
        for (final Channel channel : new ArrayList<>(channels))
        {
            futures.add(channel.close());
        }
        futures.add(serverChannel.close());
        return futures;
    }

    private void write(final OrderEntrySession session, final DirectBuffer buffer, final int offset, final int length)
    {
        final Channel channel = session.channel();
        channel.write(Frames.copy(channel.alloc(), true, buffer, offset, length), channel.voidPromise());
        counters.increment(SimCounter.OE_FRAMES_OUT);
        if (!session.dirty())
        {
            session.dirty(true);
            dirtySessions.add(session);
        }
    }

    private long nowNanos()
    {
        return context.epochNanoClock().nanoTime();
    }
}
