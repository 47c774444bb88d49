package com.schwabot.engine.venue.sim;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import com.schwabot.codecs.binance.BestBidAskStreamEventEncoder;
import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.binance.DepthDiffStreamEventEncoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventEncoder;
import com.schwabot.codecs.binance.MessageHeaderEncoder;
import com.schwabot.codecs.binance.TradesStreamEventEncoder;

/**
 * Encodes what changed in an {@link InstrumentMarket} into Binance SBE stream frames and hands them to the
 * {@link MarketDataListener}, in this order: trades, depth diff, best bid/ask, and the depth20 snapshot when due.
 * Event and transact times are the given time in microseconds. An empty book side is encoded as price 0 and
 * quantity 0 in a best bid/ask event.
 * <p>
 * Encoders and the staging buffer are reused: allocation-free once the buffer has grown to the largest frame.
 * Not thread-safe.
 */
final class MarketDataPublisher
{
    /** Levels per side in a depth20 snapshot. */
    static final int SNAPSHOT_LEVELS = 20;
    private static final int NANOS_PER_MICRO = 1000;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradesStreamEventEncoder tradesEncoder = new TradesStreamEventEncoder();
    private final BestBidAskStreamEventEncoder bestBidAskEncoder = new BestBidAskStreamEventEncoder();
    private final DepthDiffStreamEventEncoder diffEncoder = new DepthDiffStreamEventEncoder();
    private final DepthSnapshotStreamEventEncoder snapshotEncoder = new DepthSnapshotStreamEventEncoder();
    private final MarketDataListener listener;
    private final SimulatorCounters counters;

    MarketDataPublisher(final MarketDataListener listener, final SimulatorCounters counters)
    {
        this.listener = listener;
        this.counters = counters;
    }

    /**
     * Publish everything pending for one instrument.
     *
     * @param market       the instrument's market.
     * @param nowNanos     epoch nanoseconds to stamp.
     * @param snapshotDue  whether to end with a depth20 snapshot.
     */
    void publish(final InstrumentMarket market, final long nowNanos, final boolean snapshotDue)
    {
        final int index = market.instrument().index();
        if (market.trades().size() > 0)
        {
            final int length = encodeTrades(market, nowNanos);
            counters.add(SimCounter.TRADES, market.trades().size());
            market.trades().clear();
            listener.onMarketData(index, StreamType.TRADE, buffer, 0, length);
        }
        if (market.updateId() > market.publishedUpdateId())
        {
            final int length = encodeDiff(market, nowNanos);
            market.markDiffPublished();
            listener.onMarketData(index, StreamType.DEPTH, buffer, 0, length);
        }
        if (market.topChanged())
        {
            final int length = encodeBestBidAsk(market, nowNanos);
            market.markTopPublished();
            listener.onMarketData(index, StreamType.BEST_BID_ASK, buffer, 0, length);
        }
        if (snapshotDue)
        {
            final int length = encodeSnapshot(market, nowNanos, buffer, 0);
            listener.onMarketData(index, StreamType.DEPTH20, buffer, 0, length);
        }
    }

