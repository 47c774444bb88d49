package com.schwabot.config.secret;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A decrypted secret held in memory. {@link #toString()} never shows it; equality is identity, so neither
 * {@code equals} nor {@code hashCode} depends on (or leaks) the value. Read it with {@link #bytes()} and erase it
 * with {@link #wipe()} (or close it) when done. Not thread-safe.
 */
public final class Secret implements AutoCloseable
{
    private final byte[] value;
    private boolean wiped;

    private Secret(final byte[] value)
    {
        this.value = value;
    }

    /**
     * @param value the secret bytes; copied, so the caller may wipe its array.
     * @return a new secret.
     */
    public static Secret of(final byte[] value)
    {
        return new Secret(value.clone());
    }

    /**
     * @param value the secret characters, encoded as UTF-8; the caller may wipe its array.
     * @return a new secret.
     */
    public static Secret ofChars(final char[] value)
    {
        final ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        final byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray())
        {
            Arrays.fill(encoded.array(), (byte)0);
        }
        return new Secret(bytes);
    }

    /**
     * @return a copy of the secret bytes; wipe it when done.
     * @throws IllegalStateException if the secret was wiped.
     */
    public byte[] bytes()
    {
        requireNotWiped();
        return value.clone();
    }

    /**
     * @return a copy of the secret as characters (UTF-8 decoded); wipe it when done.
     */
    public char[] chars()
    {
        requireNotWiped();
        final CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(value));
        final char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        if (decoded.hasArray())
        {
            Arrays.fill(decoded.array(), '\0');
        }
        return chars;
    }

    /**
     * @return the length in bytes.
     */
    public int length()
    {
        return value.length;
    }

    /**
     * Overwrite the secret with zeros; later reads fail.
     */
    public void wipe()
    {
        Arrays.fill(value, (byte)0);
        wiped = true;
    }

    /**
     * @return true once {@link #wipe()} or {@link #close()} was called.
     */
    public boolean isWiped()
    {
        return wiped;
    }

    /**
     * Same as {@link #wipe()}.
     */
    public void close()
    {
        wipe();
    }

    public String toString()
    {
        return "Secret[redacted]";
    }

    private void requireNotWiped()
    {
        if (wiped)
        {
            throw new IllegalStateException("secret was wiped");
        }
    }
}
