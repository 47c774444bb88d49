package com.schwabot.engine.venue.sim;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.HeartbeatDecoder;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;

/**
 * A blocking order-entry client for the tests: writes length-prefixed frames, reads them back.
 */
final class TestOrderClient implements AutoCloseable
{
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    TestOrderClient(final String host, final int port) throws IOException
    {
        socket = new Socket(host, port);
        socket.setSoTimeout((int)Await.TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(final byte[] frame) throws IOException
    {
        final ByteBuffer prefixed = ByteBuffer.allocate(4 + frame.length).order(ByteOrder.LITTLE_ENDIAN);
        prefixed.putInt(frame.length).put(frame);
        out.write(prefixed.array());
        out.flush();
    }

    void sendRaw(final byte[] bytes) throws IOException
    {
        out.write(bytes);
        out.flush();
    }

    /**
     * @return the next frame, or null at end of stream.
     */
    byte[] nextFrame() throws IOException
    {
        final byte[] prefix = new byte[4];
        try
        {
            in.readFully(prefix);
        }
        catch (final EOFException | SocketException ex)
        {
            return null;
        }
        final int length = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getInt();
        final byte[] frame = new byte[length];
        in.readFully(frame);
        return frame;
    }

    /**
     * @return the next execution report, skipping heartbeats.
     */
    Report nextReport() throws IOException
    {
        while (true)
        {
            final byte[] frame = nextFrame();
            if (null == frame)
            {
                throw new AssertionError("connection closed while waiting for a report");
            }
            if (templateId(frame) != HeartbeatDecoder.TEMPLATE_ID)
            {
                return Report.decode(0, new UnsafeBuffer(frame), 0);
            }
        }
    }

    /**
     * @return the next logon answer's exec id, skipping heartbeats.
     */
    long nextLogonAnswer() throws IOException
    {
        while (true)
        {
            final byte[] frame = nextFrame();
            if (null == frame)
            {
                throw new AssertionError("connection closed while waiting for a logon answer");
            }
            if (templateId(frame) == LogonDecoder.TEMPLATE_ID)
            {
                return new LogonDecoder().wrap(new UnsafeBuffer(frame), MessageHeaderDecoder.ENCODED_LENGTH,
                    LogonDecoder.BLOCK_LENGTH, LogonDecoder.SCHEMA_VERSION).lastExecId();
            }
            if (templateId(frame) != HeartbeatDecoder.TEMPLATE_ID)
            {
                throw new AssertionError("expected a logon answer, got template " + templateId(frame));
            }
        }
    }

    /**
     * @return true when the server closed the connection (reading whatever came before).
     */
    boolean awaitEndOfStream() throws IOException
    {
        while (true)
        {
            if (null == nextFrame())
            {
                return true;
            }
        }
    }

    static int templateId(final byte[] frame)
    {
        return new MessageHeaderDecoder().wrap(new UnsafeBuffer(frame), 0).templateId();
    }

    @Override
    public void close() throws IOException
    {
        socket.close();
    }
}
