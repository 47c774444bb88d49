package com.schwabot.engine.stage;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.codecs.sbe.CancelOrderEncoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderEncoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.codecs.sbe.YesNo;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.Order;
import com.schwabot.engine.order.OrderDigest;
import com.schwabot.engine.order.OrderManager;
import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.order.OrderState;
import com.schwabot.engine.portfolio.Portfolio;
import com.schwabot.engine.venue.Sources;

/**
 * Stage 6, order send: turns orders that passed the risk gate into canonical NewOrder frames for the
 * {@link OrderSender}, keeps the {@link OrderManager}'s state machine in step with execution reports, applies fills
 * to the {@link Portfolio}, cancels orders that outlive their timeout, and treats every working order as canceled
 * when the gateway connection is lost (the venue cancels on disconnect).
 * <p>
 * Client order ids are {@code journalSequence << 8 | n}: the journal sequence of the event that caused the order
 * and its number among that event's orders. They are unique across restarts (the journal's sequence continues) and
 * the same in a replay. Ids only ever increase: a send whose id is not above the last id sent (a repeated journal
 * sequence) is refused and counted, so no id, order or cancel, is ever sent twice. Every frame sent goes into the
 * {@link OrderDigest}.
 * <p>
 * Execution reports: a fill of an order the engine ended locally (a timed-out cancel, a lost gateway) still moves
 * the portfolio (positions come from the venue's reports); a reject of a cancel as too late puts the order back in
 * its state before the cancel.
 * <p>
 * Session resume ({@code OrderEntryProtocol}): the venue's answer to a logon sets the resume point, the exec id after
 * which the venue sends the account's reports, resent ones first (see {@link #onLogon}). From then on each report
 * from the trading venue with an exec id moves the point up, and one at or below it is a duplicate: counted and
 * ignored, so a report the venue sends twice moves nothing twice. Reports without an exec id (the gateway's
 * synthetic rejects), reports from other sources (a backtest's simulated venue) and every report before the first
 * logon answer (journals older than the protocol's logon) are applied as they come. {@link #lastExecId()} is what a
 * restarted engine asks the venue to resume after.
 * <p>
 * Not thread-safe: business thread only. Allocation-free.
 */
public final class OrderStage
{
    private static final int ORDERS_PER_EVENT_BITS = 8;
    private static final int MAX_ORDERS_PER_EVENT = 1 << ORDERS_PER_EVENT_BITS;
    /** No resume point: no logon answer seen yet. */
    public static final long NO_EXEC_ID = ExecutionReportDecoder.execIdNullValue();

    private final InstrumentTable instruments;
    private final OrderManager orders;
    private final Portfolio portfolio;
    private final OrderSender sender;
    private final OrderDigest digest;
    private final EventClock clock;
    private final long destination;
    private final int venueId;
    private final long timeoutNanos;
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final Order[] scratch;
    private final AtomicCounter ordersSent;
    private final AtomicCounter cancelsSent;
    private final AtomicCounter outputFull;
    private final AtomicCounter reports;
    private final AtomicCounter fills;
    private final AtomicCounter rejects;
    private final AtomicCounter cancels;
    private final AtomicCounter unknown;
    private final AtomicCounter lateFills;
    private final AtomicCounter cancelRejects;
    private final AtomicCounter duplicateIds;
    private final AtomicCounter duplicateExecutions;
    private final AtomicCounter logons;
    private long lastExecId = NO_EXEC_ID;
    private long eventSequence;
    private long lastClOrdId = Long.MIN_VALUE;
    private int ordersThisEvent;

