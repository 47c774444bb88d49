package com.schwabot.engine.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.schwabot.config.ConfigException;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.config.secret.Secret;
import com.schwabot.engine.Engine;
import com.schwabot.engine.LiveVenues;
import com.schwabot.engine.MonitoringOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test support: the engine against the embedded simulator, with its counters file, the monitoring HTTP server on a
 * free loopback port, an admin token and an audit log, all under one directory; and an HTTP client for it.
 */
public final class RunningEngine implements AutoCloseable
{
    /** The admin token of every test engine. */
    public static final String TOKEN = "test-admin-token-0123456789abcdef";

    private final Engine engine;
    private final Path dir;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningEngine(final Engine engine, final Path dir)
    {
        this.engine = engine;
        this.dir = dir;
    }

    /**
     * Start one.
     *
     * @param dir where the journal, the counters file and the audit log go.
     * @return the running engine.
     * @throws Exception when it cannot start.
     */
    public static RunningEngine start(final Path dir) throws Exception
    {
        return start(dir, dir.resolve("journal"), config());
    }

    /**
     * Start one with its journal elsewhere and its own configuration.
     *
     * @param dir        where the counters file and the audit log go.
     * @param journalDir where the journal goes.
     * @param config     the configuration (the monitoring server on a free port: see {@link #config(Map)}).
     * @return the running engine.
     * @throws Exception when it cannot start.
     */
    public static RunningEngine start(final Path dir, final Path journalDir, final SchwabotConfig config)
        throws Exception
    {
        return new RunningEngine(Engine.start(config, journalDir, new LiveVenues(null),
            new MonitoringOptions()
                .countersDirectory(dir.resolve("cnc"))
                .httpServer(true)
                .adminToken(Secret.ofChars(TOKEN.toCharArray()))
                .auditLog(dir.resolve("logs/audit.log"))), dir);
    }

    /**
     * The bundled defaults with the monitoring server on a free port.
     *
     * @return the configuration.
     */
    public static SchwabotConfig config()
    {
        return config(Map.of());
    }

    /**
     * The bundled defaults with the monitoring server on a free port and more overrides.
     *
     * @param environment more {@code SCHWABOT_*} overrides.
     * @return the configuration.
     */
    public static SchwabotConfig config(final Map<String, String> environment)
    {
        final Map<String, String> all = new HashMap<>(environment);
        all.put("SCHWABOT_MONITORING_HTTP_PORT", "0");
        try
        {
            return ConfigLoader.load(null, all);
        }
        catch (final ConfigException ex)
        {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
    }

    /**
     * @return the engine.
     */
    public Engine engine()
    {
        return engine;
    }

    /**
     * @return the directory holding journal, cnc and logs.
     */
    public Path dir()
    {
        return dir;
    }

    /**
     * @return the server's base URL.
     */
    public String url()
    {
        return engine.httpServer().url();
    }

    /**
     * GET a path.
     *
     * @param path e.g. {@code /status}.
     * @return the response.
     * @throws IOException          on I/O failure.
     * @throws InterruptedException when interrupted.
     */
    public HttpResponse<String> get(final String path) throws IOException, InterruptedException
    {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * POST a path with an optional Authorization header.
     *
     * @param path          e.g. {@code /halt}.
     * @param authorization the header's value, or null for none.
     * @return the response.
     * @throws IOException          on I/O failure.
     * @throws InterruptedException when interrupted.
     */
    public HttpResponse<String> post(final String path, final String authorization)
        throws IOException, InterruptedException
    {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.noBody());
        if (null != authorization)
        {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Send raw bytes on a new loopback connection and read one response: the head, then as many body bytes as its
     * {@code Content-Length} says, or everything until the server closes when {@code toEof}.
     *
     * @param request the request, head and any body.
     * @param toEof   read until the connection closes (a HEAD response must end at its head).
     * @return the response as ISO-8859-1 text.
     * @throws IOException on I/O failure.
     */
    public String raw(final String request, final boolean toEof) throws IOException
    {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), engine.httpServer().port()))
        {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            final InputStream in = socket.getInputStream();
            if (toEof)
            {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            final StringBuilder head = new StringBuilder();
            while (head.indexOf("\r\n\r\n") < 0)
            {
                final int b = in.read();
                if (b < 0)
                {
                    return head.toString();
                }
                head.append((char)b);
            }
            final Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
            final int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            return head + new String(in.readNBytes(bodyLength), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * Wait for a condition.
     *
     * @param what      what is awaited, for the failure message.
     * @param condition the condition.
     * @param timeoutMs how long at most.
     * @throws InterruptedException when interrupted.
     */
    public static void waitUntil(final String what, final BooleanSupplier condition, final long timeoutMs)
        throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean())
        {
            assertThat(System.currentTimeMillis()).as("%s within %d ms", what, timeoutMs).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private URI uri(final String path)
    {
        return URI.create(url().substring(0, url().length() - 1) + path);
    }

    /**
     * Stop the engine.
     */
    public void close()
    {
        engine.close();
    }
}
