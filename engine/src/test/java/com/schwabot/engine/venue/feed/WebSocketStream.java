package com.schwabot.engine.venue.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.agrona.collections.IntArrayList;

/**
 * Seeded hostile venue byte streams for a market-data connection after its handshake, segment by segment (one fuzz
 * case each): binary messages (some above the message limit, some empty), fragmented binary and text messages (with
 * pings between fragments), control text (our subscription result, error responses, serverShutdown, unknown JSON,
 * bytes that are not UTF-8), pings and pongs; and broken framing: lengths not minimally encoded, reserved bits,
 * reserved opcodes, masked frames, fragmented or oversized control frames, continuation outside a message, a data
 * frame inside a fragmented one, declared lengths above the frame limit (up to 2^63 - 1 and negative), close frames
 * valid and invalid (one byte, bad status, bad UTF-8), garbage, truncated frames and bit flips.
 * {@link WebSocketClientModel} says what the client must make of the result. Not thread-safe.
 */
final class WebSocketStream
{
    /** What one segment was. */
    enum Kind
    {
        BINARY, FRAGMENTED, TEXT, PING, PONG, NON_MINIMAL_LENGTH, RESERVED_BITS, RESERVED_OPCODE, MASKED,
        FRAGMENTED_CONTROL, LONG_CONTROL, STRAY_CONTINUATION, DATA_IN_FRAGMENT, TOO_LONG, CLOSE, BAD_CLOSE, GARBAGE,
        TRUNCATED, BIT_FLIPS
    }

    private static final int[] WEIGHTS = {
        450, 110, 110, 50, 30, 10, 10, 10, 10, 5, 5, 5, 5, 10, 5, 10, 15, 15, 25,
    };
    private static final int[] BAD_STATUS = {0, 1, 999, 1004, 1005, 1006, 1015, 1016, 2000, 2999};
    private static final int[] GOOD_STATUS = {1000, 1001, 1002, 1003, 1007, 1008, 1011, 1014, 3000, 4999, 65535};

    private final SplittableRandom random;
    private final int maxMessage;
    private final int maxFrame;
    private long subscribeId;
    private final IntArrayList starts = new IntArrayList();
    private final Kind[] segmentKinds = new Kind[4096];
    private final long[] kinds = new long[Kind.values().length];
    private final int weightTotal;

    WebSocketStream(final SplittableRandom random, final int maxMessage, final int maxFrame)
    {
        this.random = random;
        this.maxMessage = maxMessage;
        this.maxFrame = maxFrame;
        int total = 0;
        for (final int weight : WEIGHTS)
        {
            total += weight;
        }
        this.weightTotal = total;
    }

    /**
     * Append a connection's frames: our subscription result first, then up to {@code maxSegments} segments.
     *
     * @param out         where the bytes go (after the handshake response).
     * @param maxSegments most segments (at most 4096).
     * @param id          id of the connection's SUBSCRIBE.
     */
    void connection(final ByteArrayOutputStream out, final int maxSegments, final long id)
    {
        subscribeId = id;
        starts.clear();
        frame(out, true, 0, 1, false, -1, ("{\"result\":null,\"id\":" + subscribeId + "}")
            .getBytes(StandardCharsets.UTF_8));
        final int segments = 1 + random.nextInt(maxSegments);
        for (int i = 0; i < segments; i++)
        {
            starts.addInt(out.size());
            final Kind kind = pick();
            segmentKinds[i] = kind;
            segment(kind, out);
        }
    }

    /**
     * @param end where the client stopped taking bytes in.
     * @return segments that began before it; each is counted by kind.
     */
    int casesTaken(final int end)
    {
        int n = 0;
        while (n < starts.size() && starts.getInt(n) < end)
        {
            kinds[segmentKinds[n].ordinal()]++;
            n++;
        }
        return n;
    }

    String describeKinds()
    {
        final StringBuilder text = new StringBuilder("{");
        for (final Kind kind : Kind.values())
        {
            text.append(text.length() > 1 ? ", " : "").append(kind).append('=').append(kinds[kind.ordinal()]);
        }
        return text.append('}').toString();
    }

    private Kind pick()
    {
        int p = random.nextInt(weightTotal);
        for (int i = 0; i < WEIGHTS.length; i++)
        {
            p -= WEIGHTS[i];
            if (p < 0)
            {
                return Kind.values()[i];
            }
        }
        return Kind.BINARY;
    }

