package com.schwabot.engine.stage;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.codecs.CheckedFrameView;
import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandDecoder;
import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ConnectionStateDecoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportDecoder;
import com.schwabot.codecs.sbe.LinkState;
import com.schwabot.codecs.sbe.LogonDecoder;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.codecs.sbe.TimerDecoder;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.StatusPublisher;

/**
 * The business logic of one inbound frame, the same live and in a replay: check the frame, then by its kind
 * <ul>
 *     <li>venue market data: normalize, validate, signal (the tensor stage, risk and orders act at the end of the
 *     batch);</li>
 *     <li>execution report: the order stage (state machine, fills to the portfolio; a report the venue sent again
 *     after a logon is recognized by its exec id and ignored), then the circuit breakers;</li>
 *     <li>logon answer (order-entry session resume): the order stage's resume point;</li>
 *     <li>connection state: feed or gateway up/down into the risk gate; a lost feed invalidates the books, a lost
 *     gateway cancels the working orders;</li>
 *     <li>timer tick: order timeouts, circuit breakers and an equity sample, saving the learned weights;</li>
 *     <li>admin command: halt (as HALTED, or JOURNAL_SPACE when the journal space guard sent it) or resume.</li>
 * </ul>
 * At the end of each batch the tensor stage scores the instruments that changed and the decision stage acts.
 * A bad frame is counted by its {@link FrameStatus} and skipped; a sound one is decoded through a
 * {@link CheckedFrameView} (the checker walked it, so single reads skip Agrona's bounds check). A sound frame with an
 * undefined enum value the engine acts on is counted as a bad value and skipped; a stage that throws is counted and
 * the next frame goes on. Time is the frame's ingress time ({@link EventClock}).
 * <p>
 * Not thread-safe: business thread only. Allocation-free in steady state.
 */
public final class Pipeline
{
    /** The source of a frame that is not in the journal: no venue's. */
    private static final long SYNTHETIC_SOURCE = 0;

    private final FrameChecker checker = new FrameChecker();
    private final CheckedFrameView view = new CheckedFrameView();
    private final ExecutionReportDecoder executionReport = new ExecutionReportDecoder();
    private final ConnectionStateDecoder connectionState = new ConnectionStateDecoder();
    private final TimerDecoder timer = new TimerDecoder();
    private final AdminCommandDecoder admin = new AdminCommandDecoder();
    private final LogonDecoder logon = new LogonDecoder();
    private final EventClock clock;
    private final NormalizeStage normalize;
    private final TensorStage tensor;
    private final RiskGate risk;
    private final OrderStage orders;
    private final MarketState market;
    private final EngineCounters counters;
    private final StatusPublisher status;
    private final AtomicCounter frames;
    private final AtomicCounter bytes;
    private final AtomicCounter unexpected;
    private final AtomicCounter errors;
    private final AtomicCounter feedDown;
    private final AtomicCounter gatewayDown;
    private final AtomicCounter timerTicks;
    private final AtomicCounter adminCommands;
    private final AtomicCounter badValues;
    private long source;

    /**
     * A pipeline over its stages.
     *
     * @param clock     the event clock.
     * @param normalize stage 1 (feeding validate and signal).
     * @param tensor    stage 4 (feeding decisions, risk and orders).
     * @param risk      stage 5.
     * @param orders    stage 6.
     * @param market    the market state.
     * @param status    publisher of the state other threads display (on timer ticks).
     * @param counters  engine counters.
     */
    public Pipeline(
        final EventClock clock,
        final NormalizeStage normalize,
        final TensorStage tensor,
        final RiskGate risk,
        final OrderStage orders,
        final MarketState market,
        final StatusPublisher status,
        final EngineCounters counters)
    {
        this.clock = clock;
        this.normalize = normalize;
        this.tensor = tensor;
        this.risk = risk;
        this.orders = orders;
        this.market = market;
        this.counters = counters;
        this.status = status;
        this.frames = counters.get(EngineCounter.INBOUND_FRAMES);
        this.bytes = counters.get(EngineCounter.INBOUND_BYTES);
        this.unexpected = counters.get(EngineCounter.UNEXPECTED_FRAMES);
        this.errors = counters.get(EngineCounter.HANDLER_ERRORS);
        this.feedDown = counters.get(EngineCounter.FEED_DOWN);
        this.gatewayDown = counters.get(EngineCounter.GATEWAY_DOWN);
        this.timerTicks = counters.get(EngineCounter.TIMER_TICKS);
        this.adminCommands = counters.get(EngineCounter.ADMIN_COMMANDS);
        this.badValues = counters.get(EngineCounter.BAD_VALUES);
    }

    /**
     * Process one inbound frame.
     *
     * @param buffer          holding the frame.
     * @param offset          of its SBE header.
     * @param length          of the frame.
     * @param ingressNanos    its ingress time: the engine's now.
     * @param source          its source.
     * @param journalSequence its journal sequence (order ids derive from it).
     * @param endOfBatch      true when it is the last frame of a batch: scoring and decisions follow.
     */
    public void onFrame(
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long ingressNanos,
        final long source,
        final long journalSequence,
        final boolean endOfBatch)
    {
        clock.set(ingressNanos);
        orders.beginEvent(journalSequence);
        frames.incrementRelease();
        bytes.getAndAddRelease(length);
        this.source = source;
        try
        {
            dispatch(buffer, offset, length);
        }
        catch (final RuntimeException ex)
        {
            errors.incrementRelease();
        }
        if (endOfBatch)
        {
            endOfBatch();
        }
    }

