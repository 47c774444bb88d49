package com.schwabot.tools;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a positive duration: a whole number with a unit ({@code 500ms}, {@code 90s}, {@code 15m}, {@code 2h},
 * {@code 1d}) or ISO-8601 ({@code PT1H30M}).
 */
final class DurationConverter implements ITypeConverter<Duration>
{
    private static final Pattern SIMPLE = Pattern.compile("([0-9]{1,12})(ms|s|m|h|d)");

    public Duration convert(final String value)
    {
        final String text = value.trim().toLowerCase(Locale.ROOT);
        final Duration duration = parse(text, value);
        if (duration.isNegative() || duration.isZero())
        {
            throw new TypeConversionException("'" + value + "' must be a positive duration");
        }
        return duration;
    }

    private static Duration parse(final String text, final String value)
    {
        final Matcher matcher = SIMPLE.matcher(text);
        if (matcher.matches())
        {
            final long amount = Long.parseLong(matcher.group(1));
            switch (matcher.group(2))
            {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofDays(amount);
            }
        }
        try
        {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        }
        catch (final DateTimeParseException ex)
        {
            throw new TypeConversionException(
                "'" + value + "' is not a duration: use 500ms, 90s, 15m, 2h, 1d or ISO-8601 such as PT1H30M");
        }
    }
}
