package com.schwabot.engine.market;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.agrona.DirectBuffer;

import com.schwabot.config.Instrument;

/**
 * The instruments the engine trades, by dense index (0..count-1, in configuration order), with what the hot path
 * needs of each: its engine-wide id, its symbol as bytes, its price and quantity exponents, and its tick and lot
 * sizes as mantissas at those exponents.
 * <p>
 * Symbols are looked up from venue bytes without creating a {@code String}. Immutable after construction; safe to
 * share between threads.
 */
public final class InstrumentTable
{
    /** Index returned when a symbol or id is not traded. */
    public static final int UNKNOWN = -1;

    private final int count;
    private final int[] ids;
    private final byte[][] symbols;
    private final byte[][] lowerSymbols;
    private final long[] packedSymbols;
    private final long[] packedLowerSymbols;
    private final String[] names;
    private final int[] priceExponents;
    private final int[] qtyExponents;
    private final long[] tickMantissas;
    private final long[] lotMantissas;

    /**
     * Build from configuration.
     *
     * @param instruments from config, in order.
     */
    public InstrumentTable(final List<Instrument> instruments)
    {
        count = instruments.size();
        ids = new int[count];
        symbols = new byte[count][];
        lowerSymbols = new byte[count][];
        packedSymbols = new long[count];
        packedLowerSymbols = new long[count];
        names = new String[count];
        priceExponents = new int[count];
        qtyExponents = new int[count];
        tickMantissas = new long[count];
        lotMantissas = new long[count];
        for (int i = 0; i < count; i++)
        {
            final Instrument instrument = instruments.get(i);
            ids[i] = instrument.id();
            names[i] = instrument.symbol();
            symbols[i] = instrument.symbol().getBytes(StandardCharsets.UTF_8);
            lowerSymbols[i] = instrument.symbol().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
            packedSymbols[i] = pack(symbols[i]);
            packedLowerSymbols[i] = pack(lowerSymbols[i]);
            priceExponents[i] = instrument.priceExponent();
            qtyExponents[i] = instrument.qtyExponent();
            tickMantissas[i] = mantissa(instrument.tickSize(), instrument.priceExponent());
            lotMantissas[i] = mantissa(instrument.lotSize(), instrument.qtyExponent());
        }
    }

    private static long mantissa(final BigDecimal value, final int exponent)
    {
        return value.movePointLeft(exponent).longValueExact();
    }

    /**
     * Number of instruments.
     *
     * @return the count.
     */
    public int count()
    {
        return count;
    }

    /**
     * Index of the instrument whose symbol is the given bytes (upper or lower case, as venues differ).
     *
     * @param buffer holding the symbol.
     * @param offset of its first byte.
     * @param length in bytes.
     * @return the index, or {@link #UNKNOWN}.
     */
    public int indexOfSymbol(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length > 0 && length <= Long.BYTES)
        {
            final long key = packed(buffer, offset, length);
            for (int i = 0; i < count; i++)
            {
                if (symbols[i].length == length && (packedSymbols[i] == key || packedLowerSymbols[i] == key))
                {
                    return i;
                }
            }
            return UNKNOWN;
        }
        for (int i = 0; i < count; i++)
        {
            if (equalsBytes(symbols[i], buffer, offset, length) || equalsBytes(lowerSymbols[i], buffer, offset, length))
            {
                return i;
            }
        }
        return UNKNOWN;
    }

    /**
     * Up to 8 bytes as one little-endian long (the rest 0): symbols of up to 8 bytes (most venue symbols) compare as
     * one number, read in one access when the buffer has 8 bytes there.
     */
    private static long packed(final DirectBuffer buffer, final int offset, final int length)
    {
        if (offset + Long.BYTES <= buffer.capacity())
        {
            final long all = buffer.getLong(offset, java.nio.ByteOrder.LITTLE_ENDIAN);
            return length == Long.BYTES ? all : all & ((1L << (length * Byte.SIZE)) - 1);
        }
        long key = 0;
        for (int i = 0; i < length; i++)
        {
            key |= (buffer.getByte(offset + i) & 0xFFL) << (i * Byte.SIZE);
        }
        return key;
    }

    private static long pack(final byte[] bytes)
    {
        long key = 0;
        for (int i = 0; i < Math.min(bytes.length, Long.BYTES); i++)
        {
            key |= (bytes[i] & 0xFFL) << (i * Byte.SIZE);
        }
        return key;
    }

    /**
     * Index of the instrument with an engine-wide id.
     *
     * @param instrumentId the id.
     * @return the index, or {@link #UNKNOWN}.
     */
    public int indexOfId(final int instrumentId)
    {
        for (int i = 0; i < count; i++)
        {
            if (ids[i] == instrumentId)
            {
                return i;
            }
        }
        return UNKNOWN;
    }

    /**
     * Index of a symbol given as a string (setup paths only).
     *
     * @param symbol the symbol.
     * @return the index, or {@link #UNKNOWN}.
     */
    public int indexOf(final String symbol)
    {
        for (int i = 0; i < count; i++)
        {
            if (names[i].equalsIgnoreCase(symbol))
            {
                return i;
            }
        }
        return UNKNOWN;
    }

    /**
     * Engine-wide id.
     *
     * @param index instrument index.
     * @return the id.
     */
    public int id(final int index)
    {
        return ids[index];
    }

    /**
     * Symbol.
     *
     * @param index instrument index.
     * @return the symbol.
     */
    public String symbol(final int index)
    {
        return names[index];
    }

    /**
     * Price exponent: price = mantissa * 10^exponent.
     *
     * @param index instrument index.
     * @return the exponent.
     */
    public int priceExponent(final int index)
    {
        return priceExponents[index];
    }

    /**
     * Quantity exponent: quantity = mantissa * 10^exponent.
     *
     * @param index instrument index.
     * @return the exponent.
     */
    public int qtyExponent(final int index)
    {
        return qtyExponents[index];
    }

    /**
     * Tick size as a mantissa at the price exponent.
     *
     * @param index instrument index.
     * @return the tick.
     */
    public long tick(final int index)
    {
        return tickMantissas[index];
    }

    /**
     * Lot size as a mantissa at the quantity exponent.
     *
     * @param index instrument index.
     * @return the lot.
     */
    public long lot(final int index)
    {
        return lotMantissas[index];
    }

    private static boolean equalsBytes(
        final byte[] expected, final DirectBuffer buffer, final int offset, final int length)
    {
        if (expected.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (expected[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }
}
