package com.schwabot.engine.venue.sim;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.agrona.collections.LongHashSet;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameMutator;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.HeartbeatDecoder;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.engine.venue.ChunkedStream;
import com.schwabot.engine.venue.FuzzRun;
import com.schwabot.engine.venue.LengthPrefixedModel;
import com.schwabot.engine.venue.OrderEntryStream;
import com.schwabot.engine.venue.Sentinel;
import com.schwabot.engine.venue.TrackingAllocator;
import com.schwabot.engine.venue.order.OrderEntryProtocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile client byte streams through the simulator's real order-entry server pipeline (its
 * {@code IdleStateHandler} and {@link OrderEntryHandler} in an {@code EmbeddedChannel}, the {@link OrderEntryServer}
 * and a {@link SimulatorCore} behind them), cut into reads of every size and buffer kind ({@link OrderEntryStream}:
 * valid orders, cancels and heartbeats, mutated frames, bad, lying and oversized length prefixes, garbage). Against
 * {@link LengthPrefixedModel}, per connection: every frame the model finds reaches the core and is counted as what it
 * is (order, cancel, heartbeat, not understood); every order and cancel, and every unreadable one whose client order
 * id can be read, is answered with an execution report; the connection is closed on the read completing a bad length
 * prefix, and only then; no exception escapes; the bytes the decoder holds between reads stay under a bound (a bad
 * length is refused from its prefix, never buffered); and when the connection ends, its resting orders are canceled
 * (cancel on disconnect) and every buffer is released.
 * <p>
 * Cases (segments of the streams that reached the server): {@code schwabot.fuzz.cases} (default
 * {@value #DEFAULT_CASES}), seed {@code schwabot.fuzz.seed}; recorded in {@code target/fuzz-report.txt}.
 */
class OrderEntryStreamFuzzTest
{
    private static final int DEFAULT_CASES = 30_000;
    private static final long DEFAULT_SEED = 0x0E5EL;
    private static final int MAX_READ = 16 * 1024;
    private static final long HELD_BOUND = 2L * (MAX_READ + OrderEntryProtocol.LENGTH_FIELD_LENGTH +
        OrderEntryProtocol.MAX_FRAME_LENGTH);
    private static final int[][] KNOWN_HEADERS = {
        {101, 1, 1}, {101, 1, 2}, {101, 1, 3}, {101, 1, 4}, {101, 1, 5}, {101, 1, 6}, {101, 1, 7}, {101, 1, 8},
        {101, 1, 9}, {101, 1, 10}, {101, 1, 11}, {101, 1, 12}, {101, 1, 13},
    };
    private static final OrderType[] TYPES = {
        OrderType.LIMIT, OrderType.LIMIT, OrderType.MARKET, OrderType.LIMIT_MAKER,
    };
    private static final TimeInForce[] TIFS = {TimeInForce.GTC, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK};

    private final StepClock clock = new StepClock();
    private final SimulatorCounters counters = new SimulatorCounters();
    private final FrameChecker oracle = new FrameChecker();
    private final LongHashSet answered = new LongHashSet();
    private SimulatorCore core;
    private long nextClOrdId = 1;
    private long reportsOut;

    @Test
    void shouldTakeExactlyTheFramesTheProtocolDefinesAnswerEveryOrderAndCancelOnDisconnect(
        final TestReporter reporter) throws Exception
    {
        final int cases = FuzzRun.cases(DEFAULT_CASES);
        final long seed = FuzzRun.seed(DEFAULT_SEED);
        final SplittableRandom random = new SplittableRandom(seed);
        final ExchangeSimulator.Context context = SimFixtures.context(seed).epochNanoClock(clock).conclude();
        final OrderEntryServer server = new OrderEntryServer(context, counters);
        core = new SimulatorCore(context, (instrument, type, buffer, offset, length) -> { }, server, counters);
        server.core(core);
        tick(20);
        final SplittableRandom frames = random.split();
        final OrderEntryStream streams = new OrderEntryStream(random.split(), () -> validFrame(frames),
            new FrameMutator(seed, corpus(), KNOWN_HEADERS));
        final TrackingAllocator allocator = new TrackingAllocator();
        final ChunkedStream chunks = new ChunkedStream(random.split(), allocator, MAX_READ);
        long done = 0;
        long connections = 0;
        long canceledOnDisconnect = 0;
        final long start = System.nanoTime();
        while (done < cases)
        {
            final byte[] stream = streams.connection(200);
            final LengthPrefixedModel model = LengthPrefixedModel.parse(stream);
            final Expected expected = expect(stream, model);
            final long[] before = snapshot();
            answered.clear();

            final Sentinel sentinel = new Sentinel();
            final EmbeddedChannel channel = new EmbeddedChannel(false, false);
            channel.config().setAllocator(allocator);
            channel.pipeline().addLast(
                new IdleStateHandler(context.heartbeatTimeoutMs(), context.heartbeatIntervalMs(), 0,
                    java.util.concurrent.TimeUnit.MILLISECONDS),
                new OrderEntryHandler(server), sentinel);
            channel.register();
            channel.freezeTime();
            final int written = chunks.write(channel, stream, 0, stream.length, () -> drain(channel));
            done += streams.casesTaken(written, model);
            connections++;
            try
            {
                check(channel, sentinel, model, expected, written, chunks.lastRead(), before);
                final int resting = core.openOrderCount();
                channel.close();
                drain(channel);
                assertThat(core.openOrderCount()).as("open orders after the connection ended").isZero();
                if (!model.closes())
                {
                    assertThat(delta(SimCounter.ORDERS_CANCELED_ON_DISCONNECT, before))
                        .as("canceled on disconnect").isEqualTo(resting);
                }
            }
            catch (final AssertionError ex)
            {
                throw new AssertionError("connection " + connections + " (seed " + seed + "): " +
                    FuzzRun.hex(stream), ex);
            }
            canceledOnDisconnect = counters.get(SimCounter.ORDERS_CANCELED_ON_DISCONNECT);
            channel.finishAndReleaseAll();
            assertThat(allocator.liveBuffers()).as("buffers not released, connection %d", connections).isZero();
            allocator.forget();
            if (connections % 8 == 0)
            {
                tick(1);
            }
        }
        final long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(chunks.peakLiveBytes()).as("bytes held between reads").isLessThanOrEqualTo(HELD_BOUND);
        assertThat(counters.get(SimCounter.OE_BAD_LENGTH)).isPositive();
        assertThat(counters.get(SimCounter.ORDERS_ACCEPTED)).isPositive();
        assertThat(counters.get(SimCounter.FILLS)).isPositive();
        assertThat(canceledOnDisconnect).isPositive();
        assertThat(counters.get(SimCounter.ERRORS)).isZero();

        final String line = "engine simulator order entry (IdleStateHandler + OrderEntryHandler + OrderEntryServer " +
            "+ SimulatorCore, EmbeddedChannel): " + done + " cases in " + connections + " connections, " +
            chunks.reads() + " reads, seed " + seed + ", " + millis + " ms, cases " + streams.describeKinds() +
            ", frames in " + counters.get(SimCounter.OE_FRAMES_IN) + ", not understood " +
            counters.get(SimCounter.OE_UNKNOWN_FRAMES) + ", orders " + counters.get(SimCounter.ORDERS_RECEIVED) +
            " (accepted " + counters.get(SimCounter.ORDERS_ACCEPTED) + ", fills " + counters.get(SimCounter.FILLS) +
            "), cancels " + counters.get(SimCounter.CANCELS_RECEIVED) + ", reports out " + reportsOut +
            ", closed on a bad length " + counters.get(SimCounter.OE_BAD_LENGTH) + ", canceled on disconnect " +
            canceledOnDisconnect + ", most bytes held between reads " + chunks.peakLiveBytes();
        reporter.publishEntry("fuzz", line);
        FuzzRun.record(line);
    }

    private void check(
        final EmbeddedChannel channel, final Sentinel sentinel, final LengthPrefixedModel model,
        final Expected expected, final int written, final int lastRead, final long[] before)
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
        assertThat(delta(SimCounter.OE_FRAMES_IN, before)).as("frames in").isEqualTo(model.frames().size());
        assertThat(delta(SimCounter.OE_UNKNOWN_FRAMES, before)).as("not understood").isEqualTo(expected.unknown);
        assertThat(delta(SimCounter.OE_HEARTBEATS_IN, before)).as("heartbeats").isEqualTo(expected.heartbeats);
        assertThat(delta(SimCounter.OE_LOGONS, before)).as("logons (a mutated frame's template made 15)")
            .isEqualTo(expected.logons);
        assertThat(delta(SimCounter.ORDERS_RECEIVED, before)).as("orders").isEqualTo(expected.orders);
        assertThat(delta(SimCounter.CANCELS_RECEIVED, before)).as("cancels").isEqualTo(expected.cancels);
        assertThat(delta(SimCounter.OE_BAD_LENGTH, before)).isEqualTo(model.closes() ? 1 : 0);
        assertThat(delta(SimCounter.ERRORS, before)).isZero();
        for (int i = 0; i < expected.answers.size(); i++)
        {
            final long[] ids = expected.answers.get(i);
            assertThat(answered.contains(ids[0]) || answered.contains(ids[1]))
                .as("a report for client order id %d (or %d)", ids[0], ids[1]).isTrue();
        }
        assertThat(sentinel.escaped()).as("escaped").isNull();
        assertThat(sentinel.passedThrough()).isNull();
        channel.checkException();
    }

    private Expected expect(final byte[] stream, final LengthPrefixedModel model)
    {
        final Expected expected = new Expected();
        final UnsafeBuffer buffer = new UnsafeBuffer(stream);
        final int header = MessageHeaderDecoder.ENCODED_LENGTH;
        for (final int[] frame : model.frames())
        {
            final FrameStatus status = oracle.check(buffer, frame[0], frame[1]);
            final int template = oracle.templateId();
            final boolean ok = FrameStatus.OK == status && oracle.isCanonical();
            final long clOrdId = frame[1] >= header + 8 ?
                buffer.getLong(frame[0] + header, ByteOrder.LITTLE_ENDIAN) : Long.MIN_VALUE;
            if (ok && template == NewOrderDecoder.TEMPLATE_ID)
            {
                expected.orders++;
                expected.answers.add(new long[]{clOrdId, clOrdId});
            }
            else if (ok && template == CancelOrderDecoder.TEMPLATE_ID)
            {
                expected.cancels++;
                final long orig = buffer.getLong(frame[0] + header + 8, ByteOrder.LITTLE_ENDIAN);
                expected.answers.add(new long[]{clOrdId, orig});
            }
            else if (ok && template == HeartbeatDecoder.TEMPLATE_ID)
            {
                expected.heartbeats++;
            }
            else if (ok && template == LogonDecoder.TEMPLATE_ID)
            {
                expected.logons++;
            }
            else
            {
                expected.unknown++;
                final boolean orderOrCancel = template == NewOrderDecoder.TEMPLATE_ID ||
                    template == CancelOrderDecoder.TEMPLATE_ID;
                if (oracle.schemaId() == FrameChecker.CANONICAL_SCHEMA_ID && orderOrCancel &&
                    frame[1] >= header + 8)
                {
                    expected.orders += template == NewOrderDecoder.TEMPLATE_ID ? 1 : 0;
                    expected.cancels += template == CancelOrderDecoder.TEMPLATE_ID ? 1 : 0;
                    expected.answers.add(new long[]{clOrdId, clOrdId});
                }
            }
        }
        return expected;
    }

    private void drain(final EmbeddedChannel channel)
    {
        final ExecutionReportDecoder report = new ExecutionReportDecoder();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
        Object message;
        while (null != (message = channel.readOutbound()))
        {
            final ByteBuf frames = (ByteBuf)message;
            try
            {
                final byte[] bytes = new byte[frames.readableBytes()];
                frames.readBytes(bytes);
                view.wrap(bytes);
                int at = 0;
                while (at + 4 <= bytes.length)
                {
                    final int length = view.getInt(at, ByteOrder.LITTLE_ENDIAN);
                    header.wrap(view, at + 4);
                    if (header.templateId() == ExecutionReportDecoder.TEMPLATE_ID)
                    {
                        report.wrap(view, at + 4 + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                            header.version());
                        answered.add(report.clOrdId());
                        reportsOut++;
                    }
                    at += 4 + length;
                }
            }
            finally
            {
                frames.release();
            }
        }
    }

    private byte[] validFrame(final SplittableRandom random)
    {
        final int kind = random.nextInt(10);
        final int index = random.nextInt(core.instrumentCount());
        final int instrumentId = index == SimFixtures.BTC ? SimFixtures.BTC_ID : SimFixtures.ETH_ID;
        if (kind < 7)
        {
            final long tick = index == SimFixtures.BTC ? 10 : 1;
            final boolean buy = random.nextBoolean();
            final long touch = buy ? core.bestAskPrice(index) : core.bestBidPrice(index);
            final long price = Math.max(tick, touch + tick * (random.nextInt(21) - 10));
            final int t = random.nextInt(TYPES.length);
            return SimFixtures.newOrder(nextClOrdId++, instrumentId, buy ? Side.BUY : Side.SELL, TYPES[t],
                TIFS[random.nextInt(TIFS.length)], price, (index == SimFixtures.BTC ? 10 : 1) * random.nextLong(1, 20));
        }
        if (kind < 9)
        {
            final long orig = nextClOrdId - 1 - random.nextInt(8);
            return SimFixtures.cancel(nextClOrdId++, orig, random.nextInt(4) == 0 ? random.nextLong(1, 1_000) :
                CancelOrderDecoder.exchangeOrderIdNullValue(), instrumentId);
        }
        return SimFixtures.heartbeat(random.nextLong());
    }

    private void tick(final int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            clock.advance(SimHarness.TICK_NANOS);
            core.tick(clock.nanoTime());
        }
    }

    private long[] snapshot()
    {
        final SimCounter[] all = SimCounter.values();
        final long[] values = new long[all.length];
        for (int i = 0; i < all.length; i++)
        {
            values[i] = counters.get(all[i]);
        }
        return values;
    }

    private long delta(final SimCounter counter, final long[] before)
    {
        return counters.get(counter) - before[counter.ordinal()];
    }

    private static List<byte[]> corpus()
    {
        final List<byte[]> corpus = new ArrayList<>();
        corpus.add(SimFixtures.newOrder(1, SimFixtures.BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
            65_000_000, 100));
        corpus.add(SimFixtures.newOrder(2, SimFixtures.ETH_ID, Side.SELL, OrderType.MARKET, TimeInForce.IOC, 0, 10));
        corpus.add(SimFixtures.cancel(3, 1, CancelOrderDecoder.exchangeOrderIdNullValue(), SimFixtures.BTC_ID));
        corpus.add(SimFixtures.heartbeat(4));
        return corpus;
    }

    /**
     * What a connection must do to the core.
     */
    private static final class Expected
    {
        private final List<long[]> answers = new ArrayList<>();
        private long orders;
        private long cancels;
        private long heartbeats;
        private long logons;
        private long unknown;
    }
}
