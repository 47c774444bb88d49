package com.schwabot.engine;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.http.Json;
import com.schwabot.engine.http.RunningEngine;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.JournalSpaceGuard;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.journal.Journal;
import com.schwabot.journal.Tmpfs;
import com.schwabot.journal.VerifyReport;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static com.schwabot.engine.http.RunningEngine.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running engine (embedded simulator, monitoring server) with its journal on a real file system that fills up:
 * a 64 MiB tmpfs (skipped where it cannot be mounted) and a filler file that takes its space while the engine trades,
 * with a 24 MiB reserve and a 12 MiB stop limit. Below the reserve trading halts as JOURNAL_SPACE (an operator's
 * resume is undone while space is still short), with the alert in /status and /health not ready, and journaling goes
 * on; below the stop limit the journal stops and every input is refused; then the disk is filled to the last page
 * and the engine keeps running without touching the journal, and closes cleanly. The journal left behind verifies,
 * holds no NewOrder while halted for space, and replays to the live run's order digest.
 */
class EngineFullDiskTest
{
    private static final long MB = 1L << 20;
    private static final int DISK_MB = 64;
    private static final Map<String, String> ENVIRONMENT = Map.of(
        "SCHWABOT_JOURNAL_MIN_FREE_MB", "24",
        "SCHWABOT_JOURNAL_STOP_FREE_MB", "12",
        "SCHWABOT_MONITORING_STATUS_INTERVAL_MS", "200",
        "SCHWABOT_STRATEGIES_ENSEMBLE_THRESHOLD", "0.05");

    @TempDir
    Path dir;

