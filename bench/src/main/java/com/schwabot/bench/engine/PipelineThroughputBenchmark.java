package com.schwabot.bench.engine;

import java.util.concurrent.TimeUnit;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;


/**
 * Full pipeline throughput in events (inbound frames) per second: the same generated Binance frames through the
 * same stages (a {@code TradingCore} on the default configuration, CPU backend) two ways, and the bare journal
 * bound, in one JMH run so that the ratios compare like with like on this noisy machine:
 * <ul>
 *     <li>{@link #disruptor}: the engine's {@link InputRing} to a business thread running the engine's
 *     {@code BusinessHandler} ({@link DisruptorPipeline});</li>
 *     <li>{@link #arrayBlockingQueue}: an {@code ArrayBlockingQueue} to a business thread doing the same
 *     ({@link QueuePipeline});</li>
 *     <li>{@link #bareChronicleAppend}: the frames appended to a bare Chronicle Queue by one thread, no stages
 *     ({@link BareAppendQueue}): the journal's bound, the baseline of the 0.9 goal.</li>
 * </ul>
 * An invocation is one lap of {@value #FRAMES} frames: the producer (the benchmark thread) publishes them all,
 * waiting for room when the ring or queue is full (nothing is dropped), then waits until the business thread has
 * handled the last one. The producer's copy into the slot is part of the measured time, as it is of the live
 * engine's feed thread; on two cores the producer and the business thread each have one. Each iteration's business
 * thread and journal are new, and handle one lap in the iteration's setup before anything is measured
 * ({@link ConsumerStats}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PipelineThroughputBenchmark
{
    /** Frames (events) per invocation: one lap of the generated market. */
    public static final int FRAMES = 65_536;

    /**
     * One lap through the Disruptor pipeline.
     *
     * @param state the pipeline.
     * @param stats the business thread's counters.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void disruptor(final DisruptorPipeline state, final ConsumerStats stats)
    {
        state.publishLap();
        state.awaitConsumer(stats);
    }

    /**
     * One lap through the ArrayBlockingQueue pipeline.
     *
     * @param state the pipeline.
     * @param stats the business thread's counters.
     * @throws InterruptedException when interrupted while waiting for room.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void arrayBlockingQueue(final QueuePipeline state, final ConsumerStats stats) throws InterruptedException
    {
        state.publishLap();
        state.awaitConsumer(stats);
    }

    /**
     * One lap of the frames appended to a bare Chronicle Queue through {@code writingDocument()}.
     *
     * @param state the queue.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void bareChronicleAppend(final BareAppendQueue state)
    {
        final MarketFrames frames = state.frames;
        final ExcerptAppender appender = state.appender;
        final byte[] bytes = frames.array();
        for (int k = 0; k < FRAMES; k++)
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(bytes, frames.offset(k), frames.length(k));
            }
        }
    }
}
