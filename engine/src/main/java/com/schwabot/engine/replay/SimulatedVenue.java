package com.schwabot.engine.replay;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.sbe.CancelOrderDecoder;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.stage.Pipeline;

/**
 * The deterministic venue of a backtest: orders the engine sends while replaying a market-data-only journal are
 * filled against the replayed top of book, and the execution reports go back through the pipeline right after the
 * event that caused them, as if the venue answered instantly.
 * <p>
 * Fill model (first version): a buy at or above the ask fills up to the ask quantity at the ask, a sell at or below
 * the bid up to the bid quantity at the bid (taker, fee {@code takerFeeBps} of the notional); any remainder is
 * canceled, whatever the time in force (resting orders are not simulated yet, so a cancel request is answered
 * TOO_LATE_TO_CANCEL). Every order gets NEW first. The backtest issue adds latency, depth and queue position.
 * <p>
 * Not thread-safe: replay thread only. Allocation-free after construction.
 */
public final class SimulatedVenue implements OrderSender
{
    private static final int MAX_PENDING = 64;
    private static final int FRAME_CAPACITY = 256;

    private final InstrumentTable instruments;
    private final int takerFeeBps;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final UnsafeBuffer[] pending = new UnsafeBuffer[MAX_PENDING];
    private final int[] pendingLength = new int[MAX_PENDING];
    private int pendingCount;
    private MarketState market;
    private long nextExchangeId = 1;
    private long nextExecId = 1;
    private long timeNs;
    private long orderClOrdId;
    private int orderInstrumentId;
    private Side orderSide = Side.BUY;
    private long orderPrice;
    private long orderQty;
    private int feeExponent;

    /**
     * A simulated venue.
     *
     * @param instruments the instrument table.
     * @param takerFeeBps fee charged on fills, in basis points of the notional.
     */
    public SimulatedVenue(final InstrumentTable instruments, final int takerFeeBps)
    {
        this.instruments = instruments;
        this.takerFeeBps = takerFeeBps;
        for (int i = 0; i < MAX_PENDING; i++)
        {
            pending[i] = new UnsafeBuffer(new byte[FRAME_CAPACITY]);
        }
    }

    /**
     * The market the orders fill against (the replayed one).
     *
     * @param market the trading core's market state.
     */
    public void market(final MarketState market)
    {
        this.market = market;
    }

    /**
     * {@inheritDoc}
     */
    public boolean send(
        final DirectBuffer buffer, final int offset, final int length, final long clOrdId, final long destination)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (header.templateId() == NewOrderDecoder.TEMPLATE_ID)
        {
            newOrder.wrap(buffer, body, header.blockLength(), header.version());
            onNewOrder();
        }
        else if (header.templateId() == CancelOrderDecoder.TEMPLATE_ID)
        {
            cancelOrder.wrap(buffer, body, header.blockLength(), header.version());
            current(cancelOrder.origClOrdId(), cancelOrder.instrumentId(), Side.BUY, 0, 0);
            timeNs = cancelOrder.timeNs();
            encode(ExecType.REJECTED, 0, 0, 0, 0, RejectReason.TOO_LATE_TO_CANCEL);
        }
        return true;
    }

    private void onNewOrder()
    {
        timeNs = newOrder.timeNs();
        final int i = instruments.indexOfId(newOrder.instrumentId());
        final long qty = newOrder.qty();
        final long price = newOrder.price();
        current(newOrder.clOrdId(), newOrder.instrumentId(), newOrder.side(), price, qty);
        if (i == InstrumentTable.UNKNOWN || null == market || qty <= 0)
        {
            encode(ExecType.REJECTED, 0, 0, 0, 0,
                i == InstrumentTable.UNKNOWN ? RejectReason.UNKNOWN_INSTRUMENT : RejectReason.INVALID_QTY);
            return;
        }
        encode(ExecType.NEW, 0, 0, 0, 0, RejectReason.NONE);
        final boolean buy = orderSide == Side.BUY;
        final long touch = buy ? market.ask(i) : market.bid(i);
        final long touchQty = buy ? market.askQty(i) : market.bidQty(i);
        final boolean marketable = touch > 0 &&
            (newOrder.orderType() == OrderType.MARKET || (buy ? price >= touch : price <= touch));
        long filled = 0;
        if (marketable && touchQty > 0)
        {
            filled = Math.min(qty, touchQty);
            feeExponent = instruments.priceExponent(i) + instruments.qtyExponent(i) - 4;
            final long fee = touch * filled * takerFeeBps;
            encode(filled == qty ? ExecType.FILL : ExecType.PARTIAL_FILL, touch, filled, filled, fee,
                RejectReason.NONE);
            feeExponent = 0;
        }
        if (filled < qty)
        {
            encode(ExecType.CANCELED, 0, 0, filled, 0, RejectReason.NONE);
        }
    }

    private void current(
        final long clOrdId, final int instrumentId, final Side side, final long price, final long qty)
    {
        orderClOrdId = clOrdId;
        orderInstrumentId = instrumentId;
        orderSide = side;
        orderPrice = price;
        orderQty = qty;
    }

    private void encode(
        final ExecType type,
        final long lastPrice,
        final long lastQty,
        final long cumQty,
        final long fee,
        final RejectReason reason)
    {
        if (pendingCount == MAX_PENDING)
        {
            return;
        }
        final int i = instruments.indexOfId(orderInstrumentId);
        final UnsafeBuffer out = pending[pendingCount];
        report.wrapAndApplyHeader(out, 0, headerEncoder)
            .clOrdId(orderClOrdId)
            .exchangeOrderId(type == ExecType.REJECTED ? ExecutionReportEncoder.exchangeOrderIdNullValue() :
                nextExchangeId)
            .execId(lastQty > 0 ? nextExecId++ : ExecutionReportEncoder.execIdNullValue())
            .transactTimeNs(timeNs)
            .orderPrice(orderPrice)
            .lastPrice(lastPrice)
            .lastQty(lastQty)
            .cumQty(cumQty)
            .leavesQty(type == ExecType.NEW ? orderQty : 0)
            .fee(fee)
            .instrumentId(orderInstrumentId)
            .venueId(0)
            .priceExponent((byte)(i == InstrumentTable.UNKNOWN ? 0 : instruments.priceExponent(i)))
            .qtyExponent((byte)(i == InstrumentTable.UNKNOWN ? 0 : instruments.qtyExponent(i)))
            .feeExponent((byte)feeExponent)
            .side(orderSide)
            .execType(type)
            .rejectReason(reason)
            .liquidity(lastQty > 0 ? Liquidity.TAKER : Liquidity.NONE);
        pendingLength[pendingCount++] = MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength();
        if (type == ExecType.CANCELED || type == ExecType.FILL)
        {
            nextExchangeId++;
        }
    }

    /**
     * Feed the reports produced since the last drain into the pipeline, in order, at a time.
     *
     * @param pipeline the pipeline.
     * @param nanos    ingress time given to the reports.
     * @return reports delivered.
     */
    public int drain(final Pipeline pipeline, final long nanos)
    {
        int delivered = 0;
        while (delivered < pendingCount)
        {
            final int k = delivered++;
            pipeline.onSyntheticFrame(pending[k], 0, pendingLength[k], nanos);
        }
        pendingCount = 0;
        return delivered;
    }

    /**
     * Reports waiting to be drained.
     *
     * @return the count.
     */
    public int pending()
    {
        return pendingCount;
    }
}
