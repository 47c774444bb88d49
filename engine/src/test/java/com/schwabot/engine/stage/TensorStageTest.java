package com.schwabot.engine.stage;

import org.junit.jupiter.api.Test;

import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.signal.MarketSignals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The feature rows: the strategy signals normalised by the configured weights, then the market features, each in
 * [-1, 1], then zeros; scores are the configured ensemble's until something is learned.
 */
class TensorStageTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;

    @Test
    void shouldFillTheRowsWithStrategySignalsAndWarmMarketFeatures()
    {
        final TradingCore core = TestCores.core((b, o, l, id, d) -> true, new EngineCounters());
        TestCores.connect(core, T0);
        final long[] sequence = {100};
        new SyntheticMarket(3, T0).run(8_000, (buffer, length, nanos) ->
            core.pipeline().onFrame(buffer, 0, length, nanos, 1, sequence[0]++, true));
        final int strategies = core.strategies().count();
        final int f = core.tensor().batch().featureCount();
        for (int i = 0; i < 2; i++)
        {
            final float[] row = new float[f];
            final float score = core.tensor().latest(i, row, 0);
            float expected = 0;
            for (int s = 0; s < strategies; s++)
            {
                expected += row[s] * core.strategies().weight(s);
                assertThat(core.signals().signal(s, i)).isBetween(-1.0, 1.0);
            }
            assertThat(score).as("score of instrument %d", i).isCloseTo(expected, within(1e-6f));
            for (int k = 0; k < MarketSignals.FEATURES; k++)
            {
                assertThat(row[strategies + k]).as("feature %d of instrument %d", k, i).isBetween(-1.0f, 1.0f);
            }
            assertThat(row[strategies]).as("RSI").isNotZero();
            assertThat(row[strategies + 1]).as("z-score").isNotZero();
            assertThat(row[strategies + 2]).as("VWAP distance").isNotZero();
            assertThat(row[strategies + 3]).as("imbalance").isNotZero();
            assertThat(row[strategies + 4]).as("SMA trend").isNotZero();
            for (int k = strategies + MarketSignals.FEATURES; k < f; k++)
            {
                assertThat(row[k]).isZero();
            }
            final MarketSignals market = core.signals().market(i);
            assertThat(market.rsi().isWarm() && market.atr().isWarm() && market.vwap().isWarm() &&
                market.entropy().isWarm() && market.zScore().isWarm() && market.volatility().isWarm()).isTrue();
        }
    }
}
