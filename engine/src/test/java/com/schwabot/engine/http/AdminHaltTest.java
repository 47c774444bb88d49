package com.schwabot.engine.http;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.engine.Engine;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.journal.Journal;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /halt with the token stops new orders from the next event on, and POST /resume lets them go again: the
 * admin commands travel through the input ring, so the journal holds them in order with everything else, shows no
 * NewOrder between HALT and RESUME, and replays to the live digest.
 */
class AdminHaltTest
{
    @TempDir
    Path dir;

    @Test
    void shouldStopNewOrdersFromTheNextEventAfterAHaltUntilResumed() throws Exception
    {
        final long[] commandIds = new long[2];
        final RunningEngine running = RunningEngine.start(dir);
        try
        {
            final Engine engine = running.engine();
            final EngineCounters counters = engine.counters();
            RunningEngine.waitUntil("a first order", () -> counters.value(EngineCounter.ORDERS_SENT) > 0, 60_000);

            final HttpResponse<String> halt = running.post("/halt", "Bearer " + RunningEngine.TOKEN);
            assertThat(halt.statusCode()).as(halt.body()).isEqualTo(202);
            commandIds[0] = ((Double)Json.object(halt.body()).get("commandId")).longValue();
            RunningEngine.waitUntil("halted", () -> engine.core().status().halted(), 5_000);
            final long refusedBefore = counters.risk(RiskReason.HALTED).get();
            final long heldBefore = counters.value(EngineCounter.RISK_STATE_DEFERRALS);
            RunningEngine.waitUntil("orders refused, then held back, while halted",
                () -> counters.risk(RiskReason.HALTED).get() > refusedBefore &&
                counters.value(EngineCounter.RISK_STATE_DEFERRALS) > heldBefore + 20, 30_000);
            assertThat(counters.risk(RiskReason.HALTED).get() - refusedBefore)
                .as("one reject per instrument for the halt, not one per batch")
                .isLessThanOrEqualTo(engine.core().instruments().count());
            final HttpResponse<String> health = running.get("/health");
            final HttpResponse<String> live = running.get("/health/live");
            assertThat(health.statusCode()).as("halted: not ready").isEqualTo(503);
            assertThat(Json.object(health.body())).containsEntry("status", "DOWN").containsEntry("ready", false);
            assertThat(live.statusCode()).as("halted: still alive").isEqualTo(200);
            assertThat(Json.object(live.body())).containsEntry("status", "UP").containsEntry("live", true)
                .containsEntry("ready", false);

            final HttpResponse<String> resume = running.post("/resume", "bearer " + RunningEngine.TOKEN);
            assertThat(resume.statusCode()).as(resume.body()).isEqualTo(202);
            commandIds[1] = ((Double)Json.object(resume.body()).get("commandId")).longValue();
            RunningEngine.waitUntil("resumed", () -> !engine.core().status().halted(), 5_000);
            final long afterResume = counters.value(EngineCounter.ORDERS_SENT);
            RunningEngine.waitUntil("an order after the resume",
                () -> counters.value(EngineCounter.ORDERS_SENT) > afterResume, 60_000);
            assertThat(counters.value(EngineCounter.ADMIN_COMMANDS)).isEqualTo(2);
        }
        finally
        {
            running.close();
        }
        final String liveDigest = running.engine().core().digest().hex();

        final List<String> events = journalEvents(dir.resolve("journal"));
        final int halt = events.indexOf("HALT " + commandIds[0]);
        final int resume = events.indexOf("RESUME " + commandIds[1]);
        assertThat(halt).as(events.toString()).isPositive();
        assertThat(resume).isGreaterThan(halt);
        assertThat(events.subList(0, halt)).contains("NewOrder");
        assertThat(events.subList(halt, resume)).doesNotContain("NewOrder");
        assertThat(events.subList(resume, events.size())).contains("NewOrder");

        final List<String> audit = Files.readAllLines(dir.resolve("logs/audit.log"));
        assertThat(audit).hasSize(2);
        assertThat(Json.object(audit.get(0))).containsEntry("action", "halt").containsEntry("outcome", "accepted")
            .containsEntry("status", 202.0).containsEntry("commandId", (double)commandIds[0]);
        assertThat(Json.object(audit.get(1))).containsEntry("action", "resume")
            .containsEntry("commandId", (double)commandIds[1]);
        assertThat(new Replayer(RunningEngine.config(), new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)),
            new EngineCounters()).replay(dir.resolve("journal")).digest()).isEqualTo(liveDigest);
    }

    private static List<String> journalEvents(final Path journalDir)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final AdminCommandDecoder admin = new AdminCommandDecoder();
        final List<String> events = new ArrayList<>();
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            journal.replay(0, (sequence, ingress, source, flags, buffer, offset, length, index) ->
            {
                header.wrap(buffer, offset);
                if (header.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
                {
                    return;
                }
                if (header.templateId() == AdminCommandDecoder.TEMPLATE_ID)
                {
                    admin.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                        header.version());
                    events.add((admin.action() == AdminAction.HALT ? "HALT " : "RESUME ") + admin.commandId());
                }
                else if ((flags & JournalFlags.OUTBOUND) != 0 && header.templateId() == NewOrderDecoder.TEMPLATE_ID)
                {
                    events.add("NewOrder");
                }
            });
        }
        return events;
    }
}
