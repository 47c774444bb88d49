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
 * {@link #stall()} keeps the connections open but forwards nothing from the target until {@link #flow()} (a slow
 * venue or network: what it sent arrives late, in a burst).
 */
final class CuttableProxy implements AutoCloseable
{
    private final ServerSocket server;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean refusing;
    private volatile boolean stalled;
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

    void flow()
    {
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
                    out.write(buffer, 0, n);
                    out.flush();
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
