package com.schwabot.tools;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on standard error for long replays: events done out of the total, events per second and
 * the time left, redrawn every {@link #INTERVAL_MS} ms by its own daemon thread, which polls a counter the replay
 * already keeps (an atomic engine counter): the replay thread does nothing for it. Shown only on a terminal
 * ({@link CliContext#console()} is not null) and never when {@code CI=true}; the line is erased when it stops.
 * The rate and the time left come from the wall clock: they are display only, never part of a report. A replay
 * shorter than one period draws nothing.
 */
final class ProgressBar implements AutoCloseable
{
    /** Redraw period. */
    static final long INTERVAL_MS = 250;
    private static final int WIDTH = 30;
    private static final int LINE = 100;

    private final PrintWriter err;
    private final LongSupplier done;
    private final long total;
    private final long startNanos;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean drawn;

    private ProgressBar(final PrintWriter err, final LongSupplier done, final long total)
    {
        this.err = err;
        this.done = done;
        this.total = total;
        this.startNanos = System.nanoTime();
        this.thread = null == err ? null : new Thread(this::loop, "schwabot-progress");
    }

    /**
     * Whether a progress bar is wanted: a terminal, and not CI.
     *
     * @param context the command line's context.
     * @return true to show one.
     */
    static boolean wanted(final CliContext context)
    {
        return null != context.console() && !"true".equalsIgnoreCase(context.environment().get("CI"));
    }

    /**
     * Start a progress bar, or a silent one.
     *
     * @param show  false for one that shows nothing.
     * @param err   where it draws.
     * @param done  events done so far, safe to read from another thread.
     * @param total events expected.
     * @return the bar; close it when the work is over.
     */
    static ProgressBar start(final boolean show, final PrintWriter err, final LongSupplier done, final long total)
    {
        final ProgressBar bar = new ProgressBar(show ? err : null, done, total);
        if (null != bar.thread)
        {
            bar.thread.setDaemon(true);
            bar.thread.start();
        }
        return bar;
    }

    private void loop()
    {
        while (running)
        {
            try
            {
                Thread.sleep(INTERVAL_MS);
            }
            catch (final InterruptedException ex)
            {
                return;
            }
            if (running)
            {
                draw(done.getAsLong());
            }
        }
    }

    private synchronized void draw(final long events)
    {
        err.print('\r');
        err.print(render(events, total, System.nanoTime() - startNanos));
        err.flush();
        drawn = true;
    }

    /**
     * The line for a state of progress.
     *
     * @param events       events done.
     * @param total        events expected (0 when unknown).
     * @param elapsedNanos time since the start.
     * @return the line, without carriage return.
     */
    static String render(final long events, final long total, final long elapsedNanos)
    {
        final double fraction = total > 0 ? Math.min(1.0, (double)events / total) : 0.0;
        final int filled = (int)Math.round(fraction * WIDTH);
        final double rate = elapsedNanos > 0 ? events * 1e9 / elapsedNanos : 0.0;
        final long left = Math.max(0, total - events);
        final String eta = rate > 0 ? duration(Math.round(left / rate)) : "--:--";
        return String.format(Locale.ROOT, "[%s%s] %3.0f%% %,d/%,d events %,.0f events/s ETA %s",
            "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, Math.min(events, total), total, rate, eta);
    }

    private static String duration(final long seconds)
    {
        return seconds >= 3600 ?
            String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60) :
            String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /**
     * Stop drawing and erase the line.
     */
    public void close()
    {
        running = false;
        if (null == thread)
        {
            return;
        }
        thread.interrupt();
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        synchronized (this)
        {
            if (!drawn)
            {
                return;
            }
            err.print('\r');
            err.print(" ".repeat(LINE));
            err.print('\r');
            err.flush();
        }
    }
}
