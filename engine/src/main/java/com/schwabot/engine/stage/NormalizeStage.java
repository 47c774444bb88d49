package com.schwabot.engine.stage;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.binance.DepthDiffStreamEventDecoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Stage 1, normalize: Binance spot SBE stream frames (which the embedded simulator speaks too) to canonical market
 * events: symbol to instrument index, venue exponents to the instrument's, microseconds to nanoseconds. A trades
 * frame gives one event per trade and a depth frame one call per level; all are delivered, in frame order.
 * <p>
 * The symbol comes last in Binance frames, after the groups; {@link FrameChecker} walked the groups to check the
 * frame and says where the variable-length data begins, so the symbol is read there first (an unknown symbol costs
 * nothing more) and then the frame is delivered in one flyweight pass over the slot, with the depth levels'
 * exponents looked up once per frame. The checker walked the same group headers within the frame's length, so every
 * read stays within it. Not thread-safe: business thread only. Allocation-free.
 */
public final class NormalizeStage
{
    private static final long MICROS_TO_NANOS = 1000L;

    private final InstrumentTable instruments;
    private final MarketListener listener;
    private final AtomicCounter unknownInstrument;
    private final AtomicCounter precision;
    private final AtomicCounter marketEvents;
    private final AtomicCounter badValues;
    private final TradesStreamEventDecoder trades = new TradesStreamEventDecoder();
    private final BestBidAskStreamEventDecoder bestBidAsk = new BestBidAskStreamEventDecoder();
    private final DepthSnapshotStreamEventDecoder snapshot = new DepthSnapshotStreamEventDecoder();
    private final DepthDiffStreamEventDecoder diff = new DepthDiffStreamEventDecoder();
    private int levelPriceFrom;
    private int levelPriceTo;
    private int levelQtyFrom;
    private int levelQtyTo;

    /**
     * A normalize stage.
     *
     * @param instruments the instrument table.
     * @param listener    receiving canonical events (the validate stage).
     * @param counters    engine counters.
     */
    public NormalizeStage(
        final InstrumentTable instruments, final MarketListener listener, final EngineCounters counters)
    {
        this.instruments = instruments;
        this.listener = listener;
        this.unknownInstrument = counters.validation(ValidationReason.UNKNOWN_INSTRUMENT);
        this.precision = counters.validation(ValidationReason.PRECISION);
        this.marketEvents = counters.get(EngineCounter.MARKET_EVENTS);
        this.badValues = counters.get(EngineCounter.BAD_VALUES);
    }

    /**
     * Normalize one Binance stream frame that {@link FrameChecker} accepted.
     *
     * @param buffer  holding the frame.
     * @param offset  of the frame's SBE header.
     * @param checker the checker that just accepted the frame (its template, block length, version and where the
     *                variable-length data begins).
     * @return the canonical events delivered.
     */
    public int onBinanceFrame(final DirectBuffer buffer, final int offset, final FrameChecker checker)
    {
        final int body = offset + FrameChecker.HEADER_LENGTH;
        final int blockLength = checker.blockLength();
        final int version = checker.version();
        final int symbol = checker.varDataOffset();
        switch (checker.templateId())
        {
            case TradesStreamEventDecoder.TEMPLATE_ID:
                return onTrades(trades.wrap(buffer, body, blockLength, version), symbol);
            case BestBidAskStreamEventDecoder.TEMPLATE_ID:
                return onBestBidAsk(bestBidAsk.wrap(buffer, body, blockLength, version), symbol);
            case DepthSnapshotStreamEventDecoder.TEMPLATE_ID:
                return onSnapshot(snapshot.wrap(buffer, body, blockLength, version), symbol);
            case DepthDiffStreamEventDecoder.TEMPLATE_ID:
                return onDiff(diff.wrap(buffer, body, blockLength, version), symbol);
            default:
                return 0;
        }
    }

    private int onTrades(final TradesStreamEventDecoder d, final int symbol)
    {
        final int instrument = symbolAt(d.buffer(), symbol);
        if (instrument == InstrumentTable.UNKNOWN)
        {
            return 0;
        }
        final long timeNs = d.transactTime() * MICROS_TO_NANOS;
        final int priceExponent = d.priceExponent();
        final int qtyExponent = d.qtyExponent();
        final int toPrice = instruments.priceExponent(instrument);
        final int toQty = instruments.qtyExponent(instrument);
        int delivered = 0;
        for (final TradesStreamEventDecoder.TradesDecoder t = d.trades(); t.hasNext(); )
        {
            t.next();
            final long price = Scale.rescale(t.price(), priceExponent, toPrice);
            final long qty = Scale.rescale(t.qty(), qtyExponent, toQty);
            if (price == Scale.INVALID || qty == Scale.INVALID)
            {
                precision.incrementRelease();
                continue;
            }
            final short buyerMaker = t.isBuyerMakerRaw();
            if (!EnumFields.bool(buyerMaker))
            {
                badValues.incrementRelease();
                continue;
            }
            marketEvents.incrementRelease();
            listener.onTrade(instrument, timeNs, t.id(), price, qty, buyerMaker == BoolEnum.True.value());
            delivered++;
        }
        return delivered;
    }

