package com.schwabot.engine.importer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.binance.MessageHeaderDecoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.journal.Journal;

/**
 * Reads an imported journal back as one line per record, for assertions that read like the CSV rows:
 * {@code trade BTCUSDT t=1704153600123000 id=3372345 price=4213051e-2 qty=120e-5 seller} or
 * {@code quote BTCUSDT t=... id=... bid=...e-2 x ...e-5 ask=... x ...}. It also checks what every imported record
 * must be: flagged END_OF_BATCH, from Binance market data, ingress time equal to the event time.
 */
final class JournalLines
{
    private JournalLines()
    {
    }

    static List<String> read(final Path dir)
    {
        final List<String> lines = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final TradesStreamEventDecoder trades = new TradesStreamEventDecoder();
        final BestBidAskStreamEventDecoder quote = new BestBidAskStreamEventDecoder();
        try (Journal journal = Journal.openReadOnly(dir))
        {
            journal.replay(0, (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
            {
                if (flags != JournalFlags.END_OF_BATCH || source != BinanceFrameWriter.SOURCE)
                {
                    throw new AssertionError("record " + sequence + ": flags " + flags + ", source " + source);
                }
                header.wrap(buffer, offset);
                final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
                if (header.templateId() == TradesStreamEventDecoder.TEMPLATE_ID)
                {
                    trades.wrap(buffer, body, header.blockLength(), header.version());
                    lines.add(trade(trades, ingressNanos));
                }
                else
                {
                    quote.wrap(buffer, body, header.blockLength(), header.version());
                    lines.add(quote(quote, ingressNanos));
                }
            });
        }
        return lines;
    }

    private static String trade(final TradesStreamEventDecoder d, final long ingressNanos)
    {
        final long time = d.eventTime();
        check(time == d.transactTime() && time * 1000 == ingressNanos, time);
        final StringBuilder sb = new StringBuilder();
        final int pe = d.priceExponent();
        final int qe = d.qtyExponent();
        final TradesStreamEventDecoder.TradesDecoder group = d.trades();
        check(group.count() == 1, time);
        group.next();
        sb.append("trade ").append(symbol(d.buffer(), d.limit())).append(" t=").append(time)
            .append(" id=").append(group.id())
            .append(" price=").append(group.price()).append('e').append(pe)
            .append(" qty=").append(group.qty()).append('e').append(qe)
            .append(group.isBuyerMaker() == BoolEnum.True ? " seller" : " buyer");
        return sb.toString();
    }

    private static String quote(final BestBidAskStreamEventDecoder d, final long ingressNanos)
    {
        final long time = d.eventTime();
        check(time * 1000 == ingressNanos, time);
        final int pe = d.priceExponent();
        final int qe = d.qtyExponent();
        return "quote " + new StringBuilder().append(symbol(d.buffer(), d.limit())).append(" t=").append(time)
            .append(" id=").append(d.bookUpdateId())
            .append(" bid=").append(d.bidPrice()).append('e').append(pe).append(" x ").append(d.bidQty()).append('e')
            .append(qe).append(" ask=").append(d.askPrice()).append('e').append(pe).append(" x ").append(d.askQty())
            .append('e').append(qe);
    }

    private static String symbol(final DirectBuffer buffer, final int position)
    {
        final int length = buffer.getByte(position) & 0xFF;
        final byte[] bytes = new byte[length];
        buffer.getBytes(position + 1, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void check(final boolean ok, final long time)
    {
        if (!ok)
        {
            throw new AssertionError("event at " + time + ": times or group count do not match");
        }
    }
}
