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
import com.schwabot.codecs.sbe.TimeInForce;
import com.schwabot.engine.book.BookSide;
import com.schwabot.engine.book.OrderBook;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.stage.Pipeline;

/**
 * The deterministic venue of a backtest: orders the engine sends while replaying a market-data-only journal are
 * filled against the replayed market, and the execution reports go back through the pipeline.
 * <p>
 * <b>Latency.</b> A sent order or cancel reaches the venue {@link FillSettings#latencyNanos()} of event time later:
 * the venue acts on it at the first market event processed ({@link #onMarketEvent}) whose ingress time is at least
 * its send time plus the latency, against the book as that event left it. With no latency that is the event right
 * after the send (the one that caused it). Messages are handled in the order they were sent.
 * <p>
 * <b>Fills.</b> An order is acknowledged (NEW) when it reaches the venue, then takes liquidity: it walks the levels of
 * the other side that it crosses (a buy the asks at or below its limit, a sell the bids at or above it; a MARKET
 * order has no limit) and fills at each level's price up to the visible quantity there, one report per level, paying
 * the taker fee. The levels are the recorded L2 book when the instrument has a valid one whose best level is the
 * current top of book (depth streams in the journal), else the top of book alone (best bid/ask streams). Quantity
 * this venue has filled at a level is used up until the instrument's book changes (its update id moves), so two of
 * the engine's orders cannot both take the same visible quantity. Then, by time in force: IOC cancels the rest
 * (CANCELED); FOK fills only when the crossed visible quantity covers the whole order, else it EXPIRES unfilled;
 * GTC rests the rest. LIMIT_MAKER is rejected (WOULD_CROSS) when it would take, else rests.
 * <p>
 * A resting order fills as maker, at its own limit price and fee, when a later market event shows the other side at
 * or through its price, up to the visible quantity crossed (no queue position: the recorded quantity at better or
 * equal prices is assumed to trade with it first and only what crosses counts). A trade through the price without
 * the quotes crossing does not fill it. A cancel that reaches the venue while the order rests cancels it (CANCELED),
 * otherwise it is rejected TOO_LATE_TO_CANCEL.
 * <p>
 * Fees are {@code price * qty * fee_bps / 10_000}, reported as a mantissa with exponent
 * {@code priceExponent + qtyExponent - 4} (whole basis points) or {@code - 6} (hundredths); should the product not
 * fit a long, digits are dropped (truncated) and the exponent raised.
 * <p>
 * Not thread-safe: replay thread only. Allocation-free after construction; holds at most {@link #MAX_ORDERS} orders
 * in flight or resting (the order manager's limit) and fails loudly beyond it.
 */
public final class SimulatedVenue implements OrderSender
{
    /** Most orders in flight (sent, not yet at the venue) plus resting. */
    public static final int MAX_ORDERS = 1024;
    private static final int MAX_MESSAGES = 2 * MAX_ORDERS;
    private static final int SCRATCH = MAX_ORDERS;
    private static final int SLOTS = MAX_ORDERS + 1;
    private static final int MAX_PENDING = 256;
    private static final int FRAME_CAPACITY = 256;
    private static final int MAX_CONSUMED = 64;
    private static final byte KIND_NEW = 0;
    private static final byte KIND_CANCEL = 1;

    private final InstrumentTable instruments;
    private final FillSettings settings;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final UnsafeBuffer[] pending = new UnsafeBuffer[MAX_PENDING];
    private final int[] pendingLength = new int[MAX_PENDING];

    private final byte[] msgKind = new byte[MAX_MESSAGES];
    private final int[] msgSlot = new int[MAX_MESSAGES];
    private final long[] msgClOrdId = new long[MAX_MESSAGES];
    private final int[] msgInstrumentId = new int[MAX_MESSAGES];
    private final long[] msgTime = new long[MAX_MESSAGES];
    private long msgHead;
    private long msgTail;

    private final long[] clOrdId = new long[SLOTS];
    private final int[] instrumentId = new int[SLOTS];
    private final boolean[] buy = new boolean[SLOTS];
    private final long[] price = new long[SLOTS];
    private final long[] qty = new long[SLOTS];
    private final long[] cum = new long[SLOTS];
    private final long[] exchangeId = new long[SLOTS];
    private final OrderType[] type = new OrderType[SLOTS];
    private final TimeInForce[] tif = new TimeInForce[SLOTS];
    private final int[] freeSlots = new int[MAX_ORDERS];
    private int freeCount;
    private final int[] resting = new int[MAX_ORDERS];
    private int restingCount;

