package com.schwabot.engine.http;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.engine.json.JsonWriter;

/**
 * Routes the monitoring server's requests:
 * <pre>
 * GET  /, /dashboard   the live dashboard (HTML, inline CSS/JS/SVG)
 * GET  /health         200 and status UP when live and ready, else 503 and DOWN; JSON with the checks
 * GET  /health/live    200 and status UP while the business thread makes progress, else 503 and DOWN
 * GET  /metrics        Prometheus text format
 * GET  /status         JSON: positions, P&amp;L, risk, orders, feed and gateway, events, latency, alerts
 * POST /halt, /resume  admin actions, bearer token required (see {@link AdminEndpoint})
 * </pre>
 * HEAD is answered on every GET resource like GET, without the body. Anything else is 404; a known path with
 * another method is 405 with {@code Allow}. Every request to an admin path is audited, also one refused before its
 * token is looked at: a wrong method (405), a malformed request or one whose line or headers are too large (400),
 * a body over the limit (413, see {@link #aggregator(int)}); the audit line says why, never what was sent. A request
 * whose request line or path could not be read (too long or malformed; a path with a bad percent-escape is 400)
 * may have been for an admin path: it is audited as action {@code unknown}. Responses are never cached and carry no
 * CORS headers, so other origins cannot read them or send the token. Stateless and shared by every connection; runs
 * on the server's event loop.
 */
