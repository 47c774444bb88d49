package com.schwabot.engine.persist;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.sqlite.SQLiteConfig;

/**
 * Opening an SQLite database the way every persistence writer uses it, and the two tables every database has:
 * {@code schema_version} (one row: the database's name and schema version; a newer version than this build knows
 * is refused, an older one is migrated) and {@code journal_position} (one row: where in the journal the committed
 * rows end, written in the same transaction as the rows).
 * <p>
 * Connections are in WAL mode (readers never block the writer), {@code synchronous=NORMAL} (a commit survives a
 * process crash; a power loss may lose the last commits, never consistency), with a busy timeout, and not in
 * auto-commit: the writer commits its batches.
 */
final class SqliteDatabase
{
    /** The position table, created by every schema's first migration. */
    static final String POSITION_TABLE = "CREATE TABLE journal_position (" +
        "id INTEGER PRIMARY KEY CHECK (id = 1), " +
        "chronicle_index INTEGER NOT NULL, " +
        "sequence INTEGER NOT NULL, " +
        "ingress_ns INTEGER NOT NULL, " +
        "run_sequence INTEGER NOT NULL, " +
        "first_ingress_ns INTEGER NOT NULL, " +
        "records INTEGER NOT NULL, " +
        "journal_dir TEXT NOT NULL, " +
        "updated_ns INTEGER NOT NULL)";

    private static final int BUSY_TIMEOUT_MS = 5000;

    /**
     * Where the committed rows end.
     *
     * @param index             Chronicle index of the last record persisted.
     * @param sequence          its journal sequence.
     * @param ingressNanos      its ingress time.
     * @param runSequence       sequence of the SESSION_START of the run it belongs to, 0 before any.
     * @param firstIngressNanos ingress time of the journal's first record: which journal these rows come from.
     * @param records           records persisted so far.
     */
    record Position(
        long index, long sequence, long ingressNanos, long runSequence, long firstIngressNanos, long records)
    {
    }

    private SqliteDatabase()
    {
    }

    /**
     * Open (creating) a database file.
     *
     * @param file the file.
     * @return the connection, not in auto-commit.
     * @throws SQLException when it cannot be opened.
     */
    static Connection open(final Path file) throws SQLException
    {
        final SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        final Connection connection = config.createConnection("jdbc:sqlite:" + file);
        connection.setAutoCommit(false);
        return connection;
    }

    /**
     * Create the schema of an empty database, migrate an older one, refuse a newer one or another database's.
     *
     * @param connection the database.
     * @param schema     what it must be.
     * @param file       for messages.
     * @param setting    the name of the setting that chooses the directory, for the message that says to use another.
     * @throws SQLException         when a statement fails.
     * @throws PersistenceException when the schema is newer than this build's or names another database.
     */
    static void migrate(final Connection connection, final Schema schema, final Path file, final String setting)
        throws SQLException
    {
        try (Statement statement = connection.createStatement())
        {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), " +
                "database TEXT NOT NULL, version INTEGER NOT NULL)");
            int version = 0;
            try (ResultSet rs = statement.executeQuery("SELECT database, version FROM schema_version"))
            {
                if (rs.next())
                {
                    if (!schema.database().equals(rs.getString(1)))
                    {
                        throw new PersistenceException(file + " is " + rs.getString(1) + ", not " +
                            schema.database() + ": the file was renamed or copied over");
                    }
                    version = rs.getInt(2);
                }
            }
            if (version > schema.version())
            {
                throw new PersistenceException(file + " has schema version " + version + ", newer than the " +
                    schema.version() + " this build of schwabot writes: use a newer schwabot, or another " + setting);
            }
            final List<List<String>> migrations = schema.migrations();
            for (int v = version; v < migrations.size(); v++)
            {
                for (final String sql : migrations.get(v))
                {
                    statement.execute(sql);
                }
            }
            statement.execute("INSERT OR REPLACE INTO schema_version (id, database, version) VALUES (1, '" +
                schema.database() + "', " + schema.version() + ")");
        }
        connection.commit();
    }

    /**
     * The committed position.
     *
     * @param connection the database.
     * @return the position, or null when nothing was persisted yet.
     * @throws SQLException when the query fails.
     */
    static Position position(final Connection connection) throws SQLException
    {
        try (Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("SELECT chronicle_index, sequence, ingress_ns, run_sequence, " +
                "first_ingress_ns, records FROM journal_position WHERE id = 1"))
        {
            return rs.next() ?
                new Position(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)) :
                null;
        }
    }

    /**
     * Whether an existing database file holds a committed journal position (rows persisted from some journal).
     *
     * @param file the database file.
     * @return true when it does.
     * @throws PersistenceException when it cannot be read.
     */
    static boolean holdsPosition(final Path file)
    {
        try (Connection connection = open(file);
            Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal_position'"))
        {
            return rs.next() && rs.getInt(1) > 0 && null != position(connection);
        }
        catch (final SQLException ex)
        {
            throw new PersistenceException(file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The statement that stores the position (bind it with {@link #bindPosition}).
     *
     * @param connection the database.
     * @return the statement.
     * @throws SQLException when it cannot be prepared.
     */
    static PreparedStatement positionStatement(final Connection connection) throws SQLException
    {
        return connection.prepareStatement("INSERT OR REPLACE INTO journal_position (id, chronicle_index, sequence, " +
            "ingress_ns, run_sequence, first_ingress_ns, records, journal_dir, updated_ns) " +
            "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    static void bindPosition(
        final PreparedStatement statement, final Position position, final String journalDir, final long nowNanos)
        throws SQLException
    {
        statement.setLong(1, position.index());
        statement.setLong(2, position.sequence());
        statement.setLong(3, position.ingressNanos());
        statement.setLong(4, position.runSequence());
        statement.setLong(5, position.firstIngressNanos());
        statement.setLong(6, position.records());
        statement.setString(7, journalDir);
        statement.setLong(8, nowNanos);
    }

    /**
     * Rows in a table.
     *
     * @param connection the database.
     * @param table      the table or view.
     * @return the count.
     * @throws SQLException when the query fails.
     */
    static long count(final Connection connection, final String table) throws SQLException
    {
        try (Statement statement = connection.createStatement();
            ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table))
        {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