    private final long[] consumedKey;
    private final int[] consumedCount;
    private final long[] consumedPrice;
    private final long[] consumedQty;

    private int pendingCount;
    private ReportSink drainTo;
    private Pipeline sinkOf;
    private ReportSink pipelineSink;
    private long drainNanos;
    private MarketState market;
    private long nextExchangeId = 1;
    private long nextExecId = 1;
    private long timeNs;
    private long fills;
    private ReportTap tap;

    /**
     * Sees each execution report before the pipeline does (tests, reports of a backtest).
     */
    @FunctionalInterface
    public interface ReportTap
    {
        /**
         * A report, valid only during the call.
         *
         * @param buffer holding the frame (SBE header first).
         * @param offset of the frame.
         * @param length of the frame.
         */
        void onReport(DirectBuffer buffer, int offset, int length);
    }

    /**
     * A simulated venue.
     *
     * @param instruments the instrument table.
     * @param settings    latency and fees.
     */
    public SimulatedVenue(final InstrumentTable instruments, final FillSettings settings)
    {
        this.instruments = instruments;
        this.settings = settings;
        for (int i = 0; i < MAX_PENDING; i++)
        {
            pending[i] = new UnsafeBuffer(new byte[FRAME_CAPACITY]);
        }
        for (int s = 0; s < MAX_ORDERS; s++)
        {
            freeSlots[s] = MAX_ORDERS - 1 - s;
        }
        freeCount = MAX_ORDERS;
        final int n = instruments.count();
        consumedKey = new long[n];
        consumedCount = new int[n];
        consumedPrice = new long[n * MAX_CONSUMED];
        consumedQty = new long[n * MAX_CONSUMED];
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
     * See every report.
     *
     * @param tap the tap, or null for none.
     */
    public void reportTap(final ReportTap tap)
    {
        this.tap = tap;
    }

    /**
     * The settings.
     *
     * @return latency and fees.
     */
    public FillSettings settings()
    {
        return settings;
    }

    /**
     * {@inheritDoc}
     * <p>
     * Queues the order or cancel; nothing is filled or reported until {@link #onMarketEvent}.
     */
    public boolean send(
        final DirectBuffer buffer, final int offset, final int length, final long clOrdId, final long destination)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        if (msgTail - msgHead == MAX_MESSAGES)
        {
            throw new IllegalStateException("simulated venue: more than " + MAX_MESSAGES + " messages in flight");
        }
        final int m = (int)(msgTail % MAX_MESSAGES);
        if (header.templateId() == NewOrderDecoder.TEMPLATE_ID)
        {
            newOrder.wrap(buffer, body, header.blockLength(), header.version());
            if (freeCount == 0)
            {
                throw new IllegalStateException("simulated venue: more than " + MAX_ORDERS + " orders");
            }
            final int s = freeSlots[--freeCount];
            this.clOrdId[s] = newOrder.clOrdId();
            instrumentId[s] = newOrder.instrumentId();
            buy[s] = newOrder.side() == Side.BUY;
            price[s] = newOrder.price();
            qty[s] = newOrder.qty();
            cum[s] = 0;
            type[s] = newOrder.orderType();
            tif[s] = newOrder.timeInForce();
            msgKind[m] = KIND_NEW;
            msgSlot[m] = s;
            msgClOrdId[m] = newOrder.clOrdId();
            msgInstrumentId[m] = newOrder.instrumentId();
            msgTime[m] = newOrder.timeNs();
            msgTail++;
        }
        else if (header.templateId() == CancelOrderDecoder.TEMPLATE_ID)
        {
            cancelOrder.wrap(buffer, body, header.blockLength(), header.version());
            msgKind[m] = KIND_CANCEL;
            msgSlot[m] = -1;
            msgClOrdId[m] = cancelOrder.origClOrdId();
            msgInstrumentId[m] = cancelOrder.instrumentId();
            msgTime[m] = cancelOrder.timeNs();
            msgTail++;
        }
        return true;
    }

