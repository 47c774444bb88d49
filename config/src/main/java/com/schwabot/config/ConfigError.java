package com.schwabot.config;

/**
 * One validation problem: where it is (file, key path, line, or the environment variable or command-line option
 * that supplied the value), the offending value and what is allowed. Values of secret keys are never carried here.
 *
 * @param file    the configuration file name (for example {@code risk_limits.yaml}), or {@code null}.
 * @param path    dotted key path inside the file (for example {@code profiles.moderate.max_order_qty}), or null.
 * @param value   the offending value as text, or {@code null} when there is none to show.
 * @param problem what is wrong and what is allowed.
 * @param envVar  the environment variable that supplied the value, or {@code null} when it came from a file.
 * @param line    1-based line in the file, or 0 when unknown or not from a file.
 * @param option  the command-line option, as typed, that supplied the value (for example
 *                {@code --simulator 127.0.0.1:9001:9002}), or {@code null}.
 */
public record ConfigError(String file, String path, String value, String problem, String envVar, int line,
    String option)
{
    /**
     * A problem whose value did not come from a command-line option.
     *
     * @param file    the configuration file name, or {@code null}.
     * @param path    dotted key path inside the file, or null.
     * @param value   the offending value as text, or {@code null}.
     * @param problem what is wrong and what is allowed.
     * @param envVar  the environment variable that supplied the value, or {@code null}.
     * @param line    1-based line in the file, or 0.
     */
    public ConfigError(final String file, final String path, final String value, final String problem,
        final String envVar, final int line)
    {
        this(file, path, value, problem, envVar, line, null);
    }

    /**
     * One line: {@code risk_limits.yaml: profiles.moderate.max_order_qty = -5: must be > 0 (line 7)}.
     *
     * @return the error as one line of text.
     */
    public String message()
    {
        final StringBuilder sb = new StringBuilder(128);
        final String source = null != option ? option : null != envVar ? "env " + envVar : null;
        if (null != source)
        {
            sb.append(source);
            if (null != file)
            {
                sb.append(" -> ");
            }
        }
        if (null != file)
        {
            sb.append(file);
        }
        if (null != path && !path.isEmpty())
        {
            sb.append(": ").append(path);
        }
        if (null != value)
        {
            sb.append(" = ").append(value);
        }
        sb.append(sb.length() > 0 ? ": " : "").append(problem);
        if (line > 0 && null == source)
        {
            sb.append(" (line ").append(line).append(')');
        }
        return sb.toString();
    }

    public String toString()
    {
        return message();
    }
}
