package com.schwabot.engine.ring;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link WakeOnPublish} as the input ring's wait strategy: a business thread waiting through a Disruptor barrier on
 * a multi-producer ring, parked for a minute at a time, is woken by each publish and by a halt, and loses no wake-up.
 */
class WakeOnPublishBarrierTest
{
    /** A park no test waits out: a business thread that sees a publish sooner was woken by it. */
    private static final long LONG_PARK_NS = TimeUnit.SECONDS.toNanos(60);
    private static final long SECONDS_TO_WAIT = 30;

    private final WakeOnPublish wake = new WakeOnPublish(0, 0, LONG_PARK_NS);
    private final RingBuffer<OutboundEvent> ring = RingBuffer.createMultiProducer(OutboundEvent::new, 1024, wake);
    private BatchEventProcessor<OutboundEvent> processor;
    private Thread thread;

    @AfterEach
    void halt() throws InterruptedException
    {
        if (null != processor)
        {
            processor.halt();
            thread.join(TimeUnit.SECONDS.toMillis(SECONDS_TO_WAIT));
        }
    }

    @Test
    void shouldWakeABusinessThreadParkedForAMinuteAsSoonAsAnEventIsPublished() throws Exception
    {
        final CountDownLatch handled = new CountDownLatch(3);
        final AtomicLong last = new AtomicLong();
        start((event, sequence, endOfBatch) ->
        {
            last.set(event.clOrdId());
            handled.countDown();
        });

        for (int i = 1; i <= 3; i++)
        {
            awaitParked();
            publish(i);
            assertThat(WakeOnPublishTest.awaitCount(handled, 3 - i)).as("event %d handled while parked", i).isTrue();
            assertThat(last.get()).isEqualTo(i);
        }
    }

    @Test
    void shouldEndAParkedWaitWhenTheProcessorIsHalted() throws Exception
    {
        start((event, sequence, endOfBatch) ->
        {
        });
        awaitParked();

        processor.halt();
        thread.join(TimeUnit.SECONDS.toMillis(SECONDS_TO_WAIT));

        assertThat(thread.isAlive()).as("halted within %d s of a 60 s park", SECONDS_TO_WAIT).isFalse();
    }

    @Test
    void shouldLoseNoWakeUpWhenTwoProducersPublishWhileTheBusinessThreadParksAndWakes() throws Exception
    {
        final int perProducer = 20_000;
        final CountDownLatch handled = new CountDownLatch(2 * perProducer);
        start((event, sequence, endOfBatch) -> handled.countDown());
        final Thread[] producers = new Thread[2];
        for (int p = 0; p < producers.length; p++)
        {
            final SplittableRandom random = new SplittableRandom(42 + p);
            producers[p] = new Thread(() ->
            {
                for (int i = 0; i < perProducer; i++)
                {
                    publish(i);
                    // Pauses of 0 to about 20 µs: the business thread catches up, parks, and is woken by the next.
                    final long until = System.nanoTime() + random.nextInt(20_000);
                    while (System.nanoTime() < until)
                    {
                        Thread.onSpinWait();
                    }
                }
            }, "producer-" + p);
            producers[p].start();
        }
        for (final Thread producer : producers)
        {
            producer.join(TimeUnit.SECONDS.toMillis(SECONDS_TO_WAIT));
        }

        // A lost wake-up leaves an event unhandled until the 60 s park ends.
        assertThat(handled.await(SECONDS_TO_WAIT, TimeUnit.SECONDS)).as("all %d events handled", 2 * perProducer)
            .isTrue();
    }