    /**
     * A market event was processed (its effect is in the market state): fill resting orders the book now crosses,
     * then act on the orders and cancels that have reached the venue by {@code nanos}, and feed every report into
     * the pipeline, in order, at that time.
     *
     * @param pipeline the pipeline the reports go to.
     * @param nanos    the event's ingress time.
     * @return reports delivered.
     */
    public int onMarketEvent(final Pipeline pipeline, final long nanos)
    {
        if (restingCount == 0 && msgHead == msgTail)
        {
            return 0;
        }
        if (pipeline != sinkOf)
        {
            sinkOf = pipeline; // once per pipeline: a venue feeds one (a replay's, a sweep variant's)
            pipelineSink = pipeline::onSyntheticFrame;
        }
        drainTo = pipelineSink;
        return act(nanos);
    }

    /**
     * As {@link #onMarketEvent(Pipeline, long)}, the reports to a sink instead of a pipeline.
     *
     * @param sink  where the reports go.
     * @param nanos the event's ingress time.
     * @return reports delivered.
     */
    public int onMarketEvent(final ReportSink sink, final long nanos)
    {
        if (restingCount == 0 && msgHead == msgTail)
        {
            return 0;
        }
        drainTo = sink;
        return act(nanos);
    }

    private int act(final long nanos)
    {
        drainNanos = nanos;
        timeNs = nanos;
        int delivered = 0;
        if (restingCount > 0)
        {
            delivered += fillResting();
        }
        final long latency = settings.latencyNanos();
        while (msgHead != msgTail)
        {
            final int m = (int)(msgHead % MAX_MESSAGES);
            if (nanos - msgTime[m] < latency)
            {
                break;
            }
            msgHead++;
            if (msgKind[m] == KIND_NEW)
            {
                delivered += arrive(msgSlot[m]);
            }
            else
            {
                delivered += cancel(msgClOrdId[m], msgInstrumentId[m]);
            }
        }
        return delivered + drain();
    }

    /**
     * Orders and cancels sent but not yet at the venue.
     *
     * @return the count.
     */
    public int inFlight()
    {
        return (int)(msgTail - msgHead);
    }

    /**
     * Orders resting at the venue.
     *
     * @return the count.
     */
    public int resting()
    {
        return restingCount;
    }

    /**
     * Fill reports sent so far.
     *
     * @return the count.
     */
    public long fills()
    {
        return fills;
    }

    private int arrive(final int s)
    {
        final int i = instruments.indexOfId(instrumentId[s]);
        if (i == InstrumentTable.UNKNOWN || null == market || qty[s] <= 0 ||
            (type[s] != OrderType.MARKET && price[s] <= 0))
        {
            final RejectReason reason = i == InstrumentTable.UNKNOWN ? RejectReason.UNKNOWN_INSTRUMENT :
                qty[s] <= 0 ? RejectReason.INVALID_QTY : RejectReason.INVALID_PRICE;
            return encode(s, ExecType.REJECTED, 0, 0, 0, reason) + release(s);
        }
        exchangeId[s] = nextExchangeId++;
        int delivered = encode(s, ExecType.NEW, 0, 0, 0, RejectReason.NONE);
        final long available = crossedQty(s, i);
        if (type[s] == OrderType.LIMIT_MAKER)
        {
            if (available > 0)
            {
                return delivered + encode(s, ExecType.REJECTED, 0, 0, 0, RejectReason.WOULD_CROSS) + release(s);
            }
            return delivered + rest(s);
        }
        final boolean fok = tif[s] == TimeInForce.FOK;
        if (!fok || available >= qty[s])
        {
            delivered += take(s, i, false);
        }
        if (cum[s] == qty[s])
        {
            return delivered + release(s);
        }
        if (type[s] == OrderType.LIMIT && tif[s] == TimeInForce.GTC)
        {
            return delivered + rest(s);
        }
        return delivered + encode(s, fok ? ExecType.EXPIRED : ExecType.CANCELED, 0, 0, 0, RejectReason.NONE) +
            release(s);
    }

    private int cancel(final long origClOrdId, final int origInstrumentId)
    {
        for (int r = 0; r < restingCount; r++)
        {
            final int s = resting[r];
            if (clOrdId[s] == origClOrdId)
            {
                removeResting(r);
                return encode(s, ExecType.CANCELED, 0, 0, 0, RejectReason.NONE) + release(s);
            }
        }
        clOrdId[SCRATCH] = origClOrdId;
        instrumentId[SCRATCH] = origInstrumentId;
        buy[SCRATCH] = true;
        return encode(SCRATCH, ExecType.REJECTED, 0, 0, 0, RejectReason.TOO_LATE_TO_CANCEL);
    }

