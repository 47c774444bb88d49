package com.schwabot.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.agrona.concurrent.EpochNanoClock;

import com.schwabot.engine.ring.InputRing;

/**
 * Publishes a timer tick onto the input ring at a fixed interval, from its own daemon thread, stamped with the wall
 * clock: the business thread learns the passing of time only from these ticks (order timeouts, stale data, circuit
 * breakers, the status it publishes), so a replay of the journal sees the same ticks.
 * <p>
 * Thread-safe: {@link #start()} and {@link #close()} from any thread.
 */
public final class TimerSource implements AutoCloseable
{
    private final InputRing ring;
    private final EpochNanoClock clock;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * A timer source.
     *
     * @param ring           the input ring.
     * @param clock          wall clock in epoch nanoseconds.
     * @param intervalMillis tick interval.
     */
    public TimerSource(final InputRing ring, final EpochNanoClock clock, final long intervalMillis)
    {
        this.ring = ring;
        this.clock = clock;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.thread = new Thread(this::run, "schwabot-timer");
        this.thread.setDaemon(true);
    }

    /**
     * Start ticking.
     */
    public void start()
    {
        thread.start();
    }

    private void run()
    {
        long tick = 0;
        long next = System.nanoTime() + intervalNanos;
        while (running)
        {
            final long wait = next - System.nanoTime();
            if (wait > 0)
            {
                LockSupport.parkNanos(wait);
                continue;
            }
            ring.publishTimer(++tick, clock.nanoTime());
            next += intervalNanos;
        }
    }

    /**
     * Stop ticking and wait for the thread.
     */
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
