package com.schwabot.engine.venue.gateway;

import static com.schwabot.engine.venue.RecordingFrameSink.EXECUTION;
import static com.schwabot.engine.venue.RecordingFrameSink.STATE;
import static com.schwabot.engine.venue.gateway.OrderFrames.prefixed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.lmax.disruptor.RingBuffer;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.ring.WakeOnPublish;
import com.schwabot.engine.venue.Await;
import com.schwabot.engine.venue.RecordingFrameSink;
import com.schwabot.engine.venue.Sources;

class OrderGatewayTest
{
    static final long SOURCE = Sources.source(Sources.VENUE_SIMULATOR, Sources.CHANNEL_ORDER_ENTRY);
    private static final int LOGON_FRAME = 4 + MessageHeaderDecoder.ENCODED_LENGTH + LogonDecoder.BLOCK_LENGTH;

    private final RecordingFrameSink sink = new RecordingFrameSink();
    private final RingBuffer<OutboundEvent> ring = RingBuffer.createSingleProducer(OutboundEvent::new, 1024);
    private final OrderFrames frames = new OrderFrames();
    private final TestOrderVenue venue = new TestOrderVenue().start();
    private OrderGateway gateway;

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(gateway, venue);
    }

    @Test
    void shouldWriteRingFramesByteExactWithLengthPrefixesInOrder()
    {
        gateway = new OrderGateway(context());
        awaitStates(true);

        final ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++)
        {
            final long clOrdId = 1_000 + i;
            if (2 == i % 3)
            {
                frames.publishCancel(ring, SOURCE, clOrdId, clOrdId - 1);
                expected.writeBytes(prefixed(frames.cancel(clOrdId, clOrdId - 1)));
            }
            else
            {
                frames.publishNewOrder(ring, SOURCE, clOrdId, 6_500_000 + i, 1_000 + i);
                expected.writeBytes(prefixed(frames.newOrder(clOrdId, 6_500_000 + i, 1_000 + i)));
            }
            if (0 == i % 7)
            {
                step();
            }
        }
        await("all bytes", () -> venue.bytesReceived.get() == expected.size());

        assertThat(venue.received()).isEqualTo(expected.toByteArray());
        assertThat(gateway.counters().framesSent()).isEqualTo(100);
        assertThat(gateway.counters().bytesSent()).isEqualTo(expected.size());
        assertThat(gateway.counters().flushes()).isBetween(2L, 100L);
        assertThat(gateway.counters().syntheticRejects()).isZero();
        assertThat(sink.count(EXECUTION)).isZero();
        assertThat(sink.stateSource(0)).isEqualTo(SOURCE);
    }

    @Test
    void shouldHandExecutionReportsToTheSinkAndCountHeartbeatsAndEverythingElse()
    {
        gateway = new OrderGateway(context());
        awaitStates(true);
        await("venue side", venue::hasConnection);
        final byte[] fill = OrderFrames.executionReport(11, ExecType.FILL, 500);
        final byte[] ack = OrderFrames.executionReport(12, ExecType.NEW, 0);
        final byte[] notSbe = new byte[16];
        java.util.Arrays.fill(notSbe, (byte)0xFF);

        venue.sendByteByByte(prefixed(fill, OrderFrames.heartbeat(1), OrderFrames.trade(), notSbe, ack));
        venue.send(prefixed(ack, fill, OrderFrames.heartbeat(2)));
        await("reports", () -> 4 == gateway.counters().reports() && 2 == gateway.counters().heartbeatsReceived());

        assertThat(sink.frames(EXECUTION)).containsExactly(fill, ack, ack, fill);
        assertThat(sink.sources(EXECUTION)).containsOnly(SOURCE);
        assertThat(gateway.counters().unknownFrames()).isEqualTo(2);
        assertThat(gateway.counters().badLengths()).isZero();
        assertThat(states()).containsExactly(true);
    }

    @Test
    void shouldRejectOrdersDrainedWhileDownAndReconnectWhenTheVenueReturns()
    {
        gateway = new OrderGateway(context());
        awaitStates(true);

        venue.kill();
        awaitStates(true, false);
        frames.publishNewOrder(ring, SOURCE, 41, 6_512_345, 150);
        frames.publishCancel(ring, SOURCE, 42, 41);
        await("two rejects", () -> 2 == sink.count(EXECUTION));

        final List<byte[]> reports = sink.frames(EXECUTION);
        assertNewOrderReject(reports.get(0), 41, 6_512_345, Side.SELL);
        assertCancelReject(reports.get(1), 42, 5_041);
        assertThat(gateway.counters().syntheticRejects()).isEqualTo(2);
        assertThat(gateway.counters().framesSent()).isZero();
        assertThat(states()).containsExactly(true, false);

        venue.start();
        awaitStates(true, false, true);
        frames.publishNewOrder(ring, SOURCE, 43, 6_512_345, 150);
        await("order after reconnect", () -> venue.bytesReceived.get() > 0);
        await("whole order", () -> venue.bytesReceived.get() == prefixed(frames.newOrder(43, 6_512_345, 150)).length);
        assertThat(venue.received()).isEqualTo(prefixed(frames.newOrder(43, 6_512_345, 150)));
        assertThat(gateway.counters().losses()).isEqualTo(1);
    }

    @Test
    void shouldReconnectAtOnceWhenTheVenueClosesTheConnection()
    {
        gateway = new OrderGateway(context());
        awaitStates(true);
        await("venue side", venue::hasConnection);

        venue.closeConnection();

        awaitStates(true, false, true);
        await("second connection", () -> 2 == venue.connections.get() && venue.hasConnection());
        frames.publishNewOrder(ring, SOURCE, 7, 100, 1);
        await("order", () -> venue.bytesReceived.get() == prefixed(frames.newOrder(7, 100, 1)).length);
        assertThat(gateway.counters().reconnects()).isEqualTo(1);
        assertThat(gateway.counters().connects()).isEqualTo(2);
    }

    @Test
    void shouldCloseAndReconnectOnALengthOutsideTheProtocolBounds()
    {
        gateway = new OrderGateway(context());
        awaitStates(true);
        await("venue side", venue::hasConnection);

        venue.send(OrderFrames.lengthOnly(3));
        awaitStates(true, false, true);
        await("second connection", () -> 2 == venue.connections.get() && venue.hasConnection());
        venue.send(OrderFrames.lengthOnly(1025));
        awaitStates(true, false, true, false, true);
        await("third connection", () -> 3 == venue.connections.get() && venue.hasConnection());
        venue.sendByteByByte(OrderFrames.lengthOnly(-1));
        awaitStates(true, false, true, false, true, false, true);
        await("fourth connection", () -> 4 == venue.connections.get());

        assertThat(gateway.counters().badLengths()).isEqualTo(3);
        assertThat(venue.connections.get()).isEqualTo(4);
    }

    @Test
    void shouldRejectFramesForAnotherDestinationAndSkipImpossibleLengths()
    {
        gateway = new OrderGateway(context());
        awaitStates(true);
        final long elsewhere = Sources.source(Sources.VENUE_BINANCE, Sources.CHANNEL_ORDER_ENTRY);

        frames.publishNewOrder(ring, elsewhere, 51, 700, 3);
        frames.publishRaw(ring, SOURCE, new byte[OutboundEvent.CAPACITY], 0);
        frames.publishRaw(ring, SOURCE, new byte[OutboundEvent.CAPACITY], OutboundEvent.CAPACITY + 1);
        frames.publishNewOrder(ring, SOURCE, 52, 700, 3);
        final int expected = prefixed(frames.newOrder(52, 700, 3)).length;
        await("good order", () -> venue.bytesReceived.get() == expected && 1 == sink.count(EXECUTION));

        assertThat(venue.received()).isEqualTo(prefixed(frames.newOrder(52, 700, 3)));
        assertNewOrderReject(sink.frames(EXECUTION).get(0), 51, 700, Side.SELL);
        assertThat(gateway.counters().misrouted()).isEqualTo(1);
        assertThat(gateway.counters().badOutbound()).isEqualTo(2);

        venue.kill();
        awaitStates(true, false);
        final byte[] trade = OrderFrames.trade();
        frames.publishRaw(ring, SOURCE, trade, trade.length);
        await("bad outbound", () -> 3 == gateway.counters().badOutbound());
        assertThat(gateway.counters().syntheticRejects()).isEqualTo(1);
    }

    @Test
    void shouldRejectWhatIsLeftInTheRingWhenClosed()
    {
        gateway = new OrderGateway(context());
        awaitStates(true);
        frames.publishNewOrder(ring, SOURCE, 61, 900, 2);
        frames.publishCancel(ring, SOURCE, 62, 61);

        gateway.close();

        assertThat(sink.kinds()).containsExactly(STATE, STATE, EXECUTION, EXECUTION);
        assertThat(states()).containsExactly(true, false);
        assertNewOrderReject(sink.frames(EXECUTION).get(0), 61, 900, Side.SELL);
        assertCancelReject(sink.frames(EXECUTION).get(1), 62, 5_061);
    }

    @Test
    void shouldRetryWithBackoffUntilTheVenueListens()
    {
        venue.kill();
        gateway = new OrderGateway(context());
        await("failed attempts", () -> gateway.counters().connectFailures() >= 3);
        assertThat(states()).isEmpty();

        venue.start();

        awaitStates(true);
        assertThat(gateway.counters().reconnects()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void shouldRunOnItsOwnThreadAndSignalDownWhenStopped()
    {
        gateway = new OrderGateway(context());
        final AgentRunner runner = OrderGateway.startOnThread(gateway);
        try
        {
            Await.until("connected", gateway::isConnected);
            final ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < 2_000; i++)
            {
                frames.publishNewOrder(ring, SOURCE, i, 1_000 + i, 1 + i);
                expected.writeBytes(prefixed(frames.newOrder(i, 1_000 + i, 1 + i)));
            }
            Await.until("all bytes", () -> venue.bytesReceived.get() == expected.size());
            assertThat(venue.received()).isEqualTo(expected.toByteArray());
        }
        finally
        {
            runner.close();
        }

        assertThat(states()).containsExactly(true, false);
        assertThat(gateway.isConnected()).isFalse();
    }

    @Test
    void shouldSendAnOrderAtOnceWhileParkedForMinutesWhenTheRingWakesOnPublish()
    {
        final WakeOnPublish wake = new WakeOnPublish();
        final RingBuffer<OutboundEvent> wakingRing = RingBuffer.createSingleProducer(OutboundEvent::new, 1024, wake);
        gateway = new OrderGateway(context().ring(wakingRing)
            .idleStrategy(wake.idleStrategy(0, 0, TimeUnit.MINUTES.toNanos(2))));
        awaitStates(true);
        final AgentRunner runner = OrderGateway.startOnThread(gateway);
        try
        {
            final ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < 3; i++)
            {
                Await.until("gateway thread parked", () -> null != wake.waiter() &&
                    Thread.State.TIMED_WAITING == wake.waiter().getState());
                frames.publishNewOrder(wakingRing, SOURCE, 70 + i, 6_500_000, 100 + i);
                expected.writeBytes(prefixed(frames.newOrder(70 + i, 6_500_000, 100 + i)));
                Await.until("order " + i + " sent well within the park", () ->
                    venue.bytesReceived.get() == expected.size());
            }
            assertThat(venue.received()).isEqualTo(expected.toByteArray());
        }
        finally
        {
            // The thread is parked for minutes: interrupt it after 100 ms instead of Agrona's default 5 s.
            runner.close(100, thread -> { });
        }
    }

    @Test
    void shouldLogOnFirstGoUpOnTheAnswerAndLogOnAgainAfterTheLastReportReceived()
    {
        gateway = new OrderGateway(context().account(5).resumeAfterExecId(40));
        await("logon", () -> venue.bytesReceived.get() == LOGON_FRAME);
        for (int i = 0; i < 20; i++)
        {
            step();
        }
        assertThat(states()).as("not up before the answer").isEmpty();
        assertLogon(venue.received(), 0, 5, 40);

        final byte[] answer = OrderFrames.logon(5, 40);
        final byte[] resent = OrderFrames.executionReport(11, ExecType.FILL, 500);
        venue.send(prefixed(answer, resent));
        awaitStates(true);
        await("resent report", () -> 2 == sink.count(EXECUTION));

        assertThat(sink.frames(EXECUTION)).containsExactly(answer, resent);
        assertThat(sink.sources(EXECUTION)).containsOnly(SOURCE);
        assertThat(gateway.resumeAfterExecId()).isEqualTo(88);
        assertThat(gateway.counters().logonAnswers()).isEqualTo(1);

        venue.closeConnection();
        await("second logon", () -> venue.bytesReceived.get() == 2 * LOGON_FRAME);
        assertThat(states()).containsExactly(true, false);
        assertLogon(venue.received(), LOGON_FRAME, 5, 88);
        assertThat(gateway.counters().logonsSent()).isEqualTo(2);
    }

    @Test
    void shouldCloseAndLogOnAgainWhenTheVenueDoesNotAnswer()
    {
        gateway = new OrderGateway(context().account(5).heartbeatIntervalMs(50).heartbeatTimeoutMs(300));

        final long[] lastHeartbeat = { System.nanoTime() };
        Await.until("logon timeout and a new connection", () -> gateway.counters().logonTimeouts() >= 1 &&
            venue.bytesReceived.get() >= 2 * LOGON_FRAME, () ->
            {
                step();
                if (System.nanoTime() - lastHeartbeat[0] > 30_000_000L)
                {
                    lastHeartbeat[0] = System.nanoTime();
                    venue.sendIfConnected(prefixed(OrderFrames.heartbeat(1)));
                }
            });

        assertThat(gateway.counters().heartbeatTimeouts()).isZero();
        assertThat(states()).as("never up, so never down").isEmpty();
    }

    private static void assertLogon(final byte[] received, final int offset, final long account, final long execId)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(received);
        assertThat(buffer.getInt(offset, java.nio.ByteOrder.LITTLE_ENDIAN)).isEqualTo(LOGON_FRAME - 4);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset + 4);
        assertThat(header.templateId()).isEqualTo(LogonDecoder.TEMPLATE_ID);
        final LogonDecoder logon = new LogonDecoder().wrapAndApplyHeader(buffer, offset + 4, header);
        assertThat(logon.account()).isEqualTo(account);
        assertThat(logon.lastExecId()).isEqualTo(execId);
        assertThat(logon.timeNs()).isPositive();
    }

    static void assertNewOrderReject(final byte[] frame, final long clOrdId, final long price, final Side side)
    {
        final ExecutionReportDecoder report = decode(frame);
        assertThat(report.clOrdId()).isEqualTo(clOrdId);
        assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(report.rejectReason()).isEqualTo(RejectReason.VENUE_ERROR);
        assertThat(report.orderPrice()).isEqualTo(price);
        assertThat(report.side()).isEqualTo(side);
        assertThat(report.instrumentId()).isEqualTo(3);
        assertThat(report.venueId()).isEqualTo(1);
        assertThat(report.priceExponent()).isEqualTo((byte)-2);
        assertThat(report.qtyExponent()).isEqualTo((byte)-5);
        assertThat(report.exchangeOrderId()).isEqualTo(ExecutionReportDecoder.exchangeOrderIdNullValue());
        assertThat(report.execId()).isEqualTo(ExecutionReportDecoder.execIdNullValue());
        assertThat(report.cumQty()).isZero();
        assertThat(report.leavesQty()).isZero();
        assertThat(report.lastQty()).isZero();
        assertThat(report.transactTimeNs()).isPositive();
    }

    static void assertCancelReject(final byte[] frame, final long clOrdId, final long exchangeOrderId)
    {
        final ExecutionReportDecoder report = decode(frame);
        assertThat(report.clOrdId()).isEqualTo(clOrdId);
        assertThat(report.execType()).isEqualTo(ExecType.REJECTED);
        assertThat(report.rejectReason()).isEqualTo(RejectReason.VENUE_ERROR);
        assertThat(report.exchangeOrderId()).isEqualTo(exchangeOrderId);
        assertThat(report.instrumentId()).isEqualTo(4);
        assertThat(report.side()).isEqualTo(Side.NULL_VAL);
    }

    private static ExecutionReportDecoder decode(final byte[] frame)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
        assertThat(header.templateId()).isEqualTo(ExecutionReportDecoder.TEMPLATE_ID);
        assertThat(frame.length).isEqualTo(MessageHeaderDecoder.ENCODED_LENGTH + header.blockLength());
        return new ExecutionReportDecoder().wrapAndApplyHeader(buffer, 0, header);
    }

    private GatewayContext context()
    {
        return new GatewayContext()
            .name("test-oe")
            .host("127.0.0.1")
            .port(venue.port())
            .source(SOURCE)
            .ring(ring)
            .sink(sink)
            .reconnectBackoffMs(10)
            .reconnectBackoffMaxMs(100)
            .reconnectSeed(3);
    }

    private void step()
    {
        try
        {
            gateway.doWork();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private void await(final String what, final BooleanSupplier condition)
    {
        Await.until(what, condition, this::step);
    }

    private List<Boolean> states()
    {
        return sink.states(Sources.CHANNEL_ORDER_ENTRY);
    }

    private void awaitStates(final Boolean... expected)
    {
        await("states " + List.of(expected), () -> states().equals(List.of(expected)));
    }
}