@ChannelHandler.Sharable
final class MonitorHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    private static final Logger LOG = LoggerFactory.getLogger(MonitorHttpHandler.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String HTML = "text/html; charset=utf-8";
    /** The URI Netty's request decoder gives a request whose request line it could not read. */
    private static final String BAD_REQUEST_PLACEHOLDER = "/bad-request";
    private static final String MALFORMED_PATH = "malformed path (a bad percent-escape)";

    private final MonitorSources sources;
    private final AdminEndpoint admin;
    private final byte[] dashboard;

    MonitorHttpHandler(final MonitorSources sources, final AdminEndpoint admin, final byte[] dashboard)
    {
        this.sources = sources;
        this.admin = admin;
        this.dashboard = dashboard;
    }

    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
    {
        if (!request.decoderResult().isSuccess())
        {
            final Throwable cause = request.decoderResult().cause();
            final String reason;
            if (isPlaceholder(request))
            {
                reason = cause instanceof TooLongHttpLineException ?
                    "request line larger than " + MonitorHttpServer.MAX_REQUEST_LINE_BYTES + " bytes" :
                    "malformed request line";
                admin.refusedUnread(HttpResponseStatus.BAD_REQUEST.code(), reason,
                    remote(ctx.channel().remoteAddress()));
            }
            else
            {
                reason = cause instanceof TooLongFrameException ? "request line or headers too large" :
                    "malformed request";
                refusedBeforeHandling(request, HttpResponseStatus.BAD_REQUEST.code(), reason, ctx.channel());
            }
            badRequest(ctx, reason);
            return;
        }
        final String path = pathOf(request);
        if (null == path)
        {
            refusedBeforeHandling(request, HttpResponseStatus.BAD_REQUEST.code(), MALFORMED_PATH, ctx.channel());
            badRequest(ctx, MALFORMED_PATH);
            return;
        }
        switch (path)
        {
            case "/", "/dashboard" -> get(ctx, request, HTML, dashboard);
            case "/health" -> health(ctx, request, StatusJson.live(sources) && StatusJson.ready(sources), false);
            case "/health/live" -> health(ctx, request, StatusJson.live(sources), true);
            case "/metrics" -> get(ctx, request, MetricsText.CONTENT_TYPE,
                MetricsText.render(sources.counters().reader(), sources.snapshot().get(), sources.instruments())
                    .getBytes(StandardCharsets.UTF_8));
            case "/status" -> get(ctx, request, JSON, utf8(StatusJson.status(sources)));
            case "/halt" -> admin(ctx, request, AdminAction.HALT);
            case "/resume" -> admin(ctx, request, AdminAction.RESUME);
            default -> respond(ctx, request, HttpResponseStatus.NOT_FOUND, JSON,
                error("no such endpoint: " + path + " (try /, /health, /metrics, /status)"));
        }
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        LOG.debug("monitoring connection from {} failed: {}", remote(ctx.channel().remoteAddress()),
            cause.toString());
        ctx.close();
    }

    /**
     * A per-connection aggregator of requests up to {@code maxBytes} that audits a refused admin request: its body
     * is over the limit (413).
     *
     * @param maxBytes the largest request body.
     * @return a new aggregator for one connection's pipeline.
     */
    HttpObjectAggregator aggregator(final int maxBytes)
    {
        final String reason = "request body larger than " + maxBytes + " bytes";
        return new HttpObjectAggregator(maxBytes)
        {
            protected Object newContinueResponse(
                final HttpMessage start, final int maxContentLength, final ChannelPipeline pipeline)
            {
                final Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
                if (answer instanceof HttpResponse response && start instanceof HttpRequest request &&
                    response.status().code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code())
                {
                    refusedBeforeHandling(request, response.status().code(), reason, pipeline.channel());
                }
                return answer;
            }

            protected void handleOversizedMessage(final ChannelHandlerContext ctx, final HttpMessage oversized)
                throws Exception
            {
                if (oversized instanceof HttpRequest request)
                {
                    refusedBeforeHandling(request, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code(), reason,
                        ctx.channel());
                }
                super.handleOversizedMessage(ctx, oversized);
            }
        };
    }

    /**
     * Audit a request to an admin path refused before its token was looked at, and one whose path cannot be decoded
     * (as action {@code unknown}: it may have been for an admin path); other paths are not audited.
     */
    private void refusedBeforeHandling(
        final HttpRequest request, final int status, final String reason, final Channel channel)
    {
        final String path = pathOf(request);
        if (null == path)
        {
            admin.refusedUnread(status, reason, remote(channel.remoteAddress()));
            return;
        }
        final AdminAction action = adminAction(path);
        if (null != action)
        {
            admin.refused(action, status, reason, remote(channel.remoteAddress()));
        }
    }

    /** The request's decoded path, or null when it cannot be decoded (a bad percent-escape). */
    private static String pathOf(final HttpRequest request)
    {
        try
        {
            return new QueryStringDecoder(request.uri()).path();
        }
        catch (final IllegalArgumentException ex)
        {
            return null;
        }
    }

    private void badRequest(final ChannelHandlerContext ctx, final String reason)
    {
        final FullHttpResponse response = response(HttpResponseStatus.BAD_REQUEST, JSON, error("bad request: " +
            reason), true);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /**
     * Whether a request that failed to decode is the decoder's stand-in for a request line it could not read (too
     * long or malformed): Netty then delivers {@code GET /bad-request HTTP/1.0}, and the path that was sent is not
     * known.
     */
    private static boolean isPlaceholder(final HttpRequest request)
    {
        return BAD_REQUEST_PLACEHOLDER.equals(request.uri()) && HttpMethod.GET.equals(request.method()) &&
            HttpVersion.HTTP_1_0.equals(request.protocolVersion());
    }

    private static AdminAction adminAction(final String path)
    {
        return switch (path)
        {
            case "/halt" -> AdminAction.HALT;
            case "/resume" -> AdminAction.RESUME;
            default -> null;
        };
    }

    private void get(final ChannelHandlerContext ctx, final FullHttpRequest request, final String type,
        final byte[] body)
    {
        if (!isGetOrHead(request))
        {
            notAllowed(ctx, request, "GET, HEAD");
            return;
        }
        respond(ctx, request, HttpResponseStatus.OK, type, body);
    }

    private void health(
        final ChannelHandlerContext ctx, final FullHttpRequest request, final boolean ok, final boolean liveness)
    {
        if (!isGetOrHead(request))
        {
            notAllowed(ctx, request, "GET, HEAD");
            return;
        }
        respond(ctx, request, ok ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, JSON,
            utf8(StatusJson.health(sources, liveness)));
    }

    private static boolean isGetOrHead(final FullHttpRequest request)
    {
        return HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method());
    }

    private void admin(final ChannelHandlerContext ctx, final FullHttpRequest request, final AdminAction action)
    {
        if (!HttpMethod.POST.equals(request.method()))
        {
            admin.refused(action, HttpResponseStatus.METHOD_NOT_ALLOWED.code(),
                "method " + request.method() + " not allowed", remote(ctx.channel().remoteAddress()));
            notAllowed(ctx, request, "POST");
            return;
        }
        if (request.headers().getAll(HttpHeaderNames.AUTHORIZATION).size() > 1)
        {
            final String reason = "more than one Authorization header";
            admin.refused(action, HttpResponseStatus.BAD_REQUEST.code(), reason, remote(ctx.channel().remoteAddress()));
            respond(ctx, request, HttpResponseStatus.BAD_REQUEST, JSON, error("bad request: " + reason));
            return;
        }
        final AdminEndpoint.Outcome outcome = admin.handle(action,
            request.headers().get(HttpHeaderNames.AUTHORIZATION), remote(ctx.channel().remoteAddress()));
        final FullHttpResponse response = response(HttpResponseStatus.valueOf(outcome.status()), JSON,
            utf8(outcome.body()), true);
        if (outcome.status() == 401)
        {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"schwabot\"");
        }
        send(ctx, request, response);
    }

    private void notAllowed(final ChannelHandlerContext ctx, final FullHttpRequest request, final String allow)
    {
        final FullHttpResponse response = response(HttpResponseStatus.METHOD_NOT_ALLOWED, JSON,
            error("method " + request.method() + " not allowed: use " + allow),
            !HttpMethod.HEAD.equals(request.method()));
        response.headers().set(HttpHeaderNames.ALLOW, allow);
        send(ctx, request, response);
    }

    private static void respond(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final HttpResponseStatus status, final String type, final byte[] body)
    {
        send(ctx, request, response(status, type, body, !HttpMethod.HEAD.equals(request.method())));
    }

    /** A response; without the body (but with its length) when {@code withBody} is false: the answer to HEAD. */
    private static FullHttpResponse response(
        final HttpResponseStatus status, final String type, final byte[] body, final boolean withBody)
    {
        final FullHttpResponse response = new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, withBody ? Unpooled.wrappedBuffer(body) : Unpooled.EMPTY_BUFFER);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, type)
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
            .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
            .set("X-Content-Type-Options", "nosniff");
        if (type.startsWith("text/html"))
        {
            response.headers().set("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; " +
                "style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        }
        return response;
    }

    private static void send(final ChannelHandlerContext ctx, final FullHttpRequest request,
        final FullHttpResponse response)
    {
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (keepAlive)
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        }
        else
        {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static byte[] error(final String message)
    {
        return utf8(new JsonWriter().beginObject().field("error", message).endObject().toString());
    }

    private static byte[] utf8(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String remote(final SocketAddress address)
    {
        if (address instanceof InetSocketAddress inet)
        {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(address);
    }
}
