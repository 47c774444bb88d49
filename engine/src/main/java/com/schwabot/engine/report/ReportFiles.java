package com.schwabot.engine.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.Instant;

/**
 * Writes a report's two files into a directory (created when missing): {@code NAME.json} and {@code NAME.html},
 * where NAME is {@code backtest-<first event time, UTC, yyyyMMdd'T'HHmmss'Z'>-<first 8 hex digits of the order
 * digest>}: the same journal and configuration give the same name (a rebuilt report replaces the old one), another
 * configuration that trades differently another name. Each file is written to a temporary file and moved in place.
 *
 * @param json the JSON file.
 * @param html the HTML page.
 */
public record ReportFiles(Path json, Path html)
{
    private static final DateTimeFormatter STAMP =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /**
     * The base name of a report's files.
     *
     * @param report the report.
     * @return the name, without extension.
     */
    public static String baseName(final BacktestReport report)
    {
        final String digest = report.setup().orderDigest();
        return "backtest-" + (report.source().records() == 0 ? "empty" :
            STAMP.format(Instant.ofEpochSecond(Math.floorDiv(report.source().firstTimeNanos(), 1_000_000_000L)))) +
            "-" + digest.substring(0, Math.min(8, digest.length()));
    }

    /**
     * Write both files.
     *
     * @param report the report.
     * @param dir    the directory.
     * @return where they are.
     * @throws IOException when the directory or a file cannot be written.
     */
    public static ReportFiles write(final BacktestReport report, final Path dir) throws IOException
    {
        Files.createDirectories(dir);
        final String name = baseName(report);
        final Path json = dir.resolve(name + ".json");
        final Path html = dir.resolve(name + ".html");
        replace(json, ReportJson.write(report));
        replace(html, ReportHtml.write(report));
        return new ReportFiles(json, html);
    }

    private static void replace(final Path file, final String text) throws IOException
    {
        final Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
