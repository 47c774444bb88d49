package com.schwabot.engine.venue.sim;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.engine.venue.order.OrderEntryProtocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * One order-entry connection: splits the byte stream into length-prefixed frames and hands each to the
 * {@link OrderEntryServer} without copying it into a message object; closes the connection on a length outside
 * {@link OrderEntryProtocol#MIN_FRAME_LENGTH}..{@link OrderEntryProtocol#MAX_FRAME_LENGTH}; sends heartbeats when
 * idle and closes a silent connection. One instance per channel, on the simulator's event loop.
 */
final class OrderEntryHandler extends ByteToMessageDecoder
{
    private static final Logger LOG = LoggerFactory.getLogger(OrderEntryHandler.class);

    private final OrderEntryServer server;
    private int sessionId;
    private boolean closing;

    OrderEntryHandler(final OrderEntryServer server)
    {
        this.server = server;
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) throws Exception
    {
        sessionId = server.register(ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) throws Exception
    {
        closing = true;
        server.unregister(sessionId, ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
    {
        final int prefix = OrderEntryProtocol.LENGTH_FIELD_LENGTH;
        while (!closing && in.readableBytes() >= prefix)
        {
            final int length = in.getIntLE(in.readerIndex());
            if (length < OrderEntryProtocol.MIN_FRAME_LENGTH || length > OrderEntryProtocol.MAX_FRAME_LENGTH)
            {
                server.onBadLength();
                closing = true;
                ctx.close();
                break;
            }
            if (in.readableBytes() < prefix + length)
            {
                return;
            }
            server.onFrame(sessionId, in, in.readerIndex() + prefix, length);
            in.skipBytes(prefix + length);
        }
        if (closing)
        {
            in.skipBytes(in.readableBytes());
        }
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object event) throws Exception
    {
        if (event instanceof IdleStateEvent)
        {
            final IdleState state = ((IdleStateEvent)event).state();
            if (IdleState.WRITER_IDLE == state)
            {
                server.sendHeartbeat(sessionId);
            }
            else if (IdleState.READER_IDLE == state && !closing)
            {
                server.onHeartbeatTimeout();
                closing = true;
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOG.debug("order-entry connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        closing = true;
        ctx.close();
    }
}
