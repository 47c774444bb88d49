package com.schwabot.config.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.ConfigException;
import com.schwabot.config.VenueKind;

/**
 * Creates and changes an api_keys.yaml file: what the {@code keys init|add|remove|list|rotate} commands are built
 * on.
 * Every write goes to a temporary file restricted to the owner, then atomically replaces the file.
 * Not thread-safe; one editor per file.
 */
public final class ApiKeyStoreEditor
{
    private final Path file;
    private int minIterations = ApiKeysFile.MIN_ITERATIONS;

    /**
     * @param file the api_keys.yaml to edit.
     */
    public ApiKeyStoreEditor(final Path file)
    {
        this.file = file;
    }

    /**
     * @param minIterations fewest PBKDF2 iterations accepted; lower it in tests only.
     * @return this.
     */
    public ApiKeyStoreEditor minIterations(final int minIterations)
    {
        this.minIterations = minIterations;
        return this;
    }

    /**
     * Read and validate the file.
     *
     * @return the parsed file.
     * @throws SecretStoreException if it cannot be read or is invalid.
     */
    public ApiKeysFile read() throws SecretStoreException
    {
        try
        {
            return ApiKeysFile.read(file, minIterations);
        }
        catch (final ConfigException ex)
        {
            final List<String> lines = new ArrayList<>();
            ex.errors().forEach((e) -> lines.add(e.message()));
            throw new SecretStoreException(String.join("; ", lines));
        }
    }

    /**
     * Write a new, empty store with a fresh random salt. Replaces a file without entries (also an empty one);
     * refuses to replace a file that has entries, or one that is not a valid store (it may hold entries).
     *
     * @param source     the passphrase or key file the store will be opened with.
     * @param iterations PBKDF2 iterations ({@link ApiKeysFile#DEFAULT_ITERATIONS} outside tests).
     * @return the new file's content.
     * @throws SecretStoreException if the file has entries, or the key file is unusable, or it cannot be written.
     */
    public ApiKeysFile init(final KeySource source, final int iterations) throws SecretStoreException
    {
        if (Files.exists(file) && !isBlank())
        {
            final ApiKeysFile current;
            try
            {
                current = ApiKeysFile.read(file, minIterations);
            }
            catch (final ConfigException ex)
            {
                final int more = ex.errors().size() - 1;
                throw new SecretStoreException(file + " is not a valid api_keys.yaml and may hold entries, so init " +
                    "leaves it alone (move it away to start afresh): " + ex.errors().get(0).message() +
                    (more > 0 ? " (and " + more + " more)" : ""), ex);
            }
            if (!current.entries().isEmpty())
            {
                throw new SecretStoreException(file + " already holds entries; use rotate to change the key");
            }
        }
        final ApiKeysFile result = withNewKey(source, iterations, new ArrayList<>(), null);
        write(result);
        return result;
    }

