package com.schwabot.engine.learn;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.SimulatedVenue;
import com.schwabot.engine.stage.TensorStage;
import com.schwabot.tensor.TensorBatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The memory update flow: success scores, one hand-computed update step, bounds, direction, determinism over a
 * backtest, and the weights surviving a reopen of the weight cache.
 */
class OutcomeLearnerTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final int BTC = 0;

    @TempDir
    Path dir;

    @Test
    void shouldScoreTheNetReturnAgainstTheBaselineInTenBasisPoints()
    {
        assertThat(OutcomeLearner.returnBps(5, 1_000)).isCloseTo(50.0, within(1e-12));
        assertThat(OutcomeLearner.returnBps(5, 0)).isZero();
        assertThat(OutcomeLearner.score(25, 30)).isCloseTo(-0.5f, within(1e-6f));
        assertThat(OutcomeLearner.score(50, 30)).isEqualTo(1.0f);
        assertThat(OutcomeLearner.score(-500, 30)).isEqualTo(-1.0f);

        final OutcomeLearner learner = TestCores.core((b, o, l, id, d) -> true, new EngineCounters()).learner();
        assertThat(learner.successScore(BTC, -2, 1_000)).as("the first trip is the baseline").isZero();
        assertThat(learner.baselineBps(BTC)).isCloseTo(-20.0, within(1e-9));
        // -10 bps against a baseline of -20: +1; the baseline moves a tenth of the way to -10
        assertThat(learner.successScore(BTC, -1, 1_000)).isCloseTo(1.0f, within(1e-6f));
        assertThat(learner.baselineBps(BTC)).isCloseTo(-19.0, within(1e-9));
    }

    @Test
    void shouldMoveEachWeightByTheLearningRateTimesOutcomeTimesFeature()
    {
        final TradingCore core = TestCores.core((b, o, l, id, d) -> true, new EngineCounters());
        final TensorStage tensor = core.tensor();
        final TensorBatch batch = tensor.batch();
        final float[] before = batch.weights().clone();
        final float[] row = new float[batch.featureCount()];
        row[0] = 0.5f;
        row[1] = -0.25f;
        row[3] = 1.0f;
        tensor.learn(row, 0, 0.7f, -0.4f);
        final float lr = batch.learningRate();
        assertThat(lr).isEqualTo(0.01f);
        for (int f = 0; f < row.length; f++)
        {
            assertThat(batch.weights()[f]).as("weight %d", f).isCloseTo(before[f] + lr * (-0.4f * row[f]),
                within(1e-7f));
        }
        assertThat(batch.bias()[0]).isCloseTo(lr * -0.4f, within(1e-7f));
        assertThat(tensor.updates()).isEqualTo(1);
    }

    @Test
    void shouldKeepEveryWeightWithinTheBound()
    {
        final TradingCore core = TestCores.core((b, o, l, id, d) -> true, new EngineCounters());
        final TensorBatch batch = core.tensor().batch();
        final float[] row = new float[batch.featureCount()];
        java.util.Arrays.fill(row, 10.0f);
        for (int k = 0; k < 1_000; k++)
        {
            core.tensor().learn(row, 0, 1.0f, k % 7 == 0 ? -1.0f : 1.0f);
        }
        for (final float w : batch.weights())
        {
            assertThat(w).isBetween(-OutcomeLearner.WEIGHT_BOUND, OutcomeLearner.WEIGHT_BOUND);
        }
        assertThat(batch.bias()[0]).isEqualTo(OutcomeLearner.WEIGHT_BOUND);
    }

    @Test
    void shouldPushTheBiasTowardsTheDirectionOfABetterThanUsualTrade()
    {
        final TradingCore core = TestCores.core((b, o, l, id, d) -> true, new EngineCounters());
        final OutcomeLearner learner = core.learner();
        for (int trip = 0; trip < 2; trip++)
        {
            learner.onOrderDecision(BTC);
            core.portfolio().onFill(BTC, true, 1_000, 5_000_000, 0.0);
            core.portfolio().onFill(BTC, false, 1_000, 5_000_000 + trip * 5_000, 0.0);
        }
        // trip 1 made 0 (the baseline), trip 2 made 50 on 500: +10 bps, a long: the bias goes up by 0.01
        assertThat(core.tensor().updates()).isEqualTo(1);
        assertThat(core.tensor().batch().bias()[0]).isCloseTo(0.01f, within(1e-7f));
        for (int trip = 0; trip < 2; trip++)
        {
            learner.onOrderDecision(BTC);
            core.portfolio().onFill(BTC, false, 1_000, 5_000_000, 0.0);
            core.portfolio().onFill(BTC, true, 1_000, 5_000_000 - 5_000, 0.0);
        }
        assertThat(core.tensor().updates()).isEqualTo(3);
        assertThat(core.tensor().batch().bias()[0]).isLessThan(0.01f);
    }

    private static TradingCore backtest(final long seed, final int steps)
    {
        final EngineCounters counters = new EngineCounters();
        final SimulatedVenue venue =
            new SimulatedVenue(new InstrumentTable(TestCores.defaults().instruments()), FillSettings.DEFAULT);
        final TradingCore core = TestCores.core(venue, counters);
        venue.market(core.market());
        TestCores.connect(core, T0);
        final long[] sequence = {100};
        new SyntheticMarket(seed, T0).run(steps, (buffer, length, nanos) ->
        {
            core.pipeline().onFrame(buffer, 0, length, nanos, 1, sequence[0]++, true);
            venue.onMarketEvent(core.pipeline(), nanos);
        });
        assertThat(counters.value(EngineCounter.LEARNING_UPDATES)).isEqualTo(core.tensor().updates());
        return core;
    }

    @Test
    void shouldLearnTheSameWeightsFromTheSameInputs()
    {
        final TradingCore a = backtest(5, 20_000);
        final TradingCore b = backtest(5, 20_000);
        final TradingCore c = backtest(6, 20_000);
        assertThat(a.tensor().updates()).isGreaterThan(10);
        assertThat(b.tensor().batch().weights()).containsExactly(a.tensor().batch().weights());
        assertThat(b.tensor().batch().bias()).containsExactly(a.tensor().batch().bias());
        assertThat(c.tensor().batch().weights()).isNotEqualTo(a.tensor().batch().weights());
    }

    @Test
    void shouldKeepTheWeightsInTheCacheAcrossAReopen()
    {
        final TradingCore core = backtest(5, 20_000);
        final TensorBatch learned = core.tensor().batch();
        final Path cache = dir.resolve("cache");
        try (WeightStore store = WeightStore.open(cache, core.strategies(), learned.featureCount(), 64))
        {
            store.save(learned);
        }
        final TensorBatch fresh = new TensorBatch(2, learned.featureCount(), 1);
        try (WeightStore store = WeightStore.open(cache, core.strategies(), learned.featureCount(), 64))
        {
            assertThat(store.load(fresh)).isTrue();
            assertThat(store.weights().size()).isEqualTo(1);
        }
        assertThat(fresh.weights()).containsExactly(learned.weights());
        assertThat(fresh.bias()).containsExactly(learned.bias());
        assertThat(WeightStore.key(core.strategies(), 16)).isNotEqualTo(WeightStore.key(core.strategies(), 17));
    }
}