    @Test
    void shouldHaltBelowTheReserveStopJournalingBelowTheStopLimitAndLeaveAJournalThatVerifiesAndReplays()
        throws Exception
    {
        final SchwabotConfig config = RunningEngine.config(ENVIRONMENT);
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), DISK_MB))
        {
            final Path journalDir = disk.directory().resolve("journal");
            final RunningEngine running = RunningEngine.start(dir, journalDir, config);
            final Engine engine = running.engine();
            try
            {
                waitUntil("a first order", () -> engine.counters().value(EngineCounter.ORDERS_SENT) > 0, 60_000);
                haltBelowTheReserve(running, disk);
                haltAgainWhenResumedTooEarly(running);
                stopBelowTheStopLimit(running, disk);
            }
            finally
            {
                running.close();
            }
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .as("the business thread ended").doesNotContain("schwabot-business");
            assertThat(engine.counters().value(EngineCounter.JOURNAL_FAILURES)).as("no append failed").isZero();
            assertThat(engine.counters().value(EngineCounter.HANDLER_ERRORS)).isZero();
            assertJournalVerifiesAndReplays(journalDir, config, engine.core().digest().hex());
        }
    }

    private static void haltBelowTheReserve(final RunningEngine running, final Tmpfs disk) throws Exception
    {
        final Engine engine = running.engine();
        final EngineCounters counters = engine.counters();
        disk.fillTo(18 * MB);

        waitUntil("halted for journal space", () -> engine.core().status().halted() &&
            engine.core().status().haltReason() == RiskReason.JOURNAL_SPACE, 10_000);
        waitUntil("orders refused as JOURNAL_SPACE", () -> counters.risk(RiskReason.JOURNAL_SPACE).get() > 0, 60_000);
        waitUntil("the journal alert", () -> engine.monitor().snapshot().activeAlerts().contains("journal"), 5_000);
        final Map<String, Object> status = Json.object(running.get("/status").body());
        assertThat(journal(status)).containsEntry("state", "low_space").containsEntry("cause", null)
            .containsEntry("reserveBytes", (double)(24 * MB)).containsEntry("spaceHalts", 1.0);
        assertThat((Double)journal(status).get("freeBytes")).isLessThan(24.0 * MB).isGreaterThan(12.0 * MB);
        assertThat(risk(status)).containsEntry("halted", true).containsEntry("haltReason", "JOURNAL_SPACE");
        assertThat(running.get("/health").statusCode()).as("halted: not ready").isEqualTo(503);

        final long frames = counters.value(EngineCounter.INBOUND_FRAMES);
        waitUntil("market data still journaled and handled",
            () -> counters.value(EngineCounter.INBOUND_FRAMES) > frames + 20, 10_000);
        assertThat(engine.journalGate().isOpen()).isTrue();
    }

    private static void haltAgainWhenResumedTooEarly(final RunningEngine running) throws Exception
    {
        final Engine engine = running.engine();
        final HttpResponse<String> resume = running.post("/resume", "Bearer " + RunningEngine.TOKEN);
        assertThat(resume.statusCode()).as(resume.body()).isEqualTo(202);

        waitUntil("halted again while below the reserve",
            () -> engine.counters().value(EngineCounter.JOURNAL_SPACE_HALTS) >= 2 &&
            engine.core().status().halted(), 10_000);
    }

    private static void stopBelowTheStopLimit(final RunningEngine running, final Tmpfs disk) throws Exception
    {
        final Engine engine = running.engine();
        final EngineCounters counters = engine.counters();
        disk.fillTo(6 * MB);

        waitUntil("the journal stopped", () -> null != engine.journalStopCause(), 5_000);
        assertThat(engine.journalStopCause()).contains("bytes free on the disk of " + engine.journalDirectory())
            .endsWith("below journal.stop_free_mb (12582912 bytes)");
        disk.fillUp();
        assertThat(disk.usableSpace()).as("not a page left").isZero();

        final long refused = counters.value(EngineCounter.JOURNAL_REFUSED);
        waitUntil("input refused on the full disk", () -> counters.value(EngineCounter.JOURNAL_REFUSED) > refused + 50,
            10_000);
        waitUntil("the stop in the status",
            () -> engine.monitor().snapshot().journal().state() == JournalSpaceGuard.State.STOPPED, 5_000);
        final Map<String, Object> status = Json.object(running.get("/status").body());
        assertThat(journal(status)).containsEntry("state", "stopped").containsEntry("cause", engine.journalStopCause());
        assertThat(alerts(status)).filteredOn((a) -> "journal".equals(a.get("name")))
            .extracting((a) -> a.get("active")).containsExactly(true);
        final HttpResponse<String> health = running.get("/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"journal\":\"stopped\"");
        assertThat(counters.value(EngineCounter.JOURNAL_FAILURES)).isZero();
    }

    private static void assertJournalVerifiesAndReplays(
        final Path journalDir, final SchwabotConfig config, final String liveDigest)
    {
        final List<String> events = new ArrayList<>();
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            final VerifyReport report = journal.verify();
            assertThat(report.ok()).as(report.describe()).isTrue();
            assertThat(report.recordCount()).isEqualTo(journal.lastSequence());
            journal.replay(0, (sequence, ingress, source, flags, buffer, offset, length, index) ->
                events.add(describe(buffer, offset, flags)));
        }
        final int firstHalt = events.indexOf("HALT JOURNAL_SPACE");
        assertThat(firstHalt).as("halted for journal space").isPositive();
        assertThat(events.subList(0, firstHalt)).contains("NewOrder");
        boolean halted = false;
        for (final String event : events)
        {
            halted = "HALT JOURNAL_SPACE".equals(event) || (halted && !"RESUME".equals(event));
            assertThat(halted && "NewOrder".equals(event)).as("a NewOrder journaled while halted for space").isFalse();
        }
        assertThat(events.subList(events.lastIndexOf("HALT JOURNAL_SPACE"), events.size()))
            .as("market data journaled after the last halt").contains("market data").doesNotContain("RESUME");

        assertThat(new Replayer(config, new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)),
            new EngineCounters()).replay(journalDir).digest()).as("replay digest").isEqualTo(liveDigest);
    }

    private static String describe(final org.agrona.DirectBuffer buffer, final int offset, final int flags)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return "market data";
        }
        if (header.templateId() == AdminCommandDecoder.TEMPLATE_ID)
        {
            final AdminCommandDecoder admin = new AdminCommandDecoder().wrap(buffer,
                offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            return admin.action() == AdminAction.HALT ? "HALT " + admin.riskLimit() : admin.action().name();
        }
        return (flags & JournalFlags.OUTBOUND) != 0 && header.templateId() == NewOrderDecoder.TEMPLATE_ID ?
            "NewOrder" : "other";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> journal(final Map<String, Object> status)
    {
        return (Map<String, Object>)status.get("journal");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> alerts(final Map<String, Object> status)
    {
        return (List<Map<String, Object>>)status.get("alerts");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> risk(final Map<String, Object> status)
    {
        return (Map<String, Object>)status.get("risk");
    }
}