    @Test
    void shouldLetABarrierThatFollowsAnotherSequenceParkForThePublishThenWaitForTheSequence() throws Exception
    {
        final Sequence followed = new Sequence(-1);
        final AtomicLong handled = new AtomicLong();
        processor = new BatchEventProcessorBuilder().build(
            ring, ring.newBarrier(followed), (event, sequence, endOfBatch) -> handled.incrementAndGet());
        ring.addGatingSequences(processor.getSequence());
        thread = new Thread(processor, "wake-on-publish-follower");
        thread.setDaemon(true);
        thread.start();
        awaitParked();

        for (int i = 1; i <= 3; i++)
        {
            publish(i);
        }
        awaitState(Thread.State.RUNNABLE);
        Thread.sleep(50);
        assertThat(handled.get()).as("woken by the publishes, but the followed sequence is behind").isZero();

        followed.set(2);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS_TO_WAIT);
        while (handled.get() < 3)
        {
            assertThat(System.nanoTime()).as("all three handled once the followed sequence is past them")
                .isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void shouldSpinThenYieldThenRegisterAndLookOnceMoreBeforeParking() throws Exception
    {
        final WakeOnPublish phased = new WakeOnPublish(2, 1, LONG_PARK_NS);
        final Thread self = Thread.currentThread();
        final boolean[] registeredAtLook = new boolean[8];
        final int[] looks = new int[1];
        // Publishes, in effect, on the fifth look: the one after the thread registered, just before it would park.
        final Sequence dependent = new Sequence(-1)
        {
            @Override
            public long get()
            {
                final int look = ++looks[0];
                registeredAtLook[look] = phased.waiter() == self;
                return look >= 5 ? 0 : -1;
            }
        };

        final long start = System.nanoTime();
        // No processor to follow: the barrier's dependent sequence is the ring's cursor, as the business thread's is.
        final long available = phased.waitFor(0, dependent, dependent, ring.newBarrier());

        assertThat(available).isZero();
        assertThat(System.nanoTime() - start).as("did not park").isLessThan(TimeUnit.SECONDS.toNanos(SECONDS_TO_WAIT));
        assertThat(looks[0]).as("two spins, one yield, the look that registers, one more, the dependents'")
            .isEqualTo(7);
        assertThat(registeredAtLook).containsExactly(false, false, false, false, false, true, false, false);
        assertThat(phased.waiter()).isNull();
    }

    @Test
    void shouldAllocateNothingOnTheBusinessThreadWhileItParksAndIsWoken() throws Exception
    {
        final AtomicLong handled = new AtomicLong();
        start((event, sequence, endOfBatch) -> handled.lazySet(sequence + 1));
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        awaitParked();
        publishWithPauses(20_000, handled);

        final long before = threads.getThreadAllocatedBytes(thread.getId());
        publishWithPauses(20_000, handled);
        final long allocated = threads.getThreadAllocatedBytes(thread.getId()) - before;

        // An allocation per park or wake-up would be 16 bytes or more each, 320 KB in all.
        assertThat(allocated).as("bytes allocated by the business thread over 20,000 parks and wake-ups")
            .isLessThan(1_024);
    }

    @Test
    void shouldRefuseImpossibleSettingsAndNameItsOwn()
    {
        assertThatThrownBy(() -> new WakeOnPublish(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("maxSpins and maxYields must be >= 0 and maxParkNs > 0, got -1, 0, 1");
        assertThatThrownBy(() -> new WakeOnPublish(0, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WakeOnPublish(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new WakeOnPublish(10, 5, 100_000_000))
            .hasToString("WakeOnPublish{maxSpins=10, maxYields=5, maxParkNs=100000000}");
        assertThat(new WakeOnPublish()).hasToString("WakeOnPublish{maxSpins=100, maxYields=100, maxParkNs=100000000}");
    }

    private void start(final EventHandler<OutboundEvent> handler)
    {
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), handler);
        ring.addGatingSequences(processor.getSequence());
        thread = new Thread(processor, "wake-on-publish-business");
        thread.setDaemon(true);
        thread.start();
    }

    /** Publishes one event at a time, each once the last is handled and the business thread has parked. */
    private void publishWithPauses(final int count, final AtomicLong handled) throws InterruptedException
    {
        for (int i = 0; i < count; i++)
        {
            final long sequence = publish(i);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS_TO_WAIT);
            while (handled.get() <= sequence || thread.getState() != Thread.State.TIMED_WAITING)
            {
                assertThat(System.nanoTime()).as("event %d handled and the thread parked again", i)
                    .isLessThan(deadline);
                Thread.onSpinWait();
            }
        }
    }

    private long publish(final long clOrdId)
    {
        final long sequence = ring.next();
        ring.get(sequence).length(1).clOrdId(clOrdId);
        ring.publish(sequence);
        return sequence;
    }

    private void awaitParked() throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS_TO_WAIT);
        while (wake.waiter() != thread || thread.getState() != Thread.State.TIMED_WAITING)
        {
            assertThat(System.nanoTime()).as("business thread parked").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private void awaitState(final Thread.State state) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS_TO_WAIT);
        while (thread.getState() != state)
        {
            assertThat(System.nanoTime()).as("business thread %s", state).isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
