package com.schwabot.engine.venue.feed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.engine.venue.FrameSink;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One WebSocket connection of a {@link MarketDataFeed}: handshake, subscription, frames, fragments, liveness.
 * Created per connection attempt; runs only on the feed's event loop, so it needs no synchronisation. The reused
 * buffers belong to the feed (one connection is live at a time, on the same thread).
 */
final class FeedChannelHandler extends ChannelInboundHandlerAdapter
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedChannelHandler.class);

    private static final int NONE = 0;
    private static final int BINARY = 1;
    private static final int TEXT = 2;
    private static final int DROPPING = 3;

    private final MarketDataFeed feed;
    private final FeedContext ctx;
    private final FeedCounters counters;
    private final FrameSink sink;
    private final long source;
    private final long subscribeId;
    private final int maxMessageLength;
    private final long pingIntervalNs;
    private final long staleTimeoutNs;
    private final long subscribeTimeoutNs;
    private final byte[] apiKeyBytes;
    private final WebSocketClientHandshaker handshaker;

    private Channel channel;
    private ScheduledFuture<?> livenessTask;
    private long activeAtNs;
    private long lastInboundNs;
    private long lastPingNs;
    private boolean subscribed;
    private int assemblyKind = NONE;
    private int assembled;

    FeedChannelHandler(final MarketDataFeed feed, final long subscribeId)
    {
        this.feed = feed;
        this.ctx = feed.context();
        this.counters = feed.countersForHandler();
        this.sink = ctx.sink();
        this.source = ctx.source();
        this.subscribeId = subscribeId;
        this.maxMessageLength = ctx.maxMessageLength();
        this.pingIntervalNs = TimeUnit.MILLISECONDS.toNanos(ctx.pingIntervalMs());
        this.staleTimeoutNs = TimeUnit.MILLISECONDS.toNanos(ctx.staleTimeoutMs());
        this.subscribeTimeoutNs = TimeUnit.MILLISECONDS.toNanos(ctx.subscribeTimeoutMs());
        final HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        if (null != ctx.apiKey())
        {
            // The key goes into the header as bytes we own, never as a String, and is zeroed once the request is out.
            apiKeyBytes = ctx.apiKey().bytes();
            headers.set(FeedContext.API_KEY_HEADER, new AsciiString(apiKeyBytes, false));
        }
        else
        {
            apiKeyBytes = null;
        }
        this.handshaker = new FeedHandshaker(ctx.uri(), headers, ctx.maxFramePayloadLength());
    }

    public void channelActive(final ChannelHandlerContext context)
    {
        channel = context.channel();
        final long now = ctx.nanoClock().nanoTime();
        activeAtNs = now;
        lastInboundNs = now;
        lastPingNs = now;
        handshaker.handshake(channel).addListener((ChannelFutureListener)f -> wipeApiKey());
        final long tickNs = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
            Math.min(pingIntervalNs, Math.min(staleTimeoutNs, subscribeTimeoutNs)) / 4);
        livenessTask = context.executor()
            .scheduleAtFixedRate(this::checkLiveness, tickNs, tickNs, TimeUnit.NANOSECONDS);
        context.fireChannelActive();
    }

    public void channelInactive(final ChannelHandlerContext context)
    {
        if (null != livenessTask)
        {
            livenessTask.cancel(false);
        }
        wipeApiKey();
        feed.onChannelClosed(this);
        context.fireChannelInactive();
    }

    public void exceptionCaught(final ChannelHandlerContext context, final Throwable cause)
    {
        counters.increment(handshaker.isHandshakeComplete() ? FeedCounters.ERRORS : FeedCounters.CONNECT_FAILURES);
        LOG.warn("{}: connection error, reconnecting: {}", ctx.name(), String.valueOf(cause));
        if (cause instanceof CorruptedWebSocketFrameException && context.channel().isActive())
        {
            // A frame that breaks the protocol: tell the venue why (FeedHandshaker's decoder leaves that to us).
            context.writeAndFlush(new CloseWebSocketFrame(((CorruptedWebSocketFrameException)cause).closeStatus()))
                .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        context.close();
    }

    public void channelRead(final ChannelHandlerContext context, final Object msg)
    {
        lastInboundNs = ctx.nanoClock().nanoTime();
        try
        {
            if (msg instanceof WebSocketFrame)
            {
                onFrame(context, (WebSocketFrame)msg);
            }
            else if (msg instanceof FullHttpResponse)
            {
                onHandshakeResponse(context, (FullHttpResponse)msg);
            }
            else
            {
                counters.increment(FeedCounters.ERRORS);
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    void closeChannel()
    {
        if (null != channel)
        {
            channel.close();
        }
    }

    void wipeApiKey()
    {
        if (null != apiKeyBytes)
        {
            Arrays.fill(apiKeyBytes, (byte)0);
        }
    }

    private void onHandshakeResponse(final ChannelHandlerContext context, final FullHttpResponse response)
    {
        if (handshaker.isHandshakeComplete())
        {
            counters.increment(FeedCounters.ERRORS);
            return;
        }
        try
        {
            handshaker.finishHandshake(channel, response);
        }
        catch (final WebSocketHandshakeException ex)
        {
            counters.increment(FeedCounters.CONNECT_FAILURES);
            LOG.warn("{}: WebSocket handshake refused with HTTP {}", ctx.name(), response.status().code());
            context.close();
            return;
        }
        if (ctx.streams().isEmpty())
        {
            markSubscribed();
        }
        else
        {
            channel.writeAndFlush(new TextWebSocketFrame(ControlMessages.subscribe(ctx.streams(), subscribeId)));
        }
    }

    private void onFrame(final ChannelHandlerContext context, final WebSocketFrame frame)
    {
        if (frame instanceof BinaryWebSocketFrame)
        {
            if (frame.isFinalFragment())
            {
                assemblyKind = NONE;
                deliver(frame.content());
            }
            else
            {
                startAssembly(BINARY, frame.content());
            }
        }
        else if (frame instanceof ContinuationWebSocketFrame)
        {
            onContinuation(frame);
        }
        else if (frame instanceof TextWebSocketFrame)
        {
            if (frame.isFinalFragment())
            {
                assemblyKind = NONE;
                onText(((TextWebSocketFrame)frame).text());
            }
            else
            {
                startAssembly(TEXT, frame.content());
            }
        }
        else if (frame instanceof PingWebSocketFrame)
        {
            counters.increment(FeedCounters.PINGS_RECEIVED);
            context.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        }
        else if (frame instanceof PongWebSocketFrame)
        {
            counters.increment(FeedCounters.PONGS_RECEIVED);
        }
        else if (frame instanceof CloseWebSocketFrame)
        {
            counters.increment(FeedCounters.CLOSE_FRAMES);
            final CloseWebSocketFrame close = (CloseWebSocketFrame)frame;
            LOG.warn("{}: venue closed the connection: {} {}", ctx.name(), close.statusCode(), close.reasonText());
            context.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void onContinuation(final WebSocketFrame frame)
    {
        if (NONE == assemblyKind)
        {
            counters.increment(FeedCounters.ERRORS);
            return;
        }
        append(frame.content());
        if (!frame.isFinalFragment())
        {
            return;
        }
        final int kind = assemblyKind;
        assemblyKind = NONE;
        if (BINARY == kind)
        {
            counters.increment(FeedCounters.FRAGMENTED);
            publish(feed.assembly(), assembled, ctx.epochClock().nanoTime());
        }
        else if (TEXT == kind)
        {
            onText(new String(feed.assembly().byteArray(), 0, assembled, StandardCharsets.UTF_8));
        }
    }

    private void startAssembly(final int kind, final ByteBuf content)
    {
        assemblyKind = kind;
        assembled = 0;
        append(content);
    }

    private void append(final ByteBuf content)
    {
        if (DROPPING == assemblyKind)
        {
            return;
        }
        final int length = content.readableBytes();
        if (length > maxMessageLength - assembled)
        {
            counters.increment(FeedCounters.OVERSIZED);
            assemblyKind = DROPPING;
            return;
        }
        content.getBytes(content.readerIndex(), feed.assembly().byteArray(), assembled, length);
        assembled += length;
    }

    private void deliver(final ByteBuf content)
    {
        final int length = content.readableBytes();
        if (length > maxMessageLength)
        {
            counters.increment(FeedCounters.OVERSIZED);
            return;
        }
        final long ingressNanos = ctx.epochClock().nanoTime();
        final UnsafeBuffer view = feed.view();
        final int index = content.readerIndex();
        if (content.hasMemoryAddress())
        {
            view.wrap(content.memoryAddress() + index, length);
        }
        else if (content.hasArray())
        {
            view.wrap(content.array(), content.arrayOffset() + index, length);
        }
        else
        {
            content.getBytes(index, feed.assembly().byteArray(), 0, length);
            view.wrap(feed.assembly(), 0, length);
        }
        publish(view, length, ingressNanos);
    }

    private void publish(final UnsafeBuffer buffer, final int length, final long ingressNanos)
    {
        if (!subscribed)
        {
            // A venue that streams without acknowledging SUBSCRIBE is subscribed all the same: data is the proof.
            markSubscribed();
        }
        counters.increment(FeedCounters.FRAMES);
        counters.add(FeedCounters.BYTES, length);
        if (!sink.onMarketData(source, buffer, 0, length, ingressNanos))
        {
            counters.increment(FeedCounters.DROPPED);
        }
    }

    private void onText(final String text)
    {
        counters.increment(FeedCounters.TEXT_FRAMES);
        switch (ControlMessages.classify(text, subscribeId))
        {
            case SUBSCRIBED:
                counters.increment(FeedCounters.SUBSCRIBE_ACKS);
                markSubscribed();
                break;

            case ERROR:
                counters.increment(FeedCounters.SUBSCRIBE_ERRORS);
                LOG.warn("{}: venue error response: {}", ctx.name(), ControlMessages.excerpt(text));
                final long id = ControlMessages.id(text);
                if (!subscribed && (id == subscribeId || id == Long.MIN_VALUE))
                {
                    closeChannel();
                }
                break;

            case SERVER_SHUTDOWN:
                counters.increment(FeedCounters.SERVER_SHUTDOWNS);
                LOG.warn("{}: serverShutdown event, reconnecting now", ctx.name());
                feed.onServerShutdown(this);
                break;

            default:
                counters.increment(FeedCounters.UNKNOWN_TEXT);
                break;
        }
    }

    private void markSubscribed()
    {
        subscribed = true;
        feed.onSubscribed(this);
    }

    private void checkLiveness()
    {
        final long now = ctx.nanoClock().nanoTime();
        if (!subscribed && now - activeAtNs >= subscribeTimeoutNs)
        {
            counters.increment(FeedCounters.SUBSCRIBE_TIMEOUTS);
            LOG.warn("{}: not subscribed after {} ms, reconnecting", ctx.name(), ctx.subscribeTimeoutMs());
            closeChannel();
            return;
        }
        final long idleNs = now - lastInboundNs;
        if (idleNs >= staleTimeoutNs)
        {
            counters.increment(FeedCounters.STALE);
            LOG.warn("{}: nothing received for {} ms, reconnecting", ctx.name(), TimeUnit.NANOSECONDS.toMillis(idleNs));
            closeChannel();
            return;
        }
        if (handshaker.isHandshakeComplete() && idleNs >= pingIntervalNs && now - lastPingNs >= pingIntervalNs)
        {
            lastPingNs = now;
            counters.increment(FeedCounters.PINGS_SENT);
            channel.writeAndFlush(new PingWebSocketFrame());
        }
    }
}
