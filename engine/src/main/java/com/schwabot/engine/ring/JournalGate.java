package com.schwabot.engine.ring;

/**
 * Whether the business thread may still append to the journal. Open at start; stopped for good by the journal space
 * guard when the journal's disk falls below {@code journal.stop_free_mb}, or by the business thread when an append (or
 * anything else on that thread) failed in a way that leaves the journal unsafe to write. Once stopped, nothing more
 * is appended: inbound events are refused (neither journaled nor acted on) and no order is sent, so the journal ends
 * on the last whole record and everything the engine acted on is in it. The engine's owner then closes the engine.
 * <p>
 * Thread-safe: {@link #isOpen()} is one volatile read (the business thread checks it before every append); the first
 * stop wins and later ones are ignored.
 */
public final class JournalGate
{
    private volatile String cause;
    private volatile Throwable failure;

    /**
     * Whether appending is still allowed.
     *
     * @return true until stopped.
     */
    public boolean isOpen()
    {
        return null == cause;
    }

    /**
     * Stop appending for good.
     *
     * @param why what stopped it, for logs and the status (e.g. the free space and the limit).
     * @return true when this call stopped it, false when it was already stopped.
     */
    public synchronized boolean stop(final String why)
    {
        if (null != cause)
        {
            return false;
        }
        cause = why;
        return true;
    }

    /**
     * Stop appending for good because an append or the business thread failed.
     *
     * @param what what failed, e.g. "an append to the journal".
     * @param ex   what was thrown.
     * @return true when this call stopped it, false when it was already stopped.
     */
    public synchronized boolean fail(final String what, final Throwable ex)
    {
        if (null != cause)
        {
            return false;
        }
        failure = ex;
        cause = what + " failed: " + ex;
        return true;
    }

    /**
     * What stopped it.
     *
     * @return the cause, or null while open.
     */
    public String cause()
    {
        return cause;
    }

    /**
     * The failure that stopped it, when a failure did.
     *
     * @return what was thrown, or null (open, or stopped for space).
     */
    public Throwable failure()
    {
        return failure;
    }
}
