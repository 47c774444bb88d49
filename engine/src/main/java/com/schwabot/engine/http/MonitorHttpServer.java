package com.schwabot.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring and control HTTP server: one Netty event loop on {@code monitoring.http_host} (loopback by
 * default) and {@code http_port} (0 picks a free port; {@link #url()} says which). Requests are small (at most
 * {@value #MAX_REQUEST_BYTES} bytes, else 413) and an idle connection is closed after
 * {@value #IDLE_TIMEOUT_SECONDS} s. It reads only thread-safe sources ({@link MonitorSources}) and writes only
 * through the {@link AdminEndpoint}, so it never touches the business thread's objects.
 * <p>
 * Start and close from one thread; {@link #close()} is idempotent.
 */
public final class MonitorHttpServer implements AutoCloseable
{
    /** Largest request accepted. */
    public static final int MAX_REQUEST_BYTES = 16 * 1024;
    /** Longest request line read (method, path and query, version); a longer one is answered 400 unread. */
    public static final int MAX_REQUEST_LINE_BYTES = 4096;
    /** Idle connections are closed after this long. */
    public static final int IDLE_TIMEOUT_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(MonitorHttpServer.class);
    private static final String DASHBOARD = "dashboard.html";

    private final EventLoopGroup group;
    private final Channel channel;
    private final String url;

    private MonitorHttpServer(final EventLoopGroup group, final Channel channel, final String url)
    {
        this.group = group;
        this.channel = channel;
        this.url = url;
    }

    /**
     * Bind and start serving.
     *
     * @param host    listen address.
     * @param port    listen port, 0 for a free one.
     * @param sources what the endpoints read.
     * @param admin   the admin actions.
     * @return the running server.
     * @throws IOException when the address cannot be bound (in use, not local).
     */
    public static MonitorHttpServer start(
        final String host, final int port, final MonitorSources sources, final AdminEndpoint admin)
        throws IOException
    {
        final MonitorHttpHandler handler = new MonitorHttpHandler(sources, admin, dashboard());
        final EventLoopGroup group = new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("schwabot-http", true), NioIoHandler.newFactory());
        try
        {
            final Channel channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>()
                {
                    protected void initChannel(final SocketChannel ch)
                    {
                        ch.pipeline()
                            .addLast(new ReadTimeoutHandler(IDLE_TIMEOUT_SECONDS))
                            .addLast(new HttpServerCodec(
                                new HttpDecoderConfig().setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)))
                            .addLast(handler.aggregator(MAX_REQUEST_BYTES))
                            .addLast(handler);
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getByName(host), port))
                .syncUninterruptibly()
                .channel();
            final InetSocketAddress bound = (InetSocketAddress)channel.localAddress();
            final String address = bound.getAddress().getHostAddress();
            final String url = "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" +
                bound.getPort() + "/";
            if (!bound.getAddress().isLoopbackAddress())
            {
                LOG.warn("monitoring server listens on {}, not on loopback: anyone who can reach it sees the " +
                    "status and metrics (admin actions still need the token)", url);
            }
            LOG.info("monitoring server at {}", url);
            return new MonitorHttpServer(group, channel, url);
        }
        catch (final Exception ex)
        {
            // bind() rethrows the socket's BindException unchecked
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw new IOException("monitoring server cannot listen on " + host + ":" + port + ": " + ex.getMessage(),
                ex);
        }
    }

    private static byte[] dashboard() throws IOException
    {
        try (InputStream in = MonitorHttpServer.class.getResourceAsStream(DASHBOARD))
        {
            if (null == in)
            {
                throw new IOException("resource " + DASHBOARD + " is missing from the engine's jar");
            }
            return in.readAllBytes();
        }
    }

    /**
     * The server's base URL.
     *
     * @return e.g. {@code http://127.0.0.1:8080/}.
     */
    public String url()
    {
        return url;
    }

    /**
     * The bound port.
     *
     * @return the port.
     */
    public int port()
    {
        return ((InetSocketAddress)channel.localAddress()).getPort();
    }

    /**
     * Stop listening and close every connection.
     */
    public void close()
    {
        if (channel.isOpen())
        {
            channel.close().syncUninterruptibly();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
