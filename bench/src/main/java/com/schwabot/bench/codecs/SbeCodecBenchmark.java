package com.schwabot.bench.codecs;

import com.schwabot.codecs.binance.BoolEnum;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.codecs.binance.TradesStreamEventEncoder;
import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TradeDecoder;
import com.schwabot.codecs.sbe.TradeEncoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Encode then decode of one message with the generated SBE flyweights over a preallocated direct buffer, as the
 * feed handler (Binance TradesStreamEvent with one trade, symbol included) and the normalize stage (canonical Trade)
 * do. Every field is written and read back; values change every operation so nothing is constant-folded; the
 * decoded values are summed and returned so nothing is dead code.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SbeCodecBenchmark
{
    private static final byte[] SYMBOL = "BTCUSDT".getBytes(StandardCharsets.US_ASCII);

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(256));
    private final byte[] symbolInto = new byte[16];
    private final MessageHeaderEncoder canonicalHeaderEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder canonicalHeaderDecoder = new MessageHeaderDecoder();
    private final TradeEncoder tradeEncoder = new TradeEncoder();
    private final TradeDecoder tradeDecoder = new TradeDecoder();
    private final com.schwabot.codecs.binance.MessageHeaderEncoder binanceHeaderEncoder =
        new com.schwabot.codecs.binance.MessageHeaderEncoder();
    private final com.schwabot.codecs.binance.MessageHeaderDecoder binanceHeaderDecoder =
        new com.schwabot.codecs.binance.MessageHeaderDecoder();
    private final TradesStreamEventEncoder tradesEncoder = new TradesStreamEventEncoder();
    private final TradesStreamEventDecoder tradesDecoder = new TradesStreamEventDecoder();
    private long counter;

    /**
     * Canonical Trade (template 1, 49 bytes with its header): encode every field, then decode every field.
     *
     * @return a sum of the decoded fields.
     */
    @Benchmark
    public long encodeDecodeTrade()
    {
        final long n = ++counter;
        tradeEncoder.wrapAndApplyHeader(buffer, 0, canonicalHeaderEncoder)
            .eventTimeNs(1_767_225_600_000_000_000L + n)
            .tradeId(n)
            .price(6_512_345 + (n & 1023))
            .qty(15 + (n & 7))
            .instrumentId(3)
            .venueId(1)
            .priceExponent((byte)-2)
            .qtyExponent((byte)-3)
            .aggressorSide((n & 1) == 0 ? Side.BUY : Side.SELL);

        tradeDecoder.wrapAndApplyHeader(buffer, 0, canonicalHeaderDecoder);
        return tradeDecoder.eventTimeNs() + tradeDecoder.tradeId() + tradeDecoder.price() + tradeDecoder.qty() +
            tradeDecoder.instrumentId() + tradeDecoder.venueId() + tradeDecoder.priceExponent() +
            tradeDecoder.qtyExponent() + tradeDecoder.aggressorSide().value();
    }

    /**
     * Binance TradesStreamEvent (template 10000) with one trade and the symbol: encode, then decode every field,
     * copying the symbol's bytes out.
     *
     * @return a sum of the decoded fields.
     */
    @Benchmark
    public long encodeDecodeBinanceTrade()
    {
        final long n = ++counter;
        tradesEncoder.wrapAndApplyHeader(buffer, 0, binanceHeaderEncoder)
            .eventTime(1_767_225_600_000_000L + n)
            .transactTime(1_767_225_600_000_000L + n - 1)
            .priceExponent((byte)-2)
            .qtyExponent((byte)-8);
        tradesEncoder.tradesCount(1).next()
            .id(n)
            .price(6_512_345 + (n & 1023))
            .qty(150_000 + (n & 7))
            .isBuyerMaker((n & 1) == 0 ? BoolEnum.True : BoolEnum.False);
        tradesEncoder.putSymbol(SYMBOL, 0, SYMBOL.length);

        tradesDecoder.wrapAndApplyHeader(buffer, 0, binanceHeaderDecoder);
        long sum = tradesDecoder.eventTime() + tradesDecoder.transactTime() + tradesDecoder.priceExponent() +
            tradesDecoder.qtyExponent();
        for (final TradesStreamEventDecoder.TradesDecoder trade : tradesDecoder.trades())
        {
            sum += trade.id() + trade.price() + trade.qty() + trade.isBuyerMaker().value();
        }
        sum += tradesDecoder.getSymbol(symbolInto, 0, symbolInto.length);
        return sum + symbolInto[0];
    }
}
