package com.schwabot.codecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.binance.BestBidAskStreamEventEncoder;
import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.binance.DepthDiffStreamEventDecoder;
import com.schwabot.codecs.binance.DepthDiffStreamEventEncoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventEncoder;
import com.schwabot.codecs.binance.MessageHeaderDecoder;
import com.schwabot.codecs.binance.MessageHeaderEncoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.codecs.binance.TradesStreamEventEncoder;

/**
 * The generated Binance codecs against frames laid out byte by byte from the venue's published format, so that the
 * schema's layout (not just its self-consistency) is under test.
 */
class BinanceRoundTripTest
{
    private static final long MIN = Long.MIN_VALUE;
    private static final long MAX = Long.MAX_VALUE;
    private static final String LONGEST_SYMBOL = "X".repeat(254);

    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[1 << 16]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final FrameChecker checker = new FrameChecker();

    @Test
    void shouldDecodeTradesFrameLaidOutLikeTheVenue()
    {
        final ByteBuffer venue = venueFrame(18, 10000);
        venue.putLong(1_700_000_000_000_001L).putLong(1_700_000_000_000_000L).put((byte)-2).put((byte)-8);
        venue.putShort((short)25).putInt(2);
        venue.putLong(11).putLong(6_512_345).putLong(150_000).put((byte)1);
        venue.putLong(12).putLong(6_512_346).putLong(1).put((byte)0);
        putSymbol(venue, "BTCUSDT");
        final byte[] frame = bytes(venue);

        final TradesStreamEventDecoder d = new TradesStreamEventDecoder().wrapAndApplyHeader(
            checked(frame), 0, headerDecoder);

        assertThat(d.eventTime()).isEqualTo(1_700_000_000_000_001L);
        assertThat(d.transactTime()).isEqualTo(1_700_000_000_000_000L);
        assertThat(d.priceExponent()).isEqualTo((byte)-2);
        assertThat(d.qtyExponent()).isEqualTo((byte)-8);
        final TradesStreamEventDecoder.TradesDecoder trades = d.trades();
        assertThat(trades.count()).isEqualTo(2);
        assertThat(trades.next().id()).isEqualTo(11);
        assertThat(trades.price()).isEqualTo(6_512_345);
        assertThat(trades.qty()).isEqualTo(150_000);
        assertThat(trades.isBuyerMaker()).isEqualTo(BoolEnum.True);
        assertThat(trades.isBestMatch()).isEqualTo(BoolEnum.True);
        assertThat(trades.next().id()).isEqualTo(12);
        assertThat(trades.isBuyerMaker()).isEqualTo(BoolEnum.False);
        assertThat(d.symbol()).isEqualTo("BTCUSDT");

        final TradesStreamEventEncoder e = new TradesStreamEventEncoder().wrapAndApplyHeader(scratch, 0, header)
            .eventTime(1_700_000_000_000_001L).transactTime(1_700_000_000_000_000L)
            .priceExponent((byte)-2).qtyExponent((byte)-8);
        e.tradesCount(2).next().id(11).price(6_512_345).qty(150_000).isBuyerMaker(BoolEnum.True)
            .next().id(12).price(6_512_346).qty(1).isBuyerMaker(BoolEnum.False);
        e.symbol("BTCUSDT");
        assertThat(encoded(e.encodedLength())).isEqualTo(frame);
    }

    @Test
    void shouldDecodeBestBidAskFrameLaidOutLikeTheVenue()
    {
        final ByteBuffer venue = venueFrame(50, 10001);
        venue.putLong(MAX).putLong(MIN).put((byte)-128).put((byte)127);
        venue.putLong(MIN).putLong(MAX).putLong(-1).putLong(0);
        putSymbol(venue, LONGEST_SYMBOL);
        final byte[] frame = bytes(venue);

        final BestBidAskStreamEventDecoder d = new BestBidAskStreamEventDecoder().wrapAndApplyHeader(
            checked(frame), 0, headerDecoder);

        assertThat(d.eventTime()).isEqualTo(MAX);
        assertThat(d.bookUpdateId()).isEqualTo(MIN);
        assertThat(d.priceExponent()).isEqualTo(Byte.MIN_VALUE);
        assertThat(d.qtyExponent()).isEqualTo(Byte.MAX_VALUE);
        assertThat(d.bidPrice()).isEqualTo(MIN);
        assertThat(d.bidQty()).isEqualTo(MAX);
        assertThat(d.askPrice()).isEqualTo(-1);
        assertThat(d.askQty()).isZero();
        assertThat(d.symbol()).isEqualTo(LONGEST_SYMBOL);

        final BestBidAskStreamEventEncoder e = new BestBidAskStreamEventEncoder()
            .wrapAndApplyHeader(scratch, 0, header)
            .eventTime(MAX).bookUpdateId(MIN).priceExponent(Byte.MIN_VALUE).qtyExponent(Byte.MAX_VALUE)
            .bidPrice(MIN).bidQty(MAX).askPrice(-1).askQty(0).symbol(LONGEST_SYMBOL);
        assertThat(encoded(e.encodedLength())).isEqualTo(frame);
    }