    private int fillResting()
    {
        int delivered = 0;
        int r = 0;
        while (r < restingCount)
        {
            final int s = resting[r];
            final int i = instruments.indexOfId(instrumentId[s]);
            if (crossedQty(s, i) > 0)
            {
                delivered += take(s, i, true);
            }
            if (cum[s] == qty[s])
            {
                removeResting(r);
                release(s);
            }
            else
            {
                r++;
            }
        }
        return delivered;
    }

    private int rest(final int s)
    {
        resting[restingCount++] = s;
        return 0;
    }

    private void removeResting(final int r)
    {
        System.arraycopy(resting, r + 1, resting, r, restingCount - r - 1);
        restingCount--;
    }

    private int release(final int s)
    {
        freeSlots[freeCount++] = s;
        return 0;
    }

    /**
     * Visible quantity not yet used on the levels of the other side that the order crosses.
     */
    private long crossedQty(final int s, final int i)
    {
        resetConsumedIfBookMoved(i);
        final BookSide levels = depth(i, !buy[s]);
        long total = 0;
        if (null != levels)
        {
            for (int l = 0; l < levels.size(); l++)
            {
                final long p = levels.price(l);
                if (!crosses(s, p))
                {
                    break;
                }
                total += Math.max(0, levels.qty(l) - consumed(i, p));
            }
            return total;
        }
        final long p = buy[s] ? market.ask(i) : market.bid(i);
        if (p > 0 && crosses(s, p))
        {
            total = Math.max(0, (buy[s] ? market.askQty(i) : market.bidQty(i)) - consumed(i, p));
        }
        return total;
    }

    private int take(final int s, final int i, final boolean maker)
    {
        final BookSide levels = depth(i, !buy[s]);
        int delivered = 0;
        if (null != levels)
        {
            for (int l = 0; l < levels.size() && cum[s] < qty[s]; l++)
            {
                final long p = levels.price(l);
                if (!crosses(s, p))
                {
                    break;
                }
                delivered += fillAt(s, i, p, levels.qty(l), maker);
            }
            return delivered;
        }
        final long p = buy[s] ? market.ask(i) : market.bid(i);
        if (p > 0 && crosses(s, p))
        {
            delivered += fillAt(s, i, p, buy[s] ? market.askQty(i) : market.bidQty(i), maker);
        }
        return delivered;
    }

    private int fillAt(final int s, final int i, final long levelPrice, final long levelQty, final boolean maker)
    {
        final long available = levelQty - consumed(i, levelPrice);
        if (available <= 0 || !consume(i, levelPrice, Math.min(available, qty[s] - cum[s])))
        {
            return 0;
        }
        final long filled = Math.min(available, qty[s] - cum[s]);
        cum[s] += filled;
        final long fillPrice = maker ? price[s] : levelPrice;
        fills++;
        return encodeFill(s, i, fillPrice, filled, maker);
    }

    private boolean crosses(final int s, final long levelPrice)
    {
        if (type[s] == OrderType.MARKET)
        {
            return levelPrice > 0;
        }
        return buy[s] ? levelPrice <= price[s] : levelPrice >= price[s];
    }

    /**
     * The recorded L2 side to walk, or null to use the top of book: the book must be valid and agree with the top.
     */
    private BookSide depth(final int i, final boolean bids)
    {
        final OrderBook book = market.book(i);
        if (!book.isValid())
        {
            return null;
        }
        final BookSide side = bids ? book.bids() : book.asks();
        if (side.size() == 0 || side.bestPrice() != (bids ? market.bid(i) : market.ask(i)))
        {
            return null;
        }
        return side;
    }

    private void resetConsumedIfBookMoved(final int i)
    {
        final long key = market.topUpdateId(i);
        if (key != consumedKey[i])
        {
            consumedKey[i] = key;
            consumedCount[i] = 0;
        }
    }

    private long consumed(final int i, final long levelPrice)
    {
        final int base = i * MAX_CONSUMED;
        for (int c = 0; c < consumedCount[i]; c++)
        {
            if (consumedPrice[base + c] == levelPrice)
            {
                return consumedQty[base + c];
            }
        }
        return 0;
    }

