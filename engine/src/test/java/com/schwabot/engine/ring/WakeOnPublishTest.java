package com.schwabot.engine.ring;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WakeOnPublishTest
{
    /** A park no test waits out: a poller that sees a publish sooner was woken by it. */
    private static final long LONG_PARK_NS = TimeUnit.SECONDS.toNanos(60);
    private static final long SECONDS_TO_WAIT = 30;

    private final WakeOnPublish wake = new WakeOnPublish();
    private final RingBuffer<OutboundEvent> ring = RingBuffer.createSingleProducer(OutboundEvent::new, 64, wake);

    @Test
    void shouldWakeAPollerParkedForAMinuteAsSoonAsTheRingPublishes() throws Exception
    {
        final EventPoller<OutboundEvent> poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        final IdleStrategy idle = wake.idleStrategy(10, 2, LONG_PARK_NS);
        final CountDownLatch polled = new CountDownLatch(3);
        final AtomicLong lastClOrdId = new AtomicLong();
        final Thread thread = new Thread(() ->
        {
            try
            {
                while (polled.getCount() > 0)
                {
                    final int[] work = new int[1];
                    poller.poll((event, sequence, endOfBatch) ->
                    {
                        work[0]++;
                        lastClOrdId.set(event.clOrdId());
                        polled.countDown();
                        return true;
                    });
                    idle.idle(work[0]);
                }
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }, "wake-on-publish-poller");
        thread.setDaemon(true);
        thread.start();

        for (int i = 1; i <= 3; i++)
        {
            awaitParked(thread);
            publish(i);
            assertThat(awaitCount(polled, 3 - i)).as("publish %d taken up while parked", i).isTrue();
        }
        thread.join(TimeUnit.SECONDS.toMillis(SECONDS_TO_WAIT));

        assertThat(thread.isAlive()).isFalse();
        assertThat(lastClOrdId.get()).isEqualTo(3);
        assertThat(wake.waiter()).isSameAs(thread);
    }

    @Test
    void shouldRegisterTheThreadInsteadOfParkingTheFirstTimeSoAPublishItMissedIsPolledFirst()
    {
        final IdleStrategy idle = wake.idleStrategy(0, 0, LONG_PARK_NS);
        assertThat(wake.waiter()).isNull();

        final long start = System.nanoTime();
        idle.idle(0);

        assertThat(wake.waiter()).isSameAs(Thread.currentThread());
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(SECONDS_TO_WAIT));
    }

    @Test
    void shouldNotParkWhenAPublishCameAfterTheLastPollButBeforeThePark()
    {
        final IdleStrategy idle = wake.idleStrategy(0, 0, LONG_PARK_NS);
        idle.idle(0);
        publish(7);

        final long start = System.nanoTime();
        idle.idle(0);

        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(SECONDS_TO_WAIT));
    }

    @Test
    void shouldSpinThenYieldThenParkAndStartOverAfterWork()
    {
        final IdleStrategy idle = wake.idleStrategy(2, 1, TimeUnit.MILLISECONDS.toNanos(1));
        for (int i = 0; i < 3; i++)
        {
            idle.idle(0);
        }
        assertThat(wake.waiter()).as("no park before the spins and the yield are spent").isNull();
        idle.idle(0);
        assertThat(wake.waiter()).isSameAs(Thread.currentThread());

        idle.idle(1);
        final long start = System.nanoTime();
        for (int i = 0; i < 3; i++)
        {
            idle.idle(0);
        }
        assertThat(System.nanoTime() - start).as("no park after work until the spins and yield are spent again")
            .isLessThan(TimeUnit.SECONDS.toNanos(SECONDS_TO_WAIT));
        assertThat(idle.alias()).isEqualTo("wake-on-publish");
        assertThat(idle).hasToString("WakeOnPublish.Idle{maxSpins=2, maxYields=1, maxParkNs=1000000}");
    }

    @Test
    void shouldAllocateNothingOnThePublishersThreadWhetherThePollerIsParkedOrNot() throws Exception
    {
        final EventPoller<OutboundEvent> poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        final IdleStrategy idle = wake.idleStrategy(0, 0, LONG_PARK_NS);
        final EventPoller.Handler<OutboundEvent> handler = (event, sequence, endOfBatch) -> true;
        final Thread thread = new Thread(() ->
        {
            try
            {
                while (!Thread.currentThread().isInterrupted())
                {
                    idle.idle(poller.poll(handler) == EventPoller.PollState.PROCESSING ? 1 : 0);
                }
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(ex);
            }
        }, "wake-on-publish-allocation-poller");
        thread.setDaemon(true);
        thread.start();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long self = Thread.currentThread().getId();
        try
        {
            awaitParked(thread);
            publishWithPauses(200_000);

            final long before = threads.getThreadAllocatedBytes(self);
            publishWithPauses(200_000);
            final long allocated = threads.getThreadAllocatedBytes(self) - before;

            // An allocation per publish would be 16 bytes or more each, 3.2 MB in all; what is left is the JIT's and
            // the sleeps' (72 bytes in a trial run after one warm-up round).
            assertThat(allocated).as("bytes allocated by 200,000 publishes, some waking the parked poller")
                .isLessThan(1_024);
        }
        finally
        {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(SECONDS_TO_WAIT));
        }
    }

    /** Publishes, pausing 1 ms every 1,024 so that the poller parks and the next publish unparks it. */
    private void publishWithPauses(final int count) throws InterruptedException
    {
        for (int i = 0; i < count; i++)
        {
            publish(i);
            if (0 == (i & 1023))
            {
                Thread.sleep(1);
            }
        }
    }

    @Test
    void shouldServeADisruptorBarrierToo() throws Exception
    {
        final CountDownLatch handled = new CountDownLatch(100);
        final BatchEventProcessor<OutboundEvent> processor = new BatchEventProcessorBuilder()
            .build(ring, ring.newBarrier(), (event, sequence, endOfBatch) -> handled.countDown());
        ring.addGatingSequences(processor.getSequence());
        final Thread thread = new Thread(processor, "wake-on-publish-processor");
        thread.start();
        try
        {
            for (int i = 0; i < 100; i++)
            {
                publish(i);
                if (0 == i % 10)
                {
                    Thread.sleep(1);
                }
            }
            assertThat(handled.await(SECONDS_TO_WAIT, TimeUnit.SECONDS)).isTrue();
        }
        finally
        {
            processor.halt();
            thread.join(TimeUnit.SECONDS.toMillis(SECONDS_TO_WAIT));
        }
        assertThat(thread.isAlive()).isFalse();
    }

    @Test
    void shouldRefuseImpossibleSettings()
    {
        assertThatThrownBy(() -> wake.idleStrategy(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("maxSpins and maxYields must be >= 0 and maxParkNs > 0, got -1, 0, 1");
        assertThatThrownBy(() -> wake.idleStrategy(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wake.idleStrategy(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void publish(final long clOrdId)
    {
        final long sequence = ring.next();
        ring.get(sequence).length(1).clOrdId(clOrdId);
        ring.publish(sequence);
    }

    private void awaitParked(final Thread thread) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS_TO_WAIT);
        while (wake.waiter() != thread || thread.getState() != Thread.State.TIMED_WAITING)
        {
            assertThat(System.nanoTime()).as("poller parked").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    /** Waits up to {@code SECONDS_TO_WAIT} for the latch to count down to {@code count}; false when it did not. */
    static boolean awaitCount(final CountDownLatch latch, final long count) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS_TO_WAIT);
        while (latch.getCount() > count)
        {
            if (System.nanoTime() > deadline)
            {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
}
