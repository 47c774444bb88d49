package com.schwabot.engine.venue.feed;

import javax.net.ssl.SSLException;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;

/**
 * TLS for {@code wss://} feeds: the JDK provider, HTTPS host name verification, the JDK's default trust store or one
 * certificate file given in the context. Each handler is created for the venue's host and port, so the JDK sends the
 * host as SNI (it does for names with a dot, such as {@code stream-sbe.binance.com}; never for IP literals or a bare
 * {@code localhost}) and checks the certificate against it. Stateless and thread-safe.
 */
final class FeedTls
{
    private FeedTls()
    {
    }

    /**
     * @param ctx the feed settings (trust certificate).
     * @return the client TLS context, built once per feed.
     * @throws IllegalStateException when the certificate file cannot be used.
     */
    static SslContext clientContext(final FeedContext ctx)
    {
        try
        {
            final SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(SslProvider.JDK)
                .endpointIdentificationAlgorithm("HTTPS");
            if (null != ctx.trustCertificate())
            {
                builder.trustManager(ctx.trustCertificate().toFile());
            }
            return builder.build();
        }
        catch (final SSLException | IllegalArgumentException ex)
        {
            throw new IllegalStateException("feed context: cannot build the TLS context (trustCertificate=" +
                ctx.trustCertificate() + "): " + ex.getMessage(), ex);
        }
    }

    /**
     * @param context   from {@link #clientContext(FeedContext)}.
     * @param allocator the channel's allocator.
     * @param host      the venue's host name (SNI and certificate check).
     * @param port      the venue's port.
     * @return a handler for one connection.
     */
    static SslHandler newHandler(
        final SslContext context, final ByteBufAllocator allocator, final String host, final int port)
    {
        return context.newHandler(allocator, host, port);
    }
}
