package com.schwabot.engine.ring;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * A ring's wait strategy that wakes the thread waiting on the ring when a producer publishes, so that the thread can
 * park instead of waking on a timer to look. It serves the engine's two rings:
 * <ul>
 *     <li><b>The input ring</b> (the business thread, through a Disruptor barrier, {@link #waitFor}): spin
 *     {@code maxSpins} times, yield {@code maxYields} times, then park until a producer publishes (or at most
 *     {@code maxParkNs}). The thread is registered as the ring's waiter only while it parks, so a producer that
 *     publishes while the business thread is busy pays a full fence and one volatile read, and no more.</li>
 *     <li><b>The output ring</b> (the gateway sender, which drains it through an {@code EventPoller} on its own duty
 *     cycle, {@link #idleStrategy}): spin, yield, then park; its first park registers the thread, which stays
 *     registered. The output ring is published to at order rates, so an {@code unpark} per publish costs little, and
 *     the sender need not re-register at every park.</li>
 * </ul>
 * The Disruptor calls {@link #signalAllWhenBlocking()} after every publish (and on a barrier's alert, which is how a
 * halt reaches a parked business thread); it unparks the registered waiter. A waiting thread is thus taken up as soon
 * as the OS runs it, not when a timed park happens to end, and an idle one wakes only once per {@code maxParkNs}.
 * <p>
 * No wake-up is lost. The publisher publishes the sequence, then (after a full fence) reads the waiter. The waiter
 * writes itself (then a full fence) before it parks and looks at the ring once more in between: a barrier re-reads
 * the sequence it waits for, a poller returns from the idle call that registered it without parking, and its next
 * duty cycle polls. Either the waiter sees the sequence, or the publisher sees the waiter and unparks it; an unpark
 * that comes before the park makes the park return at once ({@link LockSupport}'s permit). A stale permit costs one
 * empty look at the ring.
 * <p>
 * An interrupt does not end a barrier's wait (as with Disruptor's sleeping strategy, and unlike its blocking one):
 * stop the processor with {@code halt()}, which alerts the barrier. No engine thread interrupts the business thread.
 * <p>
 * One waiting thread per instance: one barrier's thread or one poller, never two (a second would take the first's
 * place as the waiter, and the first would sleep out its park). A barrier that also follows other processors parks
 * for this ring's cursor, then spins until they are past the sequence: they advance without a publish here.
 */
public final class WakeOnPublish implements WaitStrategy
{
    private final long barrierSpins;
    private final long barrierYields;
    private final long barrierParkNs;
    private volatile Thread waiter;

    /**
     * For a ring drained by a poller ({@link #idleStrategy}): a Disruptor barrier on it, if there ever is one, waits
     * with spin 100, yield 100, then parks of at most 100 ms, which a publish ends early.
     */
    public WakeOnPublish()
    {
        this(100, 100, 100_000_000);
    }

    /**
     * For a ring a Disruptor barrier waits on ({@link #waitFor}).
     *
     * @param maxSpins  times a waiting barrier spins before it yields.
     * @param maxYields times it then yields before it parks.
     * @param maxParkNs longest park: a publish ends it early; it bounds only how late a wake-up could come if one
     *                  were ever missed.
     */
    public WakeOnPublish(final long maxSpins, final long maxYields, final long maxParkNs)
    {
        checkPhases(maxSpins, maxYields, maxParkNs);
        this.barrierSpins = maxSpins;
        this.barrierYields = maxYields;
        this.barrierParkNs = maxParkNs;
    }

    /**
     * Unpark the registered waiter, if there is one. Called by the ring on every publish and on a barrier's alert.
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
     * Wait for {@code sequence}: spin, yield, then park until a publish unparks this thread, for the ring's cursor to
     * reach it; then, where the barrier also follows other processors, spin until they have. Allocates nothing.
     */
    @Override
    public long waitFor(
        final long sequence, final Sequence cursor, final Sequence dependentSequence, final SequenceBarrier barrier)
        throws AlertException, InterruptedException, TimeoutException
    {
        long idles = 0;
        while (cursor.get() < sequence)
        {
            barrier.checkAlert();
            if (idles < barrierSpins)
            {
                Thread.onSpinWait();
            }
            else if (idles < barrierSpins + barrierYields)
            {
                Thread.yield();
            }
            else
            {
                register(Thread.currentThread());
                if (cursor.get() < sequence)
                {
                    barrier.checkAlert();
                    LockSupport.parkNanos(this, barrierParkNs);
                }
                waiter = null;
            }
            idles++;
        }

        // Processors the barrier follows advance without a publish on this ring, so they are spun on, not parked for.
        long available;
        while ((available = dependentSequence.get()) < sequence)
        {
            barrier.checkAlert();
            Thread.onSpinWait();
        }
        return available;
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
        checkPhases(maxSpins, maxYields, maxParkNs);
        return new Idle(maxSpins, maxYields, maxParkNs);
    }

    /**
     * @return the thread a publish unparks: a poller once it first parked, a barrier's thread while it parks; else
     *         null.
     */
    public Thread waiter()
    {
        return waiter;
    }

    /**
     * @return the barrier's counts and longest park, e.g.
     *         {@code WakeOnPublish{maxSpins=100, maxYields=100, maxParkNs=100000000}}.
     */
    @Override
    public String toString()
    {
        return "WakeOnPublish{maxSpins=" + barrierSpins + ", maxYields=" + barrierYields + ", maxParkNs=" +
            barrierParkNs + '}';
    }

    private static void checkPhases(final long maxSpins, final long maxYields, final long maxParkNs)
    {
        if (maxSpins < 0 || maxYields < 0 || maxParkNs <= 0)
        {
            throw new IllegalArgumentException("maxSpins and maxYields must be >= 0 and maxParkNs > 0, got " +
                maxSpins + ", " + maxYields + ", " + maxParkNs);
        }
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
                LockSupport.parkNanos(WakeOnPublish.this, maxParkNs);
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
