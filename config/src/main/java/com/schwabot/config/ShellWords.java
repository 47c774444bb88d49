package com.schwabot.config;

import java.util.regex.Pattern;

/**
 * An argument written into a command the user is told to run ({@code replay it: schwabot replay --journal DIR}), so
 * that it can be pasted into a POSIX shell as it is printed: a path with a space, a quote or another character the
 * shell reads is single-quoted. Here, in the module every other depends on or can, so that each message that suggests
 * a command (the command line's, the journal's {@code schwabot journal verify DIR}, the key file's
 * {@code chmod 600 FILE}) quotes alike. Stateless and thread-safe.
 */
public final class ShellWords
{
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private ShellWords()
    {
    }

    /**
     * @param argument the argument, e.g. a path.
     * @return it unchanged when the shell reads it as one word as it is, else in single quotes (a single quote in it
     *         written as {@code '\''}).
     */
    public static String quote(final Object argument)
    {
        final String text = String.valueOf(argument);
        return PLAIN.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
