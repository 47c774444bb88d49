package com.schwabot.engine.venue.gateway;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import com.lmax.disruptor.RingBuffer;
import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameMutator;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.HeartbeatDecoder;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.venue.ChunkedStream;
import com.schwabot.engine.venue.FrameSink;
import com.schwabot.engine.venue.FuzzRun;
import com.schwabot.engine.venue.LengthPrefixedModel;
import com.schwabot.engine.venue.OrderEntryStream;
import com.schwabot.engine.venue.Sentinel;
import com.schwabot.engine.venue.Sources;
import com.schwabot.engine.venue.TrackingAllocator;

import io.netty.channel.embedded.EmbeddedChannel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile venue byte streams through the order gateway's real inbound pipeline ({@link GatewayChannelHandler} and
 * its {@link LengthPrefixedFrameReader} in an {@code EmbeddedChannel}), cut into reads of every size and buffer kind
 * ({@link OrderEntryStream}: valid and mutated frames, bad, lying and oversized length prefixes, garbage between
 * frames). Against {@link LengthPrefixedModel}, per connection: exactly the execution reports the model finds are
 * handed to the sink, byte for byte and in order; heartbeats, other frames and the bad length are counted; the
 * connection is closed on the read that completes a bad length prefix, and only then; no exception escapes the
 * handler or is counted as an error; the handler holds no buffer between reads (its partial frames live in its own
 * fixed array) and releases every read.
 * <p>
 * Cases (segments of the streams that reached the handler): {@code schwabot.fuzz.cases} (default
 * {@value #DEFAULT_CASES}), seed {@code schwabot.fuzz.seed}; recorded in {@code target/fuzz-report.txt}.
 */
class GatewayStreamFuzzTest
{
    private static final int DEFAULT_CASES = 40_000;
    private static final long DEFAULT_SEED = 0x6A7EL;
    private static final long SOURCE = Sources.source(Sources.VENUE_SIMULATOR, Sources.CHANNEL_ORDER_ENTRY);
    private static final int[][] KNOWN_HEADERS = {
        {101, 1, 1}, {101, 1, 2}, {101, 1, 3}, {101, 1, 4}, {101, 1, 5}, {101, 1, 6}, {101, 1, 7}, {101, 1, 8},
        {101, 1, 9}, {101, 1, 10}, {101, 1, 11}, {101, 1, 12}, {101, 1, 13},
    };
    private static final ExecType[] EXEC_TYPES = {
        ExecType.NEW, ExecType.PARTIAL_FILL, ExecType.FILL, ExecType.CANCELED, ExecType.REJECTED, ExecType.EXPIRED,
    };

    private final ReportSink sink = new ReportSink();
    private final FrameChecker oracle = new FrameChecker();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[256]);
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @Test
    void shouldDeliverExactlyTheReportsTheProtocolDefinesAndCloseOnlyOnABadLength(final TestReporter reporter)
        throws Exception
    {
        final int cases = FuzzRun.cases(DEFAULT_CASES);
        final long seed = FuzzRun.seed(DEFAULT_SEED);
        final SplittableRandom random = new SplittableRandom(seed);
        final OrderEntryStream streams = new OrderEntryStream(random.split(), () -> validFrame(random),
            new FrameMutator(seed, corpus(), KNOWN_HEADERS));
        final TrackingAllocator allocator = new TrackingAllocator();
        final ChunkedStream chunks = new ChunkedStream(random.split(), allocator, 16 * 1024);
        final RingBuffer<OutboundEvent> ring = RingBuffer.createSingleProducer(OutboundEvent::new, 64);
        final OrderGateway gateway = new OrderGateway(new GatewayContext().name("fuzz").host("127.0.0.1").port(1)
            .source(SOURCE).ring(ring).sink(sink));
        final GatewayCounters counters = gateway.counters();
        long done = 0;
        long connections = 0;
        long closed = 0;
        final long start = System.nanoTime();
        try
        {
            while (done < cases)
            {
                final byte[] stream = streams.connection(200);
                final LengthPrefixedModel model = LengthPrefixedModel.parse(stream);
                final Expected expected = expect(stream, model);
                final long reports = counters.reports();
                final long heartbeats = counters.heartbeatsReceived();
                final long logons = counters.logonAnswers();
                final long unknown = counters.unknownFrames();
                final long badLengths = counters.badLengths();
                sink.frames.clear();

                final Sentinel sentinel = new Sentinel();
                final EmbeddedChannel channel = new EmbeddedChannel(false, false);
                channel.config().setAllocator(allocator);
                channel.pipeline().addLast(new GatewayChannelHandler(gateway, gateway.context()), sentinel);
                channel.register();
                final int written = chunks.write(channel, stream, 0, stream.length, () -> { });
                done += streams.casesTaken(written, model);
                connections++;
                try
                {
                    check(channel, sentinel, model, expected, written, chunks.lastRead());
                    assertThat(counters.reports() - reports).isEqualTo(expected.reports.size() - expected.logons);
                    assertThat(counters.logonAnswers() - logons).isEqualTo(expected.logons);
                    assertThat(counters.heartbeatsReceived() - heartbeats).isEqualTo(expected.heartbeats);
                    assertThat(counters.unknownFrames() - unknown).isEqualTo(expected.unknown);
                    assertThat(counters.badLengths() - badLengths).isEqualTo(model.closes() ? 1 : 0);
                    assertThat(counters.errors()).as("errors").isZero();
                }
                catch (final AssertionError ex)
                {
                    throw new AssertionError("connection " + connections + " (seed " + seed + "): " +
                        FuzzRun.hex(stream), ex);
                }
                closed += model.closes() ? 1 : 0;
                channel.checkException();
                channel.finishAndReleaseAll();
                assertThat(allocator.liveBuffers()).as("buffers not released, connection %d", connections).isZero();
                allocator.forget();
            }
        }
        finally
        {
            gateway.close();
        }
        final long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(chunks.peakLiveBytes()).as("bytes held between reads").isZero();
        assertThat(closed).as("connections closed on a bad length").isPositive();
        assertThat(counters.reports()).isPositive();
        assertThat(counters.unknownFrames()).isPositive();

        final String line = "engine gateway inbound (LengthPrefixedFrameReader + GatewayChannelHandler, " +
            "EmbeddedChannel): " + done + " cases in " + connections + " connections, " + chunks.reads() +
            " reads, seed " + seed + ", " + millis + " ms, cases " + streams.describeKinds() + ", reports " +
            counters.reports() + ", heartbeats " + counters.heartbeatsReceived() + ", unknown frames " +
            counters.unknownFrames() + ", closed on a bad length " + counters.badLengths() + ", errors 0, " +
            "bytes held between reads 0";
        reporter.publishEntry("fuzz", line);
        FuzzRun.record(line);
    }

    private void check(
        final EmbeddedChannel channel, final Sentinel sentinel, final LengthPrefixedModel model,
        final Expected expected, final int written, final int lastRead)
    {
        if (model.closes())
        {
            assertThat(channel.isOpen()).as("closed on a bad length").isFalse();
            assertThat(written - lastRead).as("closed on the read completing the bad prefix")
                .isLessThan(model.badAt() + 4);
            assertThat(written).isGreaterThanOrEqualTo(model.badAt() + 4);
        }
        else
        {
            assertThat(channel.isOpen()).as("open without a bad length").isTrue();
        }
        assertThat(sink.frames).as("reports delivered").containsExactlyElementsOf(expected.reports);
        assertThat(sentinel.escaped()).as("escaped").isNull();
        assertThat(sentinel.passedThrough()).isNull();
    }

    private Expected expect(final byte[] stream, final LengthPrefixedModel model)
    {
        final Expected expected = new Expected();
        final UnsafeBuffer buffer = new UnsafeBuffer(stream);
        for (final int[] frame : model.frames())
        {
            final FrameStatus status = oracle.check(buffer, frame[0], frame[1]);
            if (FrameStatus.OK != status || !oracle.isCanonical())
            {
                expected.unknown++;
            }
            else if (ExecutionReportDecoder.TEMPLATE_ID == oracle.templateId())
            {
                expected.reports.add(Arrays.copyOfRange(stream, frame[0], frame[0] + frame[1]));
            }
            else if (LogonDecoder.TEMPLATE_ID == oracle.templateId())
            {
                expected.reports.add(Arrays.copyOfRange(stream, frame[0], frame[0] + frame[1]));
                expected.logons++;
            }
            else if (HeartbeatDecoder.TEMPLATE_ID == oracle.templateId())
            {
                expected.heartbeats++;
            }
            else
            {
                expected.unknown++;
            }
        }
        return expected;
    }

    private byte[] validFrame(final SplittableRandom random)
    {
        final int kind = random.nextInt(10);
        if (kind < 7)
        {
            return executionReport(random);
        }
        if (kind < 9)
        {
            return OrderFrames.heartbeat(random.nextLong());
        }
        return random.nextBoolean() ? OrderFrames.trade() : new OrderFrames().newOrder(random.nextLong(), 1, 1);
    }

    private byte[] executionReport(final SplittableRandom random)
    {
        final long qty = random.nextLong(1, 1_000_000);
        report.wrapAndApplyHeader(scratch, 0, header)
            .clOrdId(random.nextLong()).exchangeOrderId(random.nextLong()).execId(random.nextLong())
            .transactTimeNs(random.nextLong()).orderPrice(random.nextLong(1, 10_000_000))
            .lastPrice(random.nextLong(1, 10_000_000)).lastQty(qty).cumQty(qty).leavesQty(random.nextLong(0, qty))
            .fee(random.nextLong(0, 1_000)).instrumentId(random.nextInt(1, 5)).venueId(random.nextInt(1, 3))
            .priceExponent((byte)-2).qtyExponent((byte)-5).feeExponent((byte)-8)
            .side(random.nextBoolean() ? Side.BUY : Side.SELL)
            .execType(EXEC_TYPES[random.nextInt(EXEC_TYPES.length)])
            .rejectReason(RejectReason.NONE).liquidity(random.nextBoolean() ? Liquidity.MAKER : Liquidity.TAKER);
        final byte[] bytes = new byte[MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength()];
        scratch.getBytes(0, bytes);
        return bytes;
    }

    private static List<byte[]> corpus()
    {
        final OrderFrames frames = new OrderFrames();
        final List<byte[]> corpus = new ArrayList<>();
        for (final ExecType type : EXEC_TYPES)
        {
            corpus.add(OrderFrames.executionReport(1_234, type, type == ExecType.FILL ? 10 : 0));
        }
        corpus.add(OrderFrames.heartbeat(7));
        corpus.add(OrderFrames.trade());
        corpus.add(frames.newOrder(99, 6_500_000, 1_000));
        corpus.add(frames.cancel(100, 99));
        return corpus;
    }

    /**
     * What a connection's reports must be.
     */
    private static final class Expected
    {
        private final List<byte[]> reports = new ArrayList<>();
        private long heartbeats;
        private long logons;
        private long unknown;
    }

    /**
     * Keeps the execution reports of the current connection (copies: the handler's view is valid only during
     * the call).
     */
    private static final class ReportSink implements FrameSink
    {
        private final List<byte[]> frames = new ArrayList<>();

        public boolean onMarketData(
            final long source, final DirectBuffer buffer, final int offset, final int length, final long ingressNanos)
        {
            throw new AssertionError("market data from the order gateway");
        }

        public boolean onExecution(
            final long source, final DirectBuffer buffer, final int offset, final int length, final long ingressNanos)
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            frames.add(bytes);
            return true;
        }

        public void onConnectionState(final long source, final int channel, final boolean up, final long nanos)
        {
            throw new AssertionError("the handler signals no state");
        }
    }
}
