package com.schwabot.bench.engine;

import com.lmax.disruptor.EventHandler;

import com.schwabot.engine.ring.BusinessHandler;
import com.schwabot.engine.ring.InboundEvent;
import com.schwabot.engine.stage.Pipeline;

/**
 * {@link BusinessHandler} without the journal, for the journaling-off variant: the same pipeline call with the same
 * end-of-batch mark, a counter in place of the journal sequence, and the same volatile store of the sequence handled.
 * <p>
 * Not thread-safe: the Disruptor runs it on its processor's thread.
 */
final class PipelineOnlyHandler implements EventHandler<InboundEvent>
{
    private final Pipeline pipeline;
    private long journalSequence;
    @SuppressWarnings("unused")
    private volatile long processedSequence = -1;

    PipelineOnlyHandler(final Pipeline pipeline)
    {
        this.pipeline = pipeline;
    }

    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        pipeline.onFrame(event.buffer(), 0, event.length(), event.ingressNanos(), event.source(), ++journalSequence,
            endOfBatch);
        processedSequence = sequence;
    }
}
