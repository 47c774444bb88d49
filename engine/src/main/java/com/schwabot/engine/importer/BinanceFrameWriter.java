package com.schwabot.engine.importer;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.codecs.binance.BestBidAskStreamEventEncoder;
import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.binance.MessageHeaderEncoder;
import com.schwabot.codecs.binance.TradesStreamEventEncoder;
import com.schwabot.engine.Venues;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.venue.Sources;
import com.schwabot.journal.JournalAppender;

/**
 * Writes market events to the journal as the Binance SBE stream frames the live feed journals (a trade as a
 * TradesStreamEvent of one trade, a quote as a BestBidAskStreamEvent), at the instrument's exponents, with the
 * event time as ingress time, source Binance market data, and every record flagged
 * {@link JournalFlags#END_OF_BATCH} (a replay decides after each event, as a live engine that is keeping up does).
 * <p>
 * Not thread-safe. Allocation-free after construction.
 */
final class BinanceFrameWriter
{
    /** Source of imported records: Binance's market-data connection. */
    static final long SOURCE = Sources.source(Sources.VENUE_BINANCE, Venues.MARKET_DATA_CONNECTION);

    private static final long NANOS_PER_MICRO = 1000L;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TradesStreamEventEncoder trades = new TradesStreamEventEncoder();
    private final BestBidAskStreamEventEncoder bestBidAsk = new BestBidAskStreamEventEncoder();
    private final InstrumentTable instruments;
    private final byte[][] symbols;
    private final JournalAppender appender;
    private long tradeFrames;
    private long quoteFrames;

    BinanceFrameWriter(final InstrumentTable instruments, final JournalAppender appender)
    {
        this.instruments = instruments;
        this.appender = appender;
        symbols = new byte[instruments.count()][];
        for (int i = 0; i < instruments.count(); i++)
        {
            symbols[i] = instruments.symbol(i).getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * Append one event.
     *
     * @param events the events of a row.
     * @param k      which one.
     * @return the journal sequence of the record.
     */
    long write(final MarketEvents events, final int k)
    {
        final int i = events.instrument(k);
        final long micros = events.timeMicros(k);
        final byte[] symbol = symbols[i];
        final int length;
        if (events.isTrade(k))
        {
            trades.wrapAndApplyHeader(buffer, 0, header)
                .eventTime(micros)
                .transactTime(micros)
                .priceExponent((byte)instruments.priceExponent(i))
                .qtyExponent((byte)instruments.qtyExponent(i));
            trades.tradesCount(1).next()
                .id(events.id(k))
                .price(events.price(k))
                .qty(events.qty(k))
                .isBuyerMaker(events.buyerMaker(k) ? BoolEnum.True : BoolEnum.False);
            trades.putSymbol(symbol, 0, symbol.length);
            length = MessageHeaderEncoder.ENCODED_LENGTH + trades.encodedLength();
            tradeFrames++;
        }
        else
        {
            bestBidAsk.wrapAndApplyHeader(buffer, 0, header)
                .eventTime(micros)
                .bookUpdateId(events.id(k))
                .priceExponent((byte)instruments.priceExponent(i))
                .qtyExponent((byte)instruments.qtyExponent(i))
                .bidPrice(events.price(k))
                .bidQty(events.qty(k))
                .askPrice(events.askPrice(k))
                .askQty(events.askQty(k));
            bestBidAsk.putSymbol(symbol, 0, symbol.length);
            length = MessageHeaderEncoder.ENCODED_LENGTH + bestBidAsk.encodedLength();
            quoteFrames++;
        }
        return appender.append(buffer, 0, length, micros * NANOS_PER_MICRO, SOURCE, JournalFlags.END_OF_BATCH);
    }

    long tradeFrames()
    {
        return tradeFrames;
    }

    long quoteFrames()
    {
        return quoteFrames;
    }
}
