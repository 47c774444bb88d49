package com.schwabot.tensor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TensorToleranceTest
{
    @Test
    void shouldStateTheToleranceAsOneInAHundredThousand()
    {
        assertThat(TensorTolerance.TOLERANCE).isEqualTo(1e-5f);
    }

    @Test
    void shouldAcceptAFewUlpsAndDifferencesInsideTheAbsoluteBound()
    {
        assertThat(TensorTolerance.within(0.5f, Math.nextUp(Math.nextUp(0.5f)))).isTrue();
        assertThat(TensorTolerance.within(0.0f, 9e-6f)).isTrue();
        assertThat(TensorTolerance.within(1000.0f, 1000.0f + 0.009f)).isTrue();
    }

    @Test
    void shouldRejectDifferencesBeyondTheTolerance()
    {
        assertThat(TensorTolerance.within(0.0f, 2e-5f)).isFalse();
        assertThat(TensorTolerance.within(0.5f, 0.5001f)).isFalse();
        assertThat(TensorTolerance.within(1000.0f, 1000.02f)).isFalse();
        assertThat(TensorTolerance.within(Float.NaN, 0.0f)).isFalse();
        assertThat(TensorTolerance.within(Float.NaN, Float.NaN)).isTrue();
    }

    @Test
    void shouldReportTheFirstMismatch()
    {
        final float[] expected = {1, 2, 3};
        assertThat(TensorTolerance.firstMismatch(expected, new float[] {1, 2, 3}, 3)).isEqualTo(-1);
        assertThat(TensorTolerance.firstMismatch(expected, new float[] {1, 2.1f, 3.1f}, 3)).isEqualTo(1);
    }
}
