package com.schwabot.engine.stage;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.LogonEncoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.YesNo;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.Order;
import com.schwabot.engine.order.OrderState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order-entry session resume on the business thread, frames through the pipeline as the gateway publishes them:
 * the venue's logon answer sets the resume point, reports the venue resends that the engine already has are
 * recognized by exec id and ignored, and a fill the engine never had (its order ended locally when the connection
 * went) is picked up and moves the position.
 */
class SessionResumeTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long VENUE = TestCores.DESTINATION;
    private static final long NOT_THE_VENUE = 1;
    private static final int BTC = 0;

    private final EngineCounters counters = new EngineCounters();
    private final List<Long> sent = new ArrayList<>();
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
    private TradingCore core;
    private OrderStage stage;
    private long sequence = 10;
    private long now = T0;

    @BeforeEach
    void setUp()
    {
        core = TestCores.core((buffer, offset, length, clOrdId, destination) -> sent.add(clOrdId), counters);
        TestCores.connect(core, T0);
        stage = core.orderStage();
    }

    @Test
    void shouldIgnoreResentReportsItHasAndApplyTheFillItMissed()
    {
        final long firstId = send().clOrdId();
        logonAnswer(100, false);
        report(VENUE, firstId, ExecType.NEW, 0, 101);
        report(VENUE, firstId, ExecType.FILL, 500, 102);
        assertThat(core.portfolio().position(BTC)).isEqualTo(500);
        final Order second = send();
        final long secondId = second.clOrdId();
        connection(false);
        assertThat(second.state()).as("ended locally with the connection").isEqualTo(OrderState.CANCELED);

        logonAnswer(100, false);
        report(VENUE, firstId, ExecType.NEW, 0, 101);
        report(VENUE, firstId, ExecType.FILL, 500, 102);
        report(VENUE, secondId, ExecType.NEW, 0, 103);
        report(VENUE, secondId, ExecType.FILL, 300, 104);
        report(VENUE, secondId, ExecType.FILL, 300, 104);

        assertThat(counters.value(EngineCounter.DUPLICATE_EXECUTIONS)).isEqualTo(3);
        assertThat(counters.value(EngineCounter.LATE_FILLS)).isEqualTo(1);
        assertThat(counters.value(EngineCounter.FILLS)).isEqualTo(2);
        assertThat(counters.value(EngineCounter.LOGONS)).isEqualTo(2);
        assertThat(core.portfolio().position(BTC)).isEqualTo(800);
        assertThat(stage.lastExecId()).isEqualTo(104);
    }

    @Test
    void shouldStartAfterTheAnswersExecIdWhenTheVenueStartsANewSession()
    {
        logonAnswer(50, false);
        report(VENUE, send().clOrdId(), ExecType.FILL, 500, 60);
        connection(false);

        logonAnswer(3, true);
        report(VENUE, send().clOrdId(), ExecType.FILL, 200, 4);

        assertThat(stage.lastExecId()).isEqualTo(4);
        assertThat(counters.value(EngineCounter.DUPLICATE_EXECUTIONS)).isZero();
        assertThat(core.portfolio().position(BTC)).isEqualTo(700);
    }

    @Test
    void shouldApplyReportsBeforeAnyLogonAnswerOrWithoutAnExecIdOrFromAnotherSourceAsTheyCome()
    {
        final long id = send().clOrdId();
        report(VENUE, id, ExecType.PARTIAL_FILL, 100, 7);
        report(VENUE, id, ExecType.PARTIAL_FILL, 100, 7);
        assertThat(stage.lastExecId()).as("no logon answer: a journal older than the protocol")
            .isEqualTo(OrderStage.NO_EXEC_ID);

        logonAnswer(10, false);
        report(NOT_THE_VENUE, id, ExecType.PARTIAL_FILL, 100, 3);
        report(VENUE, id, ExecType.PARTIAL_FILL, 100, ExecutionReportEncoder.execIdNullValue());

        assertThat(counters.value(EngineCounter.DUPLICATE_EXECUTIONS)).isZero();
        assertThat(core.portfolio().position(BTC)).isEqualTo(400);
        assertThat(stage.lastExecId()).isEqualTo(10);
    }

    @Test
    void shouldCountALogonAnswerWithAnUndefinedResetAsABadValue()
    {
        logonAnswer(10, false);
        frame.putByte(MessageHeaderEncoder.ENCODED_LENGTH + LogonEncoder.resetEncodingOffset(), (byte)7);
        core.pipeline().onFrame(frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + LogonEncoder.BLOCK_LENGTH, now, VENUE,
            ++sequence, false);

        assertThat(counters.value(EngineCounter.BAD_VALUES)).isEqualTo(1);
        assertThat(counters.value(EngineCounter.LOGONS)).isEqualTo(1);
        assertThat(counters.value(EngineCounter.HANDLER_ERRORS)).isZero();
    }

    private Order send()
    {
        stage.beginEvent(++sequence);
        core.clock().set(++now);
        assertThat(stage.sendIoc(BTC, true, 5_000_100, 500, 5_000_050)).isTrue();
        return core.orders().get(sent.get(sent.size() - 1));
    }

    private void logonAnswer(final long lastExecId, final boolean reset)
    {
        final LogonEncoder logon = new LogonEncoder().wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .timeNs(++now).account(1).lastExecId(lastExecId).reset(reset ? YesNo.YES : YesNo.NO);
        core.pipeline().onFrame(frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + logon.encodedLength(), now, VENUE,
            ++sequence, false);
    }

    private void connection(final boolean up)
    {
        final int length = TestCores.connection(frame, Channel.ORDER_ENTRY, up, ++now);
        core.pipeline().onFrame(frame, 0, length, now, VENUE, ++sequence, false);
    }

    private void report(
        final long source, final long clOrdId, final ExecType type, final long qty, final long execId)
    {
        final ExecutionReportEncoder report = new ExecutionReportEncoder()
            .wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .clOrdId(clOrdId).exchangeOrderId(clOrdId + 1000).execId(execId).transactTimeNs(++now)
            .orderPrice(5_000_100).lastPrice(5_000_100).lastQty(qty).cumQty(qty).leavesQty(0).fee(0)
            .instrumentId(1).venueId(1).priceExponent((byte)-2).qtyExponent((byte)-5).feeExponent((byte)0)
            .side(Side.BUY).execType(type).rejectReason(RejectReason.NONE).liquidity(Liquidity.TAKER);
        core.pipeline().onFrame(frame, 0, MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength(), now, source,
            ++sequence, false);
    }
}
