package com.schwabot.engine.ring;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.Channel;
import com.schwabot.engine.Engine;
import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.monitor.EngineCounters;

/**
 * Drives a {@link BusinessHandler} on the calling thread as the Disruptor's processor does, one event a batch: a
 * throwable that escapes the handler goes to the engine's {@link BusinessExceptionHandler}. For the tests of the
 * handler's defences against failures it cannot trade through.
 */
final class HandlerDriver
{
    private final InboundEvent slot = InboundEvent.standalone(Engine.SLOT_CAPACITY);
    private final EngineCounters counters = new EngineCounters();
    private final JournalGate gate = new JournalGate();
    private final BusinessExceptionHandler errors = new BusinessExceptionHandler(gate, counters);
    private final boolean yieldAfterEvent;
    private BusinessHandler handler;
    private long ringSequence;

    /**
     * @param yieldAfterEvent yield inside the try around each event, so that an error the JVM raises asynchronously
     *                        (the fault of a write into a page the disk cannot back) has a place to be raised there
     *                        (on JDK 17, the thread's next safepoint check; see {@code BusinessHandlerFullDiskTest}).
     */
    HandlerDriver(final boolean yieldAfterEvent)
    {
        this.yieldAfterEvent = yieldAfterEvent;
    }

    EngineCounters counters()
    {
        return counters;
    }

    JournalGate gate()
    {
        return gate;
    }

    /**
     * Drive this handler (made with {@link #counters()} and {@link #gate()}) from now on.
     */
    void drive(final BusinessHandler handler)
    {
        this.handler = handler;
    }

    /**
     * Both of the venue's connections up, as the network threads report them.
     */
    void connect(final long nanos)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        feed(buffer, TestCores.connection(buffer, Channel.MARKET_DATA, true, nanos), nanos);
        feed(buffer, TestCores.connection(buffer, Channel.ORDER_ENTRY, true, nanos), nanos);
    }

    /**
     * One step of a market, caught as the Disruptor's processor catches around its whole batch loop: an error the JVM
     * raises late, after the handler returned, still reaches the exception handler (against the last event).
     */
    void step(final SyntheticMarket market)
    {
        try
        {
            market.run(1, this::feed);
        }
        catch (final RuntimeException | Error ex)
        {
            errors.handleEventException(ex, ringSequence - 1, slot);
        }
    }

    /**
     * One event as the Disruptor delivers it.
     */
    void feed(final DirectBuffer buffer, final int length, final long nanos)
    {
        slot.buffer().putBytes(0, buffer, 0, length);
        slot.set(length, nanos, TestCores.DESTINATION);
        final long sequence = ringSequence++;
        try
        {
            handler.onEvent(slot, sequence, true);
            if (yieldAfterEvent)
            {
                Thread.yield();
            }
        }
        catch (final RuntimeException | Error ex)
        {
            errors.handleEventException(ex, sequence, slot);
        }
    }
}
