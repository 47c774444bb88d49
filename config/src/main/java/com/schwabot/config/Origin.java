package com.schwabot.config;

/**
 * Where one value came from: the source, the file name and line, and the environment variable if any. For a
 * command-line option, {@code location} is the option as the user typed it.
 */
record Origin(ValueSource source, String file, String location, int line, String envVar)
{
    static Origin env(final String file, final String envVar)
    {
        return new Origin(ValueSource.ENV, file, null, 0, envVar);
    }

    static Origin option(final String file, final String option)
    {
        return new Origin(ValueSource.OPTION, file, option, 0, null);
    }

    String describe()
    {
        switch (source)
        {
            case ENV:
                return "env " + envVar;
            case OPTION:
                return "option " + location;
            case FILE:
                return "file " + location + ":" + line;
            default:
                return "default";
        }
    }
}
