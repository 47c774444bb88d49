package com.schwabot.engine.venue.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import com.schwabot.engine.venue.ChunkedStream;
import com.schwabot.engine.venue.FrameSink;
import com.schwabot.engine.venue.FuzzRun;
import com.schwabot.engine.venue.Sentinel;
import com.schwabot.engine.venue.TrackingAllocator;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile venue byte streams through the market-data feed's real client pipeline (HTTP codec and aggregator, the
 * handshaker's WebSocket decoder and encoder, {@link FeedChannelHandler}, exactly as {@link MarketDataFeed} builds it,
 * in an {@code EmbeddedChannel}): the handshake response, our subscription result, then {@link WebSocketStream}'s
 * segments, all cut into reads of every size and buffer kind (the response and the first frames often in one read).
 * Against {@link WebSocketClientModel}, per connection: the sink gets exactly the binary messages the model finds,
 * byte for byte and in order; every counter (messages, bytes, fragmented, oversized, text by kind, pings, pongs,
 * close frames, errors) moves as the model says; each ping is answered with a masked pong of its payload; the
 * connection is closed on the read that brings a protocol violation or the venue's close frame, and only then; no
 * exception escapes the handler; what the pipeline holds between reads stays under a bound (a frame declaring a
 * length above the limit is refused from its header); and every buffer is released once the connection ends.
 * <p>
 * Cases (segments that reached the client): {@code schwabot.fuzz.cases} (default {@value #DEFAULT_CASES}), seed
 * {@code schwabot.fuzz.seed}; recorded in {@code target/fuzz-report.txt}.
 */
class FeedStreamFuzzTest
{
    private static final int DEFAULT_CASES = 10_000;
    private static final long DEFAULT_SEED = 0xFEEDL;
    private static final int MAX_MESSAGE = 2_048;
    private static final int MAX_FRAME = 8_192;
    private static final int MAX_READ = 16 * 1024;
    private static final long HELD_BOUND = 4L * (MAX_FRAME + MAX_READ) + 64 * 1024;
    private static final Pattern KEY = Pattern.compile("(?i)sec-websocket-key:\\s*(\\S+)");
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final MessageSink sink = new MessageSink();
    private final TrackingAllocator allocator = new TrackingAllocator();
    private long seed;
    private WebSocketStream streams;
    private ChunkedStream chunks;
    private SplittableRandom handshakes;
    private MarketDataFeed feed;
    private long done;
    private long connections;
    private long violations;
    private long mangledHandshakes;
    private long refusedHandshakes;
    private long pongs;

    @Test
    void shouldDeliverExactlyTheMessagesTheProtocolDefinesAndCloseOnlyWhereItSays(final TestReporter reporter)
        throws Exception
    {
        final int cases = FuzzRun.cases(DEFAULT_CASES);
        seed = FuzzRun.seed(DEFAULT_SEED);
        final SplittableRandom random = new SplittableRandom(seed);
        streams = new WebSocketStream(random.split(), MAX_MESSAGE, MAX_FRAME);
        chunks = new ChunkedStream(random.split(), allocator, MAX_READ);
        handshakes = random.split();
        feed = new MarketDataFeed(new FeedContext()
            .name("fuzz-md").uri("ws://127.0.0.1:9/ws").streams(FeedTestSupport.STREAMS)
            .source(FeedTestSupport.SOURCE).sink(sink)
            .maxMessageLength(MAX_MESSAGE).maxFramePayloadLength(MAX_FRAME)
            .pingIntervalMs(3_600_000).staleTimeoutMs(7_200_000).subscribeTimeoutMs(3_600_000));
        final FeedCounters counters = feed.counters();
        final long start = System.nanoTime();
        try
        {
            while (done < cases)
            {
                connection();
            }
        }
        finally
        {
            feed.close();
        }
        final long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(chunks.peakLiveBytes()).as("bytes held between reads").isLessThanOrEqualTo(HELD_BOUND);
        assertThat(violations).isPositive();
        assertThat(counters.frames()).isPositive();
        assertThat(counters.fragmented()).isPositive();
        assertThat(counters.oversized()).isPositive();
        assertThat(counters.closeFrames()).isPositive();
        assertThat(refusedHandshakes).isPositive();

        final String line = "engine feed WebSocket client (HttpClientCodec, HttpObjectAggregator, the handshaker's " +
            "WebSocket13FrameDecoder/Encoder, FeedChannelHandler; EmbeddedChannel): " + done + " cases in " +
            connections + " connections, " + chunks.reads() + " reads, seed " + seed + ", " + millis + " ms, cases " +
            streams.describeKinds() + ", messages " + counters.frames() + " (fragmented " + counters.fragmented() +
            ", oversized " + counters.oversized() + "), text " + counters.textFrames() + ", pings " +
            counters.pingsReceived() + " (pongs " + pongs + "), close frames " + counters.closeFrames() +
            ", closed on a protocol violation " + violations + ", errors " + counters.errors() +
            ", mangled handshakes " + mangledHandshakes + " (refused and closed " + refusedHandshakes + ")" +
            ", most bytes held between reads " + chunks.peakLiveBytes();
        reporter.publishEntry("fuzz", line);
        FuzzRun.record(line);
    }

    /**
     * One connection: the handshake (one in ten broken on purpose), our subscription result, a stream of segments.
     */
    private void connection() throws Exception
    {
        connections++;
        final long subscribeId = connections;
        final long[] before = snapshot(feed.counters());
        sink.messages.clear();
        final Sentinel sentinel = new Sentinel();
        final EmbeddedChannel channel = new EmbeddedChannel(false, false);
        channel.config().setAllocator(allocator);
        MarketDataFeed.addWebSocketHandlers(channel.pipeline(), new FeedChannelHandler(feed, subscribeId));
        channel.pipeline().addLast(sentinel);
        channel.register();
        channel.freezeTime();

        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final byte[] response = response(request(channel));
        final boolean mangled = handshakes.nextInt(10) == 0;
        out.writeBytes(mangled ? mangle(response, handshakes) : response);
        final int framesFrom = out.size();
        streams.connection(out, 150, subscribeId);
        final byte[] stream = out.toByteArray();
        final WebSocketClientModel model =
            WebSocketClientModel.parse(stream, framesFrom, MAX_MESSAGE, MAX_FRAME, subscribeId);
        final Outbound outbound = new Outbound();
        final int written = chunks.write(channel, stream, 0, stream.length, () -> outbound.drain(channel));
        try
        {
            if (mangled)
            {
                checkMangled(channel, sentinel, outbound, feed.counters(), before);
            }
            else
            {
                check(channel, sentinel, model, written, chunks.lastRead(), outbound);
                checkCounters(feed.counters(), before, model);
            }
        }
        catch (final AssertionError ex)
        {
            throw new AssertionError("connection " + connections + " (seed " + seed + ", " +
                (mangled ? "mangled handshake" : model.end + " " + model.why + " at " + model.closeAt) +
                ", frames from " + framesFrom + "): " + FuzzRun.hex(stream), ex);
        }
        if (mangled)
        {
            done++;
            mangledHandshakes++;
            refusedHandshakes += outbound.subscribes == 0 && !channel.isOpen() ? 1 : 0;
        }
        else
        {
            done += streams.casesTaken(model.closeAt >= 0 ? Math.min(written, model.closeAt) : written);
            violations += model.end == WebSocketClientModel.End.VIOLATION ? 1 : 0;
        }
        pongs += outbound.pongs.size();
        channel.finishAndReleaseAll();
        outbound.drain(channel);
        assertThat(allocator.liveBuffers()).as("buffers not released, connection %d", connections).isZero();
        allocator.forget();
    }

    private void check(
        final EmbeddedChannel channel, final Sentinel sentinel, final WebSocketClientModel model, final int written,
        final int lastRead, final Outbound outbound)
    {
        if (model.end == WebSocketClientModel.End.OPEN)
        {
            assertThat(channel.isOpen()).as("open").isTrue();
        }
        else
        {
            assertThat(channel.isOpen()).as("closed").isFalse();
            assertThat(written - lastRead).as("closed on the read that brought it").isLessThan(model.closeAt);
            assertThat(written).isGreaterThanOrEqualTo(model.closeAt);
        }
        assertThat(sink.messages).as("messages delivered").containsExactlyElementsOf(model.delivered);
        assertThat(outbound.subscribes).as("one SUBSCRIBE").isEqualTo(1);
        assertThat(outbound.unmasked).as("unmasked client frames").isZero();
        assertThat(outbound.unencoded).as("frames that reached the socket unencoded").isZero();
        if (model.end == WebSocketClientModel.End.VIOLATION)
        {
            assertThat(outbound.lastOpcode).as("a close frame on a violation").isEqualTo(8);
            assertThat(outbound.lastCloseStatus).as("its status").isIn(1002, 1007, 1009);
        }
        else if (model.end == WebSocketClientModel.End.CLOSED && model.closeFrames > 0)
        {
            assertThat(outbound.lastOpcode).as("the venue's close answered").isEqualTo(8);
        }
        assertThat(outbound.pongs).as("pongs").containsExactlyElementsOf(model.pings);
        assertThat(sentinel.escaped()).as("escaped").isNull();
        assertThat(sentinel.passedThrough()).isNull();
        channel.checkException();
    }

    /**
     * A handshake response broken on purpose: whatever the client makes of it, nothing escapes, nothing it writes is
     * unmasked or unencoded, no market data is taken before the handshake completes, and a close is counted.
     */
    private void checkMangled(
        final EmbeddedChannel channel, final Sentinel sentinel, final Outbound outbound, final FeedCounters counters,
        final long[] before)
    {
        assertThat(sentinel.escaped()).as("escaped").isNull();
        assertThat(sentinel.passedThrough()).isNull();
        channel.checkException();
        assertThat(outbound.unencoded).as("frames that reached the socket unencoded").isZero();
        assertThat(outbound.unmasked).as("unmasked client frames").isZero();
        if (0 == outbound.subscribes)
        {
            assertThat(sink.messages).as("market data before the handshake completed").isEmpty();
        }
        if (!channel.isOpen())
        {
            final long[] now = snapshot(counters);
            assertThat(now[12] - before[12] + now[13] - before[13] + now[11] - before[11])
                .as("a close counted as an error, a connect failure or a close frame").isPositive();
        }
    }

    private static byte[] mangle(final byte[] response, final SplittableRandom random)
    {
        final String text = new String(response, StandardCharsets.US_ASCII);
        final String mangled = switch (random.nextInt(7))
        {
            case 0 -> text.substring(0, random.nextInt(text.length()));
            case 1 -> text.replaceFirst("Accept: \\S+", "Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
            case 2 -> "HTTP/1.1 400 Bad Request\r\nContent-Length: 11\r\n\r\nbad request";
            case 3 -> text.replace("\r\n\r\n", "\r\nX-Pad: " + "x".repeat(8_000 + random.nextInt(30_000)) +
                "\r\n\r\n");
            case 4 -> "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
                Integer.toHexString(1 + random.nextInt(1 << 20)) + "\r\n";
            case 5 -> text.replace("\r\n\r\n", "\r\nContent-Length: " + random.nextInt(1 << 30) + "\r\n\r\n");
            default -> null;
        };
        if (null != mangled)
        {
            return mangled.getBytes(StandardCharsets.US_ASCII);
        }
        final byte[] bytes = response.clone();
        for (int i = 1 + random.nextInt(4); i > 0; i--)
        {
            bytes[random.nextInt(bytes.length)] = (byte)random.nextInt(256);
        }
        return bytes;
    }

    private static void checkCounters(final FeedCounters counters, final long[] before, final WebSocketClientModel m)
    {
        final long[] now = snapshot(counters);
        final long[] expected = {
            m.frames, m.bytes, m.fragmented, m.oversized, m.textFrames, m.acks, m.errorResponses, m.shutdowns,
            m.unknownText, m.pingsReceived, m.pongsReceived, m.closeFrames, m.errors, 0,
        };
        final String[] names = {
            "frames", "bytes", "fragmented", "oversized", "text", "acks", "error responses", "shutdowns",
            "unknown text", "pings", "pongs", "close frames", "errors", "connect failures",
        };
        for (int i = 0; i < expected.length; i++)
        {
            assertThat(now[i] - before[i]).as(names[i]).isEqualTo(expected[i]);
        }
    }

    private static long[] snapshot(final FeedCounters c)
    {
        return new long[]{
            c.frames(), c.bytes(), c.fragmented(), c.oversized(), c.textFrames(), c.subscribeAcks(),
            c.subscribeErrors(), c.serverShutdowns(), c.unknownText(), c.pingsReceived(), c.pongsReceived(),
            c.closeFrames(), c.errors(), c.connectFailures(),
        };
    }

    private static String request(final EmbeddedChannel channel)
    {
        final StringBuilder request = new StringBuilder();
        Object message;
        while (null != (message = channel.readOutbound()))
        {
            final ByteBuf bytes = (ByteBuf)message;
            request.append(bytes.toString(StandardCharsets.US_ASCII));
            bytes.release();
        }
        return request.toString();
    }

    private static byte[] response(final String request) throws Exception
    {
        final Matcher key = KEY.matcher(request);
        assertThat(key.find()).as("handshake request %s", request).isTrue();
        final String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
            .digest((key.group(1) + GUID).getBytes(StandardCharsets.US_ASCII)));
        return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * What the client wrote after its handshake request: WebSocket frames, which a client must mask.
     */
    private static final class Outbound
    {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final List<byte[]> pongs = new ArrayList<>();
        private int parsed;
        private int subscribes;
        private int unmasked;
        private int unencoded;
        private int lastOpcode = -1;
        private int lastCloseStatus = -1;

        void drain(final EmbeddedChannel channel)
        {
            Object message;
            while (null != (message = channel.readOutbound()))
            {
                if (!(message instanceof ByteBuf))
                {
                    unencoded++;
                    ReferenceCountUtil.release(message);
                    continue;
                }
                final ByteBuf buffer = (ByteBuf)message;
                final byte[] array = new byte[buffer.readableBytes()];
                buffer.readBytes(array);
                buffer.release();
                bytes.writeBytes(array);
            }
            parse(bytes.toByteArray());
        }

        private void parse(final byte[] s)
        {
            while (s.length - parsed >= 2)
            {
                final int opcode = s[parsed] & 0xF;
                final boolean masked = (s[parsed + 1] & 0x80) != 0;
                final int len1 = s[parsed + 1] & 0x7F;
                int header = 2;
                int length = len1;
                if (len1 == 126)
                {
                    header = 4;
                    length = s.length - parsed < 4 ? Integer.MAX_VALUE :
                        ((s[parsed + 2] & 0xFF) << 8) | (s[parsed + 3] & 0xFF);
                }
                header += masked ? 4 : 0;
                if (len1 == 127 || s.length - parsed - header < length)
                {
                    return;
                }
                final byte[] payload = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    payload[i] = (byte)(s[parsed + header + i] ^ (masked ? s[parsed + header - 4 + (i & 3)] : 0));
                }
                unmasked += masked ? 0 : 1;
                lastOpcode = opcode;
                lastCloseStatus = opcode == 8 && length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
                if (opcode == 10)
                {
                    pongs.add(payload);
                }
                else if (opcode == 1 && new String(payload, StandardCharsets.UTF_8).contains("SUBSCRIBE"))
                {
                    subscribes++;
                }
                parsed += header + length;
            }
        }
    }

    /**
     * Keeps the binary messages of the current connection (copies: the view is valid only during the call).
     */
    private static final class MessageSink implements FrameSink
    {
        private final List<byte[]> messages = new ArrayList<>();

        public boolean onMarketData(
            final long source, final DirectBuffer buffer, final int offset, final int length, final long ingressNanos)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            messages.add(bytes);
            return true;
        }

        public boolean onExecution(
            final long source, final DirectBuffer buffer, final int offset, final int length, final long ingressNanos)
        {
            throw new AssertionError("execution report from the feed");
        }

        public void onConnectionState(final long source, final int channel, final boolean up, final long nanos)
        {
            throw new AssertionError("a handler the feed did not connect signals no state");
        }
    }
}
