package com.schwabot.engine.venue.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.ReferenceCountUtil;

/**
 * One market-data connection: checks the HTTP upgrade request (path and stream names), performs the WebSocket
 * handshake, then handles the client's frames (JSON control requests, pings, pongs, close). One instance per
 * channel, on the simulator's event loop.
 */
final class WebSocketSessionHandler extends ChannelInboundHandlerAdapter
{
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketSessionHandler.class);
    private static final int MAX_CLIENT_FRAME = 64 * 1024;
    private static final WebSocketDecoderConfig DECODER_CONFIG = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(MAX_CLIENT_FRAME)
        .allowExtensions(false)
        .build();

    private final MarketDataServer server;
    private MarketDataSession session;

    WebSocketSessionHandler(final MarketDataServer server)
    {
        this.server = server;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) throws Exception
    {
        server.channelOpened(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        server.channelClosed(ctx.channel(), session);
        session = null;
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (msg instanceof FullHttpRequest)
            {
                onHttpRequest(ctx, (FullHttpRequest)msg);
            }
            else if (msg instanceof WebSocketFrame && null != session)
            {
                onFrame(ctx, (WebSocketFrame)msg);
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOG.debug("market-data connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    private void onHttpRequest(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        if (!request.decoderResult().isSuccess() || !HttpMethod.GET.equals(request.method()))
        {
            reject(ctx, HttpResponseStatus.BAD_REQUEST, "Bad request");
            return;
        }
        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        final String path;
        final List<String> streams;
        try
        {
            path = uri.path();
            streams = uri.parameters().getOrDefault("streams", List.of());
        }
        catch (final IllegalArgumentException ex)
        {
            reject(ctx, HttpResponseStatus.BAD_REQUEST, "Bad request: malformed path or query (a bad percent-escape)");
            return;
        }
        final List<String> names = new ArrayList<>();
        final boolean combined;
        if (path.equals("/ws") || path.startsWith("/ws/"))
        {
            combined = false;
            split(path.substring("/ws".length()), names);
        }
        else if (path.equals("/stream") || path.equals("/stream/"))
        {
            combined = true;
            for (final String value : streams)
            {
                split(value, names);
            }
        }
        else
        {
            reject(ctx, HttpResponseStatus.NOT_FOUND, "Unknown path: " + path);
            return;
        }
        final int[] keys = new int[names.size()];
        for (int i = 0; i < keys.length; i++)
        {
            keys[i] = server.streamKey(names.get(i));
            if (keys[i] < 0)
            {
                reject(ctx, HttpResponseStatus.BAD_REQUEST, "Invalid stream name: " + names.get(i));
                return;
            }
        }
        if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true))
        {
            reject(ctx, HttpResponseStatus.BAD_REQUEST, "WebSocket upgrade required");
            return;
        }
        handshake(ctx, request, keys, combined);
    }

    private void handshake(
        final ChannelHandlerContext ctx, final FullHttpRequest request, final int[] keys, final boolean combined)
    {
        final String location = "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + request.uri();
        final WebSocketServerHandshaker handshaker =
            new WebSocketServerHandshakerFactory(location, null, DECODER_CONFIG).newHandshaker(request);
        if (null == handshaker)
        {
            server.counters().increment(SimCounter.MD_HANDSHAKE_REJECTS);
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        handshaker.handshake(ctx.channel(), request).addListener(
            (ChannelFutureListener)(future) ->
            {
                if (future.isSuccess())
                {
                    session = server.register(future.channel(), handshaker, keys, combined);
                }
                else
                {
                    server.counters().increment(SimCounter.MD_HANDSHAKE_REJECTS);
                    future.channel().close();
                }
            });
    }

    private void onFrame(final ChannelHandlerContext ctx, final WebSocketFrame frame)
    {
        if (frame instanceof TextWebSocketFrame)
        {
            server.onControl(session, ((TextWebSocketFrame)frame).text());
        }
        else if (frame instanceof PingWebSocketFrame)
        {
            server.counters().increment(SimCounter.MD_PINGS_RECEIVED);
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        }
        else if (frame instanceof PongWebSocketFrame)
        {
            server.counters().increment(SimCounter.MD_PONGS_RECEIVED);
            session.lastPongNanos(server.nowNanos());
        }
        else if (frame instanceof CloseWebSocketFrame)
        {
            session.handshaker().close(ctx.channel(), (CloseWebSocketFrame)frame.retain());
        }
        else if (frame instanceof BinaryWebSocketFrame)
        {
            server.countControlError();
        }
    }

    private static void split(final String streams, final List<String> names)
    {
        for (final String name : streams.split("/"))
        {
            if (!name.isEmpty())
            {
                names.add(name);
            }
        }
    }

    private void reject(final ChannelHandlerContext ctx, final HttpResponseStatus status, final String message)
    {
        server.counters().increment(SimCounter.MD_HANDSHAKE_REJECTS);
        final FullHttpResponse response = new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(message, StandardCharsets.UTF_8));
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