    private void segment(final Kind kind, final ByteArrayOutputStream out)
    {
        switch (kind)
        {
            case BINARY -> frame(out, true, 0, 2, false, -1, binaryPayload());
            case FRAGMENTED -> fragmented(out, random.nextInt(4) == 0 ? 1 : 2,
                random.nextInt(4) == 0 ? text() : bytes(random.nextInt(maxMessage + maxMessage / 3)));
            case TEXT -> frame(out, true, 0, 1, false, -1, text());
            case PING -> frame(out, true, 0, 9, false, -1, bytes(random.nextInt(126)));
            case PONG -> frame(out, true, 0, 10, false, -1, bytes(random.nextInt(126)));
            case NON_MINIMAL_LENGTH ->
            {
                final byte[] payload = bytes(random.nextInt(200));
                frame(out, true, 0, 2, false, payload.length < 126 && random.nextBoolean() ? 126 : 127, payload);
            }
            case RESERVED_BITS -> frame(out, true, 1 + random.nextInt(7), 2, false, -1, binaryPayload());
            case RESERVED_OPCODE ->
            {
                final int opcode = random.nextBoolean() ? 3 + random.nextInt(5) : 11 + random.nextInt(5);
                frame(out, true, 0, opcode, false, -1, bytes(random.nextInt(100)));
            }
            case MASKED -> frame(out, true, 0, random.nextBoolean() ? 2 : 9, true, -1, bytes(random.nextInt(100)));
            case FRAGMENTED_CONTROL -> frame(out, false, 0, 9 + random.nextInt(2), false, -1, bytes(10));
            case LONG_CONTROL ->
                frame(out, true, 0, 8 + random.nextInt(3), false, -1, bytes(126 + random.nextInt(200)));
            case STRAY_CONTINUATION -> frame(out, random.nextBoolean(), 0, 0, false, -1, bytes(random.nextInt(50)));
            case DATA_IN_FRAGMENT ->
            {
                frame(out, false, 0, 2, false, -1, bytes(random.nextInt(50)));
                frame(out, random.nextBoolean(), 0, 1 + random.nextInt(2), false, -1, bytes(random.nextInt(50)));
            }
            case TOO_LONG -> tooLong(out);
            case CLOSE -> frame(out, true, 0, 8, false, -1, close(GOOD_STATUS, true));
            case BAD_CLOSE -> badClose(out);
            case GARBAGE -> out.writeBytes(bytes(1 + random.nextInt(32)));
            case TRUNCATED ->
            {
                final ByteArrayOutputStream whole = new ByteArrayOutputStream();
                frame(whole, true, 0, 2, false, -1, binaryPayload());
                out.write(whole.toByteArray(), 0, random.nextInt(whole.size()));
            }
            default ->
            {
                final ByteArrayOutputStream whole = new ByteArrayOutputStream();
                frame(whole, true, 0, 1 + random.nextInt(2), false, -1, bytes(random.nextInt(300)));
                final byte[] bytes = whole.toByteArray();
                for (int i = 1 + random.nextInt(3); i > 0; i--)
                {
                    final int at = random.nextInt(Math.min(bytes.length, random.nextBoolean() ? 4 : bytes.length));
                    bytes[at] ^= (byte)(1 << random.nextInt(8));
                }
                out.writeBytes(bytes);
            }
        }
    }

    private byte[] binaryPayload()
    {
        final int p = random.nextInt(10);
        if (p < 7)
        {
            return bytes(8 + random.nextInt(300));
        }
        if (p < 9)
        {
            return bytes(random.nextInt(maxMessage + 1));
        }
        return bytes(maxMessage + 1 + random.nextInt(maxFrame - maxMessage));
    }

    private void fragmented(final ByteArrayOutputStream out, final int opcode, final byte[] message)
    {
        final int pieces = 2 + random.nextInt(4);
        int at = 0;
        for (int i = 0; i < pieces; i++)
        {
            final boolean last = i == pieces - 1;
            final int n = last ? message.length - at : random.nextInt(message.length - at + 1);
            final byte[] piece = new byte[n];
            System.arraycopy(message, at, piece, 0, n);
            at += n;
            frame(out, last, 0, i == 0 ? opcode : 0, false, -1, piece);
            if (!last && random.nextInt(4) == 0)
            {
                frame(out, true, 0, 9, false, -1, bytes(random.nextInt(20)));
            }
        }
    }