    /**
     * An order stage.
     *
     * @param instruments  the instrument table.
     * @param orders       the order manager.
     * @param portfolio    the portfolio fills go to.
     * @param sender       where frames go.
     * @param digest       digest of the frames sent.
     * @param clock        the event clock.
     * @param destination  venue and connection of the order gateway.
     * @param timeoutNanos how long an order may stay unacknowledged, or a cancel unconfirmed.
     * @param counters     engine counters.
     */
    public OrderStage(
        final InstrumentTable instruments,
        final OrderManager orders,
        final Portfolio portfolio,
        final OrderSender sender,
        final OrderDigest digest,
        final EventClock clock,
        final long destination,
        final long timeoutNanos,
        final EngineCounters counters)
    {
        this.instruments = instruments;
        this.orders = orders;
        this.portfolio = portfolio;
        this.sender = sender;
        this.digest = digest;
        this.clock = clock;
        this.destination = destination;
        this.venueId = (int)(destination >>> 32);
        this.timeoutNanos = timeoutNanos;
        this.scratch = new Order[orders.capacity()];
        this.ordersSent = counters.get(EngineCounter.ORDERS_SENT);
        this.cancelsSent = counters.get(EngineCounter.CANCELS_SENT);
        this.outputFull = counters.get(EngineCounter.OUTPUT_RING_FULL);
        this.reports = counters.get(EngineCounter.EXECUTION_REPORTS);
        this.fills = counters.get(EngineCounter.FILLS);
        this.rejects = counters.get(EngineCounter.VENUE_REJECTS);
        this.cancels = counters.get(EngineCounter.CANCELS);
        this.unknown = counters.get(EngineCounter.UNKNOWN_EXECUTIONS);
        this.lateFills = counters.get(EngineCounter.LATE_FILLS);
        this.cancelRejects = counters.get(EngineCounter.CANCEL_REJECTS);
        this.duplicateIds = counters.get(EngineCounter.DUPLICATE_IDS);
        this.duplicateExecutions = counters.get(EngineCounter.DUPLICATE_EXECUTIONS);
        this.logons = counters.get(EngineCounter.LOGONS);
        // Wrapped over the frame now, so that every order's wrap finds the buffer it holds: the first order would
        // otherwise take the "new buffer" branch that the JIT warm-up's core took only once, long before it compiled
        // the order path, and throw that compiled code away (an uncommon trap in the encoder's wrap).
        newOrder.wrapAndApplyHeader(frame, 0, header);
        cancelOrder.wrapAndApplyHeader(frame, 0, header);
    }

    /**
     * Called by the pipeline before each event: the journal sequence that ids of orders caused by it derive from.
     *
     * @param journalSequence of the event.
     */
    public void beginEvent(final long journalSequence)
    {
        eventSequence = journalSequence;
        ordersThisEvent = 0;
    }

    /**
     * Send an immediate-or-cancel limit order, with its own price as reference.
     *
     * @param instrument instrument index.
     * @param buy        side.
     * @param price      limit price mantissa.
     * @param qty        quantity mantissa.
     * @return true when sent.
     */
    public boolean sendIoc(final int instrument, final boolean buy, final long price, final long qty)
    {
        return sendIoc(instrument, buy, price, qty, price);
    }

    /**
     * Send an immediate-or-cancel limit order.
     *
     * @param instrument     instrument index.
     * @param buy            side.
     * @param price          limit price mantissa.
     * @param qty            quantity mantissa.
     * @param referencePrice price mantissa the decision expected (the mid): fills are measured against it.
     * @return true when sent.
     */
    public boolean sendIoc(
        final int instrument, final boolean buy, final long price, final long qty, final double referencePrice)
    {
        final long clOrdId = nextClOrdId();
        if (clOrdId == Long.MIN_VALUE)
        {
            return false;
        }
        final long now = clock.nanos();
        final Order order = orders.open(clOrdId, instrument, buy, price, qty, now, referencePrice);
        if (null == order)
        {
            return false;
        }
        newOrder.wrapAndApplyHeader(frame, 0, header)
            .clOrdId(clOrdId)
            .price(price)
            .qty(qty)
            .timeNs(now)
            .instrumentId(instruments.id(instrument))
            .strategyId(0)
            .venueId(venueId)
            .priceExponent((byte)instruments.priceExponent(instrument))
            .qtyExponent((byte)instruments.qtyExponent(instrument))
            .side(buy ? Side.BUY : Side.SELL)
            .orderType(OrderType.LIMIT)
            .timeInForce(TimeInForce.IOC);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength();
        if (!sender.send(frame, 0, length, clOrdId, destination))
        {
            outputFull.incrementRelease();
            orders.onDone(order, OrderState.REJECTED);
            return false;
        }
        digest.update(frame, 0, length);
        ordersSent.incrementRelease();
        return true;
    }

