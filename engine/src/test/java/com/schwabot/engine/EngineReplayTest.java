package com.schwabot.engine;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.learn.WeightStore;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.stage.StrategyTable;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalStats;
import com.schwabot.tensor.TensorBatch;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live engine's threads and journal with a socket-free venue: every inbound event is journaled, and replaying
 * the journal (venue reports included) reproduces the live run's order digest and its learned weights, every time;
 * the live run saved those weights to the tensor weight cache. (The venue publishes in bursts, so the run has few
 * batches and few decisions: {@code LearningReplayTest} is where round trips and learning are sure to happen.)
 */
class EngineReplayTest
{
    @TempDir
    Path dir;

    @Test
    void shouldReplayEachRunOfAJournalFromAFreshCore() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults(Map.of("SCHWABOT_ENGINE_RECOVER_ON_START", "false"));
        final Engine first = LoopbackVenue.runToEnd(config, dir.resolve("journal"), 4, 15_000);
        final Engine second = LoopbackVenue.runToEnd(config, dir.resolve("journal"), 5, 15_000);
        assertThat(second.counters().value(EngineCounter.ORDERS_SENT)).isGreaterThan(0);

        final ReplayResult replay = new Replayer(config, new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)),
            new EngineCounters()).replay(dir.resolve("journal"));

        assertThat(replay.sessions()).hasSize(2);
        assertThat(replay.sessions().get(0).digest()).isEqualTo(first.core().digest().hex());
        assertThat(replay.sessions().get(1).digest()).isEqualTo(second.core().digest().hex());
        assertThat(replay.sessions().get(1).firstSequence())
            .isEqualTo(first.counters().value(EngineCounter.INBOUND_FRAMES) +
                first.counters().value(EngineCounter.ORDERS_SENT) + 1);
        assertThat(replay.reproduced()).isTrue();
    }

    @Test
    void shouldContinueTheLastSessionAfterARestartAndReplayBothRunsAsOne() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults();
        Path journalDir = null;
        Engine first = null;
        long[] positions = null;
        for (int seed = 4; seed < 12 && null == journalDir; seed++)
        {
            final Path candidate = dir.resolve("journal-" + seed);
            final Engine run = LoopbackVenue.runToEnd(config, candidate, seed, 15_000);
            final long[] held = positions(run);
            if (!Arrays.equals(held, new long[held.length]))
            {
                journalDir = candidate;
                first = run;
                positions = held;
            }
        }
        assertThat(journalDir).as("a first run that ends holding a position (seeds 4 to 11)").isNotNull();
        final long firstFrames = first.counters().value(EngineCounter.INBOUND_FRAMES);
        final long firstOrders = first.counters().value(EngineCounter.ORDERS_SENT);
        assertThat(first.recoveredFrom()).isEqualTo(-1);

        // The loopback venue stamps its events with the wall clock and plays its whole market in about a second, and
        // the order-rate limit counts the last second of event time, the recovered orders included: a restart within
        // a second of the first run's last orders (a burst of max_orders_per_second) finds no room for most of the
        // second market and sends nothing. A restart a while later is what this test is about.
        Thread.sleep(1_500);
        final long[] recoveredPositions = new long[positions.length];
        final LoopbackVenue[] venue = new LoopbackVenue[1];
        final Engine second = Engine.start(config, journalDir, (e) ->
        {
            System.arraycopy(positions(e), 0, recoveredPositions, 0, recoveredPositions.length);
            venue[0] = new LoopbackVenue(e, 5, 15_000).start();
            return List.of(venue[0]);
        });
        try
        {
            venue[0].awaitDone();
        }
        finally
        {
            second.close();
        }

        assertThat(second.recoveredFrom()).isEqualTo(1);
        assertThat(second.recoveredEvents()).isEqualTo(firstFrames);
        assertThat(recoveredPositions).as("positions when the restarted engine went live")
            .containsExactly(positions);
        assertThat(second.counters().value(EngineCounter.ORDERS_SENT)).isGreaterThan(firstOrders);
        final ReplayResult replay = new Replayer(config, new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)),
            new EngineCounters()).replay(journalDir);
        assertThat(replay.sessions()).hasSize(1);
        assertThat(replay.sessions().get(0).digest()).isEqualTo(second.core().digest().hex());
        assertThat(replay.reproduced()).isTrue();
        final List<Long> clOrdIds = JournaledOrders.sentClOrdIds(journalDir);
        assertThat(clOrdIds).as("no order sent twice").hasSize(Set.copyOf(clOrdIds).size())
            .hasSize((int)second.counters().value(EngineCounter.ORDERS_SENT));
    }

    private static long[] positions(final Engine engine)
    {
        final long[] positions = new long[engine.core().instruments().count()];
        for (int i = 0; i < positions.length; i++)
        {
            positions[i] = engine.core().portfolio().position(i);
        }
        return positions;
    }

    @Test
    void shouldReproduceTheLiveDigestByReplayingTheJournalTwice() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults();
        final LoopbackVenue[] venue = new LoopbackVenue[1];
        final String liveDigest;
        final long liveOrders;
        final long liveFrames;
        final float[] liveWeights;
        final long liveUpdates;
        final Engine engine = Engine.start(config, dir.resolve("journal"), dir.resolve("cache"), (e) ->
        {
            venue[0] = new LoopbackVenue(e, 3, 30_000).start();
            return List.of(venue[0]);
        });
        try
        {
            venue[0].awaitDone();
            assertThat(venue[0].isDone()).isTrue();
            engine.close();
            liveDigest = engine.core().digest().hex();
            liveOrders = engine.counters().value(EngineCounter.ORDERS_SENT);
            liveFrames = engine.counters().value(EngineCounter.INBOUND_FRAMES);
            liveUpdates = engine.core().tensor().updates();
            final TensorBatch batch = engine.core().tensor().batch();
            liveWeights = java.util.Arrays.copyOf(batch.weights(), batch.featureCount() + 1);
            liveWeights[batch.featureCount()] = batch.bias()[0];
            assertThat(engine.counters().value(EngineCounter.FILLS)).isGreaterThan(0);
            assertThat(engine.counters().value(EngineCounter.HANDLER_ERRORS)).isZero();
        }
        finally
        {
            engine.close();
        }
        assertThat(liveOrders).isGreaterThan(0);
        final TensorBatch saved = new TensorBatch(2, config.tensor().featureCount(), 1);
        try (WeightStore store = WeightStore.open(dir.resolve("cache"),
            new StrategyTable(config.strategies(), new InstrumentTable(config.instruments())),
            config.tensor().featureCount(), config.tensor().maxInstruments()))
        {
            assertThat(store.load(saved)).isTrue();
        }
        assertThat(saved.weights()).containsExactly(java.util.Arrays.copyOf(liveWeights, saved.featureCount()));

        try (Journal journal = Journal.openReadOnly(dir.resolve("journal")))
        {
            final JournalStats stats = journal.stats();
            assertThat(stats.recordCount()).isEqualTo(liveFrames + liveOrders);
            assertThat(journal.verify().ok()).isTrue();
        }
        for (int run = 0; run < 2; run++)
        {
            final EngineCounters counters = new EngineCounters();
            final ReplayResult replay = new Replayer(config,
                new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)), counters).replay(dir.resolve("journal"));
            assertThat(replay.simulated()).isFalse();
            assertThat(replay.inbound()).isEqualTo(liveFrames);
            assertThat(replay.outbound()).isEqualTo(liveOrders);
            assertThat(replay.digest()).isEqualTo(liveDigest);
            assertThat(replay.recordedDigest()).isEqualTo(liveDigest);
            assertThat(replay.reproduced()).isTrue();
            assertThat(replay.learningUpdates()).isEqualTo(liveUpdates);
            assertThat(replay.weights()).containsExactly(liveWeights);
        }
    }
}
