package com.schwabot.tools;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a non-negative latency into nanoseconds: {@code 0}, or a whole number with a unit ({@code 250us},
 * {@code 5ms}, {@code 1s}, {@code 800ns}), at most 60 s.
 */
final class LatencyConverter implements ITypeConverter<Long>
{
    private static final Pattern LATENCY = Pattern.compile("([0-9]{1,12})(ns|us|ms|s)?");
    private static final long MAX_NANOS = 60_000_000_000L;

    public Long convert(final String value)
    {
        final Matcher matcher = LATENCY.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || (null == matcher.group(2) && Long.parseLong(matcher.group(1)) != 0))
        {
            throw new TypeConversionException("'" + value + "' is not a latency: use 0, 800ns, 250us, 5ms or 1s");
        }
        final long amount = Long.parseLong(matcher.group(1));
        final String unit = null == matcher.group(2) ? "ns" : matcher.group(2);
        final long nanos = switch (unit)
        {
            case "ns" -> amount;
            case "us" -> amount * 1_000L;
            case "ms" -> amount * 1_000_000L;
            default -> amount * 1_000_000_000L;
        };
        if (nanos > MAX_NANOS)
        {
            throw new TypeConversionException("'" + value + "' must be at most 60s");
        }
        return nanos;
    }
}
