package com.schwabot.config.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Ed25519 signature verification (JDK provider). Reuses one {@link Signature} instance. Not thread-safe.
 */
public final class Ed25519Verifier
{
    private final Signature signature;

    /**
     * @param key an Ed25519 public key (see {@link Ed25519Keys}).
     * @throws SigningKeyException if the key is not an Ed25519 key.
     */
    public Ed25519Verifier(final PublicKey key) throws SigningKeyException
    {
        try
        {
            signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new SigningKeyException("cannot verify with this key: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param payload   the signed bytes.
     * @param signature64 the 64-byte signature.
     * @return true when the signature is valid for the payload.
     */
    public boolean verify(final byte[] payload, final byte[] signature64)
    {
        try
        {
            signature.update(payload);
            return signature.verify(signature64);
        }
        catch (final GeneralSecurityException ex)
        {
            return false;
        }
    }

    /**
     * @param payload         the signed text, as UTF-8.
     * @param signatureBase64 the signature, base64.
     * @return true when the signature is valid; false also when it is not valid base64.
     */
    public boolean verifyBase64(final String payload, final String signatureBase64)
    {
        final byte[] sig;
        try
        {
            sig = Base64.getDecoder().decode(signatureBase64);
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
        return verify(payload.getBytes(StandardCharsets.UTF_8), sig);
    }
}
