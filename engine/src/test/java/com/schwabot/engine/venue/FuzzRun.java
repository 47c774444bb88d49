package com.schwabot.engine.venue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.BitUtil;

/**
 * The settings every fuzz suite shares: {@code schwabot.fuzz.cases} (0 or absent: the suite's own default, a short
 * run; the {@code fuzz} Maven profile sets millions) and {@code schwabot.fuzz.seed} (0 or absent: the suite's own
 * seed), and the report line each suite appends to {@code target/fuzz-report.txt}.
 */
public final class FuzzRun
{
    private FuzzRun()
    {
    }

    /**
     * @param defaultCases the suite's short run.
     * @return the cases to run.
     */
    public static int cases(final int defaultCases)
    {
        final int cases = Integer.getInteger("schwabot.fuzz.cases", 0);
        return cases > 0 ? cases : defaultCases;
    }

    /**
     * @param defaultSeed the suite's seed.
     * @return the seed to run.
     */
    public static long seed(final long defaultSeed)
    {
        final long seed = Long.getLong("schwabot.fuzz.seed", 0);
        return seed != 0 ? seed : defaultSeed;
    }

    /**
     * @param bytes a failing case.
     * @return its bytes in hex, the first 4 KiB of them when it is longer, for a failure message.
     */
    public static String hex(final byte[] bytes)
    {
        final int shown = Math.min(bytes.length, 4096);
        return bytes.length + " bytes: " + BitUtil.toHex(bytes, 0, shown) + (shown < bytes.length ? "..." : "");
    }

    /**
     * Append a line to {@code target/fuzz-report.txt} (when run from a module directory).
     *
     * @param line what the suite ran.
     * @throws IOException when the file cannot be written.
     */
    public static void record(final String line) throws IOException
    {
        final Path target = Path.of("target");
        if (Files.isDirectory(target))
        {
            Files.writeString(target.resolve("fuzz-report.txt"), line + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
