package com.schwabot.engine.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;

/**
 * The three journal tailers that build the SQLite databases under {@code persistence.sqlite_dir}
 * ({@link TradingWriter schwabot_trading.db}, {@link MonitoringWriter schwabot_monitoring.db},
 * {@link StateWriter schwabot_state.db}), as one Agrona {@link Agent}: {@link #doWork()} steps each; the
 * {@link PersistenceService} runs it on its own thread, {@code schwabot persist} calls {@link #catchUp()} once.
 * Each database keeps its own journal position, committed with its rows, and resumes after it. The journal is opened
 * read-only; a lock file keeps a second agent off the same databases.
 * <p>
 * Not thread-safe: one thread.
 */
public final class PersistenceAgent implements Agent, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceAgent.class);

    private final NanoClock clock;
    private final DirectoryLock lock;
    private final Journal journal;
    private final List<DatabaseWriter> writers;
    private boolean closed;

    /**
     * One database's state after a catch-up.
     *
     * @param database  file name, e.g. {@code schwabot_trading.db}.
     * @param file      its path.
     * @param sequence  journal sequence of the last record committed, 0 when none.
     * @param records   records read and committed since the agent was opened.
     * @param rows      rows per table.
     */
    public record DatabaseSummary(String database, Path file, long sequence, long records, Map<String, Long> rows)
    {
    }

    private PersistenceAgent(
        final NanoClock clock, final DirectoryLock lock, final Journal journal, final List<DatabaseWriter> writers)
    {
        this.clock = clock;
        this.lock = lock;
        this.journal = journal;
        this.writers = writers;
    }

    /**
     * Open the databases (creating or migrating them) and the journal, positioned after what each database holds.
     *
     * @param context the settings.
     * @return the agent.
     * @throws PersistenceException when a database cannot be used (newer schema, another journal, locked, ...).
     */
    public static PersistenceAgent open(final PersistenceContext context)
    {
        context.conclude();
        final Path sqliteDir = context.sqliteDir();
        try
        {
            Files.createDirectories(sqliteDir);
        }
        catch (final IOException ex)
        {
            throw new PersistenceException("cannot create " + sqliteDir + ": " + ex, ex);
        }
        final DirectoryLock lock = DirectoryLock.acquire(sqliteDir, context.sqliteDirSetting());
        Journal journal = null;
        final List<DatabaseWriter> writers = new ArrayList<>(3);
        try
        {
            journal = openJournal(context.journalDir());
            writers.add(new TradingWriter(context));
            writers.add(new MonitoringWriter(context));
            writers.add(new StateWriter(context));
            for (final DatabaseWriter writer : writers)
            {
                writer.open(journal);
            }
            return new PersistenceAgent(context.clock(), lock, journal, List.copyOf(writers));
        }
        catch (final RuntimeException ex)
        {
            for (final DatabaseWriter writer : writers)
            {
                writer.close();
            }
            if (null != journal)
            {
                journal.close();
            }
            lock.close();
            throw ex;
        }
    }

    /**
     * Check that the databases can take a journal, without reading or writing a record: what {@link #open} refuses
     * (a schema newer than this build, databases of another journal or past its end, a directory locked by another
     * writer), found before an engine starts trading rather than after. Against a journal that holds no record
     * yet, databases that hold rows belong to another journal. Creates or migrates the databases as {@link #open}
     * would; stores no configuration snapshot.
     *
     * @param context the settings (its configuration snapshot is not stored).
     * @throws PersistenceException when the databases cannot be used.
     */
    public static void check(final PersistenceContext context)
    {
        context.conclude();
        if (holdsQueueFile(context.journalDir()))
        {
            open(context.withoutSnapshot()).close();
            return;
        }
        final Path sqliteDir = context.sqliteDir();
        if (!Files.isDirectory(sqliteDir))
        {
            return;
        }
        final DirectoryLock lock = DirectoryLock.acquire(sqliteDir, context.sqliteDirSetting());
        try
        {
            for (final String name : List.of(TradingWriter.DATABASE, MonitoringWriter.DATABASE, StateWriter.DATABASE))
            {
                final Path file = sqliteDir.resolve(name);
                if (Files.exists(file) && SqliteDatabase.holdsPosition(file))
                {
                    throw new PersistenceException(file + " holds rows of another journal than " +
                        context.journalDir() + ", which holds no record yet: use another " +
                        context.sqliteDirSetting());
                }
            }
        }
        finally
        {
            lock.close();
        }
    }

    private static boolean holdsQueueFile(final Path journalDir)
    {
        if (!Files.isDirectory(journalDir))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(journalDir))
        {
            return files.anyMatch((file) -> file.getFileName().toString().endsWith(".cq4"));
        }
        catch (final IOException ex)
        {
            throw new PersistenceException("cannot list " + journalDir + ": " + ex, ex);
        }
    }

    private static Journal openJournal(final Path journalDir)
    {
        try
        {
            return Journal.open(new JournalContext().directory(journalDir).readOnly(true).readInPlace(true));
        }
        catch (final RuntimeException ex)
        {
            throw new PersistenceException("cannot open journal " + journalDir + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * One duty cycle: each database reads up to a batch and commits when its batch is full or old enough.
     *
     * @return records read.
     */
    public int doWork()
    {
        final long now = clock.nanoTime();
        int work = 0;
        for (int i = 0; i < writers.size(); i++)
        {
            work += writers.get(i).doWork(now);
        }
        return work;
    }

    /**
     * Read and commit everything the journal holds now.
     *
     * @return records persisted per database, the largest of the three.
     * @throws PersistenceException when a database cannot be written.
     */
    public long catchUp()
    {
        long records = 0;
        for (final DatabaseWriter writer : writers)
        {
            records = Math.max(records, writer.drain());
        }
        return records;
    }

    /**
     * Each database's position and rows.
     *
     * @return one summary per database.
     * @throws PersistenceException when a count fails.
     */
    public List<DatabaseSummary> summary()
    {
        final List<DatabaseSummary> summaries = new ArrayList<>(writers.size());
        for (final DatabaseWriter writer : writers)
        {
            try
            {
                summaries.add(new DatabaseSummary(writer.file().getFileName().toString(), writer.file(),
                    writer.committedSequence(), writer.recordsThisSession(), writer.counts()));
            }
            catch (final SQLException ex)
            {
                throw new PersistenceException(writer.file() + ": " + ex.getMessage(), ex);
            }
        }
        return summaries;
    }

    /**
     * Failures so far over the databases (each rolled back and retried).
     *
     * @return the count.
     */
    public long errors()
    {
        long errors = 0;
        for (final DatabaseWriter writer : writers)
        {
            errors += writer.errors();
        }
        return errors;
    }

    /**
     * On the agent's thread when it stops: catch up with the journal, then close.
     */
    public void onClose()
    {
        try
        {
            catchUp();
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("persistence: the last records were not written ({}); the next start catches up",
                ex.getMessage());
        }
        close();
    }

    /**
     * {@inheritDoc}
     */
    public String roleName()
    {
        return "schwabot-persist";
    }

    List<DatabaseWriter> writers()
    {
        return writers;
    }

    /**
     * Stop as a crash would: close everything without committing.
     */
    void crash()
    {
        close();
    }

    /**
     * Close the databases (uncommitted rows are rolled back), the journal and the lock.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        for (final DatabaseWriter writer : writers)
        {
            writer.close();
        }
        journal.close();
        lock.close();
    }
}
