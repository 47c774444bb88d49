package com.schwabot.codecs;

import static com.schwabot.codecs.RenderSupport.appendEnum;
import static com.schwabot.codecs.RenderSupport.field;
import static com.schwabot.codecs.RenderSupport.moreEntries;
import static com.schwabot.codecs.RenderSupport.scaled;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.binance.DepthDiffStreamEventDecoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;

/**
 * Renders Binance stream frames that {@link FrameChecker} has accepted. Times are the venue's microseconds.
 * Not thread-safe (reuses its flyweights).
 */
final class BinanceRenderer
{
    private static final String[] BOOL = RenderSupport.enumNames(BoolEnum.values(), BoolEnum::value);

    private final TradesStreamEventDecoder trades = new TradesStreamEventDecoder();
    private final BestBidAskStreamEventDecoder bestBidAsk = new BestBidAskStreamEventDecoder();
    private final DepthSnapshotStreamEventDecoder snapshot = new DepthSnapshotStreamEventDecoder();
    private final DepthDiffStreamEventDecoder diff = new DepthDiffStreamEventDecoder();
    private final UnsafeBuffer symbol = new UnsafeBuffer(new byte[0]);

    void render(final FrameChecker checker, final DirectBuffer buffer, final int offset, final StringBuilder out)
    {
        final int body = offset + FrameChecker.HEADER_LENGTH;
        final int blockLength = checker.blockLength();
        final int version = checker.version();
        switch (checker.templateId())
        {
            case TradesStreamEventDecoder.TEMPLATE_ID ->
                renderTrades(trades.wrap(buffer, body, blockLength, version), out);
            case BestBidAskStreamEventDecoder.TEMPLATE_ID ->
                renderBestBidAsk(bestBidAsk.wrap(buffer, body, blockLength, version), out);
            case DepthSnapshotStreamEventDecoder.TEMPLATE_ID ->
                renderSnapshot(snapshot.wrap(buffer, body, blockLength, version), out);
            case DepthDiffStreamEventDecoder.TEMPLATE_ID ->
                renderDiff(diff.wrap(buffer, body, blockLength, version), out);
            default -> out.append("UnknownBinance{templateId=").append(checker.templateId()).append('}');
        }
    }

    private void renderTrades(final TradesStreamEventDecoder d, final StringBuilder out)
    {
        final int priceExponent = d.priceExponent();
        final int qtyExponent = d.qtyExponent();
        out.append("TradesStreamEvent{eventTimeUs=").append(d.eventTime());
        field(out, "transactTimeUs").append(d.transactTime());
        field(out, "trades").append('[');
        final TradesStreamEventDecoder.TradesDecoder group = d.trades();
        final int count = group.count();
        for (int i = 0; i < count; i++)
        {
            group.next();
            if (moreEntries(out, i, count))
            {
                out.append("{id=").append(group.id());
                scaled(out, "price", group.price(), priceExponent);
                scaled(out, "qty", group.qty(), qtyExponent);
                field(out, "isBuyerMaker");
                appendEnum(out, BOOL, group.isBuyerMakerRaw());
                out.append('}');
            }
        }
        out.append(']');
        symbol(out, d);
    }

    private void renderBestBidAsk(final BestBidAskStreamEventDecoder d, final StringBuilder out)
    {
        out.append("BestBidAskStreamEvent{eventTimeUs=").append(d.eventTime());
        field(out, "bookUpdateId").append(d.bookUpdateId());
        scaled(out, "bidPrice", d.bidPrice(), d.priceExponent());
        scaled(out, "bidQty", d.bidQty(), d.qtyExponent());
        scaled(out, "askPrice", d.askPrice(), d.priceExponent());
        scaled(out, "askQty", d.askQty(), d.qtyExponent());
        field(out, "symbol");
        d.wrapSymbol(symbol);
        RenderSupport.appendText(out, symbol, 0, symbol.capacity());
        out.append('}');
    }

    private void renderSnapshot(final DepthSnapshotStreamEventDecoder d, final StringBuilder out)
    {
        final int priceExponent = d.priceExponent();
        final int qtyExponent = d.qtyExponent();
        out.append("DepthSnapshotStreamEvent{eventTimeUs=").append(d.eventTime());
        field(out, "bookUpdateId").append(d.bookUpdateId());
        field(out, "bids").append('[');
        final DepthSnapshotStreamEventDecoder.BidsDecoder bids = d.bids();
        final int bidCount = bids.count();
        for (int i = 0; i < bidCount; i++)
        {
            bids.next();
            if (moreEntries(out, i, bidCount))
            {
                CanonicalRenderer.level(out, bids.price(), priceExponent, bids.qty(), qtyExponent);
            }
        }
        field(out.append(']'), "asks").append('[');
        final DepthSnapshotStreamEventDecoder.AsksDecoder asks = d.asks();
        final int askCount = asks.count();
        for (int i = 0; i < askCount; i++)
        {
            asks.next();
            if (moreEntries(out, i, askCount))
            {
                CanonicalRenderer.level(out, asks.price(), priceExponent, asks.qty(), qtyExponent);
            }
        }
        out.append(']');
        field(out, "symbol");
        d.wrapSymbol(symbol);
        RenderSupport.appendText(out, symbol, 0, symbol.capacity());
        out.append('}');
    }

    private void renderDiff(final DepthDiffStreamEventDecoder d, final StringBuilder out)
    {
        final int priceExponent = d.priceExponent();
        final int qtyExponent = d.qtyExponent();
        out.append("DepthDiffStreamEvent{eventTimeUs=").append(d.eventTime());
        field(out, "firstBookUpdateId").append(d.firstBookUpdateId());
        field(out, "lastBookUpdateId").append(d.lastBookUpdateId());
        field(out, "bids").append('[');
        final DepthDiffStreamEventDecoder.BidsDecoder bids = d.bids();
        final int bidCount = bids.count();
        for (int i = 0; i < bidCount; i++)
        {
            bids.next();
            if (moreEntries(out, i, bidCount))
            {
                CanonicalRenderer.level(out, bids.price(), priceExponent, bids.qty(), qtyExponent);
            }
        }
        field(out.append(']'), "asks").append('[');
        final DepthDiffStreamEventDecoder.AsksDecoder asks = d.asks();
        final int askCount = asks.count();
        for (int i = 0; i < askCount; i++)
        {
            asks.next();
            if (moreEntries(out, i, askCount))
            {
                CanonicalRenderer.level(out, asks.price(), priceExponent, asks.qty(), qtyExponent);
            }
        }
        out.append(']');
        field(out, "symbol");
        d.wrapSymbol(symbol);
        RenderSupport.appendText(out, symbol, 0, symbol.capacity());
        out.append('}');
    }

    private void symbol(final StringBuilder out, final TradesStreamEventDecoder d)
    {
        field(out, "symbol");
        d.wrapSymbol(symbol);
        RenderSupport.appendText(out, symbol, 0, symbol.capacity());
        out.append('}');
    }
}
