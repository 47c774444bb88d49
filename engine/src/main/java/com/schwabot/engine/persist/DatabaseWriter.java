package com.schwabot.engine.persist;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalTailer;
import com.schwabot.journal.RecordHandler;

/**
 * A journal tailer that writes one SQLite database: it reads records in journal order, writes their rows in a
 * transaction, and commits every {@code batchSize} records or {@code flushIntervalMs} after the first uncommitted
 * one, whichever comes first. The journal position (Chronicle index, sequence) goes into the same transaction as
 * the rows, so after a crash or restart it resumes right after the last committed record: no row twice, none
 * missing. A failure rolls the batch back, rewinds to the committed position and retries a second later (counted
 * and logged, never thrown out of {@link #doWork(long)}).
 * <p>
 * Subclasses turn records into rows ({@link #onFrame}) and keep whatever they derive (positions, pending metrics)
 * in memory between commits, writing it in {@link #beforeCommit} and reading it back in {@link #reload}.
 * <p>
 * Not thread-safe: one thread (the persistence agent's, or the caller of {@link #drain}).
 */
abstract class DatabaseWriter implements RecordHandler, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseWriter.class);
    private static final long RETRY_NANOS = 1_000_000_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    /** Checks each record's frame; after {@link #onFrame} is called it describes that frame. */
    protected final FrameChecker checker = new FrameChecker();
    private final AdminCommandDecoder admin = new AdminCommandDecoder();
    private final Schema schema;
    private final Path file;
    private final String journalDir;
    private final String sqliteDirSetting;
    private final int batchSize;
    private final long flushIntervalNanos;
    private Connection connection;
    private PreparedStatement positionStatement;
    private Journal journal;
    private JournalTailer tailer;
    private SqliteDatabase.Position committed;
    private int pending;
    private long batchStartNanos;
    private long lastIndex = -1;
    private long lastSequence;
    private long lastIngressNanos;
    private long runSequence;
    private long firstIngressNanos;
    private long records;
    private long recordsAtOpen = -1;
    private long errors;
    private long retryAtNanos;
    private boolean retrying;
    private long currentIndex;

    DatabaseWriter(final Schema schema, final PersistenceContext context)
    {
        this.schema = schema;
        this.file = context.sqliteDir().resolve(schema.database());
        this.journalDir = context.journalDir().toAbsolutePath().normalize().toString();
        this.sqliteDirSetting = context.sqliteDirSetting();
        this.batchSize = context.batchSize();
        this.flushIntervalNanos = context.flushIntervalMs() * NANOS_PER_MILLI;
    }

    /**
     * Open the database (creating or migrating its schema) and position on the journal after the last committed
     * record.
     *
     * @param journal the journal, open.
     * @throws PersistenceException when the database cannot be used with this journal.
     */
    final void open(final Journal journal)
    {
        this.journal = journal;
        try
        {
            connection = SqliteDatabase.open(file);
            SqliteDatabase.migrate(connection, schema, file, sqliteDirSetting);
            positionStatement = SqliteDatabase.positionStatement(connection);
            prepare(connection);
            committed = SqliteDatabase.position(connection);
            checkSameJournal();
            tailer = journal.tailer();
            rewind();
            opened(connection);
            recordsAtOpen = records;
            tailer.handOver();
        }
        catch (final SQLException ex)
        {
            closeQuietly();
            throw new PersistenceException(file + ": " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            closeQuietly();
            throw ex;
        }
    }

    private void checkSameJournal()
    {
        if (null == committed)
        {
            return;
        }
        final long[] first = {-1};
        try (JournalTailer peek = journal.tailer())
        {
            peek.poll((sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
                first[0] = ingressNanos, 1);
        }
        if (first[0] != committed.firstIngressNanos())
        {
            throw new PersistenceException(file + " holds rows of another journal than " + journalDir + " (its " +
                "first record's time is " + committed.firstIngressNanos() + " ns, this journal's " +
                (first[0] < 0 ? "is empty" : first[0] + " ns") + "): use another " + sqliteDirSetting);
        }
    }

    private void rewind() throws SQLException
    {
        if (null == committed)
        {
            tailer.toStart();
            lastIndex = -1;
            lastSequence = 0;
            lastIngressNanos = 0;
            runSequence = 0;
            firstIngressNanos = 0;
            records = 0;
        }
        else
        {
            if (!tailer.afterIndex(committed.index()))
            {
                throw new PersistenceException(file + " stopped at journal sequence " + committed.sequence() +
                    " (index " + committed.index() + "), which " + journalDir + " does not hold: the journal was " +
                    "truncated or replaced; use another " + sqliteDirSetting);
            }
            lastIndex = committed.index();
            lastSequence = committed.sequence();
            lastIngressNanos = committed.ingressNanos();
            runSequence = committed.runSequence();
            firstIngressNanos = committed.firstIngressNanos();
            records = committed.records();
        }
        pending = 0;
        reload(connection);
        connection.commit(); // ends the read transaction the queries opened: no stale snapshot, checkpoints proceed
    }

    /**
     * Prepare the statements (after the schema is in place).
     *
     * @param connection the database.
     * @throws SQLException when a statement cannot be prepared.
     */
    abstract void prepare(Connection connection) throws SQLException;

    /**
     * The database was found to belong to the journal and is positioned on it: store what this writer stores once
     * per open (nothing by default). A database refused at open gets nothing.
     *
     * @param connection the database.
     * @throws SQLException when it cannot be written.
     */
    void opened(final Connection connection) throws SQLException
    {
    }

    /**
     * Load what is kept in memory between commits from the committed rows (at open and after a rollback).
     *
     * @param connection the database.
     * @throws SQLException when a query fails.
     */
    abstract void reload(Connection connection) throws SQLException;

    /**
     * Write the rows of one record.
     *
     * @param sequence     journal sequence.
     * @param ingressNanos ingress time.
     * @param flags        application flags (END_OF_BATCH, OUTBOUND).
     * @param buffer       the frame's buffer.
     * @param offset       of the frame.
     * @param status       what {@link #checker} found: decode only when OK.
     * @param runSequence  the SESSION_START sequence of the run the record belongs to, 0 before any.
     * @param sessionStart whether the record is a SESSION_START (then runSequence is its own sequence).
     * @throws SQLException when a write fails.
     */
    abstract void onFrame(
        long sequence,
        long ingressNanos,
        int flags,
        DirectBuffer buffer,
        int offset,
        FrameStatus status,
        long runSequence,
        boolean sessionStart) throws SQLException;

    /**
     * Write what is kept in memory (the batch is about to commit).
     *
     * @param sequence last sequence of the batch.
     * @throws SQLException when a write fails.
     */
    abstract void beforeCommit(long sequence) throws SQLException;

    /**
     * The tables and views this database holds, for summaries.
     *
     * @return their names.
     */
    abstract List<String> tables();

    /**
     * {@inheritDoc}
     */
    public final void onRecord(
        final long sequence,
        final long ingressNanos,
        final long source,
        final int flags,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long index)
    {
        if (0 == lastSequence && 0 == firstIngressNanos)
        {
            firstIngressNanos = ingressNanos;
        }
        final FrameStatus status = checker.check(buffer, offset, length);
        final boolean sessionStart = status == FrameStatus.OK && isSessionStart(buffer, offset);
        final long run = sessionStart ? sequence : runSequence;
        currentIndex = index;
        try
        {
            onFrame(sequence, ingressNanos, flags, buffer, offset, status, run, sessionStart);
        }
        catch (final SQLException ex)
        {
            throw new PersistenceException(file + ": journal record " + sequence + ": " + ex.getMessage(), ex);
        }
        runSequence = run;
        lastIndex = index;
        lastSequence = sequence;
        lastIngressNanos = ingressNanos;
        records++;
    }

    private boolean isSessionStart(final DirectBuffer buffer, final int offset)
    {
        if (!checker.isCanonical() || checker.templateId() != AdminCommandDecoder.TEMPLATE_ID)
        {
            return false;
        }
        admin.wrap(buffer, offset + FrameChecker.HEADER_LENGTH, checker.blockLength(), checker.version());
        return admin.action() == AdminAction.SESSION_START;
    }

    /**
     * One duty cycle: read up to the room left in the batch, commit when the batch is full or old enough.
     *
     * @param nowNanos a monotonic clock, for the flush interval.
     * @return records read.
     */
    final int doWork(final long nowNanos)
    {
        if (retrying)
        {
            if (nowNanos - retryAtNanos < 0)
            {
                return 0;
            }
            retrying = false;
        }
        try
        {
            final int read = tailer.poll(this, batchSize - pending);
            if (read > 0 && 0 == pending)
            {
                batchStartNanos = nowNanos;
            }
            pending += read;
            if (pending >= batchSize || (pending > 0 && nowNanos - batchStartNanos >= flushIntervalNanos))
            {
                commit();
            }
            return read;
        }
        catch (final SQLException | RuntimeException ex)
        {
            recover(ex, nowNanos);
            return 0;
        }
    }

    /**
     * Read and commit everything the journal holds now, on the calling thread.
     *
     * @return records persisted.
     * @throws PersistenceException when a write fails (the batch is rolled back first).
     */
    final long drain()
    {
        final long before = recordsThisSession();
        try
        {
            int read;
            do
            {
                read = tailer.poll(this, batchSize - pending);
                pending += read;
                if (pending >= batchSize)
                {
                    commit();
                }
            }
            while (read > 0);
            commit();
        }
        catch (final SQLException | RuntimeException ex)
        {
            recover(ex, 0);
            throw ex instanceof PersistenceException ? (PersistenceException)ex :
                new PersistenceException(file + ": " + ex.getMessage(), ex);
        }
        return recordsThisSession() - before;
    }

    /**
     * Commit the batch (rows, derived state and the journal position together); nothing when it is empty.
     *
     * @throws SQLException when the commit fails.
     */
    final void commit() throws SQLException
    {
        if (0 == pending)
        {
            return;
        }
        beforeCommit(lastSequence);
        final SqliteDatabase.Position position = new SqliteDatabase.Position(
            lastIndex, lastSequence, lastIngressNanos, runSequence, firstIngressNanos, records);
        SqliteDatabase.bindPosition(positionStatement, position, journalDir,
            System.currentTimeMillis() * NANOS_PER_MILLI);
        positionStatement.executeUpdate();
        connection.commit();
        committed = position;
        pending = 0;
    }

    private void recover(final Exception ex, final long nowNanos)
    {
        errors++;
        if (errors == 1 || errors % 100 == 0)
        {
            LOG.warn("{}: {} (error {}); rolled back to journal sequence {}, retrying", file, ex.getMessage(),
                errors, null == committed ? 0 : committed.sequence());
        }
        retryAtNanos = nowNanos + RETRY_NANOS;
        retrying = true;
        try
        {
            connection.rollback();
            tailer.close();
            tailer = journal.tailer();
            rewind();
        }
        catch (final SQLException | RuntimeException again)
        {
            LOG.warn("{}: cannot rewind: {}", file, again.getMessage());
        }
    }

    /**
     * Chronicle index of the record being written (valid during {@link #onFrame}).
     *
     * @return the index.
     */
    final long index()
    {
        return currentIndex;
    }

    /**
     * Sequence of the last record committed.
     *
     * @return the sequence, 0 when none.
     */
    final long committedSequence()
    {
        return null == committed ? 0 : committed.sequence();
    }

    /**
     * Failures so far (each rolled back and retried).
     *
     * @return the count.
     */
    final long errors()
    {
        return errors;
    }

    /**
     * Records read and committed since this writer was opened.
     *
     * @return the count.
     */
    final long recordsThisSession()
    {
        return (null == committed ? 0 : committed.records()) - recordsAtOpen;
    }

    /**
     * The database file.
     *
     * @return its path.
     */
    final Path file()
    {
        return file;
    }

    /**
     * Rows per table (committed and not), for summaries.
     *
     * @return table name to row count, in {@link #tables()} order.
     * @throws SQLException when a query fails.
     */
    final Map<String, Long> counts() throws SQLException
    {
        final Map<String, Long> counts = new LinkedHashMap<>();
        for (final String table : tables())
        {
            counts.put(table, SqliteDatabase.count(connection, table));
        }
        if (0 == pending)
        {
            connection.commit(); // nothing is pending: only ends the read transaction the counts opened
        }
        return counts;
    }

    /**
     * The connection (tests).
     *
     * @return the connection.
     */
    final Connection connection()
    {
        return connection;
    }

    /**
     * Stop as a crash would: close without committing (SQLite rolls the open batch back).
     */
    final void crash()
    {
        closeQuietly();
    }

    /**
     * Close: the caller commits first ({@link #drain} or {@link #commit}); anything uncommitted is rolled back.
     */
    public final void close()
    {
        closeQuietly();
    }

    private void closeQuietly()
    {
        if (null != tailer)
        {
            tailer.close();
            tailer = null;
        }
        if (null != connection)
        {
            try
            {
                connection.close();
            }
            catch (final SQLException ex)
            {
                LOG.warn("{}: close: {}", file, ex.getMessage());
            }
            connection = null;
        }
    }
}
