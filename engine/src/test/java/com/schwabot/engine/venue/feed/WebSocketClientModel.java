package com.schwabot.engine.venue.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a market-data connection must make of the venue's bytes after the handshake, written plainly over a whole
 * byte array: the reference the feed's WebSocket pipeline is fuzzed against. Framing and its violations as RFC 6455
 * sets them for a client that negotiated no extension (as Netty's decoder enforces them: reserved bits, masked
 * server frames, reserved opcodes, fragmented or oversized control frames, a close body of one byte, an invalid
 * close status or a close reason that is not UTF-8 so far, continuation outside a fragmented message, a new data
 * frame inside one, lengths not minimally encoded or above the frame limit: each closes the connection, counted as
 * an error, as soon as the offending byte is in); then the feed's own rules ({@link FeedChannelHandler}): binary
 * messages to the sink whole, reassembled from fragments, dropped and counted above the message limit; text frames
 * classified by {@link ControlMessages}; pings answered with their payload; a close frame answered and the
 * connection closed.
 */
final class WebSocketClientModel
{
    /** How the stream ends. */
    enum End
    {
        /** Still open (all read, or waiting for the rest of a frame). */
        OPEN,
        /** Closed on a protocol violation. */
        VIOLATION,
        /** Closed on the venue's close frame, or an error response before the subscription. */
        CLOSED
    }

    private static final int NONE = 0;
    private static final int BINARY = 1;
    private static final int TEXT = 2;
    private static final int DROPPING = 3;

    final List<byte[]> delivered = new ArrayList<>();
    final List<byte[]> pings = new ArrayList<>();
    long frames;
    long bytes;
    long fragmented;
    long oversized;
    long textFrames;
    long acks;
    long errorResponses;
    long shutdowns;
    long unknownText;
    long pingsReceived;
    long pongsReceived;
    long closeFrames;
    long errors;
    End end = End.OPEN;
    int closeAt = -1;
    String why;

    private final int maxMessage;
    private final int maxFrame;
    private final long subscribeId;
    private final byte[] assembly;
    private int assemblyKind = NONE;
    private int assembled;
    private int fragments;
    private boolean subscribed;

    private WebSocketClientModel(final int maxMessage, final int maxFrame, final long subscribeId)
    {
        this.maxMessage = maxMessage;
        this.maxFrame = maxFrame;
        this.subscribeId = subscribeId;
        this.assembly = new byte[maxMessage];
    }

    /**
     * @param stream      the venue's bytes.
     * @param from        where the WebSocket frames start (after the handshake response).
     * @param maxMessage  the feed's message limit.
     * @param maxFrame    the frame payload limit.
     * @param subscribeId id of the connection's SUBSCRIBE.
     * @return what the connection must do.
     */
    static WebSocketClientModel parse(
        final byte[] stream, final int from, final int maxMessage, final int maxFrame, final long subscribeId)
    {
        final WebSocketClientModel model = new WebSocketClientModel(maxMessage, maxFrame, subscribeId);
        model.run(stream, from);
        return model;
    }

    private void run(final byte[] s, final int from)
    {
        int at = from;
        while (End.OPEN == end && s.length - at >= 2)
        {
            final int b0 = s[at] & 0xFF;
            final int b1 = s[at + 1] & 0xFF;
            final boolean fin = (b0 & 0x80) != 0;
            final int rsv = (b0 >> 4) & 7;
            final int opcode = b0 & 0xF;
            final int len1 = b1 & 0x7F;
            if (headerViolation(rsv, (b1 & 0x80) != 0, fin, opcode, len1, at + 2))
            {
                return;
            }
            int header = 2;
            long length = len1;
            if (126 == len1)
            {
                if (s.length - at < 4)
                {
                    return;
                }
                header = 4;
                length = ((s[at + 2] & 0xFF) << 8) | (s[at + 3] & 0xFF);
                if (length < 126 && violation(at + 4, "length not minimally encoded"))
                {
                    return;
                }
            }
            else if (127 == len1)
            {
                if (s.length - at < 10)
                {
                    return;
                }
                header = 10;
                length = 0;
                for (int i = 0; i < 8; i++)
                {
                    length = (length << 8) | (s[at + 2 + i] & 0xFF);
                }
                if (length < 65_536 && violation(at + 10, "length not minimally encoded"))
                {
                    return;
                }
            }
            if (length > maxFrame && violation(at + header, "frame above the limit"))
            {
                return;
            }
            if (s.length - at - header < length)
            {
                return;
            }
            final byte[] payload = Arrays.copyOfRange(s, at + header, at + header + (int)length);
            at += header + (int)length;
            onFrame(fin, opcode, payload, at);
        }
    }

