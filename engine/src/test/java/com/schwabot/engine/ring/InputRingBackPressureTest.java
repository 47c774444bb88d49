package com.schwabot.engine.ring;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.Sequence;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input ring's back-pressure policy when the business thread falls behind: market data is dropped and counted
 * (a newer quote follows), an execution report is never dropped: its producer waits for a free slot, and the report
 * is then delivered intact after every event ahead of it.
 */
class InputRingBackPressureTest
{
    private static final int SIZE = 64;

    @Test
    void shouldDropAndCountMarketDataWhenFullButWaitToDeliverEveryExecutionReport() throws Exception
    {
        final EngineCounters counters = new EngineCounters();
        final InputRing ring = new InputRing(SIZE, 512, new BlockingWaitStrategy(), counters);
        final Sequence consumer = new Sequence(-1);
        ring.ring().addGatingSequences(consumer);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[64]);

        for (int i = 0; i < SIZE; i++)
        {
            frame.putInt(0, i);
            assertThat(ring.onMarketData(1, frame, 0, 64, i)).isTrue();
        }
        frame.putInt(0, 1000);
        final boolean extra = ring.onMarketData(1, frame, 0, 64, 1000);
        final UnsafeBuffer report = new UnsafeBuffer(new byte[80]);
        report.putLong(0, 0x5EC0_4E70_57L);
        final CompletableFuture<Boolean> execution =
            CompletableFuture.supplyAsync(() -> ring.onExecution(2, report, 0, 80, 2000));
        Thread.sleep(200);
        final boolean doneWhileFull = execution.isDone();
        consumer.set(0);
        final boolean delivered = execution.get(10, TimeUnit.SECONDS);

        assertThat(extra).as("market data into a full ring").isFalse();
        assertThat(counters.value(EngineCounter.RING_FULL_DROPS)).isEqualTo(1);
        assertThat(doneWhileFull).as("the execution report waits for a slot").isFalse();
        assertThat(delivered).isTrue();
        final InboundEvent slot = ring.ring().get(SIZE);
        assertThat(slot.length()).isEqualTo(80);
        assertThat(slot.buffer().getLong(0)).isEqualTo(0x5EC0_4E70_57L);
        assertThat(slot.source()).isEqualTo(2);
        assertThat(ring.ring().get(SIZE - 1).buffer().getInt(0)).as("the last market frame kept").isEqualTo(SIZE - 1);
        assertThat(counters.value(EngineCounter.RING_FULL_DROPS)).isEqualTo(1);
    }
}
