package com.schwabot.engine.persist;

import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the SQLite databases from the journal as the engine writes it, on its own daemon thread
 * ({@code schwabot-persist}, an Agrona {@link AgentRunner} with a sleeping idle strategy), never on the business
 * thread. {@link #close()} stops it after it has caught up with the journal: close it after the engine, so the
 * run's last records are in the databases.
 * <pre>
 * PersistenceService persistence = PersistenceService.start(PersistenceContext.of(config.persistence(), dataDir,
 *     journalDir));
 * ...
 * persistence.close();
 * </pre>
 */
public final class PersistenceService implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PersistenceService.class);
    /** How long {@link #close()} waits for the catch-up before interrupting it. */
    private static final int CLOSE_TIMEOUT_MS = 120_000;

    private final PersistenceAgent agent;
    private final AgentRunner runner;

    private PersistenceService(final PersistenceAgent agent, final AgentRunner runner)
    {
        this.agent = agent;
        this.runner = runner;
    }

    /**
     * Open the databases and start tailing the journal.
     *
     * @param context the settings.
     * @return the running service.
     * @throws PersistenceException when the databases cannot be used.
     */
    public static PersistenceService start(final PersistenceContext context)
    {
        final PersistenceAgent agent = PersistenceAgent.open(context);
        final AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(context.idleSleepMs()),
            (ex) -> LOG.warn("persistence: {}", ex.toString()), null, agent);
        AgentRunner.startOnThread(runner, (runnable) ->
        {
            final Thread thread = new Thread(runnable, agent.roleName());
            thread.setDaemon(true);
            return thread;
        });
        return new PersistenceService(agent, runner);
    }

    /**
     * Catch up with the journal, then stop the thread and close the databases.
     */
    public void close()
    {
        runner.close(CLOSE_TIMEOUT_MS, (thread) -> LOG.warn("persistence: still catching up after {} ms",
            CLOSE_TIMEOUT_MS));
    }
}
