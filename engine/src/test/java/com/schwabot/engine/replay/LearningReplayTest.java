package com.schwabot.engine.replay;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.journal.JournalContext;
import com.schwabot.tensor.TensorBatch;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live run on one thread, journaled as the engine journals (every inbound event before it is processed, with its
 * end-of-batch mark; every order sent, flagged outbound) against a venue that fills every order at its limit price
 * with a 10 bps fee: it trades, completes round trips and learns. Replaying the journal reproduces its order digest
 * and its learned weights, bit for bit, twice.
 */
class LearningReplayTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long MARKET = 1L << 32;
    private static final long ORDER_ENTRY = TestCores.DESTINATION;

    @TempDir
    Path dir;

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[256]);
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder order = new NewOrderDecoder();
    private final Deque<byte[]> reports = new ArrayDeque<>();
    private long execId;

    @Test
    void shouldReplayTheLearnedWeightsOfALiveJournal()
    {
        final SchwabotConfig config = TestCores.defaults();
        final Path journalDir = dir.resolve("journal");
        final TradingCore live;
        try (Journal journal = Journal.open(new JournalContext().directory(journalDir)))
        {
            final JournalAppender appender = journal.appender();
            final EventClock clock = new EventClock();
            final OrderSender sender = (buffer, offset, length, clOrdId, destination) ->
            {
                appender.append(buffer, offset, length, clock.nanos(), destination, JournalFlags.OUTBOUND);
                answer(buffer, offset);
                return true;
            };
            live = new TradingCore(config, new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)), clock, sender,
                ORDER_ENTRY, new EngineCounters());
            int length = TestCores.connection(scratch, Channel.MARKET_DATA, true, T0);
            inbound(live, appender, scratch, length, T0, MARKET);
            length = TestCores.connection(scratch, Channel.ORDER_ENTRY, true, T0);
            inbound(live, appender, scratch, length, T0, ORDER_ENTRY);
            new SyntheticMarket(9, T0).run(40_000, (buffer, frameLength, nanos) ->
            {
                inbound(live, appender, buffer, frameLength, nanos, MARKET);
                while (!reports.isEmpty())
                {
                    final byte[] bytes = reports.removeFirst();
                    inbound(live, appender, new UnsafeBuffer(bytes), bytes.length, nanos, ORDER_ENTRY);
                }
            });
        }
        assertThat(live.tensor().updates()).isGreaterThan(10);
        final TensorBatch batch = live.tensor().batch();
        final float[] liveWeights = java.util.Arrays.copyOf(batch.weights(), batch.featureCount() + 1);
        liveWeights[batch.featureCount()] = batch.bias()[0];
        final TensorBatch initial = TestCores.core((b, o, l, id, d) -> true, new EngineCounters()).tensor().batch();
        assertThat(java.util.Arrays.copyOf(liveWeights, initial.featureCount())).isNotEqualTo(initial.weights());

        for (int run = 0; run < 2; run++)
        {
            final ReplayResult replay = new Replayer(config, new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)),
                new EngineCounters()).replay(journalDir);
            assertThat(replay.simulated()).isFalse();
            assertThat(replay.reproduced()).isTrue();
            assertThat(replay.digest()).isEqualTo(live.digest().hex());
            assertThat(replay.learningUpdates()).isEqualTo(live.tensor().updates());
            assertThat(replay.weights()).containsExactly(liveWeights);
        }
    }

    private static void inbound(
        final TradingCore core, final JournalAppender appender, final DirectBuffer buffer, final int length,
        final long nanos, final long source)
    {
        final long sequence = appender.append(buffer, 0, length, nanos, source, JournalFlags.END_OF_BATCH);
        core.pipeline().onFrame(buffer, 0, length, nanos, source, sequence, true);
    }

    private void answer(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        if (header.templateId() != NewOrderDecoder.TEMPLATE_ID)
        {
            return;
        }
        order.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        reports.addLast(encode(ExecType.NEW, 0, 0, 0));
        final long fee = order.price() * order.qty() * 10;
        reports.addLast(encode(ExecType.FILL, order.price(), order.qty(), fee));
    }

    private byte[] encode(final ExecType type, final long price, final long qty, final long fee)
    {
        report.wrapAndApplyHeader(scratch, 0, new MessageHeaderEncoder())
            .clOrdId(order.clOrdId()).exchangeOrderId(order.clOrdId()).execId(++execId)
            .transactTimeNs(order.timeNs()).orderPrice(order.price()).lastPrice(price).lastQty(qty)
            .cumQty(qty).leavesQty(type == ExecType.NEW ? order.qty() : 0).fee(fee)
            .instrumentId(order.instrumentId()).venueId(order.venueId())
            .priceExponent(order.priceExponent()).qtyExponent(order.qtyExponent())
            .feeExponent((byte)(order.priceExponent() + order.qtyExponent() - 4))
            .side(order.side()).execType(type).rejectReason(RejectReason.NONE)
            .liquidity(qty > 0 ? Liquidity.TAKER : Liquidity.NONE);
        final byte[] bytes = new byte[MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength()];
        scratch.getBytes(0, bytes);
        return bytes;
    }
}
