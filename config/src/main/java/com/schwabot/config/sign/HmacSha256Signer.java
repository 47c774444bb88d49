package com.schwabot.config.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import com.schwabot.config.secret.Secret;

/**
 * HMAC-SHA256 request signing as Binance (and most venues) use it: lower-case hex of the MAC of the query string.
 * One {@link Mac} instance and one digest buffer are reused, so {@link #signHex(byte[], int, int, byte[], int)}
 * allocates nothing. Not thread-safe: one signer per thread.
 */
public final class HmacSha256Signer
{
    /** Length of the hex signature in characters. */
    public static final int HEX_LENGTH = 64;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Mac mac;
    private final byte[] digest = new byte[32];

    /**
     * @param secret the API secret; its bytes are the HMAC key. The secret is not kept (the Mac holds the key).
     */
    public HmacSha256Signer(final Secret secret)
    {
        final byte[] key = secret.bytes();
        try
        {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        }
        catch (final InvalidKeyException ex)
        {
            throw new IllegalArgumentException("unusable HMAC key", ex);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
        finally
        {
            Arrays.fill(key, (byte)0);
        }
    }

    /**
     * Sign {@code payload[offset, offset + length)} and write 64 lower-case hex characters (ASCII) to
     * {@code out[outOffset, outOffset + 64)}. Allocates nothing.
     *
     * @param payload   the bytes to sign (for Binance: the query string, and body if any).
     * @param offset    start of the bytes.
     * @param length    number of bytes.
     * @param out       destination buffer.
     * @param outOffset where in {@code out} to write.
     * @return the number of bytes written, {@link #HEX_LENGTH}.
     */
    public int signHex(final byte[] payload, final int offset, final int length, final byte[] out, final int outOffset)
    {
        if (outOffset < 0 || out.length - outOffset < HEX_LENGTH)
        {
            throw new IndexOutOfBoundsException("need " + HEX_LENGTH + " bytes at offset " + outOffset);
        }
        mac.update(payload, offset, length);
        try
        {
            mac.doFinal(digest, 0);
        }
        catch (final ShortBufferException ex)
        {
            throw new IllegalStateException(ex);
        }
        for (int i = 0; i < digest.length; i++)
        {
            out[outOffset + 2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[outOffset + 2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return HEX_LENGTH;
    }

    /**
     * Convenience form that allocates: sign the UTF-8 bytes of {@code payload}.
     *
     * @param payload the text to sign.
     * @return the lower-case hex signature.
     */
    public String signHex(final String payload)
    {
        final byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        final byte[] out = new byte[HEX_LENGTH];
        signHex(bytes, 0, bytes.length, out, 0);
        return new String(out, StandardCharsets.US_ASCII);
    }

    public String toString()
    {
        return "HmacSha256Signer[key redacted]";
    }
}
