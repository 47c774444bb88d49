package com.schwabot.engine.venue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of a pipeline under test: it records any exception that a handler let escape (fired on instead
 * of handling it) and any message that went through every handler unconsumed. Either is a failure of the pipeline.
 */
public final class Sentinel extends ChannelInboundHandlerAdapter
{
    private Throwable escaped;
    private Object passedThrough;

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (null == passedThrough)
        {
            passedThrough = msg.getClass().getName() + ": " + msg;
        }
        ReferenceCountUtil.release(msg);
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (null == escaped)
        {
            escaped = cause;
        }
    }

    /**
     * @return the first exception that escaped, or null.
     */
    public Throwable escaped()
    {
        return escaped;
    }

    /**
     * @return a description of the first message no handler consumed, or null.
     */
    public Object passedThrough()
    {
        return passedThrough;
    }
}
