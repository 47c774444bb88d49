package com.schwabot.tools;

/**
 * Every exit status of the {@code schwabot} command line, in one place (README.md lists the same table).
 * The launcher {@code tools/schwabot} adds two of its own before Java starts: 69 (no java, no mvn, or the jar is
 * missing with SCHWABOT_SKIP_BUILD=1) and 70 (building the jar failed).
 */
public final class ExitCodes
{
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran and found problems: {@code journal verify} on a damaged journal, bad rows to import. */
    public static final int FAILURE = 1;
    /** Bad command line: unknown command or option, missing or malformed argument (picocli's usage code). */
    public static final int USAGE = 2;
    /** The configuration is invalid: every error is printed with its file, key, value and what is allowed. */
    public static final int CONFIG = 3;
    /**
     * Secrets: no or wrong passphrase or key file, a tampered or invalid api_keys.yaml, a duplicate entry (or, to
     * remove or replace, no entry of that name).
     */
    public static final int SECRETS = 4;
    /** I/O: a file or directory is missing, unreadable or not a journal, or cannot be written; unusable databases. */
    public static final int IO = 5;
    /** An unexpected error inside Schwabot (a bug): the only case that prints a stack trace. */
    public static final int INTERNAL = 6;

    // One line per status for the help screens ("status:description", picocli's exitCodeList format).
    static final String OK_HELP = OK + ":ok";
    static final String FAILURE_HELP = FAILURE + ":problems found (a damaged journal, bad rows to import)";
    static final String USAGE_HELP = USAGE + ":bad command line (unknown command or option, bad argument)";
    static final String CONFIG_HELP = CONFIG + ":invalid configuration (each error: file, key, value, allowed)";
    static final String SECRETS_HELP = SECRETS + ":secrets (no or wrong passphrase or key file, bad api_keys.yaml, " +
        "entry name taken or not found)";
    static final String IO_HELP = IO + ":I/O (missing or unreadable file or directory, not a journal, unusable " +
        "databases)";
    static final String INTERNAL_HELP = INTERNAL + ":internal error (a bug: the stack trace is printed)";
    // run and sim stop in order on a signal, then the JVM exits with 128 + the signal's number (README's table).
    static final String SIGINT_HELP = "130:stopped by Ctrl-C (SIGINT), in order";
    static final String SIGTERM_HELP = "143:stopped by SIGTERM, in order";

    private ExitCodes()
    {
    }
}
