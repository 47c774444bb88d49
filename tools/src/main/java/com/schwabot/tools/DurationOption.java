package com.schwabot.tools;

import java.time.Duration;

import picocli.CommandLine.Option;

/**
 * The {@code --duration} option of the commands that run until stopped ({@code run}, {@code sim}).
 */
final class DurationOption
{
    @Option(
        names = "--duration",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Stop after this long: 500ms, 90s, 15m, 2h, 1d or ISO-8601 (PT1H30M). " +
            "Default: run until stopped (Ctrl-C).")
    Duration duration;
}
