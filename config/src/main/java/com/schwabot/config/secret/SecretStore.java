package com.schwabot.config.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.VenueKind;

/**
 * The opened api_keys.yaml: verifies the master key once, then decrypts entries on request. Each secret is
 * AES-256-GCM encrypted under the master key with its own random 12-byte nonce; the entry's name, venue and API key
 * are the additional authenticated data, so an entry cannot be altered or swapped with another without failing.
 * <pre>
 * try (KeySource source = KeySource.fromEnvironment(System.getenv());
 *      SecretStore store = SecretStore.open(config.apiKeys(), source);
 *      Secret secret = store.secret("binance-main")) { ... }
 * </pre>
 * Not thread-safe.
 */
public final class SecretStore implements AutoCloseable
{
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String CHECK_LABEL = "schwabot api_keys.yaml key check v1";
    private static final String AAD_LABEL = "schwabot api key v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeysFile file;
    private final byte[] key;

    private SecretStore(final ApiKeysFile file, final byte[] key)
    {
        this.file = file;
        this.key = key;
    }

    /**
     * Open a store, checking that the key source gives the key the file was written with.
     *
     * @param file   the parsed api_keys.yaml.
     * @param source the passphrase or key file.
     * @return the open store; close it to erase the master key.
     * @throws SecretStoreException on a wrong passphrase or key file, or an uninitialised file.
     */
    public static SecretStore open(final ApiKeysFile file, final KeySource source) throws SecretStoreException
    {
        if (!file.kdf().initialised())
        {
            throw new SecretStoreException("api_keys.yaml is not initialised (no salt or key check): run keys init");
        }
        final byte[] key = source.masterKey(file.kdf());
        final byte[] expected = Base64.getDecoder().decode(file.kdf().check());
        if (!MessageDigest.isEqual(expected, check(key)))
        {
            Arrays.fill(key, (byte)0);
            throw new SecretStoreException("wrong passphrase or key file for api_keys.yaml " +
                "(the key check failed; if the passphrase is right, the kdf section was altered)");
        }
        return new SecretStore(file, key);
    }

    /**
     * @return the entry names, in file order.
     */
    public List<String> names()
    {
        final List<String> names = new ArrayList<>(file.entries().size());
        for (final ApiKeysFile.Entry entry : file.entries())
        {
            names.add(entry.name());
        }
        return names;
    }

    /**
     * @param name entry name.
     * @return the entry (API key, venue, ciphertext), or null.
     */
    public ApiKeysFile.Entry entry(final String name)
    {
        return file.entry(name);
    }

    /**
     * Decrypt one entry's secret.
     *
     * @param name entry name.
     * @return the secret; wipe or close it when done.
     * @throws SecretStoreException if there is no such entry, or it fails authentication (tampered or swapped).
     */
    public Secret secret(final String name) throws SecretStoreException
    {
        final ApiKeysFile.Entry entry = file.entry(name);
        if (null == entry)
        {
            throw new SecretStoreException("no api_keys.yaml entry named '" + name + "' (entries: " + names() + ")");
        }
        final byte[] plain;
        try
        {
            final Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Base64.getDecoder().decode(entry.nonce()));
            cipher.updateAAD(aad(entry.name(), entry.venue(), entry.apiKey()));
            plain = cipher.doFinal(Base64.getDecoder().decode(entry.secret()));
        }
        catch (final AEADBadTagException ex)
        {
            throw new SecretStoreException("api_keys.yaml entry '" + name +
                "' failed authentication: it was tampered with or swapped with another entry");
        }
        catch (final GeneralSecurityException ex)
        {
            throw new SecretStoreException("cannot decrypt api_keys.yaml entry '" + name + "': " + ex.getMessage());
        }
        final Secret secret = Secret.of(plain);
        Arrays.fill(plain, (byte)0);
        return secret;
    }

    /**
     * Erase the master key.
     */
    public void close()
    {
        Arrays.fill(key, (byte)0);
    }

    ApiKeysFile file()
    {
        return file;
    }

    byte[] key()
    {
        return key;
    }

    static ApiKeysFile.Entry encrypt(
        final byte[] key, final String name, final VenueKind venue, final String apiKey, final Secret secret)
    {
        final byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        final byte[] plain = secret.bytes();
        try
        {
            final Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(aad(name, venue, apiKey));
            final byte[] sealed = cipher.doFinal(plain);
            return new ApiKeysFile.Entry(name, venue, apiKey,
                Base64.getEncoder().encodeToString(nonce), Base64.getEncoder().encodeToString(sealed));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("AES-GCM is not available: " + ex.getMessage(), ex);
        }
        finally
        {
            Arrays.fill(plain, (byte)0);
        }
    }

    static byte[] check(final byte[] key)
    {
        try
        {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(CHECK_LABEL.getBytes(StandardCharsets.UTF_8));
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("HmacSHA256 is not available: " + ex.getMessage(), ex);
        }
    }

    static byte[] newSalt()
    {
        final byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static Cipher cipher(final int mode, final byte[] key, final byte[] nonce)
        throws GeneralSecurityException
    {
        final Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    private static byte[] aad(final String name, final VenueKind venue, final String apiKey)
    {
        return (AAD_LABEL + '\n' + name + '\n' + (null == venue ? "" : venue.label()) + '\n' + apiKey)
            .getBytes(StandardCharsets.UTF_8);
    }
}
