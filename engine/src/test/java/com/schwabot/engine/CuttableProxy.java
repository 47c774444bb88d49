package com.schwabot.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback for tests that need to cut a live connection: it pipes bytes both ways between its
 * clients and a target port; {@link #cut()} closes every connection and refuses new ones until {@link #restore()};
 * {@link #stall()} keeps the connections open but forwards nothing from the target until {@link #flowSlowly} (a
 * slow venue or network: what it sent arrives late, then catches up chunk by chunk).
 */
final class CuttableProxy implements AutoCloseable
{
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean refusing;
    private volatile boolean stalled;
    private volatile int chunkBytes = Integer.MAX_VALUE;
    private volatile long pauseMs;
    private volatile boolean closed;

    CuttableProxy(final int targetPort) throws IOException
    {
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port()
    {
        return server.getLocalPort();
    }

    void cut()
    {
        refusing = true;
        for (final Socket socket : sockets)
        {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    void restore()
    {
        refusing = false;
    }

    void stall()
    {
        stalled = true;
    }

    /**
     * Forward again, but slowly: at most {@code chunkBytes} at a time with a pause between chunks, so that a backlog
     * arrives over a while (a slow link catching up) instead of in one burst.
     *
     * @param chunkBytes most bytes written at once.
     * @param pauseMs    pause after each chunk.
     */
    void flowSlowly(final int chunkBytes, final long pauseMs)
    {
        this.chunkBytes = chunkBytes;
        this.pauseMs = pauseMs;
        stalled = false;
    }

    private void accept()
    {
        while (!closed)
        {
            try
            {
                final Socket client = server.accept();
                if (refusing)
                {
                    closeQuietly(client);
                    continue;
                }
                final Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(target);
                pipe(client, target, false);
                pipe(target, client, true);
            }
            catch (final IOException ex)
            {
                if (closed)
                {
                    return;
                }
            }
        }
    }

    private void pipe(final Socket from, final Socket to, final boolean stallable)
    {
        final Thread thread = new Thread(() ->
        {
            final byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream())
            {
                int n;
                while ((n = in.read(buffer)) >= 0)
                {
                    while (stallable && stalled && !closed)
                    {
                        Thread.sleep(5);
                    }
                    final int chunk = stallable ? chunkBytes : Integer.MAX_VALUE;
                    for (int at = 0; at < n; at += chunk)
                    {
                        out.write(buffer, at, Math.min(chunk, n - at));
                        out.flush();
                        if (chunk < n - at)
                        {
                            Thread.sleep(pauseMs);
                        }
                    }
                    if (stallable && pauseMs > 0)
                    {
                        Thread.sleep(pauseMs);
                    }
                }
            }
            catch (final IOException | InterruptedException ex)
            {
                closeQuietly(to);
                return;
            }
            closeQuietly(to);
        }, "proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(final Socket socket)
    {
        try
        {
            socket.close();
        }
        catch (final IOException ignore)
        {
            // closing a socket that is already broken
        }
    }

    public void close()
    {
        closed = true;
        cut();
        try
        {
            server.close();
        }
        catch (final IOException ignore)
        {
            // the acceptor ends either way
        }
    }
}
