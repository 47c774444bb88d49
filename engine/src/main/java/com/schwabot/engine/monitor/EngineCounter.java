package com.schwabot.engine.monitor;

/**
 * The engine's named counters. Each is an Agrona {@code AtomicCounter} in {@link EngineCounters}; the business
 * thread is the only writer of those marked (business), the network threads of the others.
 */
public enum EngineCounter
{
    /** Frames taken off the input ring or read from a journal (business). */
    INBOUND_FRAMES("inbound.frames"),
    /** Bytes of those frames (business). */
    INBOUND_BYTES("inbound.bytes"),
    /** Canonical market events produced by normalize: one venue frame may carry several (business). */
    MARKET_EVENTS("market.events"),
    /** Market events that passed validation (business). */
    MARKET_EVENTS_VALID("market.events.valid"),
    /** Frames the business thread received that it has no use for (business). */
    UNEXPECTED_FRAMES("inbound.unexpected"),
    /** Market-data frames dropped because the input ring was full (network). */
    RING_FULL_DROPS("ring.full.drops"),
    /** Frames dropped because they were larger than a ring slot (network). */
    OVERSIZED_DROPS("ring.oversized.drops"),
    /** Journal appends that threw: the event was not acted on and the journal was stopped (business). */
    JOURNAL_FAILURES("journal.failures"),
    /** Inbound events refused because the journal was stopped: neither journaled nor acted on (business). */
    JOURNAL_REFUSED("journal.refused"),
    /** Halts the journal space guard published: free space on the journal's disk below its reserve (monitor). */
    JOURNAL_SPACE_HALTS("journal.space.halts"),
    /** Exceptions thrown by a stage, caught and counted; the engine goes on (business). */
    HANDLER_ERRORS("handler.errors"),
    /** Tensor batches scored (business). */
    TENSOR_BATCHES("tensor.batches"),
    /** Instrument rows scored (business). */
    TENSOR_ROWS("tensor.rows"),
    /** Trading decisions (target position changes) taken (business). */
    DECISIONS("decisions"),
    /** NewOrder frames sent (business). */
    ORDERS_SENT("orders.sent"),
    /** CancelOrder frames sent (business). */
    CANCELS_SENT("cancels.sent"),
    /** Orders that could not be sent because the output ring was full (business). */
    OUTPUT_RING_FULL("orders.output.full"),
    /** Execution reports received (business). */
    EXECUTION_REPORTS("exec.reports"),
    /** Fills and partial fills (business). */
    FILLS("exec.fills"),
    /** Orders rejected by the venue (business). */
    VENUE_REJECTS("exec.rejects"),
    /** Orders canceled or expired at the venue, or locally on gateway loss (business). */
    CANCELS("exec.cancels"),
    /** Execution reports for unknown orders (business). */
    UNKNOWN_EXECUTIONS("exec.unknown"),
    /** Fills of orders the engine had already ended locally (timeout, lost gateway), applied to the portfolio
     * (business). */
    LATE_FILLS("exec.late.fills"),
    /** Venue refusals of a cancel as too late: the order works on (business). */
    CANCEL_REJECTS("exec.cancel.rejects"),
    /** Execution reports the engine already had (an exec id at or below the last one kept): ignored (business). */
    DUPLICATE_EXECUTIONS("exec.duplicates"),
    /** The venue's answers to the order gateway's logons, each setting the resume point (business). */
    LOGONS("exec.logons"),
    /** Sends refused because their client order id was not above every id sent before (business). */
    DUPLICATE_IDS("orders.duplicate.ids"),
    /** Weight updates of the tensor weight memory from trade outcomes (business). */
    LEARNING_UPDATES("learning.updates"),
    /** Saves of the weights to the tensor weight cache, handed to the weight saver (business). */
    WEIGHT_SAVES("learning.weight.saves"),
    /** Writes of the weights to the tensor weight cache that failed (the monitor thread's weight saver). */
    WEIGHT_SAVE_FAILURES("learning.weight.save.failures"),
    /** Orders that passed the risk gate (business). */
    RISK_PASSED("risk.passed"),
    /** Orders refused by the risk gate, all reasons (business). */
    RISK_REJECTS("risk.rejects"),
    /**
     * Orders the decision stage held back while the order-rate limit had no room (sent once it has, if still wanted),
     * rather than have the risk gate refuse them at every batch (business).
     */
    RISK_RATE_DEFERRALS("risk.rate.deferrals"),
    /**
     * Orders the decision stage held back while a lasting refusal (a halt, a venue link down, stale data, an invalid
     * book) that the risk gate already refused the instrument's order for holds; its first refusal is a reject, the
     * rest are counted here (business).
     */
    RISK_STATE_DEFERRALS("risk.state.deferrals"),
    /** Times trading halted (business). */
    HALTS("halts"),
    /** Market-data connection losses seen by the business thread (business). */
    FEED_DOWN("feed.down"),
    /** Order-entry connection losses seen by the business thread (business). */
    GATEWAY_DOWN("gateway.down"),
    /** Timer ticks (business). */
    TIMER_TICKS("timer.ticks"),
    /** Operator admin commands (HALT, RESUME, ...); an engine's own SESSION_START is not one (business). */
    ADMIN_COMMANDS("admin.commands"),
    /**
     * Frames (or trades of a frame) that passed the frame checker but carry a value their schema does not define in
     * an enum field the engine acts on; skipped (business).
     */
    BAD_VALUES("inbound.bad_values"),
    /** Pages of the journal file touched ahead of the business thread's appends (journal pretouch thread). */
    JOURNAL_PRETOUCH_PAGES("journal.pretouch.pages"),
    /**
     * Times the business thread's appends were found past the pages touched for them: it met untouched pages, the
     * pretouch thread being behind or held back by {@code journal.min_free_mb} (journal pretouch thread).
     */
    JOURNAL_PRETOUCH_OVERTAKEN("journal.pretouch.overtaken"),
    /**
     * Stretches left untouched because touching them would take the journal's disk below
     * {@code journal.min_free_mb} (journal pretouch thread).
     */
    JOURNAL_PRETOUCH_NO_ROOM("journal.pretouch.no_room");

    private final String label;

    EngineCounter(final String label)
    {
        this.label = label;
    }

    /**
     * Label of the counter, as shown by monitoring.
     *
     * @return the label.
     */
    public String label()
    {
        return label;
    }
}
