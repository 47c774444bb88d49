package com.schwabot.tools;

import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import com.schwabot.config.EnvMapping;
import com.schwabot.config.secret.KeySource;
import com.schwabot.config.secret.SecretStoreException;

/**
 * Reads secrets for the {@code keys} commands: from the terminal without echo when there is one, else one line
 * each from standard input (so {@code printf '%s\n' "$SECRET" | schwabot keys add NAME} works). Never from the
 * command line. Returned arrays belong to the caller, who wipes them. Not thread-safe.
 */
final class SecretInput
{
    private static final int INITIAL_CAPACITY = 128;

    private final CliContext context;
    private Reader reader;

    SecretInput(final CliContext context)
    {
        this.context = context;
    }

    /**
     * The store's current key: {@code SCHWABOT_KEY_FILE}, else {@code SCHWABOT_PASSPHRASE}, else a prompt on the
     * terminal.
     *
     * @param confirm ask twice on the terminal (for a new store).
     * @return the key source; close it.
     * @throws SecretStoreException when there is none.
     */
    KeySource currentKey(final boolean confirm) throws SecretStoreException
    {
        final Map<String, String> env = context.environment();
        if (!isSet(env, EnvMapping.KEY_FILE) && !isSet(env, EnvMapping.PASSPHRASE) && null != context.console())
        {
            return passphrase(confirm ? readConfirmed("Passphrase for api_keys.yaml: ", "passphrase") :
                read("Passphrase for api_keys.yaml: ", "passphrase"));
        }
        return KeySource.fromEnvironment(env);
    }

    /**
     * Read one secret.
     *
     * @param prompt shown on the terminal.
     * @param what   named in the error when nothing is given.
     * @return the characters, without the line end; the caller wipes them.
     * @throws CliException with {@link ExitCodes#USAGE} when nothing is given.
     */
    char[] read(final String prompt, final String what)
    {
        final Console console = context.console();
        final char[] value = null != console ? console.readPassword("%s", prompt) : readLine();
        if (null == value || value.length == 0)
        {
            if (null != value)
            {
                Arrays.fill(value, '\0');
            }
            throw new CliException(ExitCodes.USAGE, "no " + what + " given" +
                (null == console ? " on standard input (one line)" : ""));
        }
        return value;
    }

    /**
     * Read a new secret, asked twice on a terminal, once from standard input.
     *
     * @param prompt shown on the terminal.
     * @param what   named in the errors.
     * @return the characters; the caller wipes them.
     * @throws CliException with {@link ExitCodes#USAGE} when nothing is given or the two entries differ.
     */
    char[] readConfirmed(final String prompt, final String what)
    {
        final char[] first = read(prompt, what);
        if (null == context.console())
        {
            return first;
        }
        final char[] second = read("Again: ", what);
        final boolean same = Arrays.equals(first, second);
        Arrays.fill(second, '\0');
        if (!same)
        {
            Arrays.fill(first, '\0');
            throw new CliException(ExitCodes.USAGE, "the two " + what + " entries differ");
        }
        return first;
    }

    /**
     * @param chars a passphrase; wiped here.
     * @return a key source holding a copy.
     */
    static KeySource passphrase(final char[] chars)
    {
        try
        {
            return KeySource.passphrase(chars);
        }
        finally
        {
            Arrays.fill(chars, '\0');
        }
    }

    private char[] readLine()
    {
        if (null == reader)
        {
            reader = new InputStreamReader(context.in(), StandardCharsets.UTF_8);
        }
        char[] buffer = new char[INITIAL_CAPACITY];
        int length = 0;
        try
        {
            int c;
            while ((c = reader.read()) != -1 && c != '\n')
            {
                if (length == buffer.length)
                {
                    final char[] larger = Arrays.copyOf(buffer, buffer.length * 2);
                    Arrays.fill(buffer, '\0');
                    buffer = larger;
                }
                buffer[length++] = (char)c;
            }
            if (c == -1 && length == 0)
            {
                return null;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read standard input: " + ex.getMessage(), ex);
        }
        if (length > 0 && buffer[length - 1] == '\r')
        {
            length--;
        }
        final char[] line = Arrays.copyOf(buffer, length);
        Arrays.fill(buffer, '\0');
        return line;
    }

    private static boolean isSet(final Map<String, String> env, final String name)
    {
        final String value = env.get(name);
        return null != value && !value.isEmpty();
    }
}
