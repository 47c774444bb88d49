package com.schwabot.engine.importer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.agrona.concurrent.UnsafeBuffer;

import com.schwabot.engine.market.InstrumentTable;

/**
 * One CSV line as field ranges over the reader's byte buffer, with exact parsers that allocate nothing unless the
 * field is bad (then a {@link RowException} names the column, the value and the problem). Fields are trimmed of
 * spaces and tabs and of one pair of surrounding double quotes; quoted commas are not supported (none of the
 * layouts has text fields).
 * <p>
 * Numbers: plain decimals ({@code 65123.45}, optionally with an exponent, {@code 1e-05}), never through
 * {@code double}. A price or quantity must be exact at the instrument's exponent: {@code 65123.455} at -2 is an
 * error, {@code 65123.4500} is 6512345. Times: epoch milliseconds when below 10^14 (year 5138), else epoch
 * microseconds when below 10^17, else an error; the generic layout also takes ISO-8601 UTC instants. Everything is
 * returned in microseconds, the unit of Binance's stream frames.
 * <p>
 * Not thread-safe.
 */
final class CsvRow
{
    /** Most fields a row may have. */
    static final int MAX_FIELDS = 16;

    private static final long MILLIS_BELOW = 100_000_000_000_000L;
    private static final long MICROS_BELOW = 100_000_000_000_000_000L;
    private static final int MAX_SHOWN = 48;

    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final InstrumentTable instruments;
    private byte[] bytes;
    private int fieldCount;
    private boolean overflow;

    CsvRow(final InstrumentTable instruments)
    {
        this.instruments = instruments;
    }

    void wrap(final byte[] buffer, final int start, final int end)
    {
        if (buffer != bytes)
        {
            bytes = buffer;
            view.wrap(buffer);
        }
        fieldCount = 0;
        overflow = false;
        int fieldStart = start;
        for (int i = start; i <= end; i++)
        {
            if (i == end || buffer[i] == ',')
            {
                if (fieldCount == MAX_FIELDS)
                {
                    overflow = true;
                    return;
                }
                trim(fieldCount++, fieldStart, i);
                fieldStart = i + 1;
            }
        }
        for (int f = fieldCount; f < MAX_FIELDS; f++)
        {
            starts[f] = 0;
            ends[f] = 0;
        }
    }

    private void trim(final int field, final int start, final int end)
    {
        int s = start;
        int e = end;
        while (s < e && (bytes[s] == ' ' || bytes[s] == '\t'))
        {
            s++;
        }
        while (e > s && (bytes[e - 1] == ' ' || bytes[e - 1] == '\t'))
        {
            e--;
        }
        if (e - s >= 2 && bytes[s] == '"' && bytes[e - 1] == '"')
        {
            s++;
            e--;
        }
        starts[field] = s;
        ends[field] = e;
    }

    /**
     * Number of fields; more than {@link #MAX_FIELDS} is an error.
     *
     * @param layout for the message.
     * @param min    fewest fields accepted.
     * @param max    most fields accepted.
     * @return the count.
     */
    int fieldCount(final CsvLayout layout, final int min, final int max)
    {
        if (overflow || fieldCount < min || fieldCount > max)
        {
            throw new RowException((overflow ? "more than " + MAX_FIELDS : Integer.toString(fieldCount)) +
                " columns, expected " + (min == max ? Integer.toString(min) : min + " to " + max) + " (" +
                layout.label() + ": " + layout.columns() + ")");
        }
        return fieldCount;
    }

    boolean isBlank(final int field)
    {
        return field >= fieldCount || starts[field] == ends[field];
    }

    /**
     * Number of fields, without a check.
     *
     * @return the count, {@link #MAX_FIELDS} + 1 when the line has more.
     */
    int fields()
    {
        return overflow ? MAX_FIELDS + 1 : fieldCount;
    }

