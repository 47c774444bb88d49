package com.schwabot.engine.persist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.engine.TestCores;
import com.schwabot.engine.importer.CsvImporter;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The three databases built from a real journal (written by {@link TradingJournal}) in real SQLite files, compared
 * with what the journal says ({@link JournalFacts}); resuming after a crash; refusing what must be refused.
 */
class PersistenceAgentTest
{
    private static final String EXECUTIONS = "SELECT sequence, run_sequence, ingress_ns, transact_time_ns, " +
        "cl_ord_id, exchange_order_id, exec_id, instrument_id, side, exec_type, order_price, last_price, last_qty, " +
        "cum_qty, leaves_qty, price_exponent, qty_exponent, fee, fee_exponent, reject_reason, liquidity " +
        "FROM executions ORDER BY sequence";
    private static final String ORDERS = "SELECT cl_ord_id, sequence, run_sequence, time_ns, instrument_id, side, " +
        "order_type, time_in_force, price, price_exponent, qty, qty_exponent FROM orders ORDER BY sequence";

    @TempDir
    Path temp;

    private final ManualClock clock = new ManualClock();

    private Path journalDir()
    {
        return temp.resolve("journal");
    }

    private Path db(final String name)
    {
        return temp.resolve("db").resolve(name);
    }

    private PersistenceContext context(final int batchSize)
    {
        return new PersistenceContext().journalDir(journalDir()).sqliteDir(temp.resolve("db")).batchSize(batchSize)
            .flushIntervalMs(100).clock(clock);
    }

    private void writeJournal(final long seed, final int... runs)
    {
        try (Journal journal = Journal.open(new JournalContext().directory(journalDir())))
        {
            final TradingJournal writer = new TradingJournal(journal.appender(), seed);
            for (final int steps : runs)
            {
                writer.run(steps);
            }
        }
    }

    @Test
    void shouldHoldEveryExecutionReportOrderCancelAndRunOfTheJournalAndPositionsAsTheSumOfFills()
    {
        writeJournal(7, 800, 600);
        final JournalFacts facts = JournalFacts.read(journalDir());

        try (PersistenceAgent agent = PersistenceAgent.open(context(97)))
        {
            assertThat(agent.catchUp()).isEqualTo(facts.lastSequence);
            assertThat(agent.summary()).allSatisfy((s) -> assertThat(s.sequence()).isEqualTo(facts.lastSequence));
        }

        final Path trading = db(TradingWriter.DATABASE);
        assertThat(facts.executions).hasSizeGreaterThan(100);
        assertThat(Db.lines(trading, EXECUTIONS)).containsExactlyElementsOf(facts.executions);
        assertThat(Db.lines(trading, ORDERS)).containsExactlyElementsOf(facts.orders);
        assertThat(Db.lines(trading, "SELECT cl_ord_id, status, cum_qty, updated_sequence FROM orders " +
            "ORDER BY cl_ord_id")).containsExactlyElementsOf(facts.orderStates());
        assertThat(Db.lines(trading, "SELECT cl_ord_id, sequence, orig_cl_ord_id FROM cancels ORDER BY sequence"))
            .containsExactlyElementsOf(facts.cancels);
        assertThat(Db.lines(trading, "SELECT instrument_id, qty FROM positions ORDER BY instrument_id"))
            .containsExactlyElementsOf(facts.positions.entrySet().stream()
                .map((e) -> e.getKey() + "|" + e.getValue()).toList());
        assertThat(Db.lines(trading, "SELECT p.qty = (SELECT sum(CASE side WHEN 'BUY' THEN last_qty ELSE " +
            "-last_qty END) FROM fills f WHERE f.instrument_id = p.instrument_id) FROM positions p"))
            .containsOnly("1");
        assertThat(Db.lines(trading, "SELECT last_price_text, last_qty_text FROM fills WHERE instrument_id = 2 " +
            "LIMIT 1").get(0)).matches("\\d+\\.\\d{2}\\|\\d+\\.\\d{4}");

        assertThat(Db.lines(db(StateWriter.DATABASE), "SELECT run_sequence, chronicle_index, start_ns, time_ns, " +
            "note, last_sequence, last_ns, records FROM runs ORDER BY run_sequence"))
            .hasSize(2).containsExactlyElementsOf(facts.runs);
        for (final MonitoringWriter.Metric metric : MonitoringWriter.Metric.values())
        {
            final String column = metric.column();
            assertThat(Db.number(db(MonitoringWriter.DATABASE), "SELECT (SELECT ifnull(sum(" + column + "), 0) " +
                "FROM metrics) + (SELECT " + column + " FROM metrics_pending)"))
                .as(column).isEqualTo(facts.counts.getOrDefault(metric, 0L));
        }
        assertThat(Db.number(db(MonitoringWriter.DATABASE), "SELECT count(*) FROM metrics")).isGreaterThan(10);
        assertThat(Db.lines(db(MonitoringWriter.DATABASE), "SELECT max(end_ns - start_ns) < 1100000000, " +
            "min(timers) > 0 FROM metrics WHERE end_ns - start_ns >= 1000000000")).containsExactly("1|1");
    }

