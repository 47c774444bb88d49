package com.schwabot.config.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.EnvMapping;

/**
 * Where the api_keys.yaml master key comes from: a passphrase (PBKDF2-HMAC-SHA256 with the file's salt and
 * iterations) or a key file holding 32 bytes, raw or base64. The passphrase is copied in and erased by
 * {@link #close()}. Never printed: {@link #toString()} names the kind only.
 */
public final class KeySource implements AutoCloseable
{
    static final int KEY_BYTES = 32;

    private final char[] passphrase;
    private final Path keyFile;

    private KeySource(final char[] passphrase, final Path keyFile)
    {
        this.passphrase = passphrase;
        this.keyFile = keyFile;
    }

    /**
     * @param passphrase the passphrase; copied, so the caller may wipe its array.
     * @return a passphrase source.
     */
    public static KeySource passphrase(final char[] passphrase)
    {
        return new KeySource(passphrase.clone(), null);
    }

    /**
     * @param keyFile a file of 32 raw bytes or their base64, readable by its owner only.
     * @return a key file source.
     */
    public static KeySource keyFile(final Path keyFile)
    {
        return new KeySource(null, keyFile);
    }

    /**
     * {@code SCHWABOT_KEY_FILE} if set, else {@code SCHWABOT_PASSPHRASE}.
     *
     * @param environment the environment.
     * @return the key source.
     * @throws SecretStoreException when neither is set.
     */
    public static KeySource fromEnvironment(final Map<String, String> environment) throws SecretStoreException
    {
        final String file = environment.get(EnvMapping.KEY_FILE);
        if (null != file && !file.isBlank())
        {
            return keyFile(Path.of(file));
        }
        final String pass = environment.get(EnvMapping.PASSPHRASE);
        if (null != pass && !pass.isEmpty())
        {
            return new KeySource(pass.toCharArray(), null);
        }
        throw new SecretStoreException("no master key for api_keys.yaml: set " + EnvMapping.PASSPHRASE + " or " +
            EnvMapping.KEY_FILE);
    }

    /**
     * Derive or read the master key.
     *
     * @param kdf the file's key derivation parameters (used for a passphrase).
     * @return the 32-byte master key; the caller wipes it.
     * @throws SecretStoreException if the key file is unsafe or malformed, or the passphrase is empty.
     */
    byte[] masterKey(final ApiKeysFile.Kdf kdf) throws SecretStoreException
    {
        return null != keyFile ? readKeyFile() : derive(kdf);
    }

    private byte[] derive(final ApiKeysFile.Kdf kdf) throws SecretStoreException
    {
        if (passphrase.length == 0)
        {
            throw new SecretStoreException("the api_keys.yaml passphrase is empty");
        }
        final PBEKeySpec spec = new PBEKeySpec(
            passphrase, Base64.getDecoder().decode(kdf.salt()), kdf.iterations(), KEY_BYTES * 8);
        try
        {
            return SecretKeyFactory.getInstance(ApiKeysFile.PBKDF2).generateSecret(spec).getEncoded();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new SecretStoreException("cannot derive the api_keys.yaml key: " + ex.getMessage(), ex);
        }
        finally
        {
            spec.clearPassword();
        }
    }

    private byte[] readKeyFile() throws SecretStoreException
    {
        final String problem = FilePermissions.ownerOnlyProblem(keyFile);
        if (null != problem)
        {
            throw new SecretStoreException("key file: " + problem);
        }
        final byte[] content;
        try
        {
            content = Files.readAllBytes(keyFile);
        }
        catch (final IOException ex)
        {
            throw new SecretStoreException("cannot read key file " + keyFile + ": " + ex.getMessage(), ex);
        }
        if (content.length == KEY_BYTES)
        {
            return content;
        }
        try
        {
            final byte[] decoded = Base64.getDecoder().decode(new String(content, StandardCharsets.US_ASCII).trim());
            if (decoded.length == KEY_BYTES)
            {
                return decoded;
            }
            Arrays.fill(decoded, (byte)0);
        }
        catch (final IllegalArgumentException ex)
        {
            Arrays.fill(content, (byte)0);
        }
        Arrays.fill(content, (byte)0);
        throw new SecretStoreException("key file " + keyFile + " must hold exactly 32 raw bytes or their base64");
    }

    /**
     * Erase the passphrase.
     */
    public void close()
    {
        if (null != passphrase)
        {
            Arrays.fill(passphrase, '\0');
        }
    }

    public String toString()
    {
        return null != keyFile ? "KeySource[key file " + keyFile + "]" : "KeySource[passphrase]";
    }
}
