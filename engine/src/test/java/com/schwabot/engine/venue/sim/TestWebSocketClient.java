package com.schwabot.engine.venue.sim;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;

/**
 * A minimal Netty WebSocket client for the tests: records every frame it receives, in order, as {@code byte[]}
 * (binary), {@code String} (text), {@link Ping}, {@link Pong}, {@link Close}, and {@link #CLOSED} when the
 * connection ends; answers pings with pongs unless told not to.
 */
final class TestWebSocketClient implements AutoCloseable
{
    /** The connection ended. */
    static final Object CLOSED = new Object();

    /** A ping frame and its payload. */
    record Ping(String payload)
    {
    }

    /** A pong frame and its payload. */
    record Pong(String payload)
    {
    }

    /** A close frame. */
    record Close(int status, String reason)
    {
    }

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private volatile boolean answerPings = true;

    TestWebSocketClient(final String uri, final HttpHeaders headers) throws Exception
    {
        final URI target = new URI(uri);
        final WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
            target, WebSocketVersion.V13, null, false, headers, 1 << 20);
        final Handler handler = new Handler(handshaker);
        channel = new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .handler(new ChannelInitializer<SocketChannel>()
            {
                @Override
                protected void initChannel(final SocketChannel ch)
                {
                    ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 16), handler);
                }
            })
            .connect(target.getHost(), target.getPort())
            .sync()
            .channel();
        if (!handler.handshake.await(Await.TIMEOUT_MS) || !handler.handshake.isSuccess())
        {
            close();
            throw new IllegalStateException("handshake failed", handler.handshake.cause());
        }
    }

    static TestWebSocketClient connect(final String uri) throws Exception
    {
        return new TestWebSocketClient(uri, new DefaultHttpHeaders().add("X-MBX-APIKEY", "test-key"));
    }

    void answerPings(final boolean answer)
    {
        answerPings = answer;
    }

    void sendText(final String text)
    {
        channel.writeAndFlush(new TextWebSocketFrame(text));
    }

    void sendPing(final String payload)
    {
        channel.writeAndFlush(new PingWebSocketFrame(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)));
    }

    /**
     * @return the next event, failing after the timeout.
     */
    Object next() throws InterruptedException
    {
        final Object event = events.poll(Await.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (null == event)
        {
            throw new AssertionError("no WebSocket event within " + Await.TIMEOUT_MS + " ms");
        }
        return event;
    }

    /**
     * @return the next event that matches, dropping those before it.
     */
    Object next(final Predicate<Object> matching) throws InterruptedException
    {
        while (true)
        {
            final Object event = next();
            if (matching.test(event))
            {
                return event;
            }
        }
    }

    String nextText() throws InterruptedException
    {
        return (String)next((event) -> event instanceof String);
    }

    byte[] nextBinary() throws InterruptedException
    {
        return (byte[])next((event) -> event instanceof byte[]);
    }

    @Override
    public void close()
    {
        channel.close().awaitUninterruptibly(Await.TIMEOUT_MS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(Await.TIMEOUT_MS);
    }

    private final class Handler extends SimpleChannelInboundHandler<Object>
    {
        private final WebSocketClientHandshaker handshaker;
        private ChannelPromise handshake;

        Handler(final WebSocketClientHandshaker handshaker)
        {
            this.handshaker = handshaker;
        }

        @Override
        public void handlerAdded(final ChannelHandlerContext ctx)
        {
            handshake = ctx.newPromise();
        }

        @Override
        public void channelActive(final ChannelHandlerContext ctx)
        {
            handshaker.handshake(ctx.channel());
        }

        @Override
        public void channelInactive(final ChannelHandlerContext ctx)
        {
            if (!handshake.isDone())
            {
                handshake.setFailure(new IllegalStateException("closed during handshake"));
            }
            events.add(CLOSED);
        }

        @Override
        protected void channelRead0(final ChannelHandlerContext ctx, final Object msg)
        {
            if (!handshaker.isHandshakeComplete())
            {
                try
                {
                    handshaker.finishHandshake(ctx.channel(), (FullHttpResponse)msg);
                    handshake.setSuccess();
                }
                catch (final RuntimeException ex)
                {
                    handshake.setFailure(ex);
                }
                return;
            }
            if (msg instanceof BinaryWebSocketFrame)
            {
                events.add(ByteBufUtil.getBytes(((BinaryWebSocketFrame)msg).content()));
            }
            else if (msg instanceof TextWebSocketFrame)
            {
                events.add(((TextWebSocketFrame)msg).text());
            }
            else if (msg instanceof PingWebSocketFrame)
            {
                final PingWebSocketFrame ping = (PingWebSocketFrame)msg;
                events.add(new Ping(ping.content().toString(StandardCharsets.UTF_8)));
                if (answerPings)
                {
                    ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                }
            }
            else if (msg instanceof PongWebSocketFrame)
            {
                events.add(new Pong(((PongWebSocketFrame)msg).content().toString(StandardCharsets.UTF_8)));
            }
            else if (msg instanceof CloseWebSocketFrame)
            {
                final CloseWebSocketFrame close = (CloseWebSocketFrame)msg;
                events.add(new Close(close.statusCode(), close.reasonText()));
            }
        }

        @Override
        public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
        {
            if (!handshake.isDone())
            {
                handshake.setFailure(cause);
            }
            ctx.close();
        }
    }
}
