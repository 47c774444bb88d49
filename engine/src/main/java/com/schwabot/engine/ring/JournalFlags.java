package com.schwabot.engine.ring;

/**
 * What the engine stores in a journal record's application flags (see the journal's RecordHeader).
 */
public final class JournalFlags
{
    /**
     * The record was the last of a Disruptor batch: scoring and decisions ran after it. A replay ends its batches at
     * the same records, so it makes the same decisions at the same points.
     */
    public static final int END_OF_BATCH = 0x2;
    /** The record is a frame the engine sent (an order or cancel); its source is the destination. */
    public static final int OUTBOUND = 0x4;

    private JournalFlags()
    {
    }
}
