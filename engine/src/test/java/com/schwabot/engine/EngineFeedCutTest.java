package com.schwabot.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ConnectionStateDecoder;
import com.schwabot.codecs.sbe.LinkState;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.venue.feed.FeedContext;
import com.schwabot.engine.venue.feed.MarketDataFeed;
import com.schwabot.engine.venue.gateway.GatewayContext;
import com.schwabot.engine.venue.gateway.OrderGateway;
import com.schwabot.engine.venue.sim.ExchangeSimulator;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.journal.Journal;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The market-data connection is cut mid-run (through a proxy between the feed client and the simulator): the feed
 * goes down, no order is sent while it is down, it reconnects, the books resync from the next snapshot, and the
 * engine trades again; the journal still replays to the live digest. A lost feed invalidates every book and the risk
 * gate refuses orders on an invalid book (BOOK_INVALID), so an order sent after the reconnect shows the resync.
 * The second FEED_DOWN is the feed's own at shutdown.
 */
class EngineFeedCutTest
{
    @TempDir
    Path dir;

    @Test
    void shouldHaltWhileTheFeedIsDownReconnectResyncAndTradeAgain() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults();
        final Path journalDir = dir.resolve("journal");
        final CuttableProxy[] proxy = new CuttableProxy[1];
        final MarketDataFeed[] feed = new MarketDataFeed[1];
        final Engine engine = Engine.start(config, journalDir, (e) ->
        {
            final ExchangeSimulator sim = ExchangeSimulator.launch(ExchangeSimulator.Context.from(config));
            proxy[0] = new CuttableProxy(sim.marketDataPort());
            feed[0] = new MarketDataFeed(FeedContext.simulator(config.venues().simulator(), proxy[0].port())
                .sink(e.inputRing()).reconnectBackoffMs(50).reconnectBackoffMaxMs(200));
            final OrderGateway gateway = new OrderGateway(GatewayContext.simulator(
                config.venues().simulator(), sim.orderEntryPort(), e.outputRing(), e.inputRing()));
            final AutoCloseable runner = OrderGateway.startOnThread(gateway);
            feed[0].start();
            return List.of(feed[0], runner, proxy[0], sim);
        });
        final long ordersBeforeCut;
        try
        {
            waitUntil(() -> engine.counters().value(EngineCounter.ORDERS_SENT) > 0, 30_000);
            ordersBeforeCut = engine.counters().value(EngineCounter.ORDERS_SENT);
            proxy[0].cut();
            waitUntil(() -> engine.counters().value(EngineCounter.FEED_DOWN) == 1, 10_000);
            Thread.sleep(1_500);
            proxy[0].restore();
            waitUntil(() -> feed[0].isUp(), 10_000);
            final long afterReconnect = engine.counters().value(EngineCounter.ORDERS_SENT);
            waitUntil(() -> engine.counters().value(EngineCounter.ORDERS_SENT) > afterReconnect, 30_000);
        }
        finally
        {
            engine.close();
        }
        assertThat(ordersBeforeCut).isGreaterThan(0);
        assertThat(feed[0].counters().reconnects()).isGreaterThanOrEqualTo(1);
        assertThat(engine.counters().value(EngineCounter.FEED_DOWN)).isEqualTo(2);
        assertNoOrderWhileTheFeedWasDown(journalDir);
        assertThat(new Replayer(config, new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)),
            new EngineCounters()).replay(journalDir).reproduced()).isTrue();
    }

    private static void assertNoOrderWhileTheFeedWasDown(final Path journalDir)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final ConnectionStateDecoder state = new ConnectionStateDecoder();
        final List<String> violations = new ArrayList<>();
        final boolean[] down = new boolean[1];
        final int[] downs = new int[1];
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            journal.replay(0, (sequence, ingress, source, flags, buffer, offset, length, index) ->
            {
                header.wrap(buffer, offset);
                if (isMarketDataState(header, state, buffer, offset))
                {
                    down[0] = state.state() == LinkState.DOWN;
                    downs[0] += down[0] ? 1 : 0;
                }
                else if (down[0] && (flags & JournalFlags.OUTBOUND) != 0 &&
                    header.templateId() == NewOrderDecoder.TEMPLATE_ID)
                {
                    violations.add("order at sequence " + sequence + " while the feed was down");
                }
            });
        }
        assertThat(downs[0]).isEqualTo(2);
        assertThat(violations).isEmpty();
    }

    private static boolean isMarketDataState(
        final MessageHeaderDecoder header, final ConnectionStateDecoder state, final DirectBuffer buffer,
        final int offset)
    {
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            header.templateId() != ConnectionStateDecoder.TEMPLATE_ID)
        {
            return false;
        }
        state.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        return state.channel() == Channel.MARKET_DATA;
    }

    private static void waitUntil(final java.util.function.BooleanSupplier condition, final long timeoutMs)
        throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean())
        {
            assertThat(System.currentTimeMillis()).as("condition not met in %d ms", timeoutMs).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
