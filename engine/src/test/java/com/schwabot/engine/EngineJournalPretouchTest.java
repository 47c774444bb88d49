package com.schwabot.engine;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.http.RunningEngine;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.ring.JournalPretouch;
import com.schwabot.journal.Journal;
import com.schwabot.journal.VerifyReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code journal.pretouch_mb}: the engine runs its journal pretouch thread while it runs (by default), which touches
 * the lookahead past its first records ({@code journal.pretouch.pages}), and stops it before it closes the journal,
 * which verifies; with 0 there is no such thread.
 */
class EngineJournalPretouchTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRunThePretouchThreadWhileRunningAndStopItAtClose() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults(Map.of());
        assertThat(config.journal().pretouchMb()).isPositive();
        final Engine engine = Engine.start(config, dir.resolve("journal"), new LiveVenues(null));
        try
        {
            assertThat(pretouchThreadAlive()).as("pretouch thread while the engine runs").isTrue();
            final long lookaheadPages = ((long)config.journal().pretouchMb() << 20) / 4096;
            RunningEngine.waitUntil("the lookahead touched past the first records",
                () -> engine.counters().value(EngineCounter.JOURNAL_PRETOUCH_PAGES) >= lookaheadPages, 10_000);
            assertThat(engine.counters().value(EngineCounter.JOURNAL_PRETOUCH_NO_ROOM)).isZero();
        }
        finally
        {
            engine.close();
        }
        assertThat(pretouchThreadAlive()).as("pretouch thread after close").isFalse();
        try (Journal journal = Journal.openReadOnly(dir.resolve("journal")))
        {
            final VerifyReport report = journal.verify();
            assertThat(report.ok()).as(report.describe()).isTrue();
            assertThat(report.recordCount()).isPositive();
        }
    }

    @Test
    void shouldRunNoPretouchThreadWhenTurnedOff() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults(Map.of("SCHWABOT_JOURNAL_PRETOUCH_MB", "0"));
        final Engine engine = Engine.start(config, dir.resolve("journal"), new LiveVenues(null));
        try
        {
            assertThat(pretouchThreadAlive()).isFalse();
        }
        finally
        {
            engine.close();
        }
    }

    private static boolean pretouchThreadAlive()
    {
        return Thread.getAllStackTraces().keySet().stream()
            .anyMatch((thread) -> thread.isAlive() && JournalPretouch.THREAD_NAME.equals(thread.getName()));
    }
}