    @Test
    void shouldDecodeDepthSnapshotFrameLaidOutLikeTheVenue()
    {
        final ByteBuffer venue = venueFrame(18, 10002);
        venue.putLong(5).putLong(MAX).put((byte)-2).put((byte)-8);
        venue.putShort((short)16).putShort((short)2);
        venue.putLong(100).putLong(1).putLong(99).putLong(MAX);
        venue.putShort((short)16).putShort((short)0);
        putSymbol(venue, "ETHBTC");
        final byte[] frame = bytes(venue);

        final DepthSnapshotStreamEventDecoder d = new DepthSnapshotStreamEventDecoder().wrapAndApplyHeader(
            checked(frame), 0, headerDecoder);

        assertThat(d.eventTime()).isEqualTo(5);
        assertThat(d.bookUpdateId()).isEqualTo(MAX);
        final DepthSnapshotStreamEventDecoder.BidsDecoder bids = d.bids();
        assertThat(bids.count()).isEqualTo(2);
        assertThat(bids.next().price()).isEqualTo(100);
        assertThat(bids.qty()).isEqualTo(1);
        assertThat(bids.next().price()).isEqualTo(99);
        assertThat(bids.qty()).isEqualTo(MAX);
        assertThat(d.asks().count()).isZero();
        assertThat(d.symbol()).isEqualTo("ETHBTC");

        final DepthSnapshotStreamEventEncoder e = new DepthSnapshotStreamEventEncoder()
            .wrapAndApplyHeader(scratch, 0, header)
            .eventTime(5).bookUpdateId(MAX).priceExponent((byte)-2).qtyExponent((byte)-8);
        e.bidsCount(2).next().price(100).qty(1).next().price(99).qty(MAX);
        e.asksCount(0);
        e.symbol("ETHBTC");
        assertThat(encoded(e.encodedLength())).isEqualTo(frame);
    }

    @Test
    void shouldDecodeDepthDiffFrameLaidOutLikeTheVenue()
    {
        final ByteBuffer venue = venueFrame(26, 10003);
        venue.putLong(7).putLong(1000).putLong(1002).put((byte)-3).put((byte)-6);
        venue.putShort((short)16).putShort((short)0);
        venue.putShort((short)16).putShort((short)1);
        venue.putLong(MIN).putLong(0);
        putSymbol(venue, "");
        final byte[] frame = bytes(venue);

        final DepthDiffStreamEventDecoder d = new DepthDiffStreamEventDecoder().wrapAndApplyHeader(
            checked(frame), 0, headerDecoder);

        assertThat(d.eventTime()).isEqualTo(7);
        assertThat(d.firstBookUpdateId()).isEqualTo(1000);
        assertThat(d.lastBookUpdateId()).isEqualTo(1002);
        assertThat(d.priceExponent()).isEqualTo((byte)-3);
        assertThat(d.qtyExponent()).isEqualTo((byte)-6);
        assertThat(d.bids().count()).isZero();
        final DepthDiffStreamEventDecoder.AsksDecoder asks = d.asks();
        assertThat(asks.count()).isEqualTo(1);
        assertThat(asks.next().price()).isEqualTo(MIN);
        assertThat(asks.qty()).isZero();
        assertThat(d.symbol()).isEmpty();

        final DepthDiffStreamEventEncoder e = new DepthDiffStreamEventEncoder().wrapAndApplyHeader(scratch, 0, header)
            .eventTime(7).firstBookUpdateId(1000).lastBookUpdateId(1002)
            .priceExponent((byte)-3).qtyExponent((byte)-6);
        e.bidsCount(0);
        e.asksCount(1).next().price(MIN).qty(0);
        e.symbol("");
        assertThat(encoded(e.encodedLength())).isEqualTo(frame);
    }

