package com.schwabot.engine.persist;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;

import static org.assertj.core.api.Assertions.assertThat;

class PersistenceServiceTest
{
    private static final long TIMEOUT_NANOS = 20_000_000_000L;

    @TempDir
    Path temp;

    @Test
    void shouldTailTheJournalWhileItIsWrittenOnItsOwnThreadAndCatchUpWhenClosed() throws Exception
    {
        final Path journalDir = temp.resolve("journal");
        final long before;
        try (Journal journal = Journal.open(new JournalContext().directory(journalDir)))
        {
            new TradingJournal(journal.appender(), 1).run(200);
            before = journal.lastSequence();
        }
        final PersistenceService service = PersistenceService.start(new PersistenceContext()
            .journalDir(journalDir).sqliteDir(temp.resolve("db")).batchSize(50).flushIntervalMs(20).idleSleepMs(1)
            .configSnapshot("engine:\n  wait_strategy: sleeping\n", "/etc/schwabot", before));
        final Path trading = temp.resolve("db").resolve(TradingWriter.DATABASE);
        final Path state = temp.resolve("db").resolve(StateWriter.DATABASE);
        try (Journal journal = Journal.open(new JournalContext().directory(journalDir)))
        {
            final TradingJournal writer = new TradingJournal(journal.appender(), 2);
            writer.run(300);
            awaitCommitted(trading, journal.lastSequence());
            assertThat(Thread.getAllStackTraces().keySet()).anySatisfy((t) ->
            {
                assertThat(t.getName()).isEqualTo("schwabot-persist");
                assertThat(t.isDaemon()).isTrue();
            });
            writer.run(100);
        }
        service.close();

        final JournalFacts facts = JournalFacts.read(journalDir);
        assertThat(Db.number(trading, "SELECT sequence FROM journal_position")).isEqualTo(facts.lastSequence);
        assertThat(Db.lines(trading, "SELECT count(*) FROM executions")).containsExactly(
            Integer.toString(facts.executions.size()));
        assertThat(Db.lines(state, "SELECT run_sequence FROM runs ORDER BY 1")).hasSize(3);
        final String secondRun = Db.lines(state, "SELECT run_sequence FROM runs ORDER BY 1").get(1);
        assertThat(Long.parseLong(secondRun)).isEqualTo(before + 1);
        assertThat(Db.lines(state, "SELECT after_sequence, run_sequence, source, config FROM config_snapshots"))
            .containsExactly(before + "|" + secondRun + "|/etc/schwabot|engine:\n  wait_strategy: sleeping\n");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch((t) -> t.getName().equals("schwabot-persist"));
    }

    private static void awaitCommitted(final Path db, final long sequence) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TIMEOUT_NANOS;
        while (System.nanoTime() < deadline)
        {
            if (db.toFile().exists() && Db.number(db, "SELECT ifnull((SELECT sequence FROM journal_position), 0)") >=
                sequence)
            {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("not committed up to " + sequence + " within the timeout");
    }
}
