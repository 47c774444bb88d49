package com.schwabot.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every validation problem found during one load. Not thread-safe.
 */
final class Errors
{
    private final List<ConfigError> list = new ArrayList<>();

    void add(final ConfigError error)
    {
        list.add(error);
    }

    void add(final String file, final String path, final Leaf leaf, final String problem)
    {
        final Origin origin = null == leaf ? null : leaf.origin();
        final String value = null == leaf ? null : shown(path, leaf.text());
        final String env = null != origin && origin.source() == ValueSource.ENV ? origin.envVar() : null;
        final String option = null != origin && origin.source() == ValueSource.OPTION ? origin.location() : null;
        final int line = null != origin ? origin.line() : 0;
        list.add(new ConfigError(file, path, value, problem, env, line, option));
    }

    void add(final String file, final String path, final String problem, final int line)
    {
        list.add(new ConfigError(file, path, null, problem, null, line));
    }

    boolean hasErrorsUnder(final String file, final String pathPrefix)
    {
        for (final ConfigError error : list)
        {
            if (file.equals(error.file()) && null != error.path() && error.path().startsWith(pathPrefix))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true when an error names exactly this key.
     */
    boolean hasErrorAt(final String file, final String path)
    {
        for (final ConfigError error : list)
        {
            if (file.equals(error.file()) && path.equals(error.path()))
            {
                return true;
            }
        }
        return false;
    }

    boolean isEmpty()
    {
        return list.isEmpty();
    }

    List<ConfigError> list()
    {
        return list;
    }

    static boolean isSecretKey(final String path)
    {
        return null != path && (path.endsWith(".secret") || path.endsWith(".api_key") || path.endsWith(".nonce"));
    }

    private static String shown(final String path, final String text)
    {
        if (isSecretKey(path))
        {
            return "<redacted>";
        }
        if (text.isEmpty())
        {
            return "\"\"";
        }
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