    @Test
    void shouldRoundTripTradesWithEmptyGroupAndLongestSymbol()
    {
        final TradesStreamEventEncoder e = new TradesStreamEventEncoder().wrapAndApplyHeader(scratch, 0, header)
            .eventTime(MIN).transactTime(MAX).priceExponent(Byte.MAX_VALUE).qtyExponent(Byte.MIN_VALUE);
        e.tradesCount(0);
        e.symbol(LONGEST_SYMBOL);
        final byte[] frame = encoded(e.encodedLength());

        final TradesStreamEventDecoder d = new TradesStreamEventDecoder().wrapAndApplyHeader(
            checked(frame), 0, headerDecoder);

        assertThat(frame).hasSize(8 + 18 + 6 + 1 + 254);
        assertThat(d.eventTime()).isEqualTo(MIN);
        assertThat(d.transactTime()).isEqualTo(MAX);
        assertThat(d.trades().count()).isZero();
        assertThat(d.symbol()).isEqualTo(LONGEST_SYMBOL);
    }

    @Test
    void shouldRoundTripManyTradesWithExtremeValues()
    {
        final int count = 500;
        final TradesStreamEventEncoder e = new TradesStreamEventEncoder().wrapAndApplyHeader(scratch, 0, header)
            .eventTime(1).transactTime(2).priceExponent((byte)-8).qtyExponent((byte)-8);
        final TradesStreamEventEncoder.TradesEncoder trades = e.tradesCount(count);
        for (int i = 0; i < count; i++)
        {
            trades.next().id(MAX - i).price(0 == i % 2 ? MIN : MAX).qty(i).isBuyerMaker(BoolEnum.get((short)(i & 1)));
        }
        e.symbol("BNBUSDT");

        final TradesStreamEventDecoder d = new TradesStreamEventDecoder().wrapAndApplyHeader(
            checked(encoded(e.encodedLength())), 0, headerDecoder);
        final TradesStreamEventDecoder.TradesDecoder decoded = d.trades();

        assertThat(decoded.count()).isEqualTo(count);
        for (int i = 0; i < count; i++)
        {
            decoded.next();
            assertThat(decoded.id()).isEqualTo(MAX - i);
            assertThat(decoded.price()).isEqualTo(0 == i % 2 ? MIN : MAX);
            assertThat(decoded.qty()).isEqualTo(i);
            assertThat(decoded.isBuyerMakerRaw()).isEqualTo((short)(i & 1));
        }
        assertThat(d.symbol()).isEqualTo("BNBUSDT");
    }

    @Test
    void shouldRoundTripUtf8Symbol()
    {
        final String symbol = "\u6bd4\u7279\u5e01USDT";
        final BestBidAskStreamEventEncoder e = new BestBidAskStreamEventEncoder()
            .wrapAndApplyHeader(scratch, 0, header).symbol(symbol);

        final BestBidAskStreamEventDecoder d = new BestBidAskStreamEventDecoder().wrapAndApplyHeader(
            checked(encoded(e.encodedLength())), 0, headerDecoder);

        assertThat(d.symbolLength()).isEqualTo(symbol.getBytes(StandardCharsets.UTF_8).length);
        assertThat(d.symbol()).isEqualTo(symbol);
    }

    private static ByteBuffer venueFrame(final int blockLength, final int templateId)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short)blockLength).putShort((short)templateId).putShort((short)1).putShort((short)0);
        return buffer;
    }

    private static void putSymbol(final ByteBuffer buffer, final String symbol)
    {
        final byte[] utf8 = symbol.getBytes(StandardCharsets.UTF_8);
        buffer.put((byte)utf8.length).put(utf8);
    }

    private static byte[] bytes(final ByteBuffer buffer)
    {
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private byte[] encoded(final int bodyLength)
    {
        return TestFrames.exact(scratch, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }

    private UnsafeBuffer checked(final byte[] frame)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        assertThat(checker.check(buffer, 0, frame.length)).isEqualTo(FrameStatus.OK);
        assertThat(checker.encodedLength()).isEqualTo(frame.length);
        assertThat(checker.isBinance()).isTrue();
        return buffer;
    }
}
