package com.schwabot.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest
{
    @Test
    void shouldShowEventsRateAndTimeLeft()
    {
        assertThat(ProgressBar.render(250_000, 1_000_000, 500_000_000L))
            .isEqualTo("[########......................]  25% 250,000/1,000,000 events 500,000 events/s ETA 0:02");
        assertThat(ProgressBar.render(1_000, 4_000_000, 1_000_000_000L)).endsWith("1,000 events/s ETA 1:06:39");
        assertThat(ProgressBar.render(0, 10, 0))
            .isEqualTo("[..............................]   0% 0/10 events 0 events/s ETA --:--");
        assertThat(ProgressBar.render(12, 10, 1_000_000_000L)).as("synthetic reports count too: capped")
            .startsWith("[##############################] 100% 10/10 events");
    }

    @Test
    void shouldShowOnlyOnATerminalAndNotInCi()
    {
        final CliContext pipe = new CliContext(Map.of(), System.in, null, 1);
        final CliContext ci = new CliContext(Map.of("CI", "true"), System.in, null, 1);

        assertThat(ProgressBar.wanted(pipe)).isFalse();
        assertThat(ProgressBar.wanted(ci)).isFalse();
    }

    @Test
    void shouldRedrawFromItsOwnThreadAndEraseTheLineWhenClosed() throws InterruptedException
    {
        final StringWriter text = new StringWriter();
        final AtomicLong done = new AtomicLong();
        final ProgressBar bar = ProgressBar.start(true, new PrintWriter(text), done::get, 100);
        done.set(40);
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!text.toString().contains(" 40/100 events") && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        bar.close();

        assertThat(text.toString()).contains("\r[############..................]  40% 40/100 events").endsWith("\r");
        final ProgressBar silent = ProgressBar.start(false, new PrintWriter(text), done::get, 100);
        silent.close();
    }
}