    private boolean consume(final int i, final long levelPrice, final long amount)
    {
        final int base = i * MAX_CONSUMED;
        for (int c = 0; c < consumedCount[i]; c++)
        {
            if (consumedPrice[base + c] == levelPrice)
            {
                consumedQty[base + c] += amount;
                return true;
            }
        }
        if (consumedCount[i] == MAX_CONSUMED)
        {
            return false;
        }
        final int c = consumedCount[i]++;
        consumedPrice[base + c] = levelPrice;
        consumedQty[base + c] = amount;
        return true;
    }

    private int encodeFill(final int s, final int i, final long fillPrice, final long filled, final boolean maker)
    {
        final long centiBps = maker ? settings.makerFeeCentiBps() : settings.takerFeeCentiBps();
        final boolean whole = centiBps % 100 == 0;
        final long rate = whole ? centiBps / 100 : centiBps;
        int exponent = instruments.priceExponent(i) + instruments.qtyExponent(i) - (whole ? 4 : 6);
        long p = fillPrice;
        long q = filled;
        while (Math.multiplyHigh(p, q) != 0 || p * q < 0)
        {
            if (p > q)
            {
                p /= 10;
            }
            else
            {
                q /= 10;
            }
            exponent++;
        }
        long notional = p * q;
        while (Math.multiplyHigh(notional, Math.abs(rate)) != 0 || notional * Math.abs(rate) < 0)
        {
            notional /= 10;
            exponent++;
        }
        final long fee = notional * rate;
        return encode(s, cum[s] == qty[s] ? ExecType.FILL : ExecType.PARTIAL_FILL, fillPrice, filled, fee, exponent,
            maker ? Liquidity.MAKER : Liquidity.TAKER);
    }

    private int encode(
        final int s, final ExecType execType, final long lastPrice, final long lastQty, final long fee,
        final RejectReason reason)
    {
        return encodeReport(s, execType, lastPrice, lastQty, fee, 0, Liquidity.NONE, reason);
    }

    private int encode(
        final int s, final ExecType execType, final long lastPrice, final long lastQty, final long fee,
        final int feeExponent, final Liquidity liquidity)
    {
        return encodeReport(s, execType, lastPrice, lastQty, fee, feeExponent, liquidity, RejectReason.NONE);
    }

    private int encodeReport(
        final int s,
        final ExecType execType,
        final long lastPrice,
        final long lastQty,
        final long fee,
        final int feeExponent,
        final Liquidity liquidity,
        final RejectReason reason)
    {
        int delivered = 0;
        if (pendingCount == MAX_PENDING)
        {
            delivered = drain();
        }
        final int i = instruments.indexOfId(instrumentId[s]);
        final boolean known = execType != ExecType.REJECTED;
        final boolean done = execType != ExecType.NEW && execType != ExecType.PARTIAL_FILL;
        final UnsafeBuffer out = pending[pendingCount];
        report.wrapAndApplyHeader(out, 0, headerEncoder)
            .clOrdId(clOrdId[s])
            .exchangeOrderId(known ? exchangeId[s] : ExecutionReportEncoder.exchangeOrderIdNullValue())
            .execId(lastQty > 0 ? nextExecId++ : ExecutionReportEncoder.execIdNullValue())
            .transactTimeNs(timeNs)
            .orderPrice(price[s])
            .lastPrice(lastPrice)
            .lastQty(lastQty)
            .cumQty(cum[s])
            .leavesQty(done ? 0 : qty[s] - cum[s])
            .fee(fee)
            .instrumentId(instrumentId[s])
            .venueId(0)
            .priceExponent((byte)(i == InstrumentTable.UNKNOWN ? 0 : instruments.priceExponent(i)))
            .qtyExponent((byte)(i == InstrumentTable.UNKNOWN ? 0 : instruments.qtyExponent(i)))
            .feeExponent((byte)feeExponent)
            .side(buy[s] ? Side.BUY : Side.SELL)
            .execType(execType)
            .rejectReason(reason)
            .liquidity(liquidity);
        pendingLength[pendingCount++] = MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength();
        return delivered;
    }

    private int drain()
    {
        final int n = pendingCount;
        pendingCount = 0;
        for (int k = 0; k < n; k++)
        {
            if (null != tap)
            {
                tap.onReport(pending[k], 0, pendingLength[k]);
            }
            drainTo.onReport(pending[k], 0, pendingLength[k], drainNanos);
        }
        return n;
    }
}
