package com.schwabot.engine.order;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * SHA-256 over the order stream: every outbound frame's bytes, in order. Two runs that sent the same orders, with
 * the same ids, prices, quantities and times, have the same digest; a live run and the replay of its journal must.
 * <p>
 * Not thread-safe: business thread only. Allocation-free per frame (the frame is hashed from the encoder's backing
 * array).
 */
public final class OrderDigest
{
    private static final int SHA256_BLOCK = 64;

    private final MessageDigest sha256;
    private final byte[] scratch = new byte[1024];
    private long frames;

    /**
     * A digest of nothing yet.
     */
    public OrderDigest()
    {
        try
        {
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
        }
        // The JDK's SHA-256 allocates its message schedule at its first block: here, not at the first order (where
        // that branch, never taken in the JIT warm-up's long-lived digests, also threw compiled code away).
        sha256.update(scratch, 0, SHA256_BLOCK);
        sha256.reset();
    }

    /**
     * Add one frame.
     *
     * @param buffer an array-backed buffer holding the frame.
     * @param offset of the frame.
     * @param length of the frame.
     */
    public void update(final UnsafeBuffer buffer, final int offset, final int length)
    {
        sha256.update(buffer.byteArray(), buffer.wrapAdjustment() + offset, length);
        frames++;
    }

    /**
     * Add one frame held in any buffer (off-heap included) by copying it first.
     *
     * @param buffer holding the frame.
     * @param offset of the frame.
     * @param length of the frame, at most 1024 bytes.
     */
    public void update(final DirectBuffer buffer, final int offset, final int length)
    {
        buffer.getBytes(offset, scratch, 0, length);
        sha256.update(scratch, 0, length);
        frames++;
    }

    /**
     * Frames hashed.
     *
     * @return the count.
     */
    public long frames()
    {
        return frames;
    }

    /**
     * The digest so far as lower-case hex, without disturbing further updates.
     *
     * @return 64 hex digits.
     */
    public String hex()
    {
        try
        {
            final byte[] hash = ((MessageDigest)sha256.clone()).digest();
            final StringBuilder sb = new StringBuilder(64);
            for (final byte b : hash)
            {
                sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return sb.toString();
        }
        catch (final CloneNotSupportedException ex)
        {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", ex);
        }
    }
}
