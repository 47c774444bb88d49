package com.schwabot.engine.stage;

/**
 * Why normalize or validate refused a market event. Each reason has its own counter; a refused event stays in the
 * journal, it is only not acted on.
 */
public enum ValidationReason
{
    /** The symbol or instrument id is not in the instrument table. */
    UNKNOWN_INSTRUMENT,
    /** A price or quantity cannot be expressed at the instrument's exponent without losing digits. */
    PRECISION,
    /** A price or (for a trade) a quantity is zero or negative. */
    NON_POSITIVE,
    /** Best bid at or above best ask. */
    CROSSED_BOOK,
    /** Older than what the engine already has for the instrument (time or update id went back). */
    OUT_OF_ORDER,
    /** A depth diff older than the book (already contained in its snapshot). */
    STALE_DIFF,
    /** A depth diff skipped update ids: the book is invalid until the next snapshot. */
    DEPTH_GAP,
    /** A depth diff arrived while the book waits for a snapshot. */
    BOOK_NOT_SYNCED,
    /** A price jumped further from the reference price than the configured band. */
    PRICE_JUMP
}
