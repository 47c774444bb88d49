package com.schwabot.tools;

import java.nio.file.Files;
import java.nio.file.Path;

import com.schwabot.config.EffectiveConfigRenderer;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.Engine;
import com.schwabot.engine.persist.PersistenceAgent;
import com.schwabot.engine.persist.PersistenceContext;
import com.schwabot.engine.persist.PersistenceException;
import com.schwabot.engine.persist.PersistenceService;
import com.schwabot.journal.Journal;

/**
 * The SQLite persistence of {@code schwabot run}: the {@link PersistenceService} tails the run's journal into the
 * databases under {@code persistence.sqlite_dir} and stores the run's effective configuration, tied to the run's
 * SESSION_START (the first after the journal's end before the engine started).
 */
final class RunPersistence
{
    private RunPersistence()
    {
    }

    /**
     * The journal's last sequence before the engine starts (the run's SESSION_START comes after it).
     *
     * @param journalDir the run's journal.
     * @return the last sequence, 0 when there is no journal yet.
     */
    static long journalEnd(final Path journalDir)
    {
        if (!Files.isDirectory(journalDir))
        {
            return 0;
        }
        try (Journal journal = JournalFiles.openReadOnly(journalDir))
        {
            return journal.lastSequence();
        }
        catch (final CliException ex)
        {
            return 0;
        }
    }

    /**
     * Check, before the engine starts, that the databases can take the run's journal (see
     * {@link PersistenceAgent#check}): a run must not trade and then stop because of them.
     *
     * @param config     the configuration.
     * @param dataDir    base of the relative sqlite_dir.
     * @param journalDir the run's journal.
     * @throws CliException with {@link ExitCodes#IO} when the databases cannot be used.
     */
    static void check(final SchwabotConfig config, final Path dataDir, final Path journalDir)
    {
        try
        {
            PersistenceAgent.check(PersistenceContext.of(config.persistence(), dataDir, journalDir));
        }
        catch (final PersistenceException ex)
        {
            throw new CliException(ExitCodes.IO, "persistence: " + ex.getMessage());
        }
    }

    /**
     * Start persisting a running engine's journal; on failure the engine is closed.
     *
     * @param engine     the started engine.
     * @param config     its configuration.
     * @param dataDir    base of the relative sqlite_dir.
     * @param journalEnd what {@link #journalEnd} said before the engine started.
     * @return the running service: close it after the engine.
     * @throws CliException with {@link ExitCodes#IO} when the databases cannot be used.
     */
    static PersistenceService start(
        final Engine engine, final SchwabotConfig config, final Path dataDir, final long journalEnd)
    {
        try
        {
            return PersistenceService.start(PersistenceContext.of(config.persistence(), dataDir,
                engine.journalDirectory()).configSnapshot(EffectiveConfigRenderer.render(config),
                null == config.configDir() ? "the bundled defaults" : config.configDir().toString(), journalEnd)
                .idleSleepMs(config.engine().profile().persistenceSleepMs()));
        }
        catch (final PersistenceException ex)
        {
            engine.close();
            throw new CliException(ExitCodes.IO, "persistence: " + ex.getMessage());
        }
    }
}