    private byte[] text()
    {
        final String text = switch (random.nextInt(9))
        {
            case 0 -> "{\"result\":null,\"id\":" + subscribeId + "}";
            case 1 -> "{\"result\":null,\"id\":" + (subscribeId + 1 + random.nextInt(100)) + "}";
            case 2 -> "{\"code\":-1121,\"msg\":\"Invalid symbol.\",\"id\":" + subscribeId + "}";
            case 3 -> "{\"code\":2,\"msg\":\"Invalid request\"}";
            case 4 -> "{\"e\":\"serverShutdown\",\"E\":1770123456789}";
            case 5 -> "{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1}}";
            case 6 -> "{\"id\":99999999999999999999,\"result\":null}";
            case 7 -> "{\"e\":\"trade\",\"p\":\"" + random.nextLong() + "\"}";
            default -> null;
        };
        return null == text ? bytes(random.nextInt(200)) : text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] close(final int[] statuses, final boolean validReason)
    {
        final byte[] reason = validReason ? "bye \u00e9\u4e16".getBytes(StandardCharsets.UTF_8) :
            new byte[]{'x', (byte)0xC0, (byte)0xAF};
        final int length = random.nextInt(4) == 0 ? 0 : 2 + random.nextInt(reason.length + 1);
        final byte[] body = new byte[length];
        if (length > 0)
        {
            final int status = statuses[random.nextInt(statuses.length)];
            body[0] = (byte)(status >> 8);
            body[1] = (byte)status;
            System.arraycopy(reason, 0, body, 2, length - 2);
        }
        return body;
    }

    private void badClose(final ByteArrayOutputStream out)
    {
        switch (random.nextInt(3))
        {
            case 0 -> frame(out, true, 0, 8, false, -1, bytes(1));
            case 1 ->
            {
                final byte[] body = close(BAD_STATUS, true);
                frame(out, true, 0, 8, false, -1, body.length == 0 ? new byte[]{0, 0} : body);
            }
            default ->
            {
                final byte[] body = {0x03, (byte)0xE8, 'x', (byte)0xC0, (byte)0xAF};
                frame(out, true, 0, 8, false, -1, body);
            }
        }
    }

    private void tooLong(final ByteArrayOutputStream out)
    {
        final long declared = switch (random.nextInt(5))
        {
            case 0 -> maxFrame + 1L + random.nextInt(65_536);
            case 1 -> 1L << 40;
            case 2 -> Long.MAX_VALUE;
            case 3 -> -1L - random.nextInt(1000);
            default -> 65_536L + random.nextInt(1 << 20);
        };
        out.write(0x82);
        out.write(127);
        for (int i = 7; i >= 0; i--)
        {
            out.write((int)(declared >>> (8 * i)) & 0xFF);
        }
        out.writeBytes(bytes(random.nextInt(2048)));
    }

    /**
     * One frame as a server writes it.
     *
     * @param lengthField -1 for the minimal encoding, 126 or 127 to force the 16- or 64-bit field.
     */
    private void frame(
        final ByteArrayOutputStream out, final boolean fin, final int rsv, final int opcode, final boolean mask,
        final int lengthField, final byte[] payload)
    {
        out.write((fin ? 0x80 : 0) | (rsv << 4) | opcode);
        final int n = payload.length;
        final int field = lengthField > 0 ? lengthField : n < 126 ? n : n < 65_536 ? 126 : 127;
        out.write((mask ? 0x80 : 0) | field);
        if (field == 126)
        {
            out.write(n >>> 8);
            out.write(n & 0xFF);
        }
        else if (field == 127)
        {
            for (int i = 7; i >= 0; i--)
            {
                out.write((int)(((long)n) >>> (8 * i)) & 0xFF);
            }
        }
        if (mask)
        {
            final byte[] key = bytes(4);
            out.writeBytes(key);
            final byte[] masked = payload.clone();
            for (int i = 0; i < masked.length; i++)
            {
                masked[i] ^= key[i & 3];
            }
            out.writeBytes(masked);
        }
        else
        {
            out.writeBytes(payload);
        }
    }

    private byte[] bytes(final int n)
    {
        final byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++)
        {
            bytes[i] = (byte)random.nextInt(256);
        }
        return bytes;
    }
}
