package com.schwabot.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.order.OrderState;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.stage.Scale;
import com.schwabot.engine.venue.feed.FeedContext;
import com.schwabot.engine.venue.feed.MarketDataFeed;
import com.schwabot.engine.venue.gateway.GatewayContext;
import com.schwabot.engine.venue.gateway.OrderGateway;
import com.schwabot.engine.venue.sim.ExchangeSimulator;
import com.schwabot.engine.venue.sim.SimCounter;
import com.schwabot.journal.Journal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults injected into a running engine over real loopback sockets: the simulator rejecting a seeded share of the
 * orders it would accept (the engine counts every reject, keeps trading, and its positions are exactly the sum of the
 * fills in the journal), and a slow market-data connection (the proxy holds the venue's bytes, then delivers them late
 * in a burst, without disconnecting: the engine refuses orders on the late data as STALE_DATA, and trades again once
 * the data is fresh).
 */
class EngineFaultsTest
{
    private static final int REJECT_RATE_BPS = 3_000;

    @TempDir
    Path dir;

    @Test
    void shouldCountInjectedVenueRejectsKeepTradingAndKeepPositionsEqualToTheJournaledFills() throws Exception
    {
        final SchwabotConfig config = ConfigLoader.load(null,
            Map.of("SCHWABOT_VENUES_SIMULATOR_REJECT_RATE_BPS", Integer.toString(REJECT_RATE_BPS)));
        final LiveVenues venues = new LiveVenues(null);
        final Path journalDir = dir.resolve("journal");
        final Engine engine = Engine.start(config, journalDir, venues);
        try
        {
            waitUntil(() -> engine.counters().value(EngineCounter.VENUE_REJECTS) >= 5 &&
                engine.counters().value(EngineCounter.FILLS) >= 5, 60_000);
        }
        finally
        {
            engine.close();
        }
        final long injected = venues.simulator().counters().get(SimCounter.INJECTED_REJECTS);
        final long simRejected = venues.simulator().counters().get(SimCounter.ORDERS_REJECTED);
        final TradingCore core = engine.core();

        assertThat(injected).isPositive();
        assertThat(venues.simulator().counters().rejects(RejectReason.VENUE_ERROR)).isEqualTo(injected);
        assertThat(engine.counters().value(EngineCounter.VENUE_REJECTS)).isEqualTo(simRejected);
        assertThat(engine.counters().value(EngineCounter.FILLS))
            .isEqualTo(venues.simulator().counters().get(SimCounter.FILLS));
        assertThat(engine.counters().value(EngineCounter.HANDLER_ERRORS)).isZero();
        assertThat(engine.counters().value(EngineCounter.UNKNOWN_EXECUTIONS)).isZero();
        final long[] fromJournal = positionsFromJournal(journalDir, core);
        for (int i = 0; i < core.instruments().count(); i++)
        {
            assertThat(core.portfolio().position(i)).as("position %d", i).isEqualTo(fromJournal[i]);
        }
        assertThat(rejectedStillOpen(journalDir, core)).as("rejected orders left open").isZero();
    }

