package com.schwabot.engine.venue.sim;

import org.agrona.DirectBuffer;

import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.binance.DepthDiffStreamEventDecoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;
import com.schwabot.codecs.binance.MessageHeaderDecoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;

/**
 * Decoders for Binance stream frames in tests (new flyweights per call, for clarity over speed).
 */
final class BinanceDecoders
{
    private BinanceDecoders()
    {
    }

    static int templateId(final DirectBuffer buffer)
    {
        return new MessageHeaderDecoder().wrap(buffer, 0).templateId();
    }

    static TradesStreamEventDecoder trades(final DirectBuffer buffer)
    {
        final MessageHeaderDecoder header = header(buffer, TradesStreamEventDecoder.TEMPLATE_ID);
        return new TradesStreamEventDecoder().wrap(
            buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }

    static BestBidAskStreamEventDecoder bestBidAsk(final DirectBuffer buffer)
    {
        final MessageHeaderDecoder header = header(buffer, BestBidAskStreamEventDecoder.TEMPLATE_ID);
        return new BestBidAskStreamEventDecoder().wrap(
            buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }

    static DepthDiffStreamEventDecoder diff(final DirectBuffer buffer)
    {
        final MessageHeaderDecoder header = header(buffer, DepthDiffStreamEventDecoder.TEMPLATE_ID);
        return new DepthDiffStreamEventDecoder().wrap(
            buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }

    static DepthSnapshotStreamEventDecoder snapshot(final DirectBuffer buffer)
    {
        final MessageHeaderDecoder header = header(buffer, DepthSnapshotStreamEventDecoder.TEMPLATE_ID);
        return new DepthSnapshotStreamEventDecoder().wrap(
            buffer, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
    }

    /**
     * The symbol of any of the four messages, read after walking its groups (SBE reads fields in order).
     */
    static String symbolOf(final DirectBuffer buffer)
    {
        switch (templateId(buffer))
        {
            case TradesStreamEventDecoder.TEMPLATE_ID:
            {
                final TradesStreamEventDecoder trades = trades(buffer);
                trades.trades().forEach((trade) -> trade.id());
                return trades.symbol();
            }
            case BestBidAskStreamEventDecoder.TEMPLATE_ID:
                return bestBidAsk(buffer).symbol();
            case DepthDiffStreamEventDecoder.TEMPLATE_ID:
            {
                final DepthDiffStreamEventDecoder diff = diff(buffer);
                diff.bids().forEach((level) -> level.price());
                diff.asks().forEach((level) -> level.price());
                return diff.symbol();
            }
            default:
            {
                final DepthSnapshotStreamEventDecoder snapshot = snapshot(buffer);
                snapshot.bids().forEach((level) -> level.price());
                snapshot.asks().forEach((level) -> level.price());
                return snapshot.symbol();
            }
        }
    }

    private static MessageHeaderDecoder header(final DirectBuffer buffer, final int templateId)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
        if (header.templateId() != templateId || header.schemaId() != MessageHeaderDecoder.SCHEMA_ID ||
            header.version() != MessageHeaderDecoder.SCHEMA_VERSION)
        {
            throw new AssertionError("expected template " + templateId + " of schema 1 v0, got " +
                header.templateId() + " of schema " + header.schemaId() + " v" + header.version());
        }
        return header;
    }
}
