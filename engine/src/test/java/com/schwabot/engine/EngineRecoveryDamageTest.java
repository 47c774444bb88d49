package com.schwabot.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalDamagedException;
import com.schwabot.journal.QueueFiles;
import com.schwabot.journal.RecordHeader;
import com.schwabot.journal.SbeHeader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restart on a journal whose last session holds a record that fails its checksum (a bad disk, a stray write): the
 * engine would recover without it and go live holding what the last run never held, and a replay of the journal
 * would not reproduce the live run. It refuses to start instead, saying where and what to do, and journals nothing;
 * with {@code engine.recover_on_start} off it begins a new session on the same journal.
 */
class EngineRecoveryDamageTest
{
    @TempDir
    Path dir;

    @Test
    void shouldRefuseToRecoverASessionWithARecordThatFailsItsChecksum() throws Exception
    {
        final Path journalDir = dir.resolve("journal");
        final SchwabotConfig config = TestCores.defaults();
        final Engine first = LoopbackVenue.runToEnd(config, journalDir, 4, 3_000);
        assertThat(first.counters().value(EngineCounter.INBOUND_FRAMES)).isGreaterThan(1_000);

        final long damaged;
        final long last;
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            last = journal.lastSequence();
            damaged = last / 2;
            final long[] found = new long[2];
            journal.replay(damaged, (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
            {
                if (sequence == damaged)
                {
                    found[0] = ingressNanos;
                    found[1] = source;
                }
            });
            QueueFiles.flip(QueueFiles.findRecord(journalDir, damaged, found[0], found[1]),
                RecordHeader.LENGTH + SbeHeader.LENGTH + 1);
        }

        assertThatThrownBy(() -> Engine.start(config, journalDir, (e) -> List.of()))
            .isInstanceOf(JournalDamagedException.class)
            .hasMessageStartingWith("cannot recover the session begun at journal sequence 1, so the engine would " +
                "not hold what the last run held: journal " + journalDir + " cannot be read whole from sequence 1: " +
                "1 record(s) failed their checksum")
            .hasMessageEndingWith("Set engine.recover_on_start: false to begin a new session on this journal, or " +
                "move it aside");
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            assertThat(journal.lastSequence()).as("nothing journaled by the refused start").isEqualTo(last);
        }

        final Engine fresh = Engine.start(TestCores.defaults(Map.of("SCHWABOT_ENGINE_RECOVER_ON_START", "false")),
            journalDir, (e) -> List.of());
        fresh.close();
        assertThat(fresh.recoveredFrom()).isEqualTo(-1);
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            assertThat(journal.lastSequence()).as("the new session's first records").isGreaterThan(last);
        }
    }
}
