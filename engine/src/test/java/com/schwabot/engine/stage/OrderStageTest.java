package com.schwabot.engine.stage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.Order;
import com.schwabot.engine.order.OrderState;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.journal.JournalContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The order stage through the pipeline: every state change driven by execution report frames, timeouts on timer
 * ticks, cancel on gateway loss, and client order ids that are never sent twice.
 */
class OrderStageTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long TIMEOUT = TradingCore.ORDER_TIMEOUT_NANOS_DEFAULT;
    private static final int BTC = 0;

    @TempDir
    Path dir;

    private final EngineCounters counters = new EngineCounters();
    private final List<Long> sent = new ArrayList<>();
    private final List<Integer> templates = new ArrayList<>();
    private final List<Long> cancelTargets = new ArrayList<>();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private TradingCore core;
    private OrderStage stage;
    private long sequence = 10;

    @BeforeEach
    void setUp()
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final CancelOrderDecoder cancel = new CancelOrderDecoder();
        core = TestCores.core((buffer, offset, length, clOrdId, destination) ->
        {
            sent.add(clOrdId);
            header.wrap(buffer, offset);
            templates.add(header.templateId());
            if (header.templateId() == CancelOrderDecoder.TEMPLATE_ID)
            {
                cancel.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                    header.version());
                cancelTargets.add(cancel.origClOrdId());
            }
            return true;
        }, counters);
        TestCores.connect(core, T0);
        stage = core.orderStage();
    }

    private Order send(final long nanos)
    {
        stage.beginEvent(++sequence);
        core.clock().set(nanos);
        assertThat(stage.sendIoc(BTC, true, 5_000_100, 500, 5_000_050)).isTrue();
        return core.orders().get(sent.get(sent.size() - 1));
    }

    private void execution(
        final long clOrdId, final ExecType type, final long price, final long qty, final RejectReason reason,
        final long nanos)
    {
        report.wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .clOrdId(clOrdId).exchangeOrderId(clOrdId + 1000).execId(nanos).transactTimeNs(nanos)
            .orderPrice(price).lastPrice(price).lastQty(qty).cumQty(qty).leavesQty(0).fee(0)
            .instrumentId(1).venueId(0).priceExponent((byte)-2).qtyExponent((byte)-5).feeExponent((byte)0)
            .side(Side.BUY).execType(type).rejectReason(reason).liquidity(Liquidity.TAKER);
        core.pipeline().onFrame(frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength(), nanos, 1,
            ++sequence, false);
    }

    private void timer(final long nanos)
    {
        final int length = TestCores.timer(frame, nanos);
        core.pipeline().onFrame(frame, 0, length, nanos, 1, ++sequence, false);
    }

    @Test
    void shouldFollowAckPartialFillAndFillIntoThePortfolio()
    {
        final Order order = send(T0);
        final long id = order.clOrdId();
        assertThat(order.state()).isEqualTo(OrderState.PENDING_NEW);
        execution(id, ExecType.NEW, 0, 0, RejectReason.NONE, T0 + 1);
        assertThat(order.state()).isEqualTo(OrderState.NEW);
        execution(id, ExecType.PARTIAL_FILL, 5_000_100, 200, RejectReason.NONE, T0 + 2);
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(core.portfolio().position(BTC)).isEqualTo(200);
        assertThat(core.portfolio().slippage(BTC)).isCloseTo(50 * 0.01 * 200 * 1e-5, within(1e-12));
        execution(id, ExecType.FILL, 5_000_100, 300, RejectReason.NONE, T0 + 3);
        assertThat(order.state()).isEqualTo(OrderState.FILLED);
        assertThat(core.orders().get(id)).isNull();
        assertThat(core.portfolio().position(BTC)).isEqualTo(500);
    }

    @Test
    void shouldEndRejectedOrCanceledOrdersAndFillOrdersNeverAcknowledged()
    {
        final Order rejected = send(T0);
        execution(rejected.clOrdId(), ExecType.REJECTED, 0, 0, RejectReason.INVALID_PRICE, T0 + 1);
        assertThat(rejected.state()).isEqualTo(OrderState.REJECTED);
        final Order canceled = send(T0 + 2);
        execution(canceled.clOrdId(), ExecType.NEW, 0, 0, RejectReason.NONE, T0 + 3);
        execution(canceled.clOrdId(), ExecType.EXPIRED, 0, 0, RejectReason.NONE, T0 + 4);
        assertThat(canceled.state()).isEqualTo(OrderState.CANCELED);
        final Order filled = send(T0 + 5);
        execution(filled.clOrdId(), ExecType.FILL, 5_000_100, 500, RejectReason.NONE, T0 + 6);
        assertThat(filled.state()).isEqualTo(OrderState.FILLED);
        assertThat(counters.value(EngineCounter.VENUE_REJECTS)).isEqualTo(1);
        assertThat(counters.value(EngineCounter.CANCELS)).isEqualTo(1);
        assertThat(core.orders().openOrders()).isZero();
    }

    @Test
    void shouldCancelAnUnacknowledgedOrderAfterTheTimeoutAndGiveUpOnAnUnconfirmedCancel()
    {
        final Order order = send(T0);
        final long id = order.clOrdId();
        timer(T0 + TIMEOUT - 1);
        assertThat(order.state()).isEqualTo(OrderState.PENDING_NEW);
        timer(T0 + TIMEOUT);
        assertThat(order.state()).isEqualTo(OrderState.CANCEL_PENDING);
        assertThat(cancelTargets).containsExactly(id);
        execution(id, ExecType.PARTIAL_FILL, 5_000_100, 100, RejectReason.NONE, T0 + TIMEOUT + 1);
        assertThat(order.state()).isEqualTo(OrderState.CANCEL_PENDING);
        execution(id, ExecType.REJECTED, 0, 0, RejectReason.TOO_LATE_TO_CANCEL, T0 + TIMEOUT + 2);
        assertThat(order.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(counters.value(EngineCounter.CANCEL_REJECTS)).isEqualTo(1);

        final Order second = send(T0 + TIMEOUT + 3);
        timer(T0 + 2 * TIMEOUT + 3);
        assertThat(second.state()).isEqualTo(OrderState.CANCEL_PENDING);
        timer(T0 + 3 * TIMEOUT + 3);
        assertThat(core.orders().get(second.clOrdId())).isNull();
        assertThat(second.state()).isEqualTo(OrderState.CANCELED);
    }

    @Test
    void shouldCancelEveryWorkingOrderWhenTheGatewayIsLostAndStillCountALateFill()
    {
        final Order a = send(T0);
        final Order b = send(T0 + 1);
        final long idA = a.clOrdId();
        execution(b.clOrdId(), ExecType.NEW, 0, 0, RejectReason.NONE, T0 + 2);
        final int length = TestCores.connection(frame, Channel.ORDER_ENTRY, false, T0 + 3);
        core.pipeline().onFrame(frame, 0, length, T0 + 3, 1, ++sequence, false);
        assertThat(a.state()).isEqualTo(OrderState.CANCELED);
        assertThat(b.state()).isEqualTo(OrderState.CANCELED);
        assertThat(core.orders().openOrders()).isZero();
        assertThat(core.risk().gatewayUp()).isFalse();

        execution(idA, ExecType.FILL, 5_000_100, 500, RejectReason.NONE, T0 + 4);
        assertThat(counters.value(EngineCounter.LATE_FILLS)).isEqualTo(1);
        assertThat(core.portfolio().position(BTC)).isEqualTo(500);
    }

    @Test
    void shouldNeverSendTheSameClientOrderIdTwice()
    {
        stage.beginEvent(50);
        core.clock().set(T0);
        assertThat(stage.sendIoc(BTC, true, 5_000_100, 500)).isTrue();
        final long id = sent.get(0);
        assertThat(id).isEqualTo(50L << 8);
        execution(id, ExecType.REJECTED, 0, 0, RejectReason.INVALID_PRICE, T0 + 1);
        stage.beginEvent(50);
        assertThat(stage.sendIoc(BTC, true, 5_000_100, 500)).isFalse();
        stage.beginEvent(49);
        assertThat(stage.sendIoc(BTC, true, 5_000_100, 500)).isFalse();
        assertThat(sent).containsExactly(id);
        assertThat(counters.value(EngineCounter.DUPLICATE_IDS)).isEqualTo(2);
        stage.beginEvent(51);
        assertThat(stage.sendIoc(BTC, true, 5_000_100, 500)).isTrue();
        assertThat(stage.sendIoc(BTC, true, 5_000_100, 500)).isTrue();
        assertThat(sent).containsExactly(id, 51L << 8, (51L << 8) | 1);
    }

    @Test
    void shouldKeepClientOrderIdsUniqueAcrossARestartBecauseTheJournalSequenceContinues()
    {
        final Path journalDir = dir.resolve("journal");
        final List<Long> ids = new ArrayList<>();
        for (int run = 0; run < 2; run++)
        {
            final TradingCore restarted = TestCores.core((buffer, offset, length, clOrdId, destination) ->
            {
                ids.add(clOrdId);
                return true;
            }, new EngineCounters());
            final OrderStage orders = restarted.orderStage();
            try (Journal journal = Journal.open(new JournalContext().directory(journalDir)))
            {
                final JournalAppender appender = journal.appender();
                for (int k = 0; k < 3; k++)
                {
                    final long journalSequence = appender.append(frame, 0, 16, T0 + k, 1, 0);
                    orders.beginEvent(journalSequence);
                    orders.sendIoc(BTC, k % 2 == 0, 5_000_100, 500);
                    orders.sendIoc(BTC, k % 2 == 0, 5_000_100, 500);
                }
            }
        }
        assertThat(ids).hasSize(12).doesNotHaveDuplicates().isSorted();
    }
}
