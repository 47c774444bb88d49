package com.schwabot.engine.sweep;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.ConfigLoader;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.journal.JournalContext;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static org.assertj.core.api.Assertions.assertThat;

class SweepReplayerTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final FillSettings FILLS = new FillSettings(20_000_000L, 1000, 200);

    @TempDir
    static Path dir;

    private static Path journal;

    @BeforeAll
    static void writeJournal()
    {
        journal = dir.resolve("journal");
        try (Journal j = Journal.open(new JournalContext().directory(journal)))
        {
            final JournalAppender appender = j.appender();
            new SyntheticMarket(7, T0).run(40_000, (buffer, length, nanos) ->
                appender.append(buffer, 0, length, nanos, 1L << 32, JournalFlags.END_OF_BATCH));
        }
    }

    private static TensorBackend backend(final int variants)
    {
        return new CpuTensorBackend(new TensorCapacity(64, 16, 1, variants, 1));
    }

    private static ReplayResult plain(final SchwabotConfig config, final EngineCounters counters)
    {
        try (TensorBackend backend = backend(1))
        {
            return new Replayer(config, backend, counters).fillSettings(FILLS).replay(journal);
        }
    }

    private static SweepResult sweep(final SchwabotConfig config, final List<Variant> variants)
    {
        try (TensorBackend backend = backend(variants.size()))
        {
            return new SweepReplayer(config, backend, variants).fillSettings(FILLS).replay(journal);
        }
    }

    @Test
    void shouldGiveVariantZeroExactlyThePlainReplaysOrdersAndPnl()
    {
        final SchwabotConfig config = TestCores.defaults();
        final EngineCounters counters = new EngineCounters();
        final ReplayResult plain = plain(config, counters);
        final List<Variant> variants = SweepSpec.parse(List.of("threshold=0.3,0.6", "weight-scale=0.5,2"), config)
            .variants();

        final SweepResult sweep = sweep(config, variants);

        assertThat(plain.ordersSent()).isGreaterThan(10);
        assertThat(sweep.variants()).hasSize(5);
        final VariantResult base = sweep.variants().get(0);
        assertThat(base.variant().isBase()).isTrue();
        assertThat(base.digest()).isEqualTo(plain.digest());
        assertThat(base.orders()).isEqualTo(plain.ordersSent());
        assertThat(base.pnl()).isEqualTo(plain.pnl());
        assertThat(base.fills()).isEqualTo(counters.value(EngineCounter.FILLS));
        assertThat(base.learningUpdates()).isEqualTo(plain.learningUpdates());
        assertThat(sweep.inbound()).isEqualTo(plain.inbound());
    }

    @Test
    void shouldGiveEachVariantTheResultOfAPlainReplayWithItsSettings() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults();
        final SchwabotConfig lower = ConfigLoader.load(null, Map.of("SCHWABOT_STRATEGIES_ENSEMBLE_THRESHOLD", "0.3"));
        final List<Variant> variants = SweepSpec.parse(List.of("threshold=0.3"), config).variants();

        final SweepResult sweep = sweep(config, variants);
        final ReplayResult plainLower = plain(lower, new EngineCounters());

        final VariantResult v1 = sweep.variants().get(1);
        assertThat(v1.variant().label()).isEqualTo("threshold=0.3");
        assertThat(v1.digest()).isEqualTo(plainLower.digest());
        assertThat(v1.orders()).isEqualTo(plainLower.ordersSent());
        assertThat(v1.pnl()).isEqualTo(plainLower.pnl());
        assertThat(v1.digest()).isNotEqualTo(sweep.variants().get(0).digest());
    }

    @Test
    void shouldGiveDifferentVariantsDifferentOrdersAndRankThemByPnl()
    {
        final SchwabotConfig config = TestCores.defaults();
        final List<Variant> variants = SweepSpec.parse(
            List.of("threshold=0.2:0.8:0.2,weight-scale=0.5,1.5"), config).variants();

        final SweepResult sweep = sweep(config, variants);

        assertThat(sweep.variants()).hasSize(9);
        final Set<String> digests = new HashSet<>();
        final Set<Double> pnls = new HashSet<>();
        for (final VariantResult r : sweep.variants())
        {
            digests.add(r.digest());
            pnls.add(r.pnl());
            assertThat(r.maxDrawdown()).isGreaterThanOrEqualTo(0.0);
            assertThat(r.samples()).isGreaterThan(2);
        }
        assertThat(digests.size()).isGreaterThan(3);
        assertThat(pnls.size()).isGreaterThan(3);
        final List<VariantResult> ranking = sweep.ranking();
        assertThat(ranking).hasSize(9).containsExactlyInAnyOrderElementsOf(sweep.variants());
        for (int k = 1; k < ranking.size(); k++)
        {
            final VariantResult better = ranking.get(k - 1);
            final VariantResult worse = ranking.get(k);
            assertThat(better.pnl() > worse.pnl() ||
                better.pnl() == worse.pnl() && better.variant().id() < worse.variant().id()).isTrue();
        }
    }

    @Test
    void shouldSweepTheSameWayTwice()
    {
        final SchwabotConfig config = TestCores.defaults();
        final List<Variant> variants = SweepSpec.parse(List.of("threshold=0.4,0.6,learning-rate=0,0.05"), config)
            .variants();

        final SweepResult a = sweep(config, variants);
        final SweepResult b = sweep(config, variants);

        assertThat(b.variants()).isEqualTo(a.variants());
        assertThat(b.ranking()).isEqualTo(a.ranking());
    }
}