    /** Whether the file holds nothing but white space (e.g. created empty, by {@code touch}). */
    private boolean isBlank() throws SecretStoreException
    {
        final byte[] content;
        try
        {
            content = Files.readAllBytes(file);
        }
        catch (final IOException ex)
        {
            throw new SecretStoreException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
        for (final byte b : content)
        {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r')
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Encrypt and add an entry.
     *
     * @param source the store's passphrase or key file.
     * @param name   a new, unique entry name.
     * @param venue  the venue, or null for a plain secret.
     * @param apiKey the API key (stored in the clear, bound to the secret); empty for a plain secret.
     * @param secret the API secret, or the plain secret.
     * @return the new file's content.
     * @throws SecretStoreException on a wrong key, a duplicate name, or an I/O failure.
     */
    public ApiKeysFile add(
        final KeySource source, final String name, final VenueKind venue, final String apiKey, final Secret secret)
        throws SecretStoreException
    {
        return put(source, name, venue, apiKey, secret, Change.ADD);
    }

    /**
     * Encrypt an entry in place of the one of the same name: same place in the file, the new venue, key and secret.
     *
     * @param source the store's passphrase or key file.
     * @param name   the name of an existing entry.
     * @param venue  the venue, or null for a plain secret.
     * @param apiKey the API key (stored in the clear, bound to the secret); empty for a plain secret.
     * @param secret the API secret, or the plain secret.
     * @return the new file's content.
     * @throws SecretStoreException on a wrong key, no entry of that name, or an I/O failure; the file is unchanged.
     */
    public ApiKeysFile replace(
        final KeySource source, final String name, final VenueKind venue, final String apiKey, final Secret secret)
        throws SecretStoreException
    {
        return put(source, name, venue, apiKey, secret, Change.REPLACE);
    }

    /**
     * Remove an entry. The master key is checked first, as for {@link #add}: whoever removes an entry can open the
     * store (an entry that fails authentication can still be removed).
     *
     * @param source the store's passphrase or key file.
     * @param name   the name of an existing entry.
     * @return the new file's content.
     * @throws SecretStoreException on a wrong key, no entry of that name, or an I/O failure; the file is unchanged.
     */
    public ApiKeysFile remove(final KeySource source, final String name) throws SecretStoreException
    {
        final ApiKeysFile current = read();
        checkName(current, name, Change.REMOVE);
        SecretStore.open(current, source).close();
        final List<ApiKeysFile.Entry> entries = new ArrayList<>(current.entries());
        entries.removeIf((entry) -> entry.name().equals(name));
        final ApiKeysFile result = new ApiKeysFile(current.kdf(), List.copyOf(entries));
        write(result);
        return result;
    }

    /**
     * What is done to an entry, for {@link #checkName}.
     */
    public enum Change
    {
        /** A new entry: its name must not be taken. */
        ADD("added"),
        /** An entry in place of the one of its name, which must exist. */
        REPLACE("replaced"),
        /** An entry taken out: it must exist. */
        REMOVE("removed");

        private final String done;

        Change(final String done)
        {
            this.done = done;
        }

        /**
         * @return the past participle, for messages: "added", "replaced", "removed".
         */
        public String done()
        {
            return done;
        }
    }

    /**
     * Refuse a name that a change cannot be made to: one already taken, for an add; one that no entry has, for a
     * replace or a removal. A command checks it before it asks for a secret; the change checks it again.
     *
     * @param current the file as it is.
     * @param name    the entry name.
     * @param change  what is to be done.
     * @throws SecretStoreException naming the entry and the command that does what was meant.
     */
    public static void checkName(final ApiKeysFile current, final String name, final Change change)
        throws SecretStoreException
    {
        final boolean present = null != current.entry(name);
        if (change == Change.ADD && present)
        {
            throw new SecretStoreException("api_keys.yaml already has an entry named '" + name + "' (schwabot keys " +
                "add --replace replaces it, schwabot keys remove removes it)");
        }
        if (change != Change.ADD && !present)
        {
            throw new SecretStoreException("api_keys.yaml has no entry named '" + name + "' (schwabot keys list " +
                "names them): nothing was " + change.done());
        }
    }

    private ApiKeysFile put(
        final KeySource source, final String name, final VenueKind venue, final String apiKey, final Secret secret,
        final Change change)
        throws SecretStoreException
    {
        final ApiKeysFile current = read();
        checkName(current, name, change);
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}"))
        {
            throw new SecretStoreException("entry name '" + name + "' must be letters, digits, '_', '.' and '-'");
        }
        if ((null == venue) != apiKey.isEmpty())
        {
            throw new SecretStoreException("entry '" + name + "': a venue credential needs an API key, a plain " +
                "secret has neither venue nor key");
        }
        try (SecretStore store = SecretStore.open(current, source))
        {
            final List<ApiKeysFile.Entry> entries = new ArrayList<>(current.entries());
            final ApiKeysFile.Entry sealed = SecretStore.encrypt(store.key(), name, venue, apiKey, secret);
            if (change == Change.REPLACE)
            {
                entries.replaceAll((entry) -> entry.name().equals(name) ? sealed : entry);
            }
            else
            {
                entries.add(sealed);
            }
            final ApiKeysFile result = new ApiKeysFile(current.kdf(), List.copyOf(entries));
            write(result);
            return result;
        }
    }

    /**
     * Re-encrypt every entry under a new key: a new salt, and the new passphrase or key file.
     *
     * @param oldSource  the current passphrase or key file.
     * @param newSource  the new passphrase or key file.
     * @param iterations PBKDF2 iterations for the new key.
     * @return the new file's content.
     * @throws SecretStoreException on a wrong old key, a tampered entry, or an I/O failure; the file is unchanged.
     */
    public ApiKeysFile rotate(final KeySource oldSource, final KeySource newSource, final int iterations)
        throws SecretStoreException
    {
        final ApiKeysFile current = read();
        final List<Secret> secrets = new ArrayList<>();
        try (SecretStore store = SecretStore.open(current, oldSource))
        {
            for (final ApiKeysFile.Entry entry : current.entries())
            {
                secrets.add(store.secret(entry.name()));
            }
            final ApiKeysFile result = withNewKey(newSource, iterations, current.entries(), secrets);
            write(result);
            return result;
        }
        finally
        {
            secrets.forEach(Secret::wipe);
        }
    }

    private ApiKeysFile withNewKey(
        final KeySource source, final int iterations, final List<ApiKeysFile.Entry> entries, final List<Secret> secrets)
        throws SecretStoreException
    {
        if (iterations < minIterations)
        {
            throw new SecretStoreException("PBKDF2 iterations must be at least " + minIterations);
        }
        final ApiKeysFile.Kdf provisional = new ApiKeysFile.Kdf(
            ApiKeysFile.PBKDF2, Base64.getEncoder().encodeToString(SecretStore.newSalt()), iterations, "");
        final byte[] key = source.masterKey(provisional);
        try
        {
            final ApiKeysFile.Kdf kdf = new ApiKeysFile.Kdf(provisional.algorithm(), provisional.salt(), iterations,
                Base64.getEncoder().encodeToString(SecretStore.check(key)));
            final List<ApiKeysFile.Entry> sealed = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++)
            {
                final ApiKeysFile.Entry e = entries.get(i);
                sealed.add(SecretStore.encrypt(key, e.name(), e.venue(), e.apiKey(), secrets.get(i)));
            }
            return new ApiKeysFile(kdf, List.copyOf(sealed));
        }
        finally
        {
            Arrays.fill(key, (byte)0);
        }
    }

    private void write(final ApiKeysFile content) throws SecretStoreException
    {
        final Path dir = null == file.toAbsolutePath().getParent() ? Path.of(".") : file.toAbsolutePath().getParent();
        try
        {
            final Path temp = Files.createTempFile(dir, ".api_keys", ".tmp");
            try
            {
                FilePermissions.restrictToOwner(temp);
                Files.writeString(temp, toYaml(content), StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            finally
            {
                Files.deleteIfExists(temp);
            }
        }
        catch (final IOException ex)
        {
            throw new SecretStoreException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Render a store as api_keys.yaml text.
     *
     * @param content the store.
     * @return YAML text.
     */
    public static String toYaml(final ApiKeysFile content)
    {
        final StringBuilder sb = new StringBuilder(512);
        sb.append("# Encrypted API credentials. Edit with the `schwabot keys` commands, not by hand.\n")
            .append("kdf:\n")
            .append("  algorithm: ").append(content.kdf().algorithm()).append('\n')
            .append("  salt: \"").append(content.kdf().salt()).append("\"\n")
            .append("  iterations: ").append(content.kdf().iterations()).append('\n')
            .append("  check: \"").append(content.kdf().check()).append("\"\n");
        if (content.entries().isEmpty())
        {
            sb.append("entries: []\n");
            return sb.toString();
        }
        sb.append("entries:\n");
        for (final ApiKeysFile.Entry e : content.entries())
        {
            sb.append("  - name: ").append(quote(e.name())).append('\n');
            if (null != e.venue())
            {
                sb.append("    venue: ").append(e.venue().label()).append('\n')
                    .append("    api_key: ").append(quote(e.apiKey())).append('\n');
            }
            sb.append("    nonce: \"").append(e.nonce()).append("\"\n")
                .append("    secret: \"").append(e.secret()).append("\"\n");
        }
        return sb.toString();
    }

    static String quote(final String text)
    {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
