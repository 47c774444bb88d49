package com.schwabot.engine.json;

/**
 * A small JSON writer over a {@link StringBuilder}: objects, arrays, strings (escaped), numbers, booleans. Commas
 * are placed automatically; line breaks only where the caller asks ({@link #line}). Doubles in Java's shortest
 * round-trip form ({@link Double#toString(double)}, the same bytes on every run), non-finite doubles as null. Used by
 * the monitoring server's responses and the backtest reports. Not thread-safe.
 */
public final class JsonWriter
{
    private static final String INDENT = "  ";

    private final StringBuilder out;
    private boolean needComma;

    public JsonWriter(final StringBuilder out)
    {
        this.out = out;
    }

    public JsonWriter()
    {
        this(new StringBuilder(1024));
    }

    public JsonWriter beginObject()
    {
        separate();
        out.append('{');
        needComma = false;
        return this;
    }

    public JsonWriter endObject()
    {
        out.append('}');
        needComma = true;
        return this;
    }

    public JsonWriter beginArray()
    {
        separate();
        out.append('[');
        needComma = false;
        return this;
    }

    public JsonWriter endArray()
    {
        out.append(']');
        needComma = true;
        return this;
    }

    /**
     * A comma if a value came before, then a new line indented to a depth (two spaces a level).
     *
     * @param depth nesting depth.
     * @return this.
     */
    public JsonWriter line(final int depth)
    {
        if (needComma)
        {
            out.append(',');
            needComma = false;
        }
        out.append('\n').append(INDENT.repeat(depth));
        return this;
    }

    /**
     * A new line indented to a depth with no comma: before a closing bracket.
     *
     * @param depth nesting depth.
     * @return this.
     */
    public JsonWriter close(final int depth)
    {
        out.append('\n').append(INDENT.repeat(depth));
        return this;
    }

    public JsonWriter name(final String name)
    {
        separate();
        quote(name);
        out.append(':');
        needComma = false;
        return this;
    }

    public JsonWriter value(final String value)
    {
        separate();
        if (null == value)
        {
            out.append("null");
        }
        else
        {
            quote(value);
        }
        needComma = true;
        return this;
    }

    public JsonWriter value(final long value)
    {
        separate();
        out.append(value);
        needComma = true;
        return this;
    }

    public JsonWriter value(final double value)
    {
        separate();
        if (Double.isFinite(value))
        {
            out.append(value);
        }
        else
        {
            out.append("null");
        }
        needComma = true;
        return this;
    }

    public JsonWriter value(final boolean value)
    {
        separate();
        out.append(value);
        needComma = true;
        return this;
    }

    public JsonWriter field(final String name, final String value)
    {
        return name(name).value(value);
    }

    public JsonWriter field(final String name, final long value)
    {
        return name(name).value(value);
    }

    public JsonWriter field(final String name, final double value)
    {
        return name(name).value(value);
    }

    public JsonWriter field(final String name, final boolean value)
    {
        return name(name).value(value);
    }

    /**
     * A quoted, escaped JSON string.
     *
     * @param value the text.
     * @return the JSON string literal.
     */
    public static String quoted(final String value)
    {
        final JsonWriter writer = new JsonWriter(new StringBuilder(value.length() + 8));
        writer.quote(value);
        return writer.toString();
    }

    public String toString()
    {
        return out.toString();
    }

    private void separate()
    {
        if (needComma)
        {
            out.append(',');
        }
    }

    private void quote(final String value)
    {
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029)
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
