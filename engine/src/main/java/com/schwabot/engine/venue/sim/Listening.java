package com.schwabot.engine.venue.sim;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.netty.channel.ChannelFuture;

/**
 * Waits for a server socket's bind. Netty's {@code syncUninterruptibly()} rethrows the socket's checked
 * {@code BindException} undeclared and without the address; this reports it with the server and the address tried.
 */
final class Listening
{
    private Listening()
    {
    }

    /**
     * @param bound  the bind in progress.
     * @param server what listens, e.g. {@code market data}.
     * @param host   the address it binds.
     * @param port   the port it binds (0: a free one).
     * @throws UncheckedIOException when it cannot listen, e.g. {@code simulator market data cannot listen on
     *                              127.0.0.1:9001: Address already in use}.
     */
    static void await(final ChannelFuture bound, final String server, final String host, final int port)
    {
        bound.awaitUninterruptibly();
        if (!bound.isSuccess())
        {
            final Throwable cause = bound.cause();
            final String message =
                "simulator " + server + " cannot listen on " + host + ":" + port + ": " + cause.getMessage();
            throw new UncheckedIOException(message, new IOException(message, cause));
        }
    }
}
