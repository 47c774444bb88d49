package com.schwabot.engine;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.binance.BestBidAskStreamEventEncoder;
import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.binance.DepthDiffStreamEventEncoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventEncoder;
import com.schwabot.codecs.binance.MessageHeaderEncoder;
import com.schwabot.codecs.binance.TradesStreamEventEncoder;

/**
 * Builds Binance spot SBE stream frames into one reusable buffer, for tests: the engine's normalize stage reads them
 * as it reads the venue's and the simulator's. Prices at exponent -2, quantities at -5 unless set otherwise.
 */
public final class BinanceFrames
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradesStreamEventEncoder trades = new TradesStreamEventEncoder();
    private final BestBidAskStreamEventEncoder bestBidAsk = new BestBidAskStreamEventEncoder();
    private final DepthSnapshotStreamEventEncoder snapshot = new DepthSnapshotStreamEventEncoder();
    private final DepthDiffStreamEventEncoder diff = new DepthDiffStreamEventEncoder();
    private byte priceExponent = -2;
    private byte qtyExponent = -5;
    private int length;

    /**
     * Exponents of the frames built from now on.
     *
     * @param price price exponent.
     * @param qty   quantity exponent.
     * @return this.
     */
    public BinanceFrames exponents(final int price, final int qty)
    {
        priceExponent = (byte)price;
        qtyExponent = (byte)qty;
        return this;
    }

    /**
     * The buffer holding the last frame built (at offset 0).
     *
     * @return the buffer.
     */
    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    /**
     * Length of the last frame built.
     *
     * @return bytes.
     */
    public int length()
    {
        return length;
    }

    /**
     * A trades frame: triples of (id, price, qty) per trade, buyer-maker false.
     *
     * @param symbol   symbol.
     * @param timeUs   event time in microseconds.
     * @param triples  id, price, qty for each trade.
     * @return this.
     */
    public BinanceFrames trades(final String symbol, final long timeUs, final long... triples)
    {
        trades.wrapAndApplyHeader(buffer, 0, header).eventTime(timeUs).transactTime(timeUs)
            .priceExponent(priceExponent).qtyExponent(qtyExponent);
        final TradesStreamEventEncoder.TradesEncoder group = trades.tradesCount(triples.length / 3);
        for (int k = 0; k < triples.length; k += 3)
        {
            group.next().id(triples[k]).price(triples[k + 1]).qty(triples[k + 2]).isBuyerMaker(BoolEnum.False);
        }
        trades.putSymbol(symbol.getBytes(StandardCharsets.UTF_8), 0, symbol.length());
        length = MessageHeaderEncoder.ENCODED_LENGTH + trades.encodedLength();
        return this;
    }

    /**
     * A best bid/ask frame.
     *
     * @param symbol   symbol.
     * @param timeUs   event time in microseconds.
     * @param updateId book update id.
     * @param bid      bid price mantissa.
     * @param bidQty   bid quantity mantissa.
     * @param ask      ask price mantissa.
     * @param askQty   ask quantity mantissa.
     * @return this.
     */
    public BinanceFrames bestBidAsk(
        final String symbol, final long timeUs, final long updateId, final long bid, final long bidQty,
        final long ask, final long askQty)
    {
        bestBidAsk.wrapAndApplyHeader(buffer, 0, header).eventTime(timeUs).bookUpdateId(updateId)
            .priceExponent(priceExponent).qtyExponent(qtyExponent)
            .bidPrice(bid).bidQty(bidQty).askPrice(ask).askQty(askQty);
        bestBidAsk.putSymbol(symbol.getBytes(StandardCharsets.UTF_8), 0, symbol.length());
        length = MessageHeaderEncoder.ENCODED_LENGTH + bestBidAsk.encodedLength();
        return this;
    }

    /**
     * A depth snapshot frame.
     *
     * @param symbol   symbol.
     * @param timeUs   event time in microseconds.
     * @param updateId book update id.
     * @param bids     pairs of (price, qty), best first.
     * @param asks     pairs of (price, qty), best first.
     * @return this.
     */
    public BinanceFrames snapshot(
        final String symbol, final long timeUs, final long updateId, final long[] bids, final long[] asks)
    {
        snapshot.wrapAndApplyHeader(buffer, 0, header).eventTime(timeUs).bookUpdateId(updateId)
            .priceExponent(priceExponent).qtyExponent(qtyExponent);
        final DepthSnapshotStreamEventEncoder.BidsEncoder b = snapshot.bidsCount(bids.length / 2);
        for (int k = 0; k < bids.length; k += 2)
        {
            b.next().price(bids[k]).qty(bids[k + 1]);
        }
        final DepthSnapshotStreamEventEncoder.AsksEncoder a = snapshot.asksCount(asks.length / 2);
        for (int k = 0; k < asks.length; k += 2)
        {
            a.next().price(asks[k]).qty(asks[k + 1]);
        }
        snapshot.putSymbol(symbol.getBytes(StandardCharsets.UTF_8), 0, symbol.length());
        length = MessageHeaderEncoder.ENCODED_LENGTH + snapshot.encodedLength();
        return this;
    }

    /**
     * A depth diff frame.
     *
     * @param symbol symbol.
     * @param timeUs event time in microseconds.
     * @param first  first book update id.
     * @param last   last book update id.
     * @param bids   pairs of (price, qty); qty 0 removes.
     * @param asks   pairs of (price, qty); qty 0 removes.
     * @return this.
     */
    public BinanceFrames diff(
        final String symbol, final long timeUs, final long first, final long last, final long[] bids,
        final long[] asks)
    {
        diff.wrapAndApplyHeader(buffer, 0, header).eventTime(timeUs).firstBookUpdateId(first)
            .lastBookUpdateId(last).priceExponent(priceExponent).qtyExponent(qtyExponent);
        final DepthDiffStreamEventEncoder.BidsEncoder b = diff.bidsCount(bids.length / 2);
        for (int k = 0; k < bids.length; k += 2)
        {
            b.next().price(bids[k]).qty(bids[k + 1]);
        }
        final DepthDiffStreamEventEncoder.AsksEncoder a = diff.asksCount(asks.length / 2);
        for (int k = 0; k < asks.length; k += 2)
        {
            a.next().price(asks[k]).qty(asks[k + 1]);
        }
        diff.putSymbol(symbol.getBytes(StandardCharsets.UTF_8), 0, symbol.length());
        length = MessageHeaderEncoder.ENCODED_LENGTH + diff.encodedLength();
        return this;
    }
}
