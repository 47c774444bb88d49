package com.schwabot.engine.venue.feed;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON control messages of Binance's WebSocket streams (text frames; market data comes in binary frames).
 * <ul>
 *   <li>request: {@code {"method":"SUBSCRIBE","params":["btcusdt@trade",...],"id":1}};</li>
 *   <li>success: {@code {"result":null,"id":1}};</li>
 *   <li>error: {@code {"code":2,"msg":"Invalid request: ...","id":1}} (the id may be absent);</li>
 *   <li>server shutdown: {@code {"e":"serverShutdown","E":1770123456789}} on a raw stream, wrapped as
 *       {@code {"stream":"!serverShutdown","data":{...}}} on a combined stream (and as {@code {"event":{...}}} on
 *       the WebSocket API): matched by its event type wherever it sits.</li>
 * </ul>
 * These arrive once per connection, not per market event, so they are parsed from a {@code String} with regular
 * expressions: the cold path. Stateless and thread-safe.
 */
final class ControlMessages
{
    /** What a text frame is. */
    enum Kind
    {
        /** {@code "result": null} for the given id. */
        SUBSCRIBED,
        /** An error response ({@code "code"} and {@code "msg"}). */
        ERROR,
        /** The venue is about to shut this server down: reconnect now. */
        SERVER_SHUTDOWN,
        /** Anything else, including results for other ids. */
        UNKNOWN
    }

    private static final Pattern SHUTDOWN = Pattern.compile("\"e\"\\s*:\\s*\"serverShutdown\"");
    private static final Pattern RESULT_NULL = Pattern.compile("\"result\"\\s*:\\s*null");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(-?\\d{1,19})");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*-?\\d+");

    private ControlMessages()
    {
    }

    /**
     * @param streams stream names (validated by {@link FeedContext#conclude()}: no characters that need escaping).
     * @param id      request id.
     * @return the {@code SUBSCRIBE} request.
     */
    static String subscribe(final List<String> streams, final long id)
    {
        final StringBuilder json = new StringBuilder(32 + streams.size() * 24);
        json.append("{\"method\":\"SUBSCRIBE\",\"params\":[");
        for (int i = 0; i < streams.size(); i++)
        {
            if (i > 0)
            {
                json.append(',');
            }
            json.append('"').append(streams.get(i)).append('"');
        }
        return json.append("],\"id\":").append(id).append('}').toString();
    }

    /**
     * @param text       the text frame.
     * @param expectedId id of our {@code SUBSCRIBE}.
     * @return what it is.
     */
    static Kind classify(final String text, final long expectedId)
    {
        if (SHUTDOWN.matcher(text).find())
        {
            return Kind.SERVER_SHUTDOWN;
        }
        if (CODE.matcher(text).find())
        {
            return Kind.ERROR;
        }
        if (RESULT_NULL.matcher(text).find() && id(text) == expectedId)
        {
            return Kind.SUBSCRIBED;
        }
        return Kind.UNKNOWN;
    }

    /**
     * @param text a response.
     * @return its id, or {@link Long#MIN_VALUE} when it has none (or one that is not a number).
     */
    static long id(final String text)
    {
        final Matcher matcher = ID.matcher(text);
        if (!matcher.find())
        {
            return Long.MIN_VALUE;
        }
        try
        {
            return Long.parseLong(matcher.group(1));
        }
        catch (final NumberFormatException ex)
        {
            return Long.MIN_VALUE;
        }
    }

    /**
     * A text frame shortened for a log line, so a misbehaving venue cannot flood the log.
     *
     * @param text the text frame.
     * @return at most 200 characters of it.
     */
    static String excerpt(final String text)
    {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
