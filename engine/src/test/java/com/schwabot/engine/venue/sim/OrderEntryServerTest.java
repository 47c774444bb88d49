package com.schwabot.engine.venue.sim;

import static com.schwabot.engine.venue.sim.SimFixtures.BTC;
import static com.schwabot.engine.venue.sim.SimFixtures.BTC_ID;
import static com.schwabot.engine.venue.sim.SimFixtures.ETH_ID;
import static com.schwabot.engine.venue.sim.SimFixtures.newOrder;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.HeartbeatDecoder;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.engine.venue.Sources;

/**
 * The order-entry server over real loopback sockets, with a blocking client.
 */
class OrderEntryServerTest
{
    private ExchangeSimulator simulator;

    @AfterEach
    void close()
    {
        if (null != simulator)
        {
            simulator.close();
        }
    }

    @Test
    void shouldAcknowledgeAndFillAnOrderAndPrintItsTrade() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5));
        try (TestWebSocketClient market = TestWebSocketClient.connect(marketDataUri("/ws/ethusdt@trade"));
            TestOrderClient client = orderClient())
        {
            client.send(newOrder(1, ETH_ID, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 1));

            final Report ack = client.nextReport();
            assertThat(ack.execType()).isEqualTo(ExecType.NEW);
            assertThat(ack.exchangeOrderId()).isEqualTo(1);
            final Report fill = client.nextReport();
            assertThat(fill.execType()).isEqualTo(ExecType.FILL);
            assertThat(fill.lastQty()).isEqualTo(1);

            final TradesStreamEventDecoder trades = BinanceDecoders.trades(new UnsafeBuffer(market.nextBinary()));
            final TradesStreamEventDecoder.TradesDecoder trade = trades.trades().next();
            assertThat(trade.price()).isEqualTo(fill.lastPrice());
            assertThat(trade.qty()).isEqualTo(1);
            assertThat(trade.isBuyerMaker()).isEqualTo(BoolEnum.False);
        }
        assertThat(simulator.counters().get(SimCounter.OE_FRAMES_IN)).isEqualTo(1);
        assertThat(simulator.counters().get(SimCounter.OE_FRAMES_OUT)).isEqualTo(2);
    }

    @Test
    void shouldCloseTheConnectionOnABadLengthAndCountIt() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5));
        try (TestOrderClient client = orderClient())
        {
            client.sendRaw(lengthPrefix(3));
            assertThat(client.awaitEndOfStream()).isTrue();
        }
        try (TestOrderClient client = orderClient())
        {
            client.sendRaw(lengthPrefix(2_000));
            assertThat(client.awaitEndOfStream()).isTrue();
        }
        Await.until(() -> simulator.counters().get(SimCounter.OE_BAD_LENGTH) == 2, simulator.counters()::toString);
    }

    @Test
    void shouldSkipAFrameItDoesNotUnderstandAndGoOn() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5));
        try (TestOrderClient client = orderClient())
        {
            final byte[] unknown = SimFixtures.heartbeat(1);
            unknown[2] = 99;
            client.send(unknown);
            client.send(SimFixtures.heartbeat(2));
            client.send(newOrder(5, BTC_ID, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 900_000_000L, 10));

            assertThat(client.nextReport().execType()).isEqualTo(ExecType.NEW);
        }
        assertThat(simulator.counters().get(SimCounter.OE_UNKNOWN_FRAMES)).isEqualTo(1);
        assertThat(simulator.counters().get(SimCounter.OE_HEARTBEATS_IN)).isEqualTo(1);
    }

    @Test
    void shouldCancelOpenOrdersWhenTheConnectionCloses() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5));
        final long bid =
            simulator.submit((core) -> core.bestBidPrice(BTC)).get(Await.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try (TestOrderClient client = orderClient())
        {
            client.send(newOrder(1, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, bid - 1_000, 10));
            client.send(newOrder(2, BTC_ID, Side.BUY, OrderType.LIMIT_MAKER, TimeInForce.GTC, bid - 2_000, 10));
            assertThat(client.nextReport().execType()).isEqualTo(ExecType.NEW);
            assertThat(client.nextReport().execType()).isEqualTo(ExecType.NEW);
            assertThat(openOrders()).isEqualTo(2);
        }
        Await.until(() -> openOrders() == 0, () -> "open orders canceled");
        assertThat(simulator.counters().get(SimCounter.ORDERS_CANCELED_ON_DISCONNECT)).isEqualTo(2);
        assertThat(simulator.counters().get(SimCounter.ORDERS_CANCELED)).isZero();
    }

    @Test
    void shouldResendTheCancelsOfAClosedConnectionAtTheNextLogonAndCloseOneWhoseAccountLogsOnElsewhere()
        throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5));
        final long bid =
            simulator.submit((core) -> core.bestBidPrice(BTC)).get(Await.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        final long kept;
        try (TestOrderClient first = orderClient())
        {
            first.send(SimFixtures.logon(3, LogonDecoder.lastExecIdNullValue()));
            first.nextLogonAnswer();
            first.send(newOrder(1, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, bid - 1_000, 10));
            kept = first.nextReport().execId();
        }
        Await.until(() -> openOrders() == 0, () -> "open orders canceled");
        try (TestOrderClient second = orderClient(); TestOrderClient third = orderClient())
        {
            second.send(SimFixtures.logon(3, kept));
            assertThat(second.nextLogonAnswer()).isEqualTo(kept);
            final Report canceled = second.nextReport();
            assertThat(canceled.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(canceled.clOrdId()).isEqualTo(1);
            second.send(newOrder(2, BTC_ID, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, bid - 1_000, 10));
            assertThat(second.nextReport().execType()).isEqualTo(ExecType.NEW);

            third.send(SimFixtures.logon(3, canceled.execId()));

            assertThat(third.nextLogonAnswer()).isEqualTo(canceled.execId());
            final Report ack = third.nextReport();
            final Report cancel = third.nextReport();
            assertThat(ack.clOrdId()).isEqualTo(2);
            assertThat(ack.execType()).isEqualTo(ExecType.NEW);
            assertThat(cancel.clOrdId()).isEqualTo(2);
            assertThat(cancel.execType()).isEqualTo(ExecType.CANCELED);
            assertThat(second.awaitEndOfStream()).as("the second connection's session ended").isTrue();
        }
        assertThat(simulator.counters().get(SimCounter.OE_SESSIONS_ENDED)).isEqualTo(1);
        assertThat(simulator.counters().get(SimCounter.OE_REPORTS_RESENT)).isEqualTo(3);
    }

    @Test
    void shouldSendHeartbeatsWhenIdleAndCloseASilentConnection() throws Exception
    {
        simulator = ExchangeSimulator.launch(SimFixtures.context(5).heartbeatIntervalMs(20).heartbeatTimeoutMs(300));
        try (TestOrderClient client = orderClient())
        {
            final byte[] frame = client.nextFrame();
            assertThat(TestOrderClient.templateId(frame)).isEqualTo(HeartbeatDecoder.TEMPLATE_ID);
            final HeartbeatDecoder heartbeat = new HeartbeatDecoder()
                .wrap(new UnsafeBuffer(frame), MessageHeaderDecoder.ENCODED_LENGTH, HeartbeatDecoder.BLOCK_LENGTH, 1);
            assertThat(heartbeat.sequence()).isEqualTo(1);
            assertThat(heartbeat.sourceId()).isEqualTo(Sources.source(Sources.VENUE_SIMULATOR, 1));

            assertThat(client.awaitEndOfStream()).isTrue();
        }
        assertThat(simulator.counters().get(SimCounter.OE_HEARTBEATS_OUT)).isPositive();
        Await.until(() -> simulator.counters().get(SimCounter.OE_HEARTBEAT_TIMEOUTS) == 1, () -> "heartbeat timeout");
    }

    private int openOrders()
    {
        try
        {
            return simulator.submit(SimulatorCore::openOrderCount).get(Await.TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        catch (final Exception ex)
        {
            throw new AssertionError(ex);
        }
    }

    private TestOrderClient orderClient() throws java.io.IOException
    {
        return new TestOrderClient(simulator.context().host(), simulator.orderEntryPort());
    }

    private String marketDataUri(final String path)
    {
        return "ws://" + simulator.context().host() + ':' + simulator.marketDataPort() + path;
    }

    private static byte[] lengthPrefix(final int length)
    {
        return ByteBuffer.allocate(4 + 8).order(ByteOrder.LITTLE_ENDIAN).putInt(length).putLong(0).array();
    }
}
