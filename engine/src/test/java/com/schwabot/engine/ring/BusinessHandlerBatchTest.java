package com.schwabot.engine.ring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BlockingWaitStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.Channel;
import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.EventLatency;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;

/**
 * The business thread journals a Disruptor batch as one excerpt before acting on any of it: the same events, flags
 * and decisions as journaling event by event, in one excerpt a batch. The whole backlog is published before the
 * business thread starts, so both runs see the same batches (the processor's batch limit).
 */
class BusinessHandlerBatchTest
{
    private static final long T0 = 1_764_000_000_000_000_000L;
    private static final int FRAMES = 2_500;
    private static final int BATCH = 50;

    @TempDir
    Path dir;

    @Test
    void shouldJournalABatchAsOneExcerptWithTheSameRecordsAndDecisionsAsEventByEvent() throws Exception
    {
        final Run batched = run(dir.resolve("batched"), true);
        final Run single = run(dir.resolve("single"), false);

        assertThat(batched.ordersSent).as("the market makes the core trade").isPositive();
        assertThat(batched.digest).as("the same decisions").isEqualTo(single.digest);
        assertThat(batched.ordersSent).isEqualTo(single.ordersSent);
        assertThat(batched.inbound).as("the same inbound records, flags and payloads")
            .containsExactlyElementsOf(single.inbound);
        assertThat(batched.inbound).hasSize(batched.published);
        assertThat(batched.endOfBatchMarks).as("the backlog in batches of %d", BATCH)
            .isEqualTo((batched.published + BATCH - 1) / BATCH);
        assertThat(batched.excerpts).as("one excerpt a batch").isEqualTo(batched.endOfBatchMarks);
        assertThat(single.excerpts).isEqualTo(single.records);
        assertThat(batched.journalFailures + single.journalFailures).isZero();
    }

    private Run run(final Path journalDir, final boolean batch) throws Exception
    {
        final EngineCounters counters = new EngineCounters();
        final List<Long> sent = new ArrayList<>();
        final TradingCore core = TestCores.core((buffer, offset, length, clOrdId, destination) ->
        {
            sent.add(clOrdId);
            return true;
        }, counters);
        final InputRing ring = new InputRing(8192, 512, new BlockingWaitStrategy(), counters);
        final Run run = new Run();
        try (Journal journal = Journal.open(new JournalContext().directory(journalDir)))
        {
            final BusinessHandler handler = new BusinessHandler(batch ? ring.ring() : null, journal.appender(),
                core.pipeline(), counters, EventLatency.NONE);
            final BatchEventProcessor<InboundEvent> processor = new BatchEventProcessorBuilder()
                .setMaxBatchSize(BATCH).build(ring.ring(), ring.ring().newBarrier(), handler);
            ring.ring().addGatingSequences(processor.getSequence());

            final UnsafeBuffer scratch = new UnsafeBuffer(new byte[256]);
            ring.onExecution(TestCores.DESTINATION, scratch, 0,
                TestCores.connection(scratch, Channel.MARKET_DATA, true, T0), T0);
            ring.onExecution(TestCores.DESTINATION, scratch, 0,
                TestCores.connection(scratch, Channel.ORDER_ENTRY, true, T0), T0);
            run.published = 2;
            new SyntheticMarket(5, T0).run(FRAMES, (buffer, length, nanos) ->
            {
                assertThat(ring.onMarketData(TestCores.DESTINATION, buffer, 0, length, nanos)).isTrue();
                run.published++;
            });

            final Thread thread = new Thread(processor, "test-business");
            thread.start();
            final long published = ring.ring().getCursor();
            final long deadline = System.nanoTime() + 60_000_000_000L;
            while (handler.processedSequence() < published && System.nanoTime() < deadline)
            {
                Thread.sleep(5);
            }
            processor.halt();
            thread.join();
            assertThat(handler.processedSequence()).isEqualTo(published);

            journal.replay(0, (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
            {
                run.records++;
                if ((flags & JournalFlags.OUTBOUND) == 0)
                {
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(offset, bytes);
                    run.inbound.add(flags + ":" + ingressNanos + ":" + java.util.HexFormat.of().formatHex(bytes));
                    run.endOfBatchMarks += (flags & JournalFlags.END_OF_BATCH) != 0 ? 1 : 0;
                }
            });
            run.excerpts = journal.lastIndex() - journal.firstIndex() + 1;
            assertThat(journal.verify().problems()).isEmpty();
        }
        run.digest = core.digest().hex();
        run.ordersSent = sent.size();
        run.journalFailures = counters.value(EngineCounter.JOURNAL_FAILURES);
        return run;
    }

    private static final class Run
    {
        final List<String> inbound = new ArrayList<>();
        int published;
        long records;
        long excerpts;
        long endOfBatchMarks;
        String digest;
        long ordersSent;
        long journalFailures;
    }
}
