package com.schwabot.bench.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyOptionsTest
{
    @Test
    void shouldSpinUnlessToldToYieldAndRefuseAnyOtherProducerWait()
    {
        assertThat(LatencyOptions.parse(new String[] {"--rate", "1000"}).producerYields).isFalse();
        assertThat(LatencyOptions.parse(new String[] {"--producer", "spin"}).producerYields).isFalse();
        assertThat(LatencyOptions.parse(new String[] {"--producer", "yield"}).producerYields).isTrue();
        assertThatThrownBy(() -> LatencyOptions.parse(new String[] {"--producer", "sleep"}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("--producer must be spin or yield: sleep");
    }

    @Test
    void shouldNameTheOptionOfABadValue()
    {
        assertThatThrownBy(() -> LatencyOptions.parse(new String[] {"--duration", "0"}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("--duration must be positive: 0");
        assertThatThrownBy(() -> LatencyOptions.parse(new String[] {"--rate"}))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("missing value after --rate");
    }
}
