package com.schwabot.engine.ring;

import com.lmax.disruptor.ExceptionHandler;
import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;

/**
 * What the business thread does with a throwable that escapes its handler (the stages catch their own exceptions, so
 * this is the rare rest). Disruptor's default handler would log it and end the thread, leaving the venues feeding a
 * ring nobody drains. Here it is counted ({@code handler.errors}) and then:
 * <ul>
 *     <li>an exception: the thread goes on with the next event (the event's state change may be partial, as for a
 *     stage that throws);</li>
 *     <li>an {@link Error} (among them the {@link InternalError} the JVM raises, possibly some instructions after the
 *     fact, when a write to the journal's mapped file faults on a full disk): the {@link JournalGate} is stopped, so
 *     nothing more is journaled or acted on, and the engine's owner sees the cause and stops the engine.</li>
 * </ul>
 * Business thread only (the Disruptor calls it there); allocation-free except when stopping the gate.
 */
public final class BusinessExceptionHandler implements ExceptionHandler<InboundEvent>
{
    private final JournalGate gate;
    private final AtomicCounter errors;

    /**
     * A handler.
     *
     * @param gate     stopped on an error.
     * @param counters where the throwables are counted.
     */
    public BusinessExceptionHandler(final JournalGate gate, final EngineCounters counters)
    {
        this.gate = gate;
        this.errors = counters.get(EngineCounter.HANDLER_ERRORS);
    }

    /**
     * {@inheritDoc}
     */
    public void handleEventException(final Throwable ex, final long sequence, final InboundEvent event)
    {
        errors.incrementRelease();
        if (ex instanceof Error)
        {
            gate.fail("the business thread", ex);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void handleOnStartException(final Throwable ex)
    {
        errors.incrementRelease();
        gate.fail("the business thread's start", ex);
    }

    /**
     * {@inheritDoc}
     */
    public void handleOnShutdownException(final Throwable ex)
    {
        errors.incrementRelease();
    }
}