    @Test
    void shouldResumeAfterACrashInTheMiddleOfABatchWithoutDuplicatesOrGaps() throws Exception
    {
        writeJournal(11, 700);
        final long written = JournalFacts.read(journalDir()).lastSequence;
        assertThat(written % 100).isPositive();
        PersistenceAgent agent = PersistenceAgent.open(context(100));
        for (long i = 0; i < written / 100; i++)
        {
            agent.doWork();
        }
        agent.doWork();
        final long committed = committed(TradingWriter.DATABASE);
        final DatabaseWriter trading = agent.writers().get(0);
        final long uncommitted = SqliteDatabase.count(trading.connection(), "executions");
        agent.crash();

        assertThat(committed).isEqualTo(written / 100 * 100);
        assertThat(uncommitted).as("rows of the batch the crash lost")
            .isGreaterThan(Db.number(db(TradingWriter.DATABASE), "SELECT count(*) FROM executions"));
        writeJournal(12, 300);
        agent = PersistenceAgent.open(context(100));
        agent.catchUp();
        agent.close();

        final PersistenceContext clean = context(1000).sqliteDir(temp.resolve("clean"));
        try (PersistenceAgent rebuilt = PersistenceAgent.open(clean))
        {
            rebuilt.catchUp();
        }
        for (final String database : List.of(TradingWriter.DATABASE, MonitoringWriter.DATABASE,
            StateWriter.DATABASE))
        {
            assertThat(Db.dump(db(database))).as(database)
                .containsExactlyElementsOf(Db.dump(temp.resolve("clean").resolve(database)));
        }
        final JournalFacts facts = JournalFacts.read(journalDir());
        assertThat(Db.lines(db(TradingWriter.DATABASE), EXECUTIONS)).containsExactlyElementsOf(facts.executions);
    }

    @Test
    void shouldRollBackAFailedBatchCountItAndRetryFromTheCommittedPosition() throws Exception
    {
        writeJournal(13, 300);
        final JournalFacts facts = JournalFacts.read(journalDir());
        final long firstReport = Long.parseLong(facts.executions.get(0).split("\\|")[0]);
        try (PersistenceAgent agent = PersistenceAgent.open(context(firstReport > 1 ? (int)firstReport - 1 : 1)))
        {
            try (java.sql.Connection other = SqliteDatabase.open(db(TradingWriter.DATABASE)))
            {
                other.createStatement().executeUpdate("INSERT INTO executions VALUES (" + firstReport + ", 0, 0, " +
                    "0, 0, NULL, NULL, 0, 0, 'BUY', 'NEW', 0, 0, 0, 0, 0, 0, 0, 0, 0, 'NONE', 'NONE', '', '', '')");
                other.commit();
            }
            agent.doWork();
            agent.doWork();
            assertThat(agent.errors()).isEqualTo(1);
            assertThat(committed(TradingWriter.DATABASE)).isEqualTo(firstReport - 1);
            clock.advance(999_000_000);
            agent.doWork();
            assertThat(agent.errors()).as("waits a second before retrying").isEqualTo(1);

            try (java.sql.Connection other = SqliteDatabase.open(db(TradingWriter.DATABASE)))
            {
                other.createStatement().executeUpdate("DELETE FROM executions");
                other.commit();
            }
            clock.advance(1_000_000);
            agent.catchUp();
            assertThat(agent.errors()).isEqualTo(1);
        }
        assertThat(Db.lines(db(TradingWriter.DATABASE), EXECUTIONS)).containsExactlyElementsOf(facts.executions);
    }

    @Test
    void shouldCommitAFullBatchAtOnceAndAPartialOneAfterTheFlushInterval()
    {
        writeJournal(3, 50);
        final long records = JournalFacts.read(journalDir()).lastSequence;
        final int batch = (int)(records / 2 + 1);

        try (PersistenceAgent agent = PersistenceAgent.open(context(batch)))
        {
            agent.doWork();
            assertThat(committed(TradingWriter.DATABASE)).as("a full batch").isEqualTo(batch);
            agent.doWork();
            assertThat(committed(TradingWriter.DATABASE)).as("the rest waits").isEqualTo(batch);
            clock.advance(99_000_000);
            agent.doWork();
            assertThat(committed(TradingWriter.DATABASE)).isEqualTo(batch);
            clock.advance(1_000_000);
            agent.doWork();
            assertThat(committed(TradingWriter.DATABASE)).as("100 ms after its first record").isEqualTo(records);
        }
    }

    private long committed(final String database)
    {
        return Db.number(db(database), "SELECT ifnull((SELECT sequence FROM journal_position), 0)");
    }

