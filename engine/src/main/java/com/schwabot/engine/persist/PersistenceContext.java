package com.schwabot.engine.persist;

import java.nio.file.Path;

import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;

import com.schwabot.config.PersistenceConfig;

/**
 * Settings of the {@link PersistenceService} and {@link PersistenceAgent}: fluent setters, validated once by
 * {@link #conclude()}. Not thread-safe.
 */
public final class PersistenceContext
{
    /** Default records per transaction (persistence.batch_size). */
    public static final int BATCH_SIZE_DEFAULT = 500;
    /** Default longest time a record waits for its commit (persistence.flush_interval_ms). */
    public static final long FLUSH_INTERVAL_MS_DEFAULT = 100;
    /** Default span of one metrics row in schwabot_monitoring.db, in journal time. */
    public static final long METRICS_INTERVAL_MS_DEFAULT = 1000;
    /** Default sleep of the persistence thread when there was nothing to do. */
    public static final long IDLE_SLEEP_MS_DEFAULT = 10;
    /** Default name of the setting that chooses the databases' directory, for messages: the configuration key. */
    public static final String SQLITE_DIR_SETTING_DEFAULT = "persistence.sqlite_dir";

    private Path journalDir;
    private Path sqliteDir;
    private String sqliteDirSetting = SQLITE_DIR_SETTING_DEFAULT;
    private int batchSize = BATCH_SIZE_DEFAULT;
    private long flushIntervalMs = FLUSH_INTERVAL_MS_DEFAULT;
    private long metricsIntervalMs = METRICS_INTERVAL_MS_DEFAULT;
    private long idleSleepMs = IDLE_SLEEP_MS_DEFAULT;
    private NanoClock clock = SystemNanoClock.INSTANCE;
    private String configText;
    private String configSource;
    private long configAfterSequence;
    private boolean concluded;

    /**
     * Settings from the configuration's persistence section.
     *
     * @param config     persistence section.
     * @param dataDir    base of the relative sqlite_dir.
     * @param journalDir the journal to persist.
     * @return the context.
     */
    public static PersistenceContext of(final PersistenceConfig config, final Path dataDir, final Path journalDir)
    {
        return new PersistenceContext()
            .journalDir(journalDir)
            .sqliteDir(dataDir.resolve(config.sqliteDir()).toAbsolutePath().normalize())
            .batchSize(config.batchSize())
            .flushIntervalMs(config.flushIntervalMs());
    }

    /**
     * @param journalDir the journal the databases are built from.
     * @return this.
     */
    public PersistenceContext journalDir(final Path journalDir)
    {
        this.journalDir = journalDir;
        return this;
    }

    /**
     * @return the journal the databases are built from.
     */
    public Path journalDir()
    {
        return journalDir;
    }

    /**
     * @param sqliteDir directory of the three databases (created when absent).
     * @return this.
     */
    public PersistenceContext sqliteDir(final Path sqliteDir)
    {
        this.sqliteDir = sqliteDir;
        return this;
    }

    /**
     * @return directory of the three databases.
     */
    public Path sqliteDir()
    {
        return sqliteDir;
    }

    /**
     * How the user chooses the databases' directory, named where a message says to use another one (the directory
     * is locked by another writer, or holds databases of another journal or a newer schema): the configuration key
     * {@link #SQLITE_DIR_SETTING_DEFAULT} for an engine run, the option of a command that sets it itself (the
     * {@code persist} command's {@code --sqlite-dir}).
     *
     * @param sqliteDirSetting the setting's name as the user writes it.
     * @return this.
     */
    public PersistenceContext sqliteDirSetting(final String sqliteDirSetting)
    {
        this.sqliteDirSetting = sqliteDirSetting;
        return this;
    }

    /**
     * @return the name of the setting that chooses the databases' directory, for messages.
     */
    public String sqliteDirSetting()
    {
        return sqliteDirSetting;
    }

    /**
     * @param batchSize records per transaction, at least 1.
     * @return this.
     */
    public PersistenceContext batchSize(final int batchSize)
    {
        this.batchSize = batchSize;
        return this;
    }

