package com.schwabot.engine.venue.sim;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.agrona.collections.IntArrayList;

/**
 * Binance's live subscription requests, sent as JSON in WebSocket text frames and answered in text frames:
 * {@code SUBSCRIBE}, {@code UNSUBSCRIBE}, {@code LIST_SUBSCRIPTIONS}, {@code SET_PROPERTY} and
 * {@code GET_PROPERTY} (property {@code combined}). Success is {@code {"result":null,"id":1}} (or the listed
 * result); an error is {@code {"error":{"code":2,"msg":"..."},"id":1}} with Binance's codes: 0 unknown property,
 * 1 bad value type, 2 invalid request, 3 invalid JSON. The id may be an unsigned integer, an alphanumeric string of
 * at most 36 characters, or null; it is echoed as sent. Runs on the event loop; allocates (control path only).
 */
final class ControlRequests
{
    private static final Pattern STRING_ID = Pattern.compile("[A-Za-z0-9]{1,36}");
    private static final String METHODS =
        "expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";
    private static final String COMBINED = "combined";

    private final MarketDataServer server;
    private final IntArrayList newSubscriptions = new IntArrayList();

    ControlRequests(final MarketDataServer server)
    {
        this.server = server;
    }

    /**
     * Stream keys subscribed by the last {@link #handle} call (their depth20 snapshots are due).
     *
     * @return the keys; cleared by the next call.
     */
    IntArrayList newSubscriptions()
    {
        return newSubscriptions;
    }

    /**
     * Execute one request.
     *
     * @param session who sent it.
     * @param text    the text frame's content.
     * @return the JSON answer.
     */
    String handle(final MarketDataSession session, final String text)
    {
        newSubscriptions.clear();
        final Object parsed;
        try
        {
            parsed = MiniJson.parse(text);
        }
        catch (final MiniJson.ParseException ex)
        {
            return error(3, "Invalid JSON: expected value at line " + ex.line() + " column " + ex.column(), "null");
        }
        if (!(parsed instanceof Map))
        {
            return error(2, "Invalid request: expected a JSON object", "null");
        }
        final Map<?, ?> request = (Map<?, ?>)parsed;
        final Object method = request.get("method");
        if (null == method)
        {
            return error(2, "Invalid request: missing field `method`", "null");
        }
        final String id = idText(request.get("id"));
        if (!(method instanceof String) || !METHODS.contains('`' + (String)method + '`'))
        {
            return error(2, "Invalid request: unknown variant `" + method + "`, " + METHODS, null == id ? "null" : id);
        }
        if (null == id)
        {
            return error(2, "Invalid request: request ID must be an unsigned integer", "null");
        }
        final Object params = request.get("params");
        return switch ((String)method)
        {
            case "SUBSCRIBE" -> subscribe(session, params, id, true);
            case "UNSUBSCRIBE" -> subscribe(session, params, id, false);
            case "LIST_SUBSCRIPTIONS" -> list(session, id);
            case "SET_PROPERTY" -> setProperty(session, params, id);
            default -> getProperty(session, params, id);
        };
    }

    private String subscribe(final MarketDataSession session, final Object params, final String id, final boolean on)
    {
        if (!(params instanceof List) || ((List<?>)params).isEmpty())
        {
            return error(2, "Invalid request: `params` must be a non-empty array of stream names", id);
        }
        final List<?> names = (List<?>)params;
        final int[] keys = new int[names.size()];
        for (int i = 0; i < keys.length; i++)
        {
            final Object name = names.get(i);
            keys[i] = name instanceof String ? server.streamKey((String)name) : -1;
            if (keys[i] < 0)
            {
                return error(2, "Invalid request: unknown stream name `" + name + "`", id);
            }
        }
        for (final int key : keys)
        {
            if (on && !session.isSubscribed(key))
            {
                newSubscriptions.addInt(key);
            }
            session.subscribed(key, on);
        }
        return result("null", id);
    }

    private String list(final MarketDataSession session, final String id)
    {
        final StringBuilder names = new StringBuilder("[");
        for (int key = 0; key < session.streamKeyCount(); key++)
        {
            if (session.isSubscribed(key))
            {
                names.append(names.length() > 1 ? "," : "").append(MiniJson.quote(server.streamName(key)));
            }
        }
        return result(names.append(']').toString(), id);
    }

    private String setProperty(final MarketDataSession session, final Object params, final String id)
    {
        if (!(params instanceof List) || ((List<?>)params).size() != 2)
        {
            return error(2, "Invalid request: `params` must be [name, value]", id);
        }
        final List<?> values = (List<?>)params;
        if (!(values.get(0) instanceof String))
        {
            return error(2, "Invalid request: property name must be a string", id);
        }
        if (!COMBINED.equals(values.get(0)))
        {
            return error(0, "Unknown property", id);
        }
        if (!(values.get(1) instanceof Boolean))
        {
            return error(1, "Invalid value type: expected Boolean", id);
        }
        session.combined((Boolean)values.get(1));
        return result("null", id);
    }

    private String getProperty(final MarketDataSession session, final Object params, final String id)
    {
        if (!(params instanceof List) || ((List<?>)params).size() != 1)
        {
            return error(2, "Invalid request: `params` must be [name]", id);
        }
        final Object name = ((List<?>)params).get(0);
        if (!(name instanceof String))
        {
            return error(2, "Invalid request: property name must be a string", id);
        }
        if (!COMBINED.equals(name))
        {
            return error(0, "Unknown property", id);
        }
        return result(Boolean.toString(session.combined()), id);
    }

    /**
     * @return the id as JSON text to echo, or null when it is missing or not an accepted type.
     */
    private static String idText(final Object id)
    {
        if (MiniJson.NULL == id)
        {
            return "null";
        }
        if (id instanceof MiniJson.JsonNumber && ((MiniJson.JsonNumber)id).isUnsignedInteger())
        {
            return ((MiniJson.JsonNumber)id).text();
        }
        if (id instanceof String && STRING_ID.matcher((String)id).matches())
        {
            return MiniJson.quote((String)id);
        }
        return null;
    }

    private static String result(final String result, final String id)
    {
        return "{\"result\":" + result + ",\"id\":" + id + '}';
    }

    private String error(final int code, final String message, final String id)
    {
        server.countControlError();
        return "{\"error\":{\"code\":" + code + ",\"msg\":" + MiniJson.quote(message) + "},\"id\":" + id + '}';
    }
}
