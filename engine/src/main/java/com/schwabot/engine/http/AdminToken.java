package com.schwabot.engine.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import com.schwabot.config.secret.Secret;

/**
 * The bearer token that admin actions require, held only as its SHA-256 digest. A presented token is digested and
 * the digests compared with {@link MessageDigest#isEqual} (constant time for equal lengths, and digests always have
 * the same length), so the comparison reveals neither the token nor its length. Immutable, thread-safe.
 */
public final class AdminToken
{
    /** Fewest bytes a token must have. */
    public static final int MIN_LENGTH = 16;

    private static final String BEARER = "bearer ";

    private final byte[] digest;

    private AdminToken(final byte[] digest)
    {
        this.digest = digest;
    }

    /**
     * A token from a secret.
     *
     * @param secret the token (UTF-8), at least {@value #MIN_LENGTH} bytes; not kept.
     * @return the token's digest holder.
     * @throws IllegalArgumentException when it is too short.
     */
    public static AdminToken of(final Secret secret)
    {
        if (secret.length() < MIN_LENGTH)
        {
            throw new IllegalArgumentException("the admin token must be at least " + MIN_LENGTH + " bytes long");
        }
        final byte[] bytes = secret.bytes();
        try
        {
            return new AdminToken(sha256(bytes));
        }
        finally
        {
            Arrays.fill(bytes, (byte)0);
        }
    }

    /**
     * Whether an {@code Authorization} header carries the token.
     *
     * @param authorization the header's value, or null.
     * @return true for {@code Bearer <token>} with the right token.
     */
    public boolean matches(final String authorization)
    {
        if (null == authorization || authorization.length() <= BEARER.length() ||
            !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        {
            return false;
        }
        final byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        try
        {
            return MessageDigest.isEqual(digest, sha256(presented));
        }
        finally
        {
            Arrays.fill(presented, (byte)0);
        }
    }

    private static byte[] sha256(final byte[] bytes)
    {
        try
        {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
        }
    }
}