    private int onBestBidAsk(final BestBidAskStreamEventDecoder d, final int symbol)
    {
        final int instrument = symbolAt(d.buffer(), symbol);
        if (instrument == InstrumentTable.UNKNOWN)
        {
            return 0;
        }
        final int pe = d.priceExponent();
        final int qe = d.qtyExponent();
        final int toPrice = instruments.priceExponent(instrument);
        final int toQty = instruments.qtyExponent(instrument);
        final long bid = Scale.rescale(d.bidPrice(), pe, toPrice);
        final long bidQty = Scale.rescale(d.bidQty(), qe, toQty);
        final long ask = Scale.rescale(d.askPrice(), pe, toPrice);
        final long askQty = Scale.rescale(d.askQty(), qe, toQty);
        if (bid == Scale.INVALID || bidQty == Scale.INVALID || ask == Scale.INVALID || askQty == Scale.INVALID)
        {
            precision.incrementRelease();
            return 0;
        }
        marketEvents.incrementRelease();
        listener.onBookTop(instrument, d.eventTime() * MICROS_TO_NANOS, d.bookUpdateId(), bid, bidQty, ask, askQty);
        return 1;
    }

    private int onSnapshot(final DepthSnapshotStreamEventDecoder d, final int symbol)
    {
        final int instrument = symbolAt(d.buffer(), symbol);
        if (instrument == InstrumentTable.UNKNOWN)
        {
            return 0;
        }
        final long updateId = d.bookUpdateId();
        marketEvents.incrementRelease();
        if (listener.onDepthBegin(instrument, d.eventTime() * MICROS_TO_NANOS, updateId, updateId, true))
        {
            exponents(instrument, d.priceExponent(), d.qtyExponent());
            for (final DepthSnapshotStreamEventDecoder.BidsDecoder b = d.bids(); b.hasNext(); )
            {
                b.next();
                level(instrument, true, b.price(), b.qty());
            }
            for (final DepthSnapshotStreamEventDecoder.AsksDecoder a = d.asks(); a.hasNext(); )
            {
                a.next();
                level(instrument, false, a.price(), a.qty());
            }
        }
        listener.onDepthEnd(instrument);
        return 1;
    }

    private int onDiff(final DepthDiffStreamEventDecoder d, final int symbol)
    {
        final int instrument = symbolAt(d.buffer(), symbol);
        if (instrument == InstrumentTable.UNKNOWN)
        {
            return 0;
        }
        marketEvents.incrementRelease();
        final long timeNs = d.eventTime() * MICROS_TO_NANOS;
        if (listener.onDepthBegin(instrument, timeNs, d.firstBookUpdateId(), d.lastBookUpdateId(), false))
        {
            exponents(instrument, d.priceExponent(), d.qtyExponent());
            for (final DepthDiffStreamEventDecoder.BidsDecoder b = d.bids(); b.hasNext(); )
            {
                b.next();
                level(instrument, true, b.price(), b.qty());
            }
            for (final DepthDiffStreamEventDecoder.AsksDecoder a = d.asks(); a.hasNext(); )
            {
                a.next();
                level(instrument, false, a.price(), a.qty());
            }
        }
        listener.onDepthEnd(instrument);
        return 1;
    }

    private void exponents(final int instrument, final int priceExponent, final int qtyExponent)
    {
        levelPriceFrom = priceExponent;
        levelPriceTo = instruments.priceExponent(instrument);
        levelQtyFrom = qtyExponent;
        levelQtyTo = instruments.qtyExponent(instrument);
    }

    private void level(final int instrument, final boolean bid, final long price, final long qty)
    {
        final long p = Scale.rescale(price, levelPriceFrom, levelPriceTo);
        final long q = Scale.rescale(qty, levelQtyFrom, levelQtyTo);
        if (p == Scale.INVALID || q == Scale.INVALID)
        {
            precision.incrementRelease();
            return;
        }
        listener.onDepthLevel(instrument, bid, p, q);
    }

    private int symbolAt(final DirectBuffer buffer, final int position)
    {
        final int length = buffer.getByte(position) & 0xFF;
        final int instrument = instruments.indexOfSymbol(buffer, position + 1, length);
        if (instrument == InstrumentTable.UNKNOWN)
        {
            unknownInstrument.incrementRelease();
        }
        return instrument;
    }
}
