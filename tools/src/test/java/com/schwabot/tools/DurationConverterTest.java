package com.schwabot.tools;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest
{
    private final DurationConverter converter = new DurationConverter();

    @Test
    void shouldParseEveryUnitAndIso8601()
    {
        assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(converter.convert("2H")).isEqualTo(Duration.ofHours(2));
        assertThat(converter.convert("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(converter.convert("PT1H30M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert("pt10s")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldRejectZeroNegativeAndGarbage()
    {
        assertThatThrownBy(() -> converter.convert("0ms")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("PT-5S")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("5 s")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("")).isInstanceOf(TypeConversionException.class);
    }
}
