package com.schwabot.engine.venue.gateway;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * A small TCP venue for gateway tests: records every byte received (optionally only counting them, for long runs),
 * sends bytes on request (whole or one byte per write), closes connections, and can be killed and restarted on the
 * same port.
 */
final class TestOrderVenue implements AutoCloseable
{
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    final AtomicLong bytesReceived = new AtomicLong();

    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup children = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private volatile boolean record = true;
    private volatile Channel server;
    private volatile Channel current;
    private volatile int port;

    TestOrderVenue start()
    {
        final ServerBootstrap bootstrap = new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childHandler(new ChannelInitializer<SocketChannel>()
            {
                protected void initChannel(final SocketChannel channel)
                {
                    children.add(channel);
                    channel.pipeline().addLast(new Handler());
                }
            });
        server = bootstrap.bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
        port = ((InetSocketAddress)server.localAddress()).getPort();
        return this;
    }

    int port()
    {
        return port;
    }

    /**
     * @param record false to only count bytes (allocation runs send a lot).
     */
    void record(final boolean record)
    {
        this.record = record;
    }

    byte[] received()
    {
        synchronized (received)
        {
            return received.toByteArray();
        }
    }

    void send(final byte[] bytes)
    {
        channel().writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
    }

    /**
     * Send on the connection there is, unless it closes first: the client may close it at any moment (a test of its
     * timeouts sends heartbeats while it does).
     *
     * @param bytes to send.
     * @return true when sent, false when there was no open connection or it closed before the write.
     */
    boolean sendIfConnected(final byte[] bytes)
    {
        final Channel channel = current;
        return null != channel && channel.isActive() &&
            channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).awaitUninterruptibly().isSuccess();
    }

    /** Send one byte per write and flush, so the client sees every possible split. */
    void sendByteByByte(final byte[] bytes)
    {
        final Channel channel = channel();
        for (final byte b : bytes)
        {
            channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {b})).syncUninterruptibly();
        }
    }

    void closeConnection()
    {
        channel().close().syncUninterruptibly();
    }

    void kill()
    {
        server.close().syncUninterruptibly();
        children.close().syncUninterruptibly();
        current = null;
    }

    boolean hasConnection()
    {
        final Channel channel = current;
        return null != channel && channel.isActive();
    }

    private Channel channel()
    {
        final Channel channel = current;
        if (null == channel)
        {
            throw new IllegalStateException("no client connected");
        }
        return channel;
    }

    public void close()
    {
        if (null != server)
        {
            server.close().syncUninterruptibly();
        }
        children.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends ChannelInboundHandlerAdapter
    {
        public void channelActive(final ChannelHandlerContext ctx)
        {
            current = ctx.channel();
            connections.incrementAndGet();
        }

        public void channelInactive(final ChannelHandlerContext ctx)
        {
            closed.incrementAndGet();
        }

        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            final ByteBuf in = (ByteBuf)msg;
            try
            {
                final int length = in.readableBytes();
                if (record)
                {
                    final byte[] bytes = new byte[length];
                    in.readBytes(bytes);
                    synchronized (received)
                    {
                        received.write(bytes, 0, length);
                    }
                }
                bytesReceived.addAndGet(length);
            }
            finally
            {
                in.release();
            }
        }

        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }
    }
}
