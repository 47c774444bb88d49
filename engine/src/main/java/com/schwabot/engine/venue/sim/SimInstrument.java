package com.schwabot.engine.venue.sim;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.schwabot.config.Instrument;

/**
 * One instrument as the simulator quotes it: the configured {@link Instrument} with its tick and lot sizes turned
 * into mantissas at the instrument's exponents, and the position it holds in the simulator.
 * <p>
 * Inside the simulator prices are counted in ticks and quantities in lots; on the wire a price mantissa is
 * {@code ticks * tickMantissa()} (at {@code priceExponent()}) and a quantity mantissa {@code lots * lotMantissa()}
 * (at {@code qtyExponent()}). Immutable, thread-safe.
 */
public final class SimInstrument
{
    private final int index;
    private final String symbol;
    private final int id;
    private final int priceExponent;
    private final int qtyExponent;
    private final long tickMantissa;
    private final long lotMantissa;
    private final long initialMidTicks;
    private final String streamSymbol;
    private final byte[] symbolBytes;

    /**
     * @param index           position in the simulator's instrument list (0-based).
     * @param instrument      the configured instrument.
     * @param initialMidTicks starting price of the random walk (the best bid), in ticks.
     * @throws IllegalArgumentException when the tick or lot size is not a positive multiple of its exponent's unit.
     */
    public SimInstrument(final int index, final Instrument instrument, final long initialMidTicks)
    {
        this.index = index;
        this.symbol = instrument.symbol();
        this.id = instrument.id();
        this.priceExponent = instrument.priceExponent();
        this.qtyExponent = instrument.qtyExponent();
        this.tickMantissa = mantissa(instrument.tickSize(), priceExponent, "tick_size", symbol);
        this.lotMantissa = mantissa(instrument.lotSize(), qtyExponent, "lot_size", symbol);
        this.initialMidTicks = initialMidTicks;
        this.streamSymbol = symbol.toLowerCase(Locale.ROOT);
        this.symbolBytes = symbol.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The mantissa of a decimal at an exponent, exactly.
     *
     * @param value    the decimal, e.g. 0.01.
     * @param exponent e.g. -2.
     * @param what     setting name for the error message.
     * @param symbol   instrument symbol for the error message.
     * @return e.g. 1.
     */
    static long mantissa(final BigDecimal value, final int exponent, final String what, final String symbol)
    {
        final BigDecimal scaled = value.scaleByPowerOfTen(-exponent);
        if (scaled.signum() <= 0 || scaled.stripTrailingZeros().scale() > 0)
        {
            throw new IllegalArgumentException(
                symbol + ": " + what + " " + value.toPlainString() + " is not a positive multiple of 10^" + exponent);
        }
        return scaled.longValueExact();
    }

    /** @return position in the simulator's instrument list. */
    public int index()
    {
        return index;
    }

    /** @return venue symbol, e.g. {@code BTCUSDT}. */
    public String symbol()
    {
        return symbol;
    }

    /** @return instrument id (the {@code instrumentId} of order-entry messages). */
    public int id()
    {
        return id;
    }

    /** @return price = mantissa * 10^priceExponent. */
    public int priceExponent()
    {
        return priceExponent;
    }

    /** @return quantity = mantissa * 10^qtyExponent. */
    public int qtyExponent()
    {
        return qtyExponent;
    }

    /** @return the tick size as a price mantissa. */
    public long tickMantissa()
    {
        return tickMantissa;
    }

    /** @return the lot size as a quantity mantissa. */
    public long lotMantissa()
    {
        return lotMantissa;
    }

    /** @return where the random walk starts, in ticks. */
    public long initialMidTicks()
    {
        return initialMidTicks;
    }

    /** @return the lower-case symbol used in stream names, e.g. {@code btcusdt}. */
    public String streamSymbol()
    {
        return streamSymbol;
    }

    /**
     * @param type a stream type.
     * @return the stream name, e.g. {@code btcusdt@depth20}.
     */
    public String streamName(final StreamType type)
    {
        return streamSymbol + '@' + type.suffix();
    }

    byte[] symbolBytes()
    {
        return symbolBytes;
    }

    @Override
    public String toString()
    {
        return "SimInstrument{" + symbol + ", id=" + id + ", tick=" + tickMantissa + "e" + priceExponent +
            ", lot=" + lotMantissa + "e" + qtyExponent + '}';
    }
}
