package com.schwabot.engine.venue.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the WebSocket control requests (a few hundred bytes, off the market-data path): objects
 * become {@code Map<String, Object>}, arrays {@code List<Object>}, strings {@code String}, {@code true}/{@code false}
 * {@code Boolean}, numbers {@link JsonNumber} (keeping their text) and {@code null} {@link #NULL}. Stateless,
 * thread-safe; allocates.
 */
final class MiniJson
{
    /** The JSON {@code null} (so that a missing key, Java null, is told apart). */
    static final Object NULL = new Object()
    {
        @Override
        public String toString()
        {
            return "null";
        }
    };

    /**
     * A JSON number, as written.
     *
     * @param text the number's text, e.g. {@code 1} or {@code -2.5e3}.
     */
    record JsonNumber(String text)
    {
        boolean isUnsignedInteger()
        {
            for (int i = 0; i < text.length(); i++)
            {
                if (!Character.isDigit(text.charAt(i)))
                {
                    return false;
                }
            }
            return !text.isEmpty();
        }
    }

    /** Where the text stopped being JSON, as Binance reports it. */
    static final class ParseException extends Exception
    {
        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;

        ParseException(final int line, final int column)
        {
            super("expected value at line " + line + " column " + column);
            this.line = line;
            this.column = column;
        }

        int line()
        {
            return line;
        }

        int column()
        {
            return column;
        }
    }

    private final String text;
    private int position;

    private MiniJson(final String text)
    {
        this.text = text;
    }

    /**
     * @param text one JSON value, surrounded by optional white space.
     * @return the value.
     * @throws ParseException when it is not JSON.
     */
    static Object parse(final String text) throws ParseException
    {
        final MiniJson reader = new MiniJson(text);
        final Object value = reader.value();
        reader.skipWhitespace();
        if (reader.position != text.length())
        {
            throw reader.error();
        }
        return value;
    }

    /**
     * @param value a string.
     * @return it as a JSON string literal, quotes included.
     */
    static String quote(final String value)
    {
        final StringBuilder builder = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if (c == '"' || c == '\\')
            {
                builder.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                builder.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                builder.append(c);
            }
        }
        return builder.append('"').toString();
    }

    private Object value() throws ParseException
    {
        skipWhitespace();
        if (position >= text.length())
        {
            throw error();
        }
        final char c = text.charAt(position);
        switch (c)
        {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                return number();
        }
    }

    private Map<String, Object> object() throws ParseException
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        position++;
        skipWhitespace();
        if (peek() == '}')
        {
            position++;
            return map;
        }
        while (true)
        {
            skipWhitespace();
            if (peek() != '"')
            {
                throw error();
            }
            final String key = string();
            skipWhitespace();
            expect(':');
            map.put(key, value());
            skipWhitespace();
            if (peek() == ',')
            {
                position++;
            }
            else
            {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() throws ParseException
    {
        final List<Object> list = new ArrayList<>();
        position++;
        skipWhitespace();
        if (peek() == ']')
        {
            position++;
            return list;
        }
        while (true)
        {
            list.add(value());
            skipWhitespace();
            if (peek() == ',')
            {
                position++;
            }
            else
            {
                expect(']');
                return list;
            }
        }
    }

    private String string() throws ParseException
    {
        final StringBuilder builder = new StringBuilder();
        position++;
        while (position < text.length())
        {
            final char c = text.charAt(position++);
            if (c == '"')
            {
                return builder.toString();
            }
            if (c != '\\')
            {
                builder.append(c);
                continue;
            }
            if (position >= text.length())
            {
                break;
            }
            final char escaped = text.charAt(position++);
            switch (escaped)
            {
                case 'n' -> builder.append('\n');
                case 't' -> builder.append('\t');
                case 'r' -> builder.append('\r');
                case 'b' -> builder.append('\b');
                case 'f' -> builder.append('\f');
                case 'u' -> builder.append(unicode());
                default -> builder.append(escaped);
            }
        }
        throw error();
    }

    private char unicode() throws ParseException
    {
        if (position + 4 > text.length())
        {
            throw error();
        }
        try
        {
            final char c = (char)Integer.parseInt(text, position, position + 4, 16);
            position += 4;
            return c;
        }
        catch (final NumberFormatException ex)
        {
            throw error();
        }
    }

    private JsonNumber number() throws ParseException
    {
        final int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0)
        {
            position++;
        }
        final String number = text.substring(start, position);
        if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?"))
        {
            position = start;
            throw error();
        }
        return new JsonNumber(number);
    }

    private Object literal(final String word, final Object value) throws ParseException
    {
        if (!text.startsWith(word, position))
        {
            throw error();
        }
        position += word.length();
        return value;
    }

    private void expect(final char c) throws ParseException
    {
        if (peek() != c)
        {
            throw error();
        }
        position++;
    }

    private char peek()
    {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void skipWhitespace()
    {
        while (position < text.length() && Character.isWhitespace(text.charAt(position)))
        {
            position++;
        }
    }

    private ParseException error()
    {
        int line = 1;
        int column = 1;
        for (int i = 0; i < position && i < text.length(); i++)
        {
            if (text.charAt(i) == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }
        return new ParseException(line, column);
    }
}