    private boolean headerViolation(
        final int rsv, final boolean masked, final boolean fin, final int opcode, final int len1, final int at)
    {
        if (rsv != 0)
        {
            return violation(at, "reserved bits");
        }
        if (masked)
        {
            return violation(at, "masked server frame");
        }
        if (opcode > 7)
        {
            if (!fin)
            {
                return violation(at, "fragmented control frame");
            }
            if (len1 > 125)
            {
                return violation(at, "control frame above 125 bytes");
            }
            if (opcode != 8 && opcode != 9 && opcode != 10)
            {
                return violation(at, "reserved control opcode");
            }
            if (opcode == 8 && len1 == 1)
            {
                return violation(at, "close body of one byte");
            }
            return false;
        }
        if (opcode != 0 && opcode != 1 && opcode != 2)
        {
            return violation(at, "reserved data opcode");
        }
        if (fragments == 0 && opcode == 0)
        {
            return violation(at, "continuation outside a fragmented message");
        }
        if (fragments != 0 && opcode != 0)
        {
            return violation(at, "new data frame inside a fragmented message");
        }
        return false;
    }

    private boolean violation(final int at, final String reason)
    {
        errors++;
        end = End.VIOLATION;
        closeAt = at;
        why = reason;
        return true;
    }

    private void onFrame(final boolean fin, final int opcode, final byte[] payload, final int at)
    {
        switch (opcode)
        {
            case 9 ->
            {
                pingsReceived++;
                pings.add(payload);
            }
            case 10 -> pongsReceived++;
            case 8 -> onClose(payload, at);
            default ->
            {
                fragments = fin ? 0 : fragments + 1;
                onData(fin, opcode, payload, at);
            }
        }
    }

    private void onClose(final byte[] payload, final int at)
    {
        if (payload.length >= 2)
        {
            final int status = (short)(((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF));
            final boolean valid = status < 0 || (status >= 1000 && status <= 1003) ||
                (status >= 1007 && status <= 1014) || status >= 3000;
            if (!valid && violation(at, "invalid close status " + status))
            {
                return;
            }
            if (!utf8SoFar(payload, 2) && violation(at, "close reason not UTF-8"))
            {
                return;
            }
        }
        closeFrames++;
        end = End.CLOSED;
        closeAt = at;
        why = "close frame";
    }

    private void onData(final boolean fin, final int opcode, final byte[] payload, final int at)
    {
        if (opcode == 2)
        {
            if (fin)
            {
                assemblyKind = NONE;
                if (payload.length > maxMessage)
                {
                    oversized++;
                }
                else
                {
                    publish(payload);
                }
            }
            else
            {
                startAssembly(BINARY, payload);
            }
        }
        else if (opcode == 1)
        {
            if (fin)
            {
                assemblyKind = NONE;
                onText(payload, at);
            }
            else
            {
                startAssembly(TEXT, payload);
            }
        }
        else
        {
            append(payload);
            if (fin)
            {
                final int kind = assemblyKind;
                assemblyKind = NONE;
                if (BINARY == kind)
                {
                    fragmented++;
                    publish(Arrays.copyOf(assembly, assembled));
                }
                else if (TEXT == kind)
                {
                    onText(Arrays.copyOf(assembly, assembled), at);
                }
            }
        }
    }

    private void startAssembly(final int kind, final byte[] payload)
    {
        assemblyKind = kind;
        assembled = 0;
        append(payload);
    }

    private void append(final byte[] payload)
    {
        if (DROPPING == assemblyKind)
        {
            return;
        }
        if (payload.length > maxMessage - assembled)
        {
            oversized++;
            assemblyKind = DROPPING;
            return;
        }
        System.arraycopy(payload, 0, assembly, assembled, payload.length);
        assembled += payload.length;
    }

    private void publish(final byte[] message)
    {
        subscribed = true;
        frames++;
        bytes += message.length;
        delivered.add(message);
    }

    private void onText(final byte[] payload, final int at)
    {
        textFrames++;
        final String text = new String(payload, StandardCharsets.UTF_8);
        switch (ControlMessages.classify(text, subscribeId))
        {
            case SUBSCRIBED ->
            {
                acks++;
                subscribed = true;
            }
            case ERROR ->
            {
                errorResponses++;
                final long id = ControlMessages.id(text);
                if (!subscribed && (id == subscribeId || id == Long.MIN_VALUE))
                {
                    end = End.CLOSED;
                    closeAt = at;
                    why = "error response before the subscription";
                }
            }
            case SERVER_SHUTDOWN -> shutdowns++;
            default -> unknownText++;
        }
    }

    /**
     * UTF-8 as far as it goes: no invalid sequence, though the last one may be incomplete (Netty checks a close
     * reason without asking that it end on a character boundary).
     */
    private static boolean utf8SoFar(final byte[] bytes, final int from)
    {
        final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        final ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        final CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 2);
        final CoderResult result = decoder.decode(in, out, false);
        return !result.isError();
    }
}
