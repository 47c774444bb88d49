package com.schwabot.bench.engine;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.binance.DepthDiffStreamEventDecoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.journal.RecordHandler;

/**
 * The practical ceiling of a replay: what every replay must do for each journal record and nothing more. The
 * tailer hands over the record, {@link FrameChecker} checks the frame (as the pipeline does first), and every field
 * of every Binance message is read with the generated decoders (groups, exponents, mantissas, times, ids and the
 * symbol's bytes) and folded into a checksum, with no stage behind it.
 * <p>
 * Not thread-safe: one tailer thread.
 */
final class DecodeOnlyHandler implements RecordHandler
{
    private final FrameChecker checker = new FrameChecker();
    private final TradesStreamEventDecoder trades = new TradesStreamEventDecoder();
    private final BestBidAskStreamEventDecoder bestBidAsk = new BestBidAskStreamEventDecoder();
    private final DepthSnapshotStreamEventDecoder snapshot = new DepthSnapshotStreamEventDecoder();
    private final DepthDiffStreamEventDecoder diff = new DepthDiffStreamEventDecoder();
    private final byte[] symbol = new byte[256];
    private long records;
    private long checksum;

    /**
     * Start a pass.
     */
    void reset()
    {
        records = 0;
        checksum = 0;
    }

    long records()
    {
        return records;
    }

    long checksum()
    {
        return checksum;
    }

    public void onRecord(
        final long sequence,
        final long ingressNanos,
        final long source,
        final int flags,
        final DirectBuffer buffer,
        final int offset,
        final int length,
        final long index)
    {
        records++;
        long sum = sequence + ingressNanos + source + flags;
        if (checker.check(buffer, offset, length) == FrameStatus.OK && checker.isBinance())
        {
            final int body = offset + FrameChecker.HEADER_LENGTH;
            final int blockLength = checker.blockLength();
            final int version = checker.version();
            switch (checker.templateId())
            {
                case TradesStreamEventDecoder.TEMPLATE_ID -> sum += trades(trades.wrap(buffer, body, blockLength,
                    version));
                case BestBidAskStreamEventDecoder.TEMPLATE_ID -> sum += bestBidAsk(bestBidAsk.wrap(buffer, body,
                    blockLength, version));
                case DepthSnapshotStreamEventDecoder.TEMPLATE_ID -> sum += snapshot(snapshot.wrap(buffer, body,
                    blockLength, version));
                case DepthDiffStreamEventDecoder.TEMPLATE_ID -> sum += diff(diff.wrap(buffer, body, blockLength,
                    version));
                default -> sum++;
            }
        }
        checksum = checksum * 31 + sum;
    }

    private long trades(final TradesStreamEventDecoder d)
    {
        long sum = d.eventTime() + d.transactTime() + d.priceExponent() + d.qtyExponent();
        for (final TradesStreamEventDecoder.TradesDecoder t = d.trades(); t.hasNext(); )
        {
            t.next();
            sum += t.id() + t.price() + t.qty() + t.isBuyerMakerRaw();
        }
        return sum + symbol(d.getSymbol(symbol, 0, symbol.length));
    }

    private long bestBidAsk(final BestBidAskStreamEventDecoder d)
    {
        final long sum = d.eventTime() + d.bookUpdateId() + d.priceExponent() + d.qtyExponent() +
            d.bidPrice() + d.bidQty() + d.askPrice() + d.askQty();
        return sum + symbol(d.getSymbol(symbol, 0, symbol.length));
    }

    private long snapshot(final DepthSnapshotStreamEventDecoder d)
    {
        long sum = d.eventTime() + d.bookUpdateId() + d.priceExponent() + d.qtyExponent();
        for (final DepthSnapshotStreamEventDecoder.BidsDecoder b = d.bids(); b.hasNext(); )
        {
            b.next();
            sum += b.price() + b.qty();
        }
        for (final DepthSnapshotStreamEventDecoder.AsksDecoder a = d.asks(); a.hasNext(); )
        {
            a.next();
            sum += a.price() - a.qty();
        }
        return sum + symbol(d.getSymbol(symbol, 0, symbol.length));
    }

    private long diff(final DepthDiffStreamEventDecoder d)
    {
        long sum = d.eventTime() + d.firstBookUpdateId() + d.lastBookUpdateId() + d.priceExponent() +
            d.qtyExponent();
        for (final DepthDiffStreamEventDecoder.BidsDecoder b = d.bids(); b.hasNext(); )
        {
            b.next();
            sum += b.price() + b.qty();
        }
        for (final DepthDiffStreamEventDecoder.AsksDecoder a = d.asks(); a.hasNext(); )
        {
            a.next();
            sum += a.price() - a.qty();
        }
        return sum + symbol(d.getSymbol(symbol, 0, symbol.length));
    }

    private long symbol(final int length)
    {
        long sum = length;
        for (int i = 0; i < length; i++)
        {
            sum = sum * 31 + symbol[i];
        }
        return sum;
    }
}
