package com.schwabot.engine.venue.sim;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition with a generous deadline: for state that another thread changes. Never asserts a duration.
 */
final class Await
{
    static final long TIMEOUT_MS = 10_000;

    private Await()
    {
    }

    static void until(final BooleanSupplier condition, final Supplier<String> description)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MS);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("timed out waiting for: " + description.get());
            }
            try
            {
                Thread.sleep(5);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", ex);
            }
        }
    }
}