    /**
     * @return records per transaction.
     */
    public int batchSize()
    {
        return batchSize;
    }

    /**
     * @param flushIntervalMs longest time a record waits for its commit, at least 1.
     * @return this.
     */
    public PersistenceContext flushIntervalMs(final long flushIntervalMs)
    {
        this.flushIntervalMs = flushIntervalMs;
        return this;
    }

    /**
     * @return longest time a record waits for its commit.
     */
    public long flushIntervalMs()
    {
        return flushIntervalMs;
    }

    /**
     * @param metricsIntervalMs journal time one metrics row spans, at least 1.
     * @return this.
     */
    public PersistenceContext metricsIntervalMs(final long metricsIntervalMs)
    {
        this.metricsIntervalMs = metricsIntervalMs;
        return this;
    }

    /**
     * @return journal time one metrics row spans.
     */
    public long metricsIntervalMs()
    {
        return metricsIntervalMs;
    }

    /**
     * @param idleSleepMs sleep of the persistence thread when idle, at least 1.
     * @return this.
     */
    public PersistenceContext idleSleepMs(final long idleSleepMs)
    {
        this.idleSleepMs = idleSleepMs;
        return this;
    }

    /**
     * @return sleep of the persistence thread when idle.
     */
    public long idleSleepMs()
    {
        return idleSleepMs;
    }

    /**
     * @param clock monotonic clock for the flush interval (tests step it).
     * @return this.
     */
    public PersistenceContext clock(final NanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    /**
     * @return monotonic clock for the flush interval.
     */
    public NanoClock clock()
    {
        return clock;
    }

    /**
     * The configuration an engine run starts with, stored in schwabot_state.db and tied to the run: the first
     * SESSION_START after a journal sequence.
     *
     * @param text          the effective configuration (secrets redacted).
     * @param source        where it came from (the configuration directory), for the row.
     * @param afterSequence the journal's last sequence before the engine started.
     * @return this.
     */
    public PersistenceContext configSnapshot(final String text, final String source, final long afterSequence)
    {
        this.configText = text;
        this.configSource = source;
        this.configAfterSequence = afterSequence;
        return this;
    }

    /**
     * @return the configuration text to snapshot, or null for none.
     */
    public String configText()
    {
        return configText;
    }

    /**
     * @return where the snapshot's configuration came from.
     */
    public String configSource()
    {
        return configSource;
    }

    /**
     * @return the journal sequence the snapshot's run starts after.
     */
    public long configAfterSequence()
    {
        return configAfterSequence;
    }

    /**
     * The same settings without the configuration snapshot: for a check that must store nothing.
     *
     * @return a new context, not concluded.
     */
    PersistenceContext withoutSnapshot()
    {
        return new PersistenceContext().journalDir(journalDir).sqliteDir(sqliteDir).sqliteDirSetting(sqliteDirSetting)
            .batchSize(batchSize)
            .flushIntervalMs(flushIntervalMs).metricsIntervalMs(metricsIntervalMs).idleSleepMs(idleSleepMs)
            .clock(clock);
    }

    /**
     * Validate once.
     *
     * @return this.
     * @throws IllegalArgumentException naming the setting and what is allowed.
     */
    public PersistenceContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        if (null == journalDir || null == sqliteDir || null == sqliteDirSetting)
        {
            throw new IllegalArgumentException("persistence needs a journal directory, an sqlite directory and the " +
                "name of its setting");
        }
        if (batchSize < 1 || flushIntervalMs < 1 || metricsIntervalMs < 1 || idleSleepMs < 1)
        {
            throw new IllegalArgumentException("persistence batchSize=" + batchSize + ", flushIntervalMs=" +
                flushIntervalMs + ", metricsIntervalMs=" + metricsIntervalMs + ", idleSleepMs=" + idleSleepMs +
                ": each must be >= 1");
        }
        if (null == clock)
        {
            throw new IllegalArgumentException("persistence clock must be set");
        }
        concluded = true;
        return this;
    }
}
