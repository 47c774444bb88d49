package com.schwabot.codecs;

import java.util.function.ToIntFunction;

import org.agrona.DirectBuffer;

/**
 * Allocation-free pieces shared by the renderers: enum names looked up by raw value (generated enums throw on
 * unknown values, a renderer must not), var-data bytes as escaped text, and a hex dump of a byte range.
 */
final class RenderSupport
{
    /** Group entries rendered before the rest are summarised as a count. */
    static final int MAX_GROUP_ENTRIES = 16;
    /** Bytes shown in the hex prefix of a bad frame. */
    static final int MAX_HEX_BYTES = 32;

    private static final int UINT8_VALUES = 256;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RenderSupport()
    {
    }

    /**
     * Build a table from raw value to constant name for a generated uint8 enum (NULL_VAL included).
     */
    static <E extends Enum<E>> String[] enumNames(final E[] values, final ToIntFunction<E> rawValue)
    {
        final String[] names = new String[UINT8_VALUES];
        for (final E value : values)
        {
            names[rawValue.applyAsInt(value) & 0xFF] = value.name();
        }
        return names;
    }

    static void appendEnum(final StringBuilder out, final String[] names, final short raw)
    {
        final String name = raw >= 0 && raw < names.length ? names[raw] : null;
        if (null == name)
        {
            out.append("UNKNOWN(").append(raw).append(')');
        }
        else
        {
            out.append(name);
        }
    }

    /**
     * Append bytes as text: printable ASCII as is, anything else (and the backslash) as {@code \xNN}.
     */
    static void appendText(final StringBuilder out, final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            final int b = buffer.getByte(offset + i) & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\')
            {
                out.append((char)b);
            }
            else
            {
                out.append('\\').append('x');
                appendHexByte(out, b);
            }
        }
    }

    static void appendHex(final StringBuilder out, final DirectBuffer buffer, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            appendHexByte(out, buffer.getByte(offset + i) & 0xFF);
        }
    }

    static void appendHexByte(final StringBuilder out, final int b)
    {
        out.append(HEX[(b >>> 4) & 0xF]).append(HEX[b & 0xF]);
    }

    static StringBuilder field(final StringBuilder out, final String name)
    {
        return out.append(", ").append(name).append('=');
    }

    static void scaled(final StringBuilder out, final String name, final long mantissa, final int exponent)
    {
        field(out, name);
        Decimals.appendScientific(out, mantissa, exponent);
    }

    /**
     * Separate group entries and stop after {@link #MAX_GROUP_ENTRIES}: true when entry {@code index} is to be
     * rendered. The caller still steps through every entry so that what follows the group is found.
     */
    static boolean moreEntries(final StringBuilder out, final int index, final int count)
    {
        if (index >= MAX_GROUP_ENTRIES)
        {
            if (index == MAX_GROUP_ENTRIES)
            {
                out.append(", +").append(count - index).append(" more");
            }
            return false;
        }
        if (index > 0)
        {
            out.append(", ");
        }
        return true;
    }
}
