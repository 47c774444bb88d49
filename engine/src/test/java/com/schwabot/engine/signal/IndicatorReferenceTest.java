package com.schwabot.engine.signal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each indicator against a short series computed by hand (the expected values are written as the arithmetic that
 * gives them), warm-up included.
 */
class IndicatorReferenceTest
{
    private static final double EPS = 1e-12;
    private static final long S = 1_000_000_000L;

    @Test
    void shouldAverageTheLastValuesOfAWindow()
    {
        final Sma sma = new Sma(3);
        assertThat(sma.value()).isZero();
        assertThat(sma.update(1)).isCloseTo(1.0, within(EPS));
        assertThat(sma.update(2)).isCloseTo(1.5, within(EPS));
        assertThat(sma.isWarm()).isFalse();
        assertThat(sma.update(3)).isCloseTo(2.0, within(EPS));
        assertThat(sma.isWarm()).isTrue();
        assertThat(sma.update(4)).isCloseTo(3.0, within(EPS));
        assertThat(sma.update(10)).isCloseTo(17.0 / 3, within(EPS));
    }

    @Test
    void shouldKeepTheSmaExactOverManyLargeHalfTickValues()
    {
        final Sma sma = new Sma(7);
        for (int k = 0; k < 100_000; k++)
        {
            sma.update(6_500_000.5 + (k % 7));
        }
        assertThat(sma.value()).isEqualTo(6_500_003.5);
    }

    @Test
    void shouldComputeWildersRsi()
    {
        final Rsi rsi = new Rsi(3);
        assertThat(rsi.update(10)).isEqualTo(Rsi.NEUTRAL);
        rsi.update(11);
        rsi.update(10.5);
        assertThat(rsi.isWarm()).isFalse();
        assertThat(rsi.value()).isEqualTo(Rsi.NEUTRAL);
        // changes +1, -0.5, +1.5: avgGain 2.5/3, avgLoss 0.5/3, RS 5
        assertThat(rsi.update(12)).isCloseTo(100 - 100 / (1 + 5.0), within(1e-9));
        assertThat(rsi.isWarm()).isTrue();
        // -1: avgGain (5/6 * 2 + 0) / 3 = 5/9, avgLoss (1/6 * 2 + 1) / 3 = 4/9
        assertThat(rsi.update(11)).isCloseTo(100 - 100 / (1 + 5.0 / 4), within(1e-9));
        // +0.5: avgGain (10/9 + 1/2) / 3 = 29/54, avgLoss (8/9) / 3 = 16/54
        assertThat(rsi.update(11.5)).isCloseTo(100 - 100 / (1 + 29.0 / 16), within(1e-9));
    }

    @Test
    void shouldGiveRsiHundredWithoutLossesAndNeutralWithoutChange()
    {
        final Rsi up = new Rsi(2);
        final Rsi flat = new Rsi(2);
        for (int k = 0; k < 5; k++)
        {
            up.update(k);
            flat.update(7);
        }
        assertThat(up.value()).isEqualTo(100.0);
        assertThat(flat.value()).isEqualTo(Rsi.NEUTRAL);
    }

    @Test
    void shouldComputeTheAverageTrueRangeOfTimeBars()
    {
        final Atr atr = new Atr(2, 1000);
        atr.update(0, 10);
        atr.update(500, 12);
        atr.update(900, 9);
        atr.update(1000, 10);
        atr.update(1500, 14);
        assertThat(atr.bars()).isEqualTo(1);
        assertThat(atr.isWarm()).isFalse();
        assertThat(atr.value()).isZero();
        atr.update(2000, 13);
        // bar 0: H12 L9 C9, TR 3 (first bar: H - L); bar 1: H14 L10 C14, TR max(14, 9) - min(10, 9) = 5
        assertThat(atr.isWarm()).isTrue();
        assertThat(atr.value()).isCloseTo((3 + 5) / 2.0, within(EPS));
        atr.update(2100, 11);
        atr.update(5000, 12);
        // bar 2: H13 L11 C11, TR max(13, 14) - min(11, 14) = 3; Wilder: (4 * 1 + 3) / 2; bars 3 and 4 were empty
        assertThat(atr.value()).isCloseTo(3.5, within(EPS));
        assertThat(atr.bars()).isEqualTo(3);
    }

