package com.schwabot.engine.order;

/**
 * Life of an order as the engine sees it. PENDING_NEW until the venue acknowledges; FILLED, CANCELED and REJECTED
 * are terminal.
 */
public enum OrderState
{
    /** Sent, not yet acknowledged. */
    PENDING_NEW,
    /** Acknowledged and working. */
    NEW,
    /** Working with part of it filled. */
    PARTIALLY_FILLED,
    /** A cancel was sent and is not yet confirmed. */
    CANCEL_PENDING,
    /** Completely filled (terminal). */
    FILLED,
    /** Canceled or expired at the venue, or locally when the gateway was lost (terminal). */
    CANCELED,
    /** Refused by the venue (terminal). */
    REJECTED;

    /**
     * Whether the order can change no more.
     *
     * @return true for FILLED, CANCELED and REJECTED.
     */
    public boolean isTerminal()
    {
        return this == FILLED || this == CANCELED || this == REJECTED;
    }
}