    /**
     * Begin an event whose market data is processed by a stage shared with other pipelines (a backtest sweep: one
     * decode, validation and signal pass feeds many variants): the clock, the order numbering and the frame counters
     * move as {@link #onFrame} would move them, but the frame itself is not dispatched here.
     *
     * @param ingressNanos    its ingress time.
     * @param journalSequence its journal sequence.
     * @param length          its length.
     */
    public void beginSharedEvent(final long ingressNanos, final long journalSequence, final int length)
    {
        clock.set(ingressNanos);
        orders.beginEvent(journalSequence);
        frames.incrementRelease();
        bytes.getAndAddRelease(length);
    }

    /**
     * End a batch: score the instruments that changed and act on the scores.
     */
    public void endOfBatch()
    {
        try
        {
            tensor.onEndOfBatch();
        }
        catch (final RuntimeException ex)
        {
            errors.incrementRelease();
        }
    }

    /**
     * Process a frame that is not in the journal (a simulated venue's execution report in a backtest): like
     * {@link #onFrame} but it keeps the order numbering of the journaled event being processed, so ids stay unique.
     *
     * @param buffer       holding the frame.
     * @param offset       of its SBE header.
     * @param length       of the frame.
     * @param ingressNanos its time.
     */
    public void onSyntheticFrame(
        final DirectBuffer buffer, final int offset, final int length, final long ingressNanos)
    {
        clock.set(ingressNanos);
        frames.incrementRelease();
        bytes.getAndAddRelease(length);
        source = SYNTHETIC_SOURCE;
        try
        {
            dispatch(buffer, offset, length);
        }
        catch (final RuntimeException ex)
        {
            errors.incrementRelease();
        }
    }

    /**
     * Whether the last frame given to {@link #onFrame} or {@link #onSyntheticFrame} is venue market data by its
     * header, sound or not: a Binance stream frame (what {@code Replayer.isMarketData} says of it, without reading
     * the frame again).
     *
     * @return true for market data.
     */
    public boolean lastFrameIsMarketData()
    {
        return checker.schemaId() == FrameChecker.BINANCE_SCHEMA_ID;
    }

    /**
     * Publish the displayed state now (end of a run).
     */
    public void publishStatus()
    {
        status.publish();
    }

    private void dispatch(final DirectBuffer checked, final int offset, final int length)
    {
        final FrameStatus frameStatus = checker.check(checked, offset, length);
        if (frameStatus != FrameStatus.OK)
        {
            counters.badFrame(frameStatus).incrementRelease();
            return;
        }
        final DirectBuffer buffer = view.view(checked, offset, length);
        final int blockLength = checker.blockLength();
        final int version = checker.version();
        final int body = offset + FrameChecker.HEADER_LENGTH;
        if (checker.isBinance())
        {
            normalize.onBinanceFrame(buffer, offset, checker);
            return;
        }
        switch (checker.templateId())
        {
            case ExecutionReportDecoder.TEMPLATE_ID -> onExecution(
                executionReport.wrap(buffer, body, blockLength, version));
            case ConnectionStateDecoder.TEMPLATE_ID -> onConnection(connectionState.wrap(buffer, body, blockLength,
                version));
            case TimerDecoder.TEMPLATE_ID ->
            {
                timer.wrap(buffer, body, blockLength, version);
                timerTicks.incrementRelease();
                orders.onTimer();
                risk.onTimer();
                tensor.onTimer();
                status.publish();
            }
            case AdminCommandDecoder.TEMPLATE_ID -> onAdmin(admin.wrap(buffer, body, blockLength, version));
            case LogonDecoder.TEMPLATE_ID -> onLogon(logon.wrap(buffer, body, blockLength, version));
            default -> unexpected.incrementRelease();
        }
    }

    private void onExecution(final ExecutionReportDecoder d)
    {
        if (!EnumFields.execType(d.execTypeRaw()) || !EnumFields.side(d.sideRaw()) ||
            (d.execType() == ExecType.REJECTED && !EnumFields.rejectReason(d.rejectReasonRaw())))
        {
            badValues.incrementRelease();
            return;
        }
        orders.onExecution(d, source);
        risk.checkBreakers();
    }

    private void onLogon(final LogonDecoder d)
    {
        if (!EnumFields.yesNo(d.resetRaw()))
        {
            badValues.incrementRelease();
            return;
        }
        orders.onLogon(d, source);
    }

    private void onConnection(final ConnectionStateDecoder d)
    {
        if (!EnumFields.channel(d.channelRaw()) || !EnumFields.linkState(d.stateRaw()))
        {
            badValues.incrementRelease();
            return;
        }
        final boolean up = d.state() == LinkState.UP;
        if (d.channel() == Channel.ORDER_ENTRY)
        {
            risk.gateway(up);
            if (!up)
            {
                gatewayDown.incrementRelease();
                orders.onGatewayDown();
            }
        }
        else
        {
            risk.feed(up);
            if (!up)
            {
                feedDown.incrementRelease();
                for (int i = 0; i < market.instrumentCount(); i++)
                {
                    market.invalidate(i);
                }
            }
        }
    }

    private void onAdmin(final AdminCommandDecoder d)
    {
        if (!EnumFields.adminAction(d.actionRaw()))
        {
            badValues.incrementRelease();
            return;
        }
        final AdminAction action = d.action();
        if (action != AdminAction.SESSION_START)
        {
            adminCommands.incrementRelease();
        }
        if (action == AdminAction.HALT)
        {
            risk.halt(d.riskLimitRaw() == RiskReason.JOURNAL_SPACE.value() ? RiskReason.JOURNAL_SPACE :
                RiskReason.HALTED, Long.MAX_VALUE);
        }
        else if (action == AdminAction.RESUME)
        {
            risk.resume();
        }
    }
}
