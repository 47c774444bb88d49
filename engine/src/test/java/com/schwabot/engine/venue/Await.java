package com.schwabot.engine.venue;

import java.util.function.BooleanSupplier;

/**
 * Polling with a generous deadline: tests wait for conditions, never assert durations (the machine has two shared
 * cores).
 */
public final class Await
{
    public static final long TIMEOUT_MS = 15_000;

    private Await()
    {
    }

    public static void until(final String what, final BooleanSupplier condition)
    {
        until(what, condition, () ->
        {
        });
    }

    /**
     * @param what      described in the failure message.
     * @param condition polled until true.
     * @param step      run before each poll (e.g. a duty cycle's doWork).
     */
    public static void until(final String what, final BooleanSupplier condition, final Runnable step)
    {
        final long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000L;
        while (true)
        {
            step.run();
            if (condition.getAsBoolean())
            {
                return;
            }
            if (System.nanoTime() - deadline > 0)
            {
                throw new AssertionError("timed out after " + TIMEOUT_MS + " ms waiting for: " + what);
            }
            pause();
        }
    }

    /**
     * Keep stepping for a while and check that a condition holds throughout (for "nothing else happens").
     *
     * @param millis    how long.
     * @param condition must stay true.
     * @param step      run before each check.
     */
    public static void holds(final long millis, final BooleanSupplier condition, final Runnable step)
    {
        final long deadline = System.nanoTime() + millis * 1_000_000L;
        while (System.nanoTime() - deadline < 0)
        {
            step.run();
            if (!condition.getAsBoolean())
            {
                throw new AssertionError("condition stopped holding");
            }
            pause();
        }
    }

    private static void pause()
    {
        try
        {
            Thread.sleep(1);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }
}