    /**
     * Does this line hold no digit at all (a header line: a data row always has numbers).
     *
     * @return true when no field holds a digit.
     */
    boolean hasNoDigits()
    {
        for (int f = 0; f < fieldCount; f++)
        {
            for (int i = starts[f]; i < ends[f]; i++)
            {
                if (bytes[i] >= '0' && bytes[i] <= '9')
                {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Does a field equal an ASCII word, ignoring case.
     *
     * @param field the field.
     * @param word  lower-case ASCII.
     * @return true when equal.
     */
    boolean is(final int field, final String word)
    {
        final int start = starts[field];
        if (ends[field] - start != word.length())
        {
            return false;
        }
        for (int i = 0; i < word.length(); i++)
        {
            final int b = bytes[start + i];
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != word.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * The instrument a symbol field names.
     *
     * @param field the field.
     * @return its index in the instrument table, or {@link InstrumentTable#UNKNOWN}.
     */
    int instrument(final int field)
    {
        return instruments.indexOfSymbol(view, starts[field], ends[field] - starts[field]);
    }

    /**
     * A price, exact at the instrument's price exponent and positive.
     *
     * @param field      the field.
     * @param column     its name.
     * @param instrument index in the instrument table.
     * @return the mantissa.
     */
    long price(final int field, final String column, final int instrument)
    {
        final long mantissa = decimal(field, column, instruments.priceExponent(instrument), instrument, "price");
        if (mantissa <= 0)
        {
            throw new RowException(column, text(field), "must be positive");
        }
        return mantissa;
    }

    /**
     * A quantity, exact at the instrument's quantity exponent, zero or more.
     *
     * @param field      the field.
     * @param column     its name.
     * @param instrument index in the instrument table.
     * @return the mantissa.
     */
    long qty(final int field, final String column, final int instrument)
    {
        return decimal(field, column, instruments.qtyExponent(instrument), instrument, "qty");
    }

    private long decimal(
        final int field, final String column, final int exponent, final int instrument, final String kind)
    {
        final int end = ends[field];
        int i = starts[field];
        if (i == end)
        {
            throw new RowException(column, "", "missing");
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        int pendingZeros = 0;
        boolean dot = false;
        for (; i < end; i++)
        {
            final byte b = bytes[i];
            if (b == '.' && !dot)
            {
                dot = true;
                continue;
            }
            if (b == 'e' || b == 'E')
            {
                break;
            }
            if (b < '0' || b > '9')
            {
                throw new RowException(column, text(field), "not a non-negative decimal number");
            }
            digits++;
            if (dot && b == '0')
            {
                pendingZeros++;
                scale++;
                continue;
            }
            for (; pendingZeros > 0; pendingZeros--)
            {
                mantissa = times10(mantissa, 0, field, column);
            }
            mantissa = times10(mantissa, b - '0', field, column);
            if (dot)
            {
                scale++;
            }
        }
        if (digits == 0)
        {
            throw new RowException(column, text(field), "not a non-negative decimal number");
        }
        final long power = i < end ? exponentPart(field, column, i + 1, end) : 0;
        long valueExponent = power - (scale - pendingZeros);
        if (mantissa == 0)
        {
            return 0;
        }
        if (valueExponent < exponent)
        {
            throw new RowException(column, text(field), "more decimal places than " + instruments.symbol(instrument) +
                "'s " + kind + "_exponent " + exponent + " allows");
        }
        for (; valueExponent > exponent; valueExponent--)
        {
            mantissa = times10(mantissa, 0, field, column);
        }
        return mantissa;
    }

    private long exponentPart(final int field, final String column, final int from, final int end)
    {
        int i = from;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+'))
        {
            negative = bytes[i] == '-';
            i++;
        }
        if (i == end || end - i > 3)
        {
            throw new RowException(column, text(field), "not a non-negative decimal number");
        }
        long power = 0;
        for (; i < end; i++)
        {
            if (bytes[i] < '0' || bytes[i] > '9')
            {
                throw new RowException(column, text(field), "not a non-negative decimal number");
            }
            power = power * 10 + (bytes[i] - '0');
        }
        return negative ? -power : power;
    }

    private long times10(final long value, final int digit, final int field, final String column)
    {
        if (value > (Long.MAX_VALUE - digit) / 10)
        {
            throw new RowException(column, text(field), "too large for a 64-bit mantissa");
        }
        return value * 10 + digit;
    }

    /**
     * A non-negative integer (an id).
     *
     * @param field  the field.
     * @param column its name.
     * @return the value.
     */
    long integer(final int field, final String column)
    {
        final int start = starts[field];
        final int end = ends[field];
        if (start == end)
        {
            throw new RowException(column, "", "missing");
        }
        long value = 0;
        for (int i = start; i < end; i++)
        {
            final byte b = bytes[i];
            if (b < '0' || b > '9')
            {
                throw new RowException(column, text(field), "not a non-negative integer");
            }
            value = times10(value, b - '0', field, column);
        }
        return value;
    }

    /**
     * A boolean: true or false in any case (Binance writes True in spot files, true in futures files).
     *
     * @param field  the field.
     * @param column its name.
     * @return the value.
     */
    boolean bool(final int field, final String column)
    {
        if (is(field, "true"))
        {
            return true;
        }
        if (is(field, "false"))
        {
            return false;
        }
        throw new RowException(column, text(field), "must be true or false");
    }

    /**
     * A time in epoch microseconds from epoch milliseconds or microseconds, or (when allowed) ISO-8601 UTC.
     *
     * @param field  the field.
     * @param column its name.
     * @param iso    whether an ISO-8601 instant is accepted.
     * @return epoch microseconds.
     */
    long timeMicros(final int field, final String column, final boolean iso)
    {
        final int start = starts[field];
        if (start == ends[field])
        {
            throw new RowException(column, "", "missing");
        }
        if (bytes[start] < '0' || bytes[start] > '9' || (iso && ends[field] - start > 4 && bytes[start + 4] == '-'))
        {
            if (iso)
            {
                return isoMicros(field, column);
            }
            throw new RowException(column, text(field), "not an epoch time in milliseconds or microseconds");
        }
        final long value = integer(field, column);
        if (value == 0 || value >= MICROS_BELOW)
        {
            throw new RowException(column, text(field), "not an epoch time in milliseconds (below 10^14) or " +
                "microseconds (below 10^17)");
        }
        return value < MILLIS_BELOW ? value * 1000 : value;
    }

    private long isoMicros(final int field, final String column)
    {
        final String text = text(field);
        try
        {
            final Instant instant = Instant.parse(text);
            if (instant.getNano() % 1000 != 0 || instant.getEpochSecond() <= 0)
            {
                throw new RowException(column, text, "must be after 1970 and at most microsecond precision");
            }
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            throw new RowException(column, text, "not an epoch time or an ISO-8601 UTC instant such as " +
                "2024-03-01T00:00:00.250Z");
        }
    }

    /**
     * The fields as one line, joined by commas, each shortened when long: for messages only (allocates).
     *
     * @return the line.
     */
    String line()
    {
        final StringBuilder sb = new StringBuilder();
        for (int f = 0; f < fieldCount; f++)
        {
            sb.append(f > 0 ? "," : "").append(text(f));
        }
        return sb.toString();
    }

    /**
     * A field as text, shortened when long: for messages only (allocates).
     *
     * @param field the field.
     * @return the text.
     */
    String text(final int field)
    {
        if (field >= fieldCount)
        {
            return "";
        }
        final int length = ends[field] - starts[field];
        final String text = new String(bytes, starts[field], Math.min(length, MAX_SHOWN), StandardCharsets.UTF_8);
        return length > MAX_SHOWN ? text + "..." : text;
    }
}
