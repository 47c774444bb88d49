package com.schwabot.config.sign;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads Ed25519 keys from PEM (PKCS#8 private, X.509 public, as {@code openssl genpkey -algorithm ed25519} writes
 * them and Binance accepts them) or from raw 32-byte values (RFC 8032 private seed, public point).
 */
public final class Ed25519Keys
{
    private static final byte[] PKCS8_PREFIX = hex("302e020100300506032b657004220420");
    private static final byte[] X509_PREFIX = hex("302a300506032b6570032100");
    private static final int RAW_BYTES = 32;

    private Ed25519Keys()
    {
    }

    /**
     * @param pem text with a {@code -----BEGIN PRIVATE KEY-----} block (PKCS#8).
     * @return the private key.
     * @throws SigningKeyException if the text is not an Ed25519 PKCS#8 PEM key.
     */
    public static PrivateKey privateKeyFromPem(final String pem) throws SigningKeyException
    {
        return privateKey(pemBody(pem, "PRIVATE KEY"));
    }

    /**
     * @param pem text with a {@code -----BEGIN PUBLIC KEY-----} block (X.509 SubjectPublicKeyInfo).
     * @return the public key.
     * @throws SigningKeyException if the text is not an Ed25519 X.509 PEM key.
     */
    public static PublicKey publicKeyFromPem(final String pem) throws SigningKeyException
    {
        return publicKey(pemBody(pem, "PUBLIC KEY"));
    }

    /**
     * @param seed the 32-byte RFC 8032 private key.
     * @return the private key.
     * @throws SigningKeyException if the length is wrong.
     */
    public static PrivateKey privateKeyFromRaw(final byte[] seed) throws SigningKeyException
    {
        requireRaw(seed, "private");
        final byte[] der = concat(PKCS8_PREFIX, seed);
        try
        {
            return privateKey(der);
        }
        finally
        {
            Arrays.fill(der, (byte)0);
        }
    }

    /**
     * @param point the 32-byte encoded public key.
     * @return the public key.
     * @throws SigningKeyException if the length is wrong.
     */
    public static PublicKey publicKeyFromRaw(final byte[] point) throws SigningKeyException
    {
        requireRaw(point, "public");
        return publicKey(concat(X509_PREFIX, point));
    }

    private static PrivateKey privateKey(final byte[] der) throws SigningKeyException
    {
        try
        {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new SigningKeyException("not an Ed25519 PKCS#8 private key: " + ex.getMessage(), ex);
        }
    }

    private static PublicKey publicKey(final byte[] der) throws SigningKeyException
    {
        try
        {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new SigningKeyException("not an Ed25519 X.509 public key: " + ex.getMessage(), ex);
        }
    }

    private static byte[] pemBody(final String pem, final String label) throws SigningKeyException
    {
        final String begin = "-----BEGIN " + label + "-----";
        final String end = "-----END " + label + "-----";
        final int start = pem.indexOf(begin);
        final int stop = pem.indexOf(end);
        if (start < 0 || stop < start)
        {
            throw new SigningKeyException("expected a PEM block '" + begin + "'", null);
        }
        try
        {
            return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), stop));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new SigningKeyException("the PEM block is not valid base64", ex);
        }
    }

    private static void requireRaw(final byte[] key, final String kind) throws SigningKeyException
    {
        if (key.length != RAW_BYTES)
        {
            throw new SigningKeyException("a raw Ed25519 " + kind + " key has 32 bytes, not " + key.length, null);
        }
    }

    private static byte[] concat(final byte[] a, final byte[] b)
    {
        final byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    private static byte[] hex(final String text)
    {
        final byte[] bytes = new byte[text.length() / 2];
        for (int i = 0; i < bytes.length; i++)
        {
            bytes[i] = (byte)Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
