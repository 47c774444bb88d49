package com.schwabot.engine.report;

/**
 * A small JSON writer for the reports: commas placed automatically, line breaks where the caller asks, doubles in
 * Java's shortest round-trip form ({@link Double#toString(double)}, the same bytes on every run), non-finite doubles
 * as null. Not thread-safe.
 */
final class JsonText
{
    private static final String INDENT = "  ";

    private final StringBuilder out;
    private boolean comma;

    JsonText(final StringBuilder out)
    {
        this.out = out;
    }

    JsonText beginObject()
    {
        separate();
        out.append('{');
        return this;
    }

    JsonText endObject()
    {
        out.append('}');
        comma = true;
        return this;
    }

    JsonText beginArray()
    {
        separate();
        out.append('[');
        return this;
    }

    JsonText endArray()
    {
        out.append(']');
        comma = true;
        return this;
    }

    /**
     * A comma if a value came before, then a new line at a depth.
     */
    JsonText line(final int depth)
    {
        separate();
        out.append('\n').append(INDENT.repeat(depth));
        return this;
    }

    /**
     * A new line at a depth with no comma: before a closing bracket.
     */
    JsonText close(final int depth)
    {
        out.append('\n').append(INDENT.repeat(depth));
        return this;
    }

    JsonText name(final String name)
    {
        separate();
        quote(name);
        out.append(':');
        return this;
    }

    JsonText value(final String value)
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
        comma = true;
        return this;
    }

    JsonText value(final long value)
    {
        separate();
        out.append(value);
        comma = true;
        return this;
    }

    JsonText value(final double value)
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
        comma = true;
        return this;
    }

    JsonText value(final boolean value)
    {
        separate();
        out.append(value);
        comma = true;
        return this;
    }

    JsonText field(final String name, final String value)
    {
        return name(name).value(value);
    }

    JsonText field(final String name, final long value)
    {
        return name(name).value(value);
    }

    JsonText field(final String name, final double value)
    {
        return name(name).value(value);
    }

    JsonText field(final String name, final boolean value)
    {
        return name(name).value(value);
    }

    private void separate()
    {
        if (comma)
        {
            out.append(',');
            comma = false;
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
                    if (c < 0x20)
                    {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15,
                            16));
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