    @Test
    void shouldRefuseASchemaNewerThanThisBuild() throws Exception
    {
        writeJournal(5, 10);
        try (PersistenceAgent agent = PersistenceAgent.open(context(100)))
        {
            agent.catchUp();
        }
        try (java.sql.Connection c = SqliteDatabase.open(db(StateWriter.DATABASE)))
        {
            c.createStatement().executeUpdate("UPDATE schema_version SET version = 7");
            c.commit();
        }

        assertThatThrownBy(() -> PersistenceAgent.open(context(100)))
            .isInstanceOf(PersistenceException.class)
            .hasMessage(db(StateWriter.DATABASE) + " has schema version 7, newer than the 1 this build of schwabot " +
                "writes: use a newer schwabot, or another persistence.sqlite_dir");
        assertThat(Db.lines(db(TradingWriter.DATABASE), "SELECT database, version FROM schema_version"))
            .containsExactly("schwabot_trading.db|1");
    }

    @Test
    void shouldRefuseDatabasesBuiltFromAnotherJournal() throws Exception
    {
        writeJournal(5, 10);
        try (PersistenceAgent agent = PersistenceAgent.open(context(100)))
        {
            agent.catchUp();
        }
        final Path other = temp.resolve("other");
        new CsvImporter(TestCores.defaults()).run(List.of(Path.of(getClass().getResource(
            "/importer/BTCUSDT-trades-2024-01-02.csv").toURI())), other);

        assertThatThrownBy(() -> PersistenceAgent.open(context(100).journalDir(other)))
            .isInstanceOf(PersistenceException.class)
            .hasMessageContaining(" holds rows of another journal than " + other)
            .hasMessageEndingWith("use another persistence.sqlite_dir");

        Files.delete(db(TradingWriter.DATABASE));
        Files.delete(db(MonitoringWriter.DATABASE));
        assertThatThrownBy(() -> PersistenceAgent.open(context(100).journalDir(other)
            .configSnapshot("engine: {}", "test", 0)))
            .as("the state database alone is another journal's")
            .isInstanceOf(PersistenceException.class)
            .hasMessageContaining(StateWriter.DATABASE + " holds rows of another journal than " + other);
        assertThat(Db.lines(db(StateWriter.DATABASE), "SELECT count(*) FROM config_snapshots"))
            .as("a refused database gets no configuration snapshot").containsExactly("0");
    }

    @Test
    void shouldCheckBeforeAnEngineStartsThatTheDatabasesCanTakeItsJournalWithoutPersistingAnything()
        throws Exception
    {
        PersistenceAgent.check(context(100));
        assertThat(temp.resolve("db")).as("nothing to check: no databases, no journal").doesNotExist();

        writeJournal(5, 10);
        PersistenceAgent.check(context(100).configSnapshot("engine: {}", "test", 0));
        assertThat(Db.lines(db(TradingWriter.DATABASE), "SELECT count(*) FROM journal_position"))
            .as("the check persists no record").containsExactly("0");
        assertThat(Db.lines(db(StateWriter.DATABASE), "SELECT count(*) FROM config_snapshots"))
            .as("nor a configuration snapshot").containsExactly("0");
        try (PersistenceAgent agent = PersistenceAgent.open(context(100)))
        {
            agent.catchUp();
        }
        PersistenceAgent.check(context(100));

        final Path other = temp.resolve("other");
        new CsvImporter(TestCores.defaults()).run(List.of(Path.of(getClass().getResource(
            "/importer/BTCUSDT-trades-2024-01-02.csv").toURI())), other);
        assertThatThrownBy(() -> PersistenceAgent.check(context(100).journalDir(other)))
            .isInstanceOf(PersistenceException.class)
            .hasMessageContaining(" holds rows of another journal than " + other);

        final Path fresh = temp.resolve("fresh");
        assertThatThrownBy(() -> PersistenceAgent.check(context(100).journalDir(fresh)))
            .isInstanceOf(PersistenceException.class)
            .hasMessage(db(TradingWriter.DATABASE) + " holds rows of another journal than " + fresh +
                ", which holds no record yet: use another persistence.sqlite_dir");

        final PersistenceAgent writing = PersistenceAgent.open(context(100));
        assertThatThrownBy(() -> PersistenceAgent.check(context(100)))
            .isInstanceOf(PersistenceException.class)
            .hasMessageContaining("are being written by another schwabot");
        writing.close();
    }

    @Test
    void shouldLetOnlyOneAgentWriteTheDatabases()
    {
        writeJournal(5, 10);
        final PersistenceAgent first = PersistenceAgent.open(context(100));

        assertThatThrownBy(() -> PersistenceAgent.open(context(100)))
            .isInstanceOf(PersistenceException.class)
            .hasMessageContaining("are being written by another schwabot");
        first.close();
        PersistenceAgent.open(context(100)).close();
    }

    /**
     * A clock the test moves.
     */
    static final class ManualClock implements org.agrona.concurrent.NanoClock
    {
        private long now = 1_000_000_000L;

        public long nanoTime()
        {
            return now;
        }

        void advance(final long nanos)
        {
            now += nanos;
        }
    }
}
