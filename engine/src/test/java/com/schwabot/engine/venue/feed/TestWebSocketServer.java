package com.schwabot.engine.venue.feed;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;

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
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * A small WebSocket venue for feed tests: records handshakes, text frames, pings and pongs; answers SUBSCRIBE the
 * way Binance does (or as told); sends binary, fragmented, text, ping and close frames on request; can be killed and
 * restarted on the same port.
 */
final class TestWebSocketServer implements AutoCloseable
{
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    final List<Map<String, String>> handshakeHeaders = new CopyOnWriteArrayList<>();
    final List<String> paths = new CopyOnWriteArrayList<>();
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<String> pongs = new CopyOnWriteArrayList<>();
    /** SNI host names the TLS clients asked for, one entry per handshake. */
    final List<String> serverNames = new CopyOnWriteArrayList<>();
    final AtomicInteger pings = new AtomicInteger();
    final AtomicInteger handshakes = new AtomicInteger();
    final AtomicInteger closeFrames = new AtomicInteger();

    /** Reply to a SUBSCRIBE given the connection number (from 1) and the request id; null for no reply. */
    volatile BiFunction<Integer, Long, String> subscribeReply = (connection, id) -> ack(id);
    volatile boolean answerPings = true;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup children = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final SslContext ssl;
    private volatile Channel server;
    private volatile Channel current;
    private volatile int port;

    TestWebSocketServer(final SslContext ssl)
    {
        this.ssl = ssl;
    }

    TestWebSocketServer()
    {
        this(null);
    }

    TestWebSocketServer start()
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
                    if (null != ssl)
                    {
                        channel.pipeline().addLast(ssl.newHandler(channel.alloc()));
                    }
                    channel.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(65536))
                        .addLast(new Handler());
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

    String uri(final String scheme, final String host)
    {
        return scheme + "://" + host + ":" + port + "/ws";
    }

    /** Stop listening and drop every connection, as a crashed venue would. */
    void kill()
    {
        server.close().syncUninterruptibly();
        children.close().syncUninterruptibly();
        current = null;
    }

    void sendBinary(final byte[] bytes)
    {
        channel().writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes))).syncUninterruptibly();
    }

    /**
     * Write bytes as they are, past the WebSocket encoder (a hand-made frame header, for instance).
     */
    void sendRaw(final byte[] bytes)
    {
        channel().writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
    }

    void sendFragments(final byte[]... parts)
    {
        final Channel channel = channel();
        for (int i = 0; i < parts.length; i++)
        {
            final boolean last = i == parts.length - 1;
            final ByteBuf content = Unpooled.wrappedBuffer(parts[i]);
            channel.write(0 == i ? new BinaryWebSocketFrame(last, 0, content) :
                new ContinuationWebSocketFrame(last, 0, content));
        }
        channel.flush();
    }

    void sendText(final String text)
    {
        channel().writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
    }

    void sendTextFragments(final String... parts)
    {
        final Channel channel = channel();
        for (int i = 0; i < parts.length; i++)
        {
            final boolean last = i == parts.length - 1;
            channel.write(0 == i ? new TextWebSocketFrame(last, 0, parts[i]) :
                new ContinuationWebSocketFrame(last, 0, parts[i]));
        }
        channel.flush();
    }

    void sendPing(final String payload)
    {
        channel().writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)))
            .syncUninterruptibly();
    }

    void sendClose()
    {
        channel().writeAndFlush(new CloseWebSocketFrame(1001, "going away")).syncUninterruptibly();
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
        private int connection;

        public void channelRead(final ChannelHandlerContext ctx, final Object msg)
        {
            try
            {
                if (msg instanceof FullHttpRequest)
                {
                    onRequest(ctx, (FullHttpRequest)msg);
                }
                else if (msg instanceof WebSocketFrame)
                {
                    onFrame(ctx, (WebSocketFrame)msg);
                }
            }
            finally
            {
                ReferenceCountUtil.release(msg);
            }
        }

        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            ctx.close();
        }

        private void onRequest(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            final Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            request.headers().forEach(e -> headers.put(e.getKey(), e.getValue()));
            handshakeHeaders.add(headers);
            final SslHandler tls = ctx.pipeline().get(SslHandler.class);
            if (null != tls && tls.engine().getSession() instanceof ExtendedSSLSession)
            {
                final List<SNIServerName> names =
                    ((ExtendedSSLSession)tls.engine().getSession()).getRequestedServerNames();
                serverNames.add(names.isEmpty() ? "" : ((SNIHostName)names.get(0)).getAsciiName());
            }
            paths.add(request.uri());
            final WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory("ws://localhost/ws", null, false, 16 * 1024 * 1024)
                    .newHandshaker(request);
            handshaker.handshake(ctx.channel(), request).syncUninterruptibly();
            current = ctx.channel();
            connection = handshakes.incrementAndGet();
        }

        private void onFrame(final ChannelHandlerContext ctx, final WebSocketFrame frame)
        {
            if (frame instanceof TextWebSocketFrame)
            {
                final String text = ((TextWebSocketFrame)frame).text();
                texts.add(text);
                if (text.contains("SUBSCRIBE"))
                {
                    final Matcher matcher = ID.matcher(text);
                    final long id = matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
                    final String reply = subscribeReply.apply(connection, id);
                    if (null != reply)
                    {
                        ctx.writeAndFlush(new TextWebSocketFrame(reply));
                    }
                }
            }
            else if (frame instanceof PingWebSocketFrame)
            {
                pings.incrementAndGet();
                if (answerPings)
                {
                    ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
                }
            }
            else if (frame instanceof PongWebSocketFrame)
            {
                pongs.add(frame.content().toString(StandardCharsets.UTF_8));
            }
            else if (frame instanceof CloseWebSocketFrame)
            {
                closeFrames.incrementAndGet();
                ctx.close();
            }
        }
    }

    static String ack(final long id)
    {
        return "{\"result\":null,\"id\":" + id + "}";
    }
}
