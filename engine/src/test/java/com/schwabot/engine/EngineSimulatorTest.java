package com.schwabot.engine;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.venue.sim.SimCounter;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalStats;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine against the embedded simulator over real loopback sockets (WebSocket market data, TCP order entry):
 * orders and fills happen, every inbound event is in the journal, positions agree with the fills, and replaying the
 * journal reproduces the live order digest twice in a row.
 */
class EngineSimulatorTest
{
    private static final long RUN_NANOS = 8_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldTradeAgainstTheSimulatorJournalEverythingAndReplayToTheSameDigest() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults();
        final LiveVenues venues = new LiveVenues(null);
        final Path journalDir = dir.resolve("journal");
        final Engine engine = Engine.start(config, journalDir, venues);
        final long simulatorFills;
        try
        {
            final long deadline = System.nanoTime() + RUN_NANOS;
            while (System.nanoTime() < deadline)
            {
                Thread.sleep(50);
            }
        }
        finally
        {
            engine.close();
        }
        simulatorFills = venues.simulator().counters().get(SimCounter.FILLS);
        final EngineCounters live = engine.counters();
        final long orders = live.value(EngineCounter.ORDERS_SENT);
        final long frames = live.value(EngineCounter.INBOUND_FRAMES);
        assertThat(live.value(EngineCounter.MARKET_EVENTS_VALID)).isGreaterThan(100);
        assertThat(orders).isGreaterThan(0);
        assertThat(live.value(EngineCounter.FILLS)).isGreaterThan(0).isEqualTo(simulatorFills);
        assertThat(live.value(EngineCounter.HANDLER_ERRORS)).isZero();
        assertThat(live.value(EngineCounter.JOURNAL_FAILURES)).isZero();
        assertThat(live.badFrameTotal()).isZero();
        final TradingCore core = engine.core();
        for (int i = 0; i < core.instruments().count(); i++)
        {
            assertThat(core.status().position(i)).isEqualTo(core.portfolio().position(i));
        }

        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            final JournalStats stats = journal.stats();
            assertThat(stats.recordCount()).isEqualTo(frames + orders + live.value(EngineCounter.CANCELS_SENT));
            assertThat(stats.count(MessageHeaderDecoder.SCHEMA_ID, ExecutionReportDecoder.TEMPLATE_ID))
                .isEqualTo(live.value(EngineCounter.EXECUTION_REPORTS));
            assertThat(journal.verify().ok()).isTrue();
        }
        final String liveDigest = core.digest().hex();
        for (int run = 0; run < 2; run++)
        {
            final ReplayResult replay = new Replayer(config,
                new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)), new EngineCounters()).replay(journalDir);
            assertThat(replay.simulated()).isFalse();
            assertThat(replay.digest()).isEqualTo(liveDigest);
            assertThat(replay.reproduced()).isTrue();
            assertThat(replay.pnl()).isEqualTo(core.status().pnl());
        }
    }
}