    @Test
    void shouldRefuseOrdersOnLateDataFromASlowFeedAndTradeAgainWhenItIsFresh() throws Exception
    {
        // A low ensemble threshold keeps a target on nearly all the time, so that the engine tries to trade on the late
        // data; a 6 s stall against a 1 s stale-data limit, and the backlog then delivered in 4 KB chunks over a
        // couple of seconds (not one burst, which the business thread could take as one batch ending on fresh data),
        // so that batches end on late data and the orders decided there are refused.
        final SchwabotConfig config = TestCores.defaults(Map.of("SCHWABOT_STRATEGIES_ENSEMBLE_THRESHOLD", "0.05",
            "SCHWABOT_RISK_PROFILES_CONSERVATIVE_STALE_DATA_MS", "1000"));
        final CuttableProxy[] proxy = new CuttableProxy[1];
        final MarketDataFeed[] feed = new MarketDataFeed[1];
        final Engine engine = Engine.start(config, dir.resolve("journal"), (e) ->
        {
            final ExchangeSimulator sim = ExchangeSimulator.launch(ExchangeSimulator.Context.from(config));
            proxy[0] = new CuttableProxy(sim.marketDataPort());
            feed[0] = new MarketDataFeed(FeedContext.simulator(config.venues().simulator(), proxy[0].port())
                .sink(e.inputRing()));
            final OrderGateway gateway = new OrderGateway(GatewayContext.simulator(
                config.venues().simulator(), sim.orderEntryPort(), e.outputRing(), e.inputRing()));
            final AutoCloseable runner = OrderGateway.startOnThread(gateway);
            feed[0].start();
            return List.of(feed[0], runner, proxy[0], sim);
        });
        final long staleBefore;
        final long staleAfterBurst;
        final long ordersAfterBurst;
        try
        {
            waitUntil(() -> engine.counters().value(EngineCounter.ORDERS_SENT) > 0, 30_000);
            staleBefore = engine.counters().risk(RiskReason.STALE_DATA).get();
            proxy[0].stall();
            Thread.sleep(6_000);
            proxy[0].flowSlowly(4_096, 20);
            Thread.sleep(3_000);
            staleAfterBurst = engine.counters().risk(RiskReason.STALE_DATA).get();
            ordersAfterBurst = engine.counters().value(EngineCounter.ORDERS_SENT);
            waitUntil(() -> engine.counters().value(EngineCounter.ORDERS_SENT) > ordersAfterBurst, 30_000);
        }
        finally
        {
            engine.close();
        }
        assertThat(feed[0].counters().reconnects()).as("a slow feed is not a lost one").isZero();
        assertThat(staleAfterBurst).as("orders decided on the late burst are refused").isGreaterThan(staleBefore);
        assertThat(engine.counters().value(EngineCounter.HANDLER_ERRORS)).isZero();
    }

    private static long[] positionsFromJournal(final Path journalDir, final TradingCore core)
    {
        final long[] positions = new long[core.instruments().count()];
        forEachReport(journalDir, (report) ->
        {
            if (report.execType() == ExecType.FILL || report.execType() == ExecType.PARTIAL_FILL)
            {
                final int i = core.instruments().indexOfId(report.instrumentId());
                final long qty = Scale.rescale(report.lastQty(), report.qtyExponent(),
                    core.instruments().qtyExponent(i));
                positions[i] += report.side() == Side.BUY ? qty : -qty;
            }
        });
        return positions;
    }

    private static long rejectedStillOpen(final Path journalDir, final TradingCore core)
    {
        final long[] open = new long[1];
        forEachReport(journalDir, (report) ->
        {
            if (report.execType() == ExecType.REJECTED && null != core.orders().get(report.clOrdId()) &&
                core.orders().get(report.clOrdId()).state() != OrderState.REJECTED)
            {
                open[0]++;
            }
        });
        return open[0];
    }

    private static void forEachReport(
        final Path journalDir, final java.util.function.Consumer<ExecutionReportDecoder> consumer)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final ExecutionReportDecoder report = new ExecutionReportDecoder();
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            journal.replay(0, (sequence, ingress, source, flags, buffer, offset, length, index) ->
            {
                header.wrap(buffer, offset);
                if ((flags & JournalFlags.OUTBOUND) == 0 && header.schemaId() == MessageHeaderDecoder.SCHEMA_ID &&
                    header.templateId() == ExecutionReportDecoder.TEMPLATE_ID)
                {
                    consumer.accept(report.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH,
                        header.blockLength(), header.version()));
                }
            });
        }
    }

    private static void waitUntil(final BooleanSupplier condition, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean())
        {
            assertThat(System.currentTimeMillis()).as("condition not met in %d ms", timeoutMs).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