    @Test
    void shouldComputeEwmaVolatilityPerUpdateAndPerSecond()
    {
        final EwmaVolatility vol = new EwmaVolatility(0.5, 2);
        vol.update(0, 100);
        assertThat(vol.variancePerUpdate()).isZero();
        vol.update(S, 110);
        final double r1 = StrictMath.log(110.0 / 100);
        assertThat(vol.variancePerUpdate()).isEqualTo(r1 * r1);
        assertThat(vol.variancePerSecond()).isCloseTo(r1 * r1, within(EPS));
        assertThat(vol.isWarm()).isFalse();
        vol.update(3 * S, 99);
        final double r2 = StrictMath.log(99.0 / 110);
        final double variance = 0.5 * r1 * r1 + 0.5 * r2 * r2;
        assertThat(vol.isWarm()).isTrue();
        assertThat(vol.variancePerUpdate()).isCloseTo(variance, within(EPS));
        // mean elapsed 0.5 * 1 s + 0.5 * 2 s = 1.5 s
        assertThat(vol.variancePerSecond()).isCloseTo(variance / 1.5, within(EPS));
        assertThat(vol.volatilityOver(6 * S)).isCloseTo(Math.sqrt(variance / 1.5 * 6), within(EPS));
    }

    @Test
    void shouldComputeASessionVwapThatRestartsWithTheNextSession()
    {
        final Vwap vwap = new Vwap(Vwap.DAY_NANOS);
        assertThat(vwap.isWarm()).isFalse();
        vwap.update(10, 100, 0);
        assertThat(vwap.isWarm()).isFalse();
        vwap.update(20, 100, 2);
        vwap.update(30, 110, 3);
        assertThat(vwap.value()).isCloseTo((200 + 330) / 5.0, within(EPS));
        vwap.update(Vwap.DAY_NANOS + 1, 90, 1);
        assertThat(vwap.value()).isEqualTo(90.0);
        assertThat(vwap.volume()).isEqualTo(1.0);
    }

    @Test
    void shouldSmoothBookImbalanceInEventTime()
    {
        final BookImbalance imbalance = new BookImbalance(100);
        assertThat(imbalance.isWarm()).isFalse();
        assertThat(imbalance.update(1000, 3, 1)).isEqualTo(0.5);
        assertThat(imbalance.update(1000, 1, 3)).isEqualTo(0.5);
        // 100 ns later, raw -0.5: 0.5 + (1 - e^-1) * (-0.5 - 0.5)
        assertThat(imbalance.update(1100, 1, 3)).isCloseTo(0.5 - (1 - StrictMath.exp(-1)), within(EPS));
        assertThat(BookImbalance.raw(0, 0)).isZero();
    }

    @Test
    void shouldComputeTheEntropyOfReturnSignsOverAWindow()
    {
        final SignEntropy entropy = new SignEntropy(4);
        assertThat(entropy.bits()).isZero();
        entropy.update(1);
        entropy.update(2);
        entropy.update(-1);
        entropy.update(0);
        // p = 1/2, 1/4, 1/4: 0.5 * 1 + 0.25 * 2 + 0.25 * 2
        assertThat(entropy.isWarm()).isTrue();
        assertThat(entropy.bits()).isCloseTo(1.5, within(EPS));
        entropy.update(3);
        entropy.update(3);
        entropy.update(3);
        // window 0, +, +, +: p = 3/4, 1/4
        assertThat(entropy.bits()).isCloseTo(-(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2),
            within(1e-12));
        entropy.update(5);
        assertThat(entropy.bits()).isZero();
        entropy.update(-1);
        entropy.update(0);
        entropy.update(1);
        entropy.update(-2);
        assertThat(entropy.normalized()).isLessThanOrEqualTo(1.0).isGreaterThan(0.9);
    }

    @Test
    void shouldScoreTheLastValueAgainstItsWindow()
    {
        final ZScore z = new ZScore(4);
        z.update(2);
        z.update(4);
        z.update(4);
        assertThat(z.value()).isZero();
        assertThat(z.isWarm()).isFalse();
        // 2, 4, 4, 4: mean 3.5, sd sqrt(0.75)
        assertThat(z.update(4)).isCloseTo(0.5 / Math.sqrt(0.75), within(EPS));
        assertThat(z.isWarm()).isTrue();
        final ZScore flat = new ZScore(2);
        flat.update(1);
        assertThat(flat.update(1)).isZero();
        assertThat(flat.isWarm()).isFalse();
    }
}
