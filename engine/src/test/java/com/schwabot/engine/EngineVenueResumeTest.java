package com.schwabot.engine;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.config.VenuesConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.venue.FrameSink;
import com.schwabot.engine.venue.feed.FeedContext;
import com.schwabot.engine.venue.feed.MarketDataFeed;
import com.schwabot.engine.venue.gateway.GatewayContext;
import com.schwabot.engine.venue.gateway.OrderGateway;
import com.schwabot.engine.venue.sim.ExchangeSimulator;
import com.schwabot.engine.venue.sim.SimCounter;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash recovery with a venue that outlives the engine, in one process: a simulator runs on its own; a first engine
 * trades against it until the execution reports stop reaching its journal (from its third fill on, as if the process
 * had died between the venue's send and the journal) and is closed; a second engine continues the journal's session,
 * logs on to resume after the last report journaled, and gets from the venue every report the journal missed. Its
 * positions and fills are then the venue's view of the account, nothing is counted twice, the journal verifies and
 * replays to the second engine's digest, and no client order id is sent twice.
 */
class EngineVenueResumeTest
{
    private static final long ACCOUNT = 1;
    private static final int FILLS_BEFORE_DEATH = 2;
    private static final long TIMEOUT_MS = 90_000;

    @TempDir
    Path dir;

    @Test
    void shouldPickUpFromTheVenueTheReportsTheJournalMissedWhenTheEngineDied() throws Exception
    {
        final Path journalDir = dir.resolve("journal");
        try (ExchangeSimulator sim = ExchangeSimulator.launch(ExchangeSimulator.Context.from(TestCores.defaults())))
        {
            final SchwabotConfig config = external(sim.marketDataPort(), sim.orderEntryPort());
            final DyingVenues dying = new DyingVenues();
            final Engine first = Engine.start(config, journalDir, dying);
            try
            {
                waitUntil(dying::dead, TIMEOUT_MS);
            }
            finally
            {
                first.close();
            }
            final long venueFillsAtDeath = accountFills(sim);
            assertThat(first.counters().value(EngineCounter.FILLS)).isEqualTo(FILLS_BEFORE_DEATH)
                .isLessThan(venueFillsAtDeath);

            final SchwabotConfig noMarketData = external(unusedPort(), sim.orderEntryPort());
            final Engine second = Engine.start(noMarketData, journalDir, new LiveVenues(null));
            try
            {
                assertThat(second.recoveredFrom()).isEqualTo(1);
                assertThat(second.resumeAfterExecId()).isPositive();
                waitUntil(() -> second.counters().value(EngineCounter.FILLS) == accountFills(sim) &&
                    second.counters().value(EngineCounter.LOGONS) >= 2, TIMEOUT_MS);
            }
            finally
            {
                second.close();
            }

            final EngineCounters counters = second.counters();
            assertThat(sim.counters().get(SimCounter.OE_REPORTS_RESENT)).isPositive();
            assertThat(counters.value(EngineCounter.LATE_FILLS)).as("fills of orders ended locally, picked up")
                .isPositive();
            assertThat(counters.value(EngineCounter.DUPLICATE_EXECUTIONS)).isZero();
            assertThat(counters.value(EngineCounter.ORDERS_SENT)).as("no market data: nothing sent after recovery")
                .isEqualTo(first.counters().value(EngineCounter.ORDERS_SENT));
            assertThat(counters.value(EngineCounter.FILLS)).isEqualTo(accountFills(sim));
            final TradingCore core = second.core();
            for (int i = 0; i < core.instruments().count(); i++)
            {
                final int instrumentId = core.instruments().id(i);
                assertThat(core.portfolio().position(i)).as(core.instruments().symbol(i))
                    .isEqualTo(sim.submit((c) -> c.accountNetQty(ACCOUNT, instrumentId)).get(5, TimeUnit.SECONDS));
            }
            assertReplaysAndSendsNoOrderTwice(config, journalDir, second);
        }
    }

    private static void assertReplaysAndSendsNoOrderTwice(
        final SchwabotConfig config, final Path journalDir, final Engine last) throws Exception
    {
        final ReplayResult replay = new Replayer(config, new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)),
            new EngineCounters()).replay(journalDir);
        assertThat(replay.sessions()).hasSize(1);
        assertThat(replay.sessions().get(0).digest()).isEqualTo(last.core().digest().hex());
        assertThat(replay.reproduced()).isTrue();
        final List<Long> clOrdIds = JournaledOrders.sentClOrdIds(journalDir);
        assertThat(clOrdIds).isNotEmpty().doesNotHaveDuplicates();
    }

    private static SchwabotConfig external(final int marketDataPort, final int orderPort)
    {
        return TestCores.defaults(Map.of(
            "SCHWABOT_VENUES_SIMULATOR_EMBEDDED", "false",
            "SCHWABOT_VENUES_SIMULATOR_MARKET_DATA_PORT", Integer.toString(marketDataPort),
            "SCHWABOT_VENUES_SIMULATOR_ORDER_PORT", Integer.toString(orderPort),
            "SCHWABOT_VENUES_SIMULATOR_ACCOUNT", Long.toString(ACCOUNT)));
    }

    private static long accountFills(final ExchangeSimulator sim)
    {
        try
        {
            return sim.submit((core) -> core.accountFills(ACCOUNT)).get(5, TimeUnit.SECONDS);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private static int unusedPort() throws Exception
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private static void waitUntil(final BooleanSupplier condition, final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime() - deadline).as("timed out").isNegative();
            Thread.sleep(20);
        }
    }

    /**
     * The venues of a run that dies: the feed and the gateway of {@link LiveVenues} against the external simulator,
     * but the gateway's sink stops passing anything on (reports, logon answers, connection state) from the third
     * fill on: what the venue sends from then on never reaches the journal.
     */
    private static final class DyingVenues implements Engine.VenueStarter
    {
        private volatile boolean dead;

        boolean dead()
        {
            return dead;
        }

        public List<AutoCloseable> start(final Engine engine)
        {
            final VenuesConfig.Simulator sim = engine.config().venues().simulator();
            final FrameSink ring = engine.inputRing();
            final FrameSink dying = new FrameSink()
            {
                private final MessageHeaderDecoder header = new MessageHeaderDecoder();
                private final ExecutionReportDecoder report = new ExecutionReportDecoder();
                private int fills;

                public boolean onMarketData(final long source, final DirectBuffer buffer, final int offset,
                    final int length, final long ingressNanos)
                {
                    return ring.onMarketData(source, buffer, offset, length, ingressNanos);
                }

                public boolean onExecution(final long source, final DirectBuffer buffer, final int offset,
                    final int length, final long ingressNanos)
                {
                    header.wrap(buffer, offset);
                    if (header.templateId() == ExecutionReportDecoder.TEMPLATE_ID)
                    {
                        final ExecType type = report.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH,
                            header.blockLength(), header.version()).execType();
                        if ((type == ExecType.FILL || type == ExecType.PARTIAL_FILL) && ++fills > FILLS_BEFORE_DEATH)
                        {
                            dead = true;
                        }
                    }
                    return dead || ring.onExecution(source, buffer, offset, length, ingressNanos);
                }

                public void onConnectionState(final long source, final int channel, final boolean up,
                    final long nanos)
                {
                    if (!dead)
                    {
                        ring.onConnectionState(source, channel, up, nanos);
                    }
                }
            };
            final MarketDataFeed feed = new MarketDataFeed(FeedContext.simulator(sim, sim.marketDataPort())
                .sink(ring).epochClock(engine.wallClock()));
            final OrderGateway gateway = new OrderGateway(GatewayContext.simulator(sim, sim.orderPort(),
                engine.outputRing(), dying).resumeAfterExecId(engine.resumeAfterExecId())
                .epochClock(engine.wallClock()));
            final AgentRunner runner = OrderGateway.startOnThread(gateway);
            feed.start();
            return List.of(feed, runner);
        }
    }
}
