package com.schwabot.engine.persist;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.AdminCommandDecoder;

/**
 * schwabot_state.db: the engine runs in the journal, one {@code runs} row per AdminCommand SESSION_START (its
 * journal sequence is the run's key; its last record, time and record count follow the journal), and
 * {@code config_snapshots}: the effective configuration (secrets redacted) each time the service is started by the
 * engine, tied to that run: the first SESSION_START after the journal sequence the engine started at. A snapshot is
 * stored when the service starts, so it survives a crash before its run is persisted; it is tied to the run when
 * the run's SESSION_START is. Records before the first SESSION_START (an imported journal) belong to no run.
 */
final class StateWriter extends DatabaseWriter
{
    /** The database's file name. */
    static final String DATABASE = "schwabot_state.db";

    static final Schema SCHEMA = new Schema(DATABASE, List.of(List.of(
        SqliteDatabase.POSITION_TABLE,
        "CREATE TABLE runs (run_sequence INTEGER PRIMARY KEY, chronicle_index INTEGER NOT NULL, " +
            "start_ns INTEGER NOT NULL, time_ns INTEGER NOT NULL, note TEXT NOT NULL, " +
            "last_sequence INTEGER NOT NULL, last_ns INTEGER NOT NULL, records INTEGER NOT NULL)",
        "CREATE TABLE config_snapshots (id INTEGER PRIMARY KEY AUTOINCREMENT, taken_ns INTEGER NOT NULL, " +
            "after_sequence INTEGER NOT NULL, run_sequence INTEGER UNIQUE, source TEXT NOT NULL, " +
            "config TEXT NOT NULL)")));

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final AdminCommandDecoder admin = new AdminCommandDecoder();
    private final PersistenceContext context;
    private PreparedStatement insertRun;
    private PreparedStatement updateRun;
    private PreparedStatement bindSnapshot;
    private long run;
    private long runRecords;
    private long runLastSequence;
    private long runLastNs;

    StateWriter(final PersistenceContext context)
    {
        super(SCHEMA, context);
        this.context = context;
    }

    /**
     * Prepare the statements.
     *
     * @param connection the database.
     * @throws SQLException when a statement fails.
     */
    void prepare(final Connection connection) throws SQLException
    {
        insertRun = connection.prepareStatement("INSERT INTO runs (run_sequence, chronicle_index, start_ns, " +
            "time_ns, note, last_sequence, last_ns, records) VALUES (?, ?, ?, ?, ?, ?, ?, 0)");
        updateRun = connection.prepareStatement("UPDATE runs SET last_sequence = ?, last_ns = max(last_ns, ?), " +
            "records = records + ? WHERE run_sequence = ?");
        bindSnapshot = connection.prepareStatement("UPDATE config_snapshots SET run_sequence = ? WHERE id = " +
            "(SELECT id FROM config_snapshots WHERE run_sequence IS NULL AND after_sequence < ? " +
            "ORDER BY after_sequence DESC, id DESC LIMIT 1)");
    }

    /**
     * Store the configuration snapshot when the engine started this service, once the database was found to belong
     * to the journal.
     *
     * @param connection the database.
     * @throws SQLException when it cannot be written.
     */
    void opened(final Connection connection) throws SQLException
    {
        if (null != context.configText())
        {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO config_snapshots (taken_ns, " +
                "after_sequence, source, config) VALUES (?, ?, ?, ?)"))
            {
                insert.setLong(1, System.currentTimeMillis() * NANOS_PER_MILLI);
                insert.setLong(2, context.configAfterSequence());
                insert.setString(3, null == context.configSource() ? "" : context.configSource());
                insert.setString(4, context.configText());
                insert.executeUpdate();
            }
            connection.commit();
        }
    }

    void reload(final Connection connection)
    {
        run = 0;
        runRecords = 0;
        runLastSequence = 0;
        runLastNs = 0;
    }

    void onFrame(
        final long sequence,
        final long ingressNanos,
        final int flags,
        final DirectBuffer buffer,
        final int offset,
        final FrameStatus status,
        final long runSequence,
        final boolean sessionStart) throws SQLException
    {
        if (sessionStart)
        {
            flushRun();
            admin.wrap(buffer, offset + FrameChecker.HEADER_LENGTH, checker.blockLength(), checker.version());
            final long time = admin.timeNs();
            insertRun.setLong(1, sequence);
            insertRun.setLong(2, index());
            insertRun.setLong(3, ingressNanos);
            insertRun.setLong(4, time);
            insertRun.setString(5, admin.note());
            insertRun.setLong(6, sequence);
            insertRun.setLong(7, ingressNanos);
            insertRun.executeUpdate();
            bindSnapshot.setLong(1, sequence);
            bindSnapshot.setLong(2, sequence);
            bindSnapshot.executeUpdate();
        }
        run = runSequence;
        if (0 != run)
        {
            runRecords++;
            runLastSequence = sequence;
            runLastNs = Math.max(runLastNs, ingressNanos);
        }
    }

    private void flushRun() throws SQLException
    {
        if (0 != run && runRecords > 0)
        {
            updateRun.setLong(1, runLastSequence);
            updateRun.setLong(2, runLastNs);
            updateRun.setLong(3, runRecords);
            updateRun.setLong(4, run);
            updateRun.executeUpdate();
        }
        runRecords = 0;
        runLastNs = 0;
    }

    void beforeCommit(final long sequence) throws SQLException
    {
        flushRun();
    }

    List<String> tables()
    {
        return List.of("runs", "config_snapshots");
    }
}
