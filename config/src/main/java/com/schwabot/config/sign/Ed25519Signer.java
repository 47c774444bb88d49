package com.schwabot.config.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Ed25519 request signing (JDK provider), base64 output as Binance expects for Ed25519 API keys.
 * Reuses one {@link Signature} instance. Not thread-safe.
 */
public final class Ed25519Signer
{
    private final Signature signature;

    /**
     * @param key an Ed25519 private key (see {@link Ed25519Keys}).
     * @throws SigningKeyException if the key is not an Ed25519 key.
     */
    public Ed25519Signer(final PrivateKey key) throws SigningKeyException
    {
        try
        {
            signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new SigningKeyException("cannot sign with this key: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param payload bytes to sign.
     * @return the 64-byte signature.
     */
    public byte[] sign(final byte[] payload)
    {
        try
        {
            signature.update(payload);
            return signature.sign();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @param payload text to sign, as UTF-8 (for Binance: the query string).
     * @return the signature, base64.
     */
    public String signBase64(final String payload)
    {
        return Base64.getEncoder().encodeToString(sign(payload.getBytes(StandardCharsets.UTF_8)));
    }

    public String toString()
    {
        return "Ed25519Signer[key redacted]";
    }
}