    /**
     * Encode the current top {@value #SNAPSHOT_LEVELS} levels of each side with the current book update id.
     *
     * @param market   the instrument's market.
     * @param nowNanos epoch nanoseconds to stamp.
     * @param target   where to encode.
     * @param offset   at which the frame starts.
     * @return the frame length.
     */
    int encodeSnapshot(
        final InstrumentMarket market, final long nowNanos, final MutableDirectBuffer target, final int offset)
    {
        final SimInstrument instrument = market.instrument();
        final DepthSnapshotStreamEventEncoder encoder = snapshotEncoder.wrapAndApplyHeader(target, offset, header)
            .eventTime(nowNanos / NANOS_PER_MICRO)
            .bookUpdateId(market.updateId())
            .priceExponent((byte)instrument.priceExponent())
            .qtyExponent((byte)instrument.qtyExponent());
        final BookSide bids = market.bids();
        final int bidCount = Math.min(SNAPSHOT_LEVELS, bids.size());
        final DepthSnapshotStreamEventEncoder.BidsEncoder bidsEncoder = encoder.bidsCount(bidCount);
        for (int i = 0; i < bidCount; i++)
        {
            bidsEncoder.next()
                .price(bids.price(i) * instrument.tickMantissa())
                .qty(bids.qty(i) * instrument.lotMantissa());
        }
        final BookSide asks = market.asks();
        final int askCount = Math.min(SNAPSHOT_LEVELS, asks.size());
        final DepthSnapshotStreamEventEncoder.AsksEncoder asksEncoder = encoder.asksCount(askCount);
        for (int i = 0; i < askCount; i++)
        {
            asksEncoder.next()
                .price(asks.price(i) * instrument.tickMantissa())
                .qty(asks.qty(i) * instrument.lotMantissa());
        }
        encoder.putSymbol(instrument.symbolBytes(), 0, instrument.symbolBytes().length);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int encodeTrades(final InstrumentMarket market, final long nowNanos)
    {
        final SimInstrument instrument = market.instrument();
        final long micros = nowNanos / NANOS_PER_MICRO;
        final TradesStreamEventEncoder encoder = tradesEncoder.wrapAndApplyHeader(buffer, 0, header)
            .eventTime(micros)
            .transactTime(micros)
            .priceExponent((byte)instrument.priceExponent())
            .qtyExponent((byte)instrument.qtyExponent());
        final TradeLog trades = market.trades();
        final TradesStreamEventEncoder.TradesEncoder group = encoder.tradesCount(trades.size());
        for (int i = 0, size = trades.size(); i < size; i++)
        {
            group.next()
                .id(trades.id(i))
                .price(trades.price(i) * instrument.tickMantissa())
                .qty(trades.qty(i) * instrument.lotMantissa())
                .isBuyerMaker(trades.isBuyerMaker(i) ? BoolEnum.True : BoolEnum.False);
        }
        encoder.putSymbol(instrument.symbolBytes(), 0, instrument.symbolBytes().length);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int encodeDiff(final InstrumentMarket market, final long nowNanos)
    {
        final SimInstrument instrument = market.instrument();
        final DepthDiffStreamEventEncoder encoder = diffEncoder.wrapAndApplyHeader(buffer, 0, header)
            .eventTime(nowNanos / NANOS_PER_MICRO)
            .firstBookUpdateId(market.publishedUpdateId() + 1)
            .lastBookUpdateId(market.updateId())
            .priceExponent((byte)instrument.priceExponent())
            .qtyExponent((byte)instrument.qtyExponent());
        final LevelChanges bids = market.bidChanges();
        final DepthDiffStreamEventEncoder.BidsEncoder bidsEncoder = encoder.bidsCount(bids.size());
        for (int i = 0, size = bids.size(); i < size; i++)
        {
            bidsEncoder.next()
                .price(bids.price(i) * instrument.tickMantissa())
                .qty(bids.qty(i) * instrument.lotMantissa());
        }
        final LevelChanges asks = market.askChanges();
        final DepthDiffStreamEventEncoder.AsksEncoder asksEncoder = encoder.asksCount(asks.size());
        for (int i = 0, size = asks.size(); i < size; i++)
        {
            asksEncoder.next()
                .price(asks.price(i) * instrument.tickMantissa())
                .qty(asks.qty(i) * instrument.lotMantissa());
        }
        encoder.putSymbol(instrument.symbolBytes(), 0, instrument.symbolBytes().length);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int encodeBestBidAsk(final InstrumentMarket market, final long nowNanos)
    {
        final SimInstrument instrument = market.instrument();
        final BestBidAskStreamEventEncoder encoder = bestBidAskEncoder.wrapAndApplyHeader(buffer, 0, header)
            .eventTime(nowNanos / NANOS_PER_MICRO)
            .bookUpdateId(market.updateId())
            .priceExponent((byte)instrument.priceExponent())
            .qtyExponent((byte)instrument.qtyExponent())
            .bidPrice(market.bestBidPrice() * instrument.tickMantissa())
            .bidQty(market.bestBidQty() * instrument.lotMantissa())
            .askPrice(market.bestAskPrice() * instrument.tickMantissa())
            .askQty(market.bestAskQty() * instrument.lotMantissa());
        encoder.putSymbol(instrument.symbolBytes(), 0, instrument.symbolBytes().length);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }
}
