package com.schwabot.bench.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WindowSamplerTest
{
    @Test
    void shouldReadTheStealColumnOfTheAllCpuLine()
    {
        assertThat(WindowSampler.stealTicks("cpu  1397196 296 304446 2526348 3598 0 2139 3917 0 0")).isEqualTo(3917);
        assertThat(WindowSampler.stealTicks("cpu  1 2 3 4 5 6 7 0")).isZero();
    }

    @Test
    void shouldSayNothingIsCountedForAnotherLineOrOneWithoutTheColumn()
    {
        assertThat(WindowSampler.stealTicks("cpu  1397196 296 304446 2526348 3598 0 2139")).isEqualTo(-1);
        assertThat(WindowSampler.stealTicks("cpu0 674551 115 141454 1297573 731 0 843 2000 0 0")).isEqualTo(-1);
        assertThat(WindowSampler.stealTicks("intr 1 2 3 4 5 6 7 8 9")).isEqualTo(-1);
        assertThat(WindowSampler.stealTicks("cpu  1 2 3 4 5 6 7 x")).isEqualTo(-1);
        assertThat(WindowSampler.stealTicks("")).isEqualTo(-1);
    }
}
