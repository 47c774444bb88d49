package com.schwabot.config;

/**
 * Where one value came from: the source, the file name and line, and the environment variable if any.
 */
record Origin(ValueSource source, String file, String location, int line, String envVar)
{
    static Origin env(final String file, final String envVar)
    {
        return new Origin(ValueSource.ENV, file, null, 0, envVar);
    }

    String describe()
    {
        switch (source)
        {
            case ENV:
                return "env " + envVar;
            case FILE:
                return "file " + location + ":" + line;
            default:
                return "default";
        }
    }
}
