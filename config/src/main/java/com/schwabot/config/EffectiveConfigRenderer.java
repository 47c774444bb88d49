package com.schwabot.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the merged configuration as YAML, one top-level key per file, each value followed by a comment naming
 * its source: {@code # default}, {@code # file PATH:LINE} or {@code # env NAME}, after a header that also says what
 * the engine's thread profile chose for each thread. API keys and secrets are redacted.
 * What {@code schwabot run} prints until the engine exists.
 */
public final class EffectiveConfigRenderer
{
    /** What replaces a redacted value. */
    public static final String REDACTED = "<redacted>";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@+-][A-Za-z0-9_./@+:-]*");
    private static final Pattern NOT_A_STRING = Pattern.compile(
        "[-+]?[0-9][0-9_.eE+-]*|true|false|True|False|TRUE|FALSE|null|Null|NULL|~|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN)");

    private EffectiveConfigRenderer()
    {
    }

    /**
     * @param config a loaded configuration.
     * @return YAML text with source comments; never holds a secret.
     */
    public static String render(final SchwabotConfig config)
    {
        final StringBuilder sb = new StringBuilder(8192);
        sb.append("# Effective Schwabot configuration: environment > files > defaults.\n")
            .append("# Configuration directory: ")
            .append(null == config.configDir() ? "none (bundled defaults)" : config.configDir()).append('\n')
            .append("# Engine threads: ").append(config.engine().describeThreads()).append('\n');
        for (final ConfigFile file : ConfigFile.values())
        {
            sb.append(file.fileName()).append(":\n");
            renderMap(sb, config.trees().get(file), 1, "");
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void renderMap(final StringBuilder sb, final Map<String, Object> map, final int depth,
        final String firstIndent)
    {
        boolean first = true;
        for (final Map.Entry<String, Object> entry : map.entrySet())
        {
            sb.append(first && !firstIndent.isEmpty() ? firstIndent : "  ".repeat(depth));
            first = false;
            sb.append(entry.getKey()).append(':');
            final Object value = entry.getValue();
            if (value instanceof Map)
            {
                if (((Map<String, Object>)value).isEmpty())
                {
                    sb.append(" {}\n");
                }
                else
                {
                    sb.append('\n');
                    renderMap(sb, (Map<String, Object>)value, depth + 1, "");
                }
            }
            else if (value instanceof List)
            {
                renderList(sb, (List<Object>)value, depth);
            }
            else
            {
                sb.append(' ');
                renderLeaf(sb, (Leaf)value, isRedacted(entry.getKey()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void renderList(final StringBuilder sb, final List<Object> list, final int depth)
    {
        if (list.isEmpty())
        {
            sb.append(" []\n");
            return;
        }
        if (list.get(0) instanceof Leaf)
        {
            sb.append(" [");
            for (int i = 0; i < list.size(); i++)
            {
                sb.append(i > 0 ? ", " : "").append(scalar((Leaf)list.get(i)));
            }
            sb.append("]  # ").append(((Leaf)list.get(0)).origin().describe()).append('\n');
            return;
        }
        sb.append('\n');
        for (final Object item : list)
        {
            if (item instanceof Map)
            {
                renderMap(sb, (Map<String, Object>)item, depth + 2, "  ".repeat(depth + 1) + "- ");
            }
        }
    }

    private static void renderLeaf(final StringBuilder sb, final Leaf leaf, final boolean redact)
    {
        sb.append(redact ? '"' + REDACTED + '"' : scalar(leaf)).append("  # ").append(leaf.origin().describe())
            .append('\n');
    }

    private static String scalar(final Leaf leaf)
    {
        final String text = leaf.text();
        switch (leaf.kind())
        {
            case INT:
            case FLOAT:
            case BOOL:
                return text;
            case NULL:
                return "null";
            case UNTYPED:
                return PLAIN.matcher(text).matches() ? text : quote(text);
            default:
                return PLAIN.matcher(text).matches() && !NOT_A_STRING.matcher(text).matches() ? text : quote(text);
        }
    }

    private static String quote(final String text)
    {
        final StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                sb.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                sb.append(String.format("\\x%02x", (int)c));
            }
            else
            {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static boolean isRedacted(final String key)
    {
        return "secret".equals(key) || "api_key".equals(key) || "nonce".equals(key);
    }
}