    /**
     * Send a cancel for a working order.
     *
     * @param order the order.
     */
    public void cancel(final Order order)
    {
        if (order.state().isTerminal())
        {
            return;
        }
        final long clOrdId = nextClOrdId();
        if (clOrdId == Long.MIN_VALUE)
        {
            return;
        }
        cancelOrder.wrapAndApplyHeader(frame, 0, header)
            .clOrdId(clOrdId)
            .origClOrdId(order.clOrdId())
            .exchangeOrderId(CancelOrderEncoder.exchangeOrderIdNullValue())
            .timeNs(clock.nanos())
            .instrumentId(instruments.id(order.instrument()))
            .venueId(venueId);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + cancelOrder.encodedLength();
        if (sender.send(frame, 0, length, clOrdId, destination))
        {
            digest.update(frame, 0, length);
            cancelsSent.incrementRelease();
            orders.onCancelSent(order, clock.nanos());
        }
        else
        {
            outputFull.incrementRelease();
        }
    }

    private long nextClOrdId()
    {
        if (ordersThisEvent >= MAX_ORDERS_PER_EVENT)
        {
            return Long.MIN_VALUE;
        }
        final long clOrdId = (eventSequence << ORDERS_PER_EVENT_BITS) | ordersThisEvent++;
        if (clOrdId <= lastClOrdId)
        {
            duplicateIds.incrementRelease();
            return Long.MIN_VALUE;
        }
        lastClOrdId = clOrdId;
        return clOrdId;
    }

    /**
     * The venue answered a logon. A new session ({@code reset = YES}: the venue did not know the account or the exec
     * id, e.g. it restarted) makes the answer's exec id the resume point; a resume keeps the higher of the two, so
     * reports the venue resends that the engine already had are duplicates.
     *
     * @param logon  decoder wrapped over the answer, its {@code reset} a defined value.
     * @param source where it came from; an answer from another venue than the trading venue is ignored.
     */
    public void onLogon(final LogonDecoder logon, final long source)
    {
        if (Sources.venueId(source) != venueId)
        {
            return;
        }
        logons.incrementRelease();
        final long answered = logon.lastExecId();
        if (logon.resetRaw() == YesNo.YES.value() || lastExecId == NO_EXEC_ID || answered == NO_EXEC_ID)
        {
            lastExecId = answered;
        }
        else
        {
            lastExecId = Math.max(lastExecId, answered);
        }
    }

    /**
     * The resume point: the exec id of the last report from the venue since its last logon answer, or that
     * answer's exec id when none came after it.
     *
     * @return the exec id, or {@link #NO_EXEC_ID} before any logon answer.
     */
    public long lastExecId()
    {
        return lastExecId;
    }

    /**
     * Apply an execution report from a source, unless it is a duplicate of one already applied (see the class
     * comment).
     *
     * @param report decoder wrapped over the report.
     * @param source where it came from.
     */
    public void onExecution(final ExecutionReportDecoder report, final long source)
    {
        final long execId = report.execId();
        if (lastExecId != NO_EXEC_ID && execId != NO_EXEC_ID && Sources.venueId(source) == venueId)
        {
            if (execId <= lastExecId)
            {
                duplicateExecutions.incrementRelease();
                return;
            }
            lastExecId = execId;
        }
        onExecution(report);
    }

