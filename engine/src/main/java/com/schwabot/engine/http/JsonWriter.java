package com.schwabot.engine.http;

/**
 * A small JSON writer over a {@link StringBuilder}: objects, arrays, strings (escaped), numbers, booleans. Commas
 * are placed automatically. Non-finite doubles are written as null. Not thread-safe: one per response.
 */
final class JsonWriter
{
    private final StringBuilder out;
    private boolean needComma;

    JsonWriter(final StringBuilder out)
    {
        this.out = out;
    }

    JsonWriter()
    {
        this(new StringBuilder(1024));
    }

    JsonWriter beginObject()
    {
        separate();
        out.append('{');
        needComma = false;
        return this;
    }

    JsonWriter endObject()
    {
        out.append('}');
        needComma = true;
        return this;
    }

    JsonWriter beginArray()
    {
        separate();
        out.append('[');
        needComma = false;
        return this;
    }

    JsonWriter endArray()
    {
        out.append(']');
        needComma = true;
        return this;
    }

    JsonWriter name(final String name)
    {
        separate();
        quote(name);
        out.append(':');
        needComma = false;
        return this;
    }

    JsonWriter value(final String value)
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

    JsonWriter value(final long value)
    {
        separate();
        out.append(value);
        needComma = true;
        return this;
    }

    JsonWriter value(final double value)
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

    JsonWriter value(final boolean value)
    {
        separate();
        out.append(value);
        needComma = true;
        return this;
    }

    JsonWriter field(final String name, final String value)
    {
        return name(name).value(value);
    }

    JsonWriter field(final String name, final long value)
    {
        return name(name).value(value);
    }

    JsonWriter field(final String name, final double value)
    {
        return name(name).value(value);
    }

    JsonWriter field(final String name, final boolean value)
    {
        return name(name).value(value);
    }

    /**
     * A quoted, escaped JSON string.
     *
     * @param value the text.
     * @return the JSON string literal.
     */
    static String quoted(final String value)
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
