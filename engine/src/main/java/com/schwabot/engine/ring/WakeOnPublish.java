package com.schwabot.engine.ring;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * The output ring's wait strategy, which wakes the thread that polls the ring when the business thread publishes.
 * <p>
 * The gateway sender drains the output ring through an {@code EventPoller} on its own duty cycle, so no Disruptor
 * barrier ever waits on this ring; what matters is how the sender idles between orders. With {@link #idleStrategy}
 * it spins, then yields, then parks, each park registering the thread as the ring's waiter. The Disruptor calls
 * {@link #signalAllWhenBlocking()} on every publish, and that unparks the waiter: an order is taken up as soon as the
 * OS runs the woken thread, not when a timed park happens to end, and an idle sender wakes only once per
 * {@code maxParkNs} (for its heartbeats and reconnects) instead of thousands of times a second.
 * <p>
 * No wake-up is lost. The publisher publishes the sequence, then (after a full fence) reads the waiter; the waiter
 * is written (then a full fence) before the thread's first park, and its next duty cycle polls the ring before it
 * parks. Either the sender's poll sees the sequence, or the publisher sees the waiter and unparks it; an unpark that
 * comes before the park makes the park return at once ({@link LockSupport}'s permit). A stale permit costs one empty
 * duty cycle.
 * <p>
 * One polling thread: the last thread to park through an idle strategy of this instance is the one woken. The cost
 * to the publisher is a full fence and, when a waiter is registered, an {@link LockSupport#unpark} per publish
 * (a futex wake when the waiter is parked); meant for a ring published to at order rates, not market-data rates.
 * {@link #waitFor} (any Disruptor barrier on the ring) works too, as Disruptor's {@link SleepingWaitStrategy} does,
 * without being woken.
 */
public final class WakeOnPublish implements WaitStrategy
{
    private final SleepingWaitStrategy barrierWait = new SleepingWaitStrategy();
    private volatile Thread waiter;

    /**
     * Unpark the registered polling thread, if there is one. Called by the ring on every publish.
     */
    @Override
    public void signalAllWhenBlocking()
    {
        VarHandle.fullFence();
        final Thread thread = waiter;
        if (null != thread)
        {
            LockSupport.unpark(thread);
        }
    }

    /**
     * A Disruptor barrier on the ring waits as with {@link SleepingWaitStrategy} (spin, yield, then timed parks); it is
     * not woken by a publish.
     */
    @Override
    public long waitFor(
        final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException, TimeoutException
    {
        return barrierWait.waitFor(sequence, cursor, dependentSequence, barrier);
    }

    /**
     * An idle strategy for the thread that polls the ring: {@code maxSpins} empty cycles spinning, {@code maxYields}
     * yielding, then parks of {@code maxParkNs} that a publish ends early. Hold one per thread.
     *
     * @param maxSpins  empty cycles spent spinning before yielding.
     * @param maxYields empty cycles spent yielding before parking.
     * @param maxParkNs longest park.
     * @return a new idle strategy.
     */
    public IdleStrategy idleStrategy(final long maxSpins, final long maxYields, final long maxParkNs)
    {
        if (maxSpins < 0 || maxYields < 0 || maxParkNs <= 0)
        {
            throw new IllegalArgumentException("maxSpins and maxYields must be >= 0 and maxParkNs > 0, got " +
                maxSpins + ", " + maxYields + ", " + maxParkNs);
        }
        return new Idle(maxSpins, maxYields, maxParkNs);
    }

    /**
     * @return the thread a publish unparks, or null before a poller first parked.
     */
    public Thread waiter()
    {
        return waiter;
    }

    private void register(final Thread thread)
    {
        waiter = thread;
        VarHandle.fullFence();
    }

    private final class Idle implements IdleStrategy
    {
        private final long maxSpins;
        private final long maxYields;
        private final long maxParkNs;
        private long spins;
        private long yields;

        Idle(final long maxSpins, final long maxYields, final long maxParkNs)
        {
            this.maxSpins = maxSpins;
            this.maxYields = maxYields;
            this.maxParkNs = maxParkNs;
        }

        public void idle(final int workCount)
        {
            if (workCount > 0)
            {
                reset();
            }
            else
            {
                idle();
            }
        }

        public void idle()
        {
            if (spins < maxSpins)
            {
                spins++;
                Thread.onSpinWait();
            }
            else if (yields < maxYields)
            {
                yields++;
                Thread.yield();
            }
            else
            {
                final Thread current = Thread.currentThread();
                if (waiter != current)
                {
                    // Not parked this time: the next duty cycle polls the ring after the registration, so a publish
                    // that read no waiter is seen there.
                    register(current);
                    return;
                }
                LockSupport.parkNanos(maxParkNs);
            }
        }

        public void reset()
        {
            spins = 0;
            yields = 0;
        }

        public String alias()
        {
            return "wake-on-publish";
        }

        public String toString()
        {
            return "WakeOnPublish.Idle{maxSpins=" + maxSpins + ", maxYields=" + maxYields + ", maxParkNs=" +
                maxParkNs + '}';
        }
    }
}
