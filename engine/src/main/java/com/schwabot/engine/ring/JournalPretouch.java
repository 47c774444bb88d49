package com.schwabot.engine.ring;

import java.util.concurrent.TimeUnit;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
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
 * takes the journal's disk below {@code journal.min_free_mb}. When there is nothing to touch it parks, on every engine
 * profile: {@value #MIN_IDLE_PARK_MS} ms, doubling while there is still nothing, up to {@value #MAX_IDLE_PARK_MS} ms.
 * It has work only while the journal grows; an idle engine wakes it 100 times a second, not 1,000 (a wake-up costs
 * tens of µs of CPU on a VM). The longest park leaves the appender far behind what is touched: at 3.5M events/s of
 * about 156 journaled bytes each (the journaled pipeline's best in bench/README, about 550 MB/s), 10 ms of appends is
 * 5.5 MB, a third of the default 16 MiB touched ahead; while there is work the thread does not park.
 */
public final class JournalPretouch
{
    /** Name of the thread (the agent's role name, which Agrona names the thread after). */
    public static final String THREAD_NAME = JournalPretoucher.ROLE_NAME;
    /** First park when there was nothing to touch. */
    public static final long MIN_IDLE_PARK_MS = 1;
    /** Longest park while there is nothing to touch. */
    public static final long MAX_IDLE_PARK_MS = 10;

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
        final AgentRunner runner = new AgentRunner(idleStrategy(), errors, null, pretoucher);
        AgentRunner.startOnThread(runner, (runnable) ->
        {
            final Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            return thread;
        });
        return runner;
    }

    /**
     * @return the pretouch thread's idle strategy: parks of {@link #MIN_IDLE_PARK_MS} doubling to
     *         {@link #MAX_IDLE_PARK_MS} (after one spin and one yield) while there is nothing to touch.
     */
    static IdleStrategy idleStrategy()
    {
        return new BackoffIdleStrategy(0, 0, TimeUnit.MILLISECONDS.toNanos(MIN_IDLE_PARK_MS),
            TimeUnit.MILLISECONDS.toNanos(MAX_IDLE_PARK_MS));
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