    /**
     * Apply an execution report.
     *
     * @param report decoder wrapped over the report.
     */
    public void onExecution(final ExecutionReportDecoder report)
    {
        reports.incrementRelease();
        final Order order = orders.get(report.clOrdId());
        final ExecType type = report.execType();
        if (null == order)
        {
            unknown.incrementRelease();
            if (type == ExecType.PARTIAL_FILL || type == ExecType.FILL)
            {
                lateFill(report);
            }
            return;
        }
        final long now = clock.nanos();
        switch (type)
        {
            case NEW -> orders.onAck(order, report.exchangeOrderId(), now);
            case PARTIAL_FILL, FILL -> fill(order, report, now);
            case CANCELED, EXPIRED ->
            {
                cancels.incrementRelease();
                orders.onDone(order, OrderState.CANCELED);
            }
            case REJECTED -> onReject(order, report.rejectReason(), now);
            default -> unknown.incrementRelease();
        }
    }

    private void onReject(final Order order, final RejectReason reason, final long now)
    {
        if (order.state() == OrderState.CANCEL_PENDING && reason == RejectReason.TOO_LATE_TO_CANCEL)
        {
            cancelRejects.incrementRelease();
            orders.onCancelRejected(order, now);
        }
        else if (order.state() == OrderState.CANCEL_PENDING && reason == RejectReason.UNKNOWN_ORDER)
        {
            cancels.incrementRelease();
            orders.onDone(order, OrderState.CANCELED);
        }
        else
        {
            rejects.incrementRelease();
            orders.onDone(order, OrderState.REJECTED);
        }
    }

    private void lateFill(final ExecutionReportDecoder report)
    {
        final int i = instruments.indexOfId(report.instrumentId());
        if (i == InstrumentTable.UNKNOWN)
        {
            return;
        }
        final long qty = Scale.rescale(report.lastQty(), report.qtyExponent(), instruments.qtyExponent(i));
        final long price = Scale.rescale(report.lastPrice(), report.priceExponent(), instruments.priceExponent(i));
        if (qty == Scale.INVALID || price == Scale.INVALID || qty <= 0)
        {
            return;
        }
        lateFills.incrementRelease();
        fills.incrementRelease();
        portfolio.onFill(i, report.side() == Side.BUY, qty, price, report.fee() * Scale.pow10(report.feeExponent()));
    }

    private void fill(final Order order, final ExecutionReportDecoder report, final long now)
    {
        final int i = order.instrument();
        final long qty = Scale.rescale(report.lastQty(), report.qtyExponent(), instruments.qtyExponent(i));
        final long price = Scale.rescale(report.lastPrice(), report.priceExponent(), instruments.priceExponent(i));
        if (qty == Scale.INVALID || price == Scale.INVALID || qty <= 0)
        {
            unknown.incrementRelease();
            return;
        }
        fills.incrementRelease();
        final double fee = report.fee() * Scale.pow10(report.feeExponent());
        portfolio.onFill(i, order.isBuy(), qty, price, fee, order.referencePrice());
        orders.onFill(order, qty, now);
    }

    /**
     * Cancel orders that stayed unacknowledged too long; give up on cancels that were never confirmed.
     */
    public void onTimer()
    {
        final long now = clock.nanos();
        final int n = orders.snapshot(scratch);
        for (int k = 0; k < n; k++)
        {
            final Order order = scratch[k];
            if (now - order.sentNanos() < timeoutNanos)
            {
                continue;
            }
            if (order.state() == OrderState.CANCEL_PENDING)
            {
                if (now - order.sentNanos() >= 2 * timeoutNanos)
                {
                    cancels.incrementRelease();
                    orders.onDone(order, OrderState.CANCELED);
                }
            }
            else if (order.state() == OrderState.PENDING_NEW)
            {
                cancel(order);
            }
        }
    }

    /**
     * The order gateway connection was lost: the venue cancels every working order on disconnect, so the engine
     * treats them all as canceled.
     */
    public void onGatewayDown()
    {
        final int n = orders.snapshot(scratch);
        for (int k = 0; k < n; k++)
        {
            cancels.incrementRelease();
            orders.onDone(scratch[k], OrderState.CANCELED);
        }
    }
}
