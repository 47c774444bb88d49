package com.schwabot.engine.stage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScaleTest
{
    @Test
    void shouldRescaleExactlyOrSayInvalid()
    {
        assertThat(Scale.rescale(6_512_345_000_000L, -8, -2)).isEqualTo(6_512_345);
        assertThat(Scale.rescale(6_512_345_000_001L, -8, -2)).isEqualTo(Scale.INVALID);
        assertThat(Scale.rescale(15, -3, -5)).isEqualTo(1500);
        assertThat(Scale.rescale(-15, -3, -5)).isEqualTo(-1500);
        assertThat(Scale.rescale(Long.MAX_VALUE / 10, 0, -2)).isEqualTo(Scale.INVALID);
        assertThat(Scale.rescale(Long.MIN_VALUE, 0, 0)).isEqualTo(Scale.INVALID);
        assertThat(Scale.rescale(7, 0, 0)).isEqualTo(7);
        assertThat(Scale.rescale(0, -30, 0)).isZero();
        assertThat(Scale.rescale(1, 0, -30)).isEqualTo(Scale.INVALID);
    }

    @Test
    void shouldGivePowersOfTen()
    {
        assertThat(Scale.pow10(-2)).isEqualTo(0.01);
        assertThat(Scale.pow10(3)).isEqualTo(1000.0);
        assertThat(Scale.pow10(0)).isEqualTo(1.0);
    }
}
