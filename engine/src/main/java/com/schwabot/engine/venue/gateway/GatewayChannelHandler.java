package com.schwabot.engine.venue.gateway;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.HeartbeatDecoder;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.engine.venue.FrameSink;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The inbound side of one order-entry connection, on its Netty event loop: splits frames, hands execution reports
 * and the venue's logon answer to the sink (and their exec ids to the gateway, for its next logon), counts heartbeats
 * and anything else, closes on a bad length, and stamps the time of every read for the gateway's heartbeat timeout.
 * One instance per connection; not shared.
 */
final class GatewayChannelHandler extends ChannelInboundHandlerAdapter implements LengthPrefixedFrameReader.Listener
{
    private static final Logger LOG = LoggerFactory.getLogger(GatewayChannelHandler.class);

    private final OrderGateway gateway;
    private final GatewayCounters counters;
    private final FrameSink sink;
    private final long source;
    private final EpochNanoClock epochClock;
    private final NanoClock nanoClock;
    private final String name;
    private final LengthPrefixedFrameReader reader = new LengthPrefixedFrameReader();
    private final FrameChecker checker = new FrameChecker();
    private final ExecutionReportDecoder report = new ExecutionReportDecoder();
    private final LogonDecoder logon = new LogonDecoder();
    private Channel channel;
    private long ingressNanos;

    GatewayChannelHandler(final OrderGateway gateway, final GatewayContext ctx)
    {
        this.gateway = gateway;
        this.counters = gateway.counters();
        this.sink = ctx.sink();
        this.source = ctx.source();
        this.epochClock = ctx.epochClock();
        this.nanoClock = ctx.nanoClock();
        this.name = ctx.name();
    }

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof ByteBuf))
        {
            ReferenceCountUtil.release(msg);
            return;
        }
        final ByteBuf in = (ByteBuf)msg;
        channel = ctx.channel();
        try
        {
            gateway.onInbound(nanoClock.nanoTime());
            ingressNanos = epochClock.nanoTime();
            if (!reader.onBytes(in, this))
            {
                ctx.close();
            }
        }
        finally
        {
            in.release();
        }
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        counters.increment(GatewayCounters.ERRORS);
        LOG.warn("{}: connection error, closing: {}", name, String.valueOf(cause));
        ctx.close();
    }

    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        if (FrameStatus.OK != checker.check(buffer, offset, length) || !checker.isCanonical())
        {
            counters.increment(GatewayCounters.UNKNOWN_FRAMES);
            return;
        }
        final int templateId = checker.templateId();
        final int body = offset + FrameChecker.HEADER_LENGTH;
        if (ExecutionReportDecoder.TEMPLATE_ID == templateId)
        {
            counters.increment(GatewayCounters.REPORTS);
            if (!sink.onExecution(source, buffer, offset, length, ingressNanos))
            {
                counters.increment(GatewayCounters.REPORTS_REFUSED);
                LOG.error("{}: execution report of {} bytes refused by the input ring", name, length);
            }
            final long execId = report.wrap(buffer, body, checker.blockLength(), checker.version()).execId();
            if (execId != ExecutionReportDecoder.execIdNullValue())
            {
                gateway.onReportExecId(execId);
            }
        }
        else if (LogonDecoder.TEMPLATE_ID == templateId)
        {
            counters.increment(GatewayCounters.LOGON_ANSWERS);
            if (!sink.onExecution(source, buffer, offset, length, ingressNanos))
            {
                counters.increment(GatewayCounters.REPORTS_REFUSED);
            }
            gateway.onLogonAnswer(channel, logon.wrap(buffer, body, checker.blockLength(), checker.version())
                .lastExecId());
        }
        else if (HeartbeatDecoder.TEMPLATE_ID == templateId)
        {
            counters.increment(GatewayCounters.HEARTBEATS_RECEIVED);
        }
        else
        {
            counters.increment(GatewayCounters.UNKNOWN_FRAMES);
        }
    }

    public void onBadLength(final int length)
    {
        counters.increment(GatewayCounters.BAD_LENGTHS);
        LOG.warn("{}: frame length {} outside the protocol's bounds, closing", name, length);
    }
}
