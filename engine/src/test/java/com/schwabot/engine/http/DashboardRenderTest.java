package com.schwabot.engine.http;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.engine.Engine;
import com.schwabot.engine.monitor.EngineCounter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard page rendered by headless Chromium (Debian's {@code chromium} package, at /usr/bin/chromium) against
 * a running engine, for 5 s of the page's virtual time: the page's script polls /status and /metrics and writes what
 * it got into the DOM (the P&amp;L in the title and in {@code data-pnl}, the number of updates in
 * {@code data-updates}), which Chromium dumps, and the 1280x800 screenshot it takes in the same run
 * is a PNG of that size that is not blank and shows the P&amp;L line across its card, however few samples the
 * page has and whether or not the P&amp;L moved in them (a copy is left at target/dashboard.png).
 * Skipped, saying so, where Chromium is absent.
 */
class DashboardRenderTest
{
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final long TIMEOUT_SECONDS = 90;
    private static final int ACCENT = 0x58a6ff;
    /** The P&amp;L chart spans its card (368 px of a 1280 px page) from the first sample, flat or not. */
    private static final int MIN_LINE_WIDTH = 300;

    @TempDir
    Path dir;

    @Test
    void shouldRenderLiveDataInHeadlessChromium() throws Exception
    {
        assumeTrue(Files.isExecutable(CHROMIUM),
            "headless Chromium not found at " + CHROMIUM + ": install Debian's chromium package to run this test");
        try (RunningEngine running = RunningEngine.start(dir.resolve("engine")))
        {
            final Engine engine = running.engine();
            RunningEngine.waitUntil("an order and a latency sample",
                () -> engine.counters().value(EngineCounter.ORDERS_SENT) > 0 &&
                engine.monitor().snapshot().eventLatency().windowCount() > 0, 60_000);

            final Path png = dir.resolve("dashboard.png");
            final String dom = chromium(running.url(), "--dump-dom", "--screenshot=" + png,
                "--window-size=" + WIDTH + "," + HEIGHT);

            final Matcher updates = Pattern.compile("data-updates=\"(\\d+)\"").matcher(dom);
            assertThat(updates.find()).as(dom).isTrue();
            assertThat(Integer.parseInt(updates.group(1))).as("updates from /status and /metrics").isPositive();
            assertThat(dom).containsPattern("data-pnl=\"-?\\d+\\.\\d{6}\"")
                .containsPattern("<title>Schwabot · P&amp;L -?\\d+\\.\\d{2}</title>")
                .containsPattern("<td>BTCUSDT</td><td class=\"num\">-?\\d+\\.\\d{5}</td>");
            assertScreenshot(png);
            if (Files.isDirectory(Path.of("target")))
            {
                Files.copy(png, Path.of("target/dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private String chromium(final String url, final String... args) throws IOException, InterruptedException
    {
        final Path profile = Files.createTempDirectory(dir, "chromium-profile");
        final List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
            "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
            "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        command.add(url);
        final Path out = dir.resolve("chromium.out");
        final Path err = dir.resolve("chromium.err");
        final Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
            .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor();
            throw new AssertionError("chromium timed out: " + Files.readString(err, StandardCharsets.UTF_8));
        }
        assertThat(process.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static void assertScreenshot(final Path png) throws IOException
    {
        final byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        final BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        double sum = 0;
        double sumSquares = 0;
        int accent = 0;
        int accentLeft = WIDTH;
        int accentRight = -1;
        final Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < HEIGHT; y++)
        {
            for (int x = 0; x < WIDTH; x++)
            {
                final int rgb = image.getRGB(x, y) & 0xffffff;
                final double luminance = 0.2126 * (rgb >> 16) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
                sum += luminance;
                sumSquares += luminance * luminance;
                colors.add(rgb);
                if (distance(rgb, ACCENT) < 60)
                {
                    accent++;
                    accentLeft = Math.min(accentLeft, x);
                    accentRight = Math.max(accentRight, x);
                }
            }
        }
        final double pixels = (double)WIDTH * HEIGHT;
        final double variance = sumSquares / pixels - (sum / pixels) * (sum / pixels);
        assertThat(variance).as("luminance variance: not a blank page").isGreaterThan(50);
        assertThat(colors.size()).as("distinct colours").isGreaterThan(50);
        assertThat(accent).as("pixels of the P&L line (#58a6ff)").isGreaterThan(MIN_LINE_WIDTH);
        assertThat(accentRight - accentLeft + 1).as("width of the P&L line (#58a6ff) in pixels")
            .isGreaterThanOrEqualTo(MIN_LINE_WIDTH);
    }

    private static double distance(final int a, final int b)
    {
        final int dr = (a >> 16) - (b >> 16);
        final int dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
        final int db = (a & 0xff) - (b & 0xff);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
