package com.schwabot.engine.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IndicatorsTest
{
    @Test
    void shouldMatchAHandComputedEma()
    {
        final Ema ema = new Ema(3);
        assertThat(ema.update(10)).isEqualTo(10.0);
        assertThat(ema.update(13)).isEqualTo(11.5);
        assertThat(ema.isWarm()).isFalse();
        assertThat(ema.update(7)).isEqualTo(9.25);
        assertThat(ema.isWarm()).isTrue();
    }

    @Test
    void shouldMatchAHandComputedRollingMeanAndStdDev()
    {
        final RollingStats stats = new RollingStats(4);
        for (final double x : new double[]{2, 4, 4, 4})
        {
            stats.update(x);
        }
        assertThat(stats.isWarm()).isTrue();
        assertThat(stats.mean()).isCloseTo(3.5, within(1e-12));
        assertThat(stats.stdDev()).isCloseTo(Math.sqrt(0.75), within(1e-12));

        stats.update(5);
        stats.update(5);
        assertThat(stats.mean()).isCloseTo(4.5, within(1e-12));
        assertThat(stats.stdDev()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void shouldKeepPrecisionForLargeValuesWithSmallMoves()
    {
        final RollingStats stats = new RollingStats(100);
        for (int k = 0; k < 10_000; k++)
        {
            stats.update(6_500_000_000.0 + (k % 2));
        }
        assertThat(stats.mean()).isCloseTo(6_500_000_000.5, within(1e-6));
        assertThat(stats.stdDev()).isCloseTo(0.5, within(1e-9));
    }
}
