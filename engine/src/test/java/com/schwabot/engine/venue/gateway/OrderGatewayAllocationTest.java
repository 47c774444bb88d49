package com.schwabot.engine.venue.gateway;

import static com.schwabot.engine.venue.gateway.OrderGatewayTest.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.agrona.CloseHelper;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.lmax.disruptor.RingBuffer;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.venue.Await;
import com.schwabot.engine.venue.RecordingFrameSink;
import com.schwabot.engine.venue.Sources;

import io.netty.util.concurrent.FastThreadLocalThread;

/**
 * Counts the bytes allocated by the thread that runs the gateway's duty cycle over many orders after a warm-up. That
 * thread also plays the business thread, publishing into the output ring (allocation-free too). The test venue sends
 * no heartbeats, so the heartbeat timeout is set beyond the length of the run.
 */
class OrderGatewayAllocationTest
{
    private static final int WARM_UP_ORDERS = 50_000;
    private static final int MEASURED_ORDERS = 200_000;
    /**
     * Runs measure 0.4 to 1.5 KB over 200,000 orders (a few thousand flushes): JFR finds no allocation per order or
     * per flush in our code or Netty's on this thread; the residue is the JVM's (deoptimisation, JIT). One object per
     * order would be at least 3.2 MB, 16 bytes per flush at least 30 KB.
     */
    private static final long RESIDUE_LIMIT_BYTES = 16 * 1024;

    private final RecordingFrameSink sink = new RecordingFrameSink(1_000, 1_000);
    private final RingBuffer<OutboundEvent> ring = RingBuffer.createSingleProducer(OutboundEvent::new, 1024);
    private final OrderFrames frames = new OrderFrames();
    private final TestOrderVenue venue = new TestOrderVenue().start();
    private final long frameBytes = 4 + frames.encodeNewOrder(new UnsafeBuffer(new byte[256]), 1, 1, 1);
    private OrderGateway gateway;

    @AfterEach
    void tearDown()
    {
        CloseHelper.closeAll(gateway, venue);
    }

    @Test
    void shouldNotAllocateOnAFastThreadLocalGatewayThreadWhileDrainingOrders() throws Exception
    {
        final long[] result = onThread(true);

        assertThat(result[0]).as("bytes allocated on the gateway thread for %d orders in %d flushes",
            MEASURED_ORDERS, result[1]).isLessThan(RESIDUE_LIMIT_BYTES);
    }

    @Test
    void shouldShowNettysWriteTaskIsTheOnlyAllocationOnAPlainThread() throws Exception
    {
        // Netty recycles its cross-thread write task only for FastThreadLocalThreads (startOnThread uses one); on any
        // other thread each flush allocates one task object (32 bytes with compressed oops), nothing per order.
        final long[] result = onThread(false);

        assertThat(result[0]).as("bytes allocated on a plain gateway thread for %d orders in %d flushes",
            MEASURED_ORDERS, result[1]).isLessThanOrEqualTo(result[1] * 40 + RESIDUE_LIMIT_BYTES);
    }

    private long[] onThread(final boolean fastThreadLocal) throws Exception
    {
        final AtomicReference<Object> outcome = new AtomicReference<>();
        final Runnable body = () ->
        {
            try
            {
                outcome.set(measure());
            }
            catch (final Throwable ex)
            {
                outcome.set(ex);
            }
        };
        final Thread thread = fastThreadLocal ? new FastThreadLocalThread(body, "gateway-alloc") :
            new Thread(body, "gateway-alloc");
        thread.start();
        thread.join();
        if (outcome.get() instanceof Throwable)
        {
            throw new AssertionError("measurement failed", (Throwable)outcome.get());
        }
        final long[] result = (long[])outcome.get();
        assertThat(gateway.counters().framesSent()).isEqualTo(WARM_UP_ORDERS + MEASURED_ORDERS);
        assertThat(gateway.counters().syntheticRejects()).isZero();
        return result;
    }

    private long[] measure() throws Exception
    {
        venue.record(false);
        gateway = new OrderGateway(new GatewayContext()
            .name("test-alloc")
            .host("127.0.0.1")
            .port(venue.port())
            .source(SOURCE)
            .ring(ring)
            .sink(sink)
            .heartbeatTimeoutMs(600_000));
        Await.until("connected", () -> sink.states(Sources.CHANNEL_ORDER_ENTRY).equals(List.of(true)), this::step);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

        run(0, WARM_UP_ORDERS);
        final long flushesBefore = gateway.counters().flushes();
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(WARM_UP_ORDERS, MEASURED_ORDERS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return new long[] {allocated, gateway.counters().flushes() - flushesBefore};
    }

    private void run(final int from, final int count) throws Exception
    {
        final long target = venue.bytesReceived.get() + count * frameBytes;
        for (int i = 0; i < count; i++)
        {
            final long clOrdId = from + i;
            while (!ring.hasAvailableCapacity(1))
            {
                // This thread is both producer and consumer: drain before a full ring would block next().
                gateway.doWork();
            }
            frames.publishNewOrder(ring, SOURCE, clOrdId, 6_500_000 + (clOrdId & 1023), 1 + (clOrdId & 63));
            if (7 == (i & 7))
            {
                gateway.doWork();
            }
        }
        while (venue.bytesReceived.get() < target)
        {
            gateway.doWork();
        }
    }

    private void step()
    {
        try
        {
            gateway.doWork();
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
