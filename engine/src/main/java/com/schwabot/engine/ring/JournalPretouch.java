package com.schwabot.engine.ring;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.config.JournalConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalPretoucher;

/**
 * The journal's pretouch thread ({@value #THREAD_NAME}): a {@link JournalPretoucher} that keeps
 * {@code journal.pretouch_mb} of the journal file ahead of the business thread's appends touched, so that the business
 * thread does not take the page faults of new pages and the mapping of new blocks (measured in bench/README). It never
 * takes the journal's disk below {@code journal.min_free_mb}. Asleep {@value #IDLE_SLEEP_MS} ms at a time when there is
 * nothing to touch, on every engine profile: it has work only while the journal grows.
 */
public final class JournalPretouch
{
    /** Name of the thread (the agent's role name, which Agrona names the thread after). */
    public static final String THREAD_NAME = JournalPretoucher.ROLE_NAME;
    /** Sleep when there was nothing to touch. */
    public static final long IDLE_SLEEP_MS = 1;

    private JournalPretouch()
    {
    }

    /**
     * Start the pretouch thread on a journal whose appender the business thread uses. Close the runner before the
     * journal.
     *
     * @param journal  the journal, open to write.
     * @param config   the {@code journal} section: {@code pretouch_mb} and {@code min_free_mb}.
     * @param counters where {@code journal.pretouch.pages}, {@code .overtaken} and {@code .no_room} are counted.
     * @param errors   told when touching fails (the thread then leaves the file alone until the journal rolls).
     * @return the running thread's runner, or null when {@code journal.pretouch_mb} is 0.
     */
    public static AgentRunner start(
        final Journal journal, final JournalConfig config, final EngineCounters counters, final ErrorHandler errors)
    {
        if (0 == config.pretouchMb())
        {
            return null;
        }
        final JournalPretoucher pretoucher = journal.pretoucher(
            (long)config.pretouchMb() << 20, config.minFreeMb() << 20, new Counting(counters));
        final AgentRunner runner =
            new AgentRunner(new SleepingMillisIdleStrategy(IDLE_SLEEP_MS), errors, null, pretoucher);
        AgentRunner.startOnThread(runner, (runnable) ->
        {
            final Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        return runner;
    }

    /**
     * The pretoucher's listener: the engine's counters, written by the pretouch thread only.
     */
    private static final class Counting implements JournalPretoucher.Listener
    {
        private final AtomicCounter pages;
        private final AtomicCounter overtaken;
        private final AtomicCounter noRoom;

        Counting(final EngineCounters counters)
        {
            pages = counters.get(EngineCounter.JOURNAL_PRETOUCH_PAGES);
            overtaken = counters.get(EngineCounter.JOURNAL_PRETOUCH_OVERTAKEN);
            noRoom = counters.get(EngineCounter.JOURNAL_PRETOUCH_NO_ROOM);
        }

        @Override
        public void onTouched(final int count)
        {
            pages.getAndAddRelease(count);
        }

        @Override
        public void onOvertaken()
        {
            overtaken.incrementRelease();
        }

        @Override
        public void onNoRoom()
        {
            noRoom.incrementRelease();
        }
    }
}
