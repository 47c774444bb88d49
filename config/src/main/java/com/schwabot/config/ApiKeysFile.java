package com.schwabot.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * api_keys.yaml as stored: the key-derivation parameters and the encrypted entries. Holds no plaintext secret;
 * decrypt with {@link com.schwabot.config.secret.SecretStore}.
 *
 * @param kdf     how the master key is derived from a passphrase, and its check value.
 * @param entries the encrypted entries, in file order.
 */
public record ApiKeysFile(Kdf kdf, List<Entry> entries)
{
    /** The only supported key-derivation algorithm. */
    public static final String PBKDF2 = "PBKDF2WithHmacSHA256";
    /** Default PBKDF2 iterations for new files (OWASP 2023 guidance for PBKDF2-HMAC-SHA256). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    /** What {@code keys list} shows in place of a venue for a plain secret. */
    public static final String PLAIN_SECRET = "(secret)";
    /** The fewest PBKDF2 iterations a file may declare, unless lowered (tests only). */
    public static final int MIN_ITERATIONS = 310_000;

    /**
     * Key derivation parameters.
     *
     * @param algorithm  always {@link #PBKDF2}.
     * @param salt       base64 salt, at least 16 bytes; empty when the file has not been initialised.
     * @param iterations PBKDF2 iterations.
     * @param check      base64 key check value (HMAC of a fixed label under the master key); empty when
     *                   uninitialised. It tells a wrong passphrase from a tampered entry.
     */
    public record Kdf(String algorithm, String salt, int iterations, String check)
    {
        /**
         * @return true when a salt and key check value are present.
         */
        public boolean initialised()
        {
            return !salt.isEmpty() && !check.isEmpty();
        }
    }

    /**
     * One encrypted API credential, or a plain secret (no venue, no API key: the admin token).
     *
     * @param name   unique name, bound into the ciphertext.
     * @param venue  venue it belongs to; null for a plain secret.
     * @param apiKey the venue API key (sent in request headers; not encrypted but never printed).
     * @param nonce  base64 12-byte AES-GCM nonce.
     * @param secret base64 AES-256-GCM ciphertext and tag of the API secret.
     */
    public record Entry(String name, VenueKind venue, String apiKey, String nonce, String secret)
    {
        public String toString()
        {
            return "Entry[name=" + name + ", venue=" + venueLabel() + ", apiKey=<redacted>, secret=<redacted>]";
        }

        /**
         * @return the venue's label, or {@value #PLAIN_SECRET} for a plain secret.
         */
        public String venueLabel()
        {
            return null == venue ? PLAIN_SECRET : venue.label();
        }
    }

    /**
     * @param name entry name.
     * @return the entry, or null if there is none by that name.
     */
    public Entry entry(final String name)
    {
        for (final Entry e : entries)
        {
            if (e.name.equals(name))
            {
                return e;
            }
        }
        return null;
    }

    /**
     * What a file with nothing in it holds (empty, white space or comments only, as {@code touch} or an editor
     * leaves it): no entries and no key yet, like the bundled default before {@code keys init}, which initialises
     * such a file.
     *
     * @return a store with no entries, not initialised.
     */
    public static ApiKeysFile blank()
    {
        return new ApiKeysFile(new Kdf(PBKDF2, "", DEFAULT_ITERATIONS, ""), List.of());
    }

    /**
     * Read and validate a standalone api_keys.yaml (for the {@code keys} commands). The file must not be
     * readable by group or others when it holds entries. A file with nothing in it reads as {@link #blank()}.
     *
     * @param file          the file.
     * @param minIterations fewest PBKDF2 iterations accepted ({@link #MIN_ITERATIONS} outside tests).
     * @return the parsed file.
     * @throws ConfigException when the file cannot be read or is invalid.
     */
    public static ApiKeysFile read(final Path file, final int minIterations) throws ConfigException
    {
        final Errors errors = new Errors();
        final String name = ConfigFile.API_KEYS.fileName();
        String content = "";
        try
        {
            content = YamlTrees.read(file);
        }
        catch (final YamlTrees.NotUtf8Exception ex)
        {
            errors.add(name, null, ex.getMessage(), ex.line());
        }
        catch (final IOException ex)
        {
            errors.add(name, null, "cannot read " + file + ": " + ex.getMessage(), 0);
        }
        final Map<String, Object> tree = YamlTrees.parse(content, name, file.toString(), ValueSource.FILE, errors);
        if (tree.isEmpty() && errors.isEmpty())
        {
            return blank();
        }
        final ApiKeysFile keys = read(new Section(name, "", tree, errors), minIterations);
        if (!keys.entries.isEmpty())
        {
            final String problem = com.schwabot.config.secret.FilePermissions.ownerOnlyProblem(file);
            if (null != problem)
            {
                errors.add(name, null, problem, 0);
            }
        }
        if (!errors.isEmpty())
        {
            throw new ConfigException(errors.list());
        }
        return keys;
    }

    static ApiKeysFile read(final Section s, final int minIterations)
    {
        final Section k = s.section("kdf");
        final String algorithm = k.string("algorithm");
        if (!algorithm.isEmpty() && !PBKDF2.equals(algorithm))
        {
            k.error("algorithm", "must be " + PBKDF2);
        }
        final Kdf kdf = new Kdf(algorithm, base64(k, "salt", 16, 64, true),
            k.intValue("iterations", minIterations, 100_000_000), base64(k, "check", 32, 32, true));
        k.finish();
        final List<Entry> entries = s.sections("entries").stream().map(ApiKeysFile::readEntry).toList();
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++)
        {
            if (!names.add(entries.get(i).name))
            {
                s.errors().add(s.file(), "entries[" + i + "].name", null, "duplicate entry name");
            }
        }
        if (!entries.isEmpty() && !kdf.initialised() && !s.errors().hasErrorsUnder(s.file(), "kdf"))
        {
            s.errors().add(s.file(), "kdf", null, "salt and check must be set when there are entries (run keys init)");
        }
        s.finish();
        return new ApiKeysFile(kdf, entries);
    }

    private static Entry readEntry(final Section s)
    {
        final Entry entry = new Entry(
            s.matching("name", "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", "letters, digits, '_', '.' and '-'"),
            s.optionalEnum("venue", VenueKind.class),
            s.has("api_key") ? s.optionalString("api_key") : "",
            base64(s, "nonce", 12, 12, false),
            base64(s, "secret", 17, 4096, false));
        if (null != entry.venue() && entry.apiKey().isEmpty())
        {
            s.error("api_key", "must be set for a venue credential (an entry without a venue is a plain secret)");
        }
        else if (null == entry.venue() && !entry.apiKey().isEmpty())
        {
            s.error("venue", "must be set when api_key is (an entry without a venue is a plain secret, with no key)");
        }
        s.finish();
        return entry;
    }

    private static String base64(
        final Section s, final String key, final int minBytes, final int maxBytes, final boolean optional)
    {
        final String text = optional ? s.optionalString(key) : s.string(key);
        if (text.isEmpty())
        {
            return text;
        }
        try
        {
            final int length = Base64.getDecoder().decode(text).length;
            if (length < minBytes || length > maxBytes)
            {
                s.error(key, "must be base64 of " + minBytes + (minBytes == maxBytes ? "" : " to " + maxBytes) +
                    " bytes, found " + length);
                return "";
            }
        }
        catch (final IllegalArgumentException ex)
        {
            s.error(key, "must be base64");
            return "";
        }
        return text;
    }
}
