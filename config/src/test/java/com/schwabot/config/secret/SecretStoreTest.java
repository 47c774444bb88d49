package com.schwabot.config.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.ApiKeysFile;
import com.schwabot.config.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretStoreTest
{
    static final int TEST_ITERATIONS = 1000;
    static final String SECRET_A = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String SECRET_B = "another-secret-value-0123456789";

    @TempDir
    Path dir;
    Path file;
    ApiKeyStoreEditor editor;

    @BeforeEach
    void setUp()
    {
        file = dir.resolve("api_keys.yaml");
        editor = new ApiKeyStoreEditor(file).minIterations(TEST_ITERATIONS);
    }

    @Test
    void shouldRoundTripWithPassphrase() throws Exception
    {
        createStore(KeySource.passphrase("correct horse".toCharArray()));

        try (SecretStore store = SecretStore.open(editor.read(), KeySource.passphrase("correct horse".toCharArray()));
            Secret secret = store.secret("binance-main"))
        {
            assertThat(store.names()).containsExactly("binance-main", "binance-backup");
            assertThat(new String(secret.bytes(), StandardCharsets.UTF_8)).isEqualTo(SECRET_A);
            assertThat(store.entry("binance-main").apiKey()).isEqualTo("api-key-a");
            assertThat(new String(store.secret("binance-backup").bytes(), StandardCharsets.UTF_8)).isEqualTo(SECRET_B);
        }
        assertThat(Files.readString(file)).doesNotContain(SECRET_A).doesNotContain(SECRET_B);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(editor.read().kdf().iterations()).isEqualTo(TEST_ITERATIONS);
    }

    @Test
    void shouldHoldAPlainSecretWithoutVenueOrKeyAndBindItToItsName() throws Exception
    {
        final KeySource source = KeySource.passphrase("pw".toCharArray());
        createStore(source);
        editor.add(source, "admin", null, "", Secret.of(SECRET_B.getBytes(StandardCharsets.UTF_8)));

        final ApiKeysFile stored = editor.read();
        assertThat(stored.entry("admin").venue()).isNull();
        assertThat(stored.entry("admin").venueLabel()).isEqualTo(ApiKeysFile.PLAIN_SECRET);
        assertThat(Files.readString(file)).doesNotContain(SECRET_B);
        try (SecretStore store = SecretStore.open(stored, KeySource.passphrase("pw".toCharArray()));
            Secret secret = store.secret("admin"))
        {
            assertThat(new String(secret.bytes(), StandardCharsets.UTF_8)).isEqualTo(SECRET_B);
        }
        assertThatThrownBy(() -> editor.add(source, "half", null, "a-key", Secret.of(new byte[]{1})))
            .isInstanceOf(SecretStoreException.class).hasMessageContaining("a plain secret has neither venue nor key");
        assertThatThrownBy(() -> editor.add(source, "keyless", VenueKind.BINANCE, "", Secret.of(new byte[]{1})))
            .isInstanceOf(SecretStoreException.class).hasMessageContaining("a venue credential needs an API key");

        final ApiKeysFile.Entry admin = stored.entry("admin");
        rewrite(stored, 2, new ApiKeysFile.Entry("admin", VenueKind.BINANCE, "k", admin.nonce(), admin.secret()));
        assertDecryptFailsFor("admin");
    }

    @Test
    void shouldRoundTripWithRawAndBase64KeyFiles() throws Exception
    {
        final byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++)
        {
            key[i] = (byte)(i * 7 + 1);
        }
        final Path raw = ownerOnly(Files.write(dir.resolve("key.bin"), key));
        final Path text = ownerOnly(Files.writeString(dir.resolve("key.txt"),
            Base64.getEncoder().encodeToString(key) + "\n"));
        createStore(KeySource.keyFile(raw));

        try (SecretStore store = SecretStore.open(editor.read(), KeySource.keyFile(text)))
        {
            assertThat(new String(store.secret("binance-main").bytes(), StandardCharsets.UTF_8)).isEqualTo(SECRET_A);
        }
    }

    @Test
    void shouldTakeKeyFileFromEnvironmentBeforePassphrase() throws Exception
    {
        final Path raw = ownerOnly(Files.write(dir.resolve("key.bin"), new byte[32]));
        createStore(KeySource.keyFile(raw));

        final KeySource source = KeySource.fromEnvironment(
            java.util.Map.of("SCHWABOT_KEY_FILE", raw.toString(), "SCHWABOT_PASSPHRASE", "ignored"));

        try (SecretStore store = SecretStore.open(editor.read(), source))
        {
            assertThat(store.secret("binance-main").length()).isEqualTo(SECRET_A.length());
        }
        assertThatThrownBy(() -> KeySource.fromEnvironment(java.util.Map.of()))
            .isInstanceOf(SecretStoreException.class).hasMessageContaining("SCHWABOT_PASSPHRASE");
    }

    @Test
    void shouldRejectWrongPassphraseWithOneLineMessage() throws Exception
    {
        createStore(KeySource.passphrase("right".toCharArray()));

        assertThatThrownBy(() -> SecretStore.open(editor.read(), KeySource.passphrase("wrong".toCharArray())))
            .isInstanceOf(SecretStoreException.class)
            .hasMessageStartingWith("wrong passphrase or key file for api_keys.yaml")
            .hasMessageNotContaining("\n")
            .hasMessageNotContaining("wrong\"");
    }

    @Test
    void shouldDetectFlippedCiphertextByteNamingTheEntry() throws Exception
    {
        createStore(KeySource.passphrase("pw".toCharArray()));
        final ApiKeysFile stored = editor.read();
        final ApiKeysFile.Entry e = stored.entries().get(0);
        rewrite(stored, 0, new ApiKeysFile.Entry(e.name(), e.venue(), e.apiKey(), e.nonce(), flip(e.secret(), 3)));

        assertDecryptFailsFor("binance-main");
    }

    @Test
    void shouldDetectFlippedNonceByte() throws Exception
    {
        createStore(KeySource.passphrase("pw".toCharArray()));
        final ApiKeysFile stored = editor.read();
        final ApiKeysFile.Entry e = stored.entries().get(1);
        rewrite(stored, 1, new ApiKeysFile.Entry(e.name(), e.venue(), e.apiKey(), flip(e.nonce(), 0), e.secret()));

        assertDecryptFailsFor("binance-backup");
    }

    @Test
    void shouldDetectChangedApiKeyBoundToTheSecret() throws Exception
    {
        createStore(KeySource.passphrase("pw".toCharArray()));
        final ApiKeysFile stored = editor.read();
        final ApiKeysFile.Entry e = stored.entries().get(0);
        rewrite(stored, 0, new ApiKeysFile.Entry(e.name(), e.venue(), "attacker-key", e.nonce(), e.secret()));

        assertDecryptFailsFor("binance-main");
    }

    @Test
    void shouldDetectSwappedEntries() throws Exception
    {
        createStore(KeySource.passphrase("pw".toCharArray()));
        final ApiKeysFile stored = editor.read();
        final ApiKeysFile.Entry a = stored.entries().get(0);
        final ApiKeysFile.Entry b = stored.entries().get(1);
        final ApiKeysFile swapped = new ApiKeysFile(stored.kdf(), List.of(
            new ApiKeysFile.Entry(a.name(), a.venue(), a.apiKey(), b.nonce(), b.secret()),
            new ApiKeysFile.Entry(b.name(), b.venue(), b.apiKey(), a.nonce(), a.secret())));
        write(swapped);

        assertDecryptFailsFor("binance-main");
        assertDecryptFailsFor("binance-backup");
    }

    @Test
    void shouldDetectChangedSalt() throws Exception
    {
        createStore(KeySource.passphrase("pw".toCharArray()));
        final ApiKeysFile stored = editor.read();
        final ApiKeysFile.Kdf kdf = stored.kdf();
        write(new ApiKeysFile(
            new ApiKeysFile.Kdf(kdf.algorithm(), flip(kdf.salt(), 5), kdf.iterations(), kdf.check()),
            stored.entries()));

        assertThatThrownBy(() -> SecretStore.open(editor.read(), KeySource.passphrase("pw".toCharArray())))
            .isInstanceOf(SecretStoreException.class)
            .hasMessageContaining("key check failed");
    }

    @Test
    void shouldRotateAllEntriesUnderNewPassphrase() throws Exception
    {
        createStore(KeySource.passphrase("old".toCharArray()));
        final String saltBefore = editor.read().kdf().salt();

        editor.rotate(KeySource.passphrase("old".toCharArray()), KeySource.passphrase("new".toCharArray()),
            TEST_ITERATIONS + 1);

        final ApiKeysFile rotated = editor.read();
        assertThat(rotated.kdf().salt()).isNotEqualTo(saltBefore);
        assertThat(rotated.kdf().iterations()).isEqualTo(TEST_ITERATIONS + 1);
        try (SecretStore store = SecretStore.open(rotated, KeySource.passphrase("new".toCharArray())))
        {
            assertThat(new String(store.secret("binance-main").bytes(), StandardCharsets.UTF_8)).isEqualTo(SECRET_A);
            assertThat(new String(store.secret("binance-backup").bytes(), StandardCharsets.UTF_8)).isEqualTo(SECRET_B);
        }
        assertThatThrownBy(() -> SecretStore.open(editor.read(), KeySource.passphrase("old".toCharArray())))
            .isInstanceOf(SecretStoreException.class);
    }

    @Test
    void shouldRefuseDuplicateEntryAndReinitOfPopulatedStore() throws Exception
    {
        createStore(KeySource.passphrase("pw".toCharArray()));

        assertThatThrownBy(() -> editor.add(KeySource.passphrase("pw".toCharArray()), "binance-main",
            VenueKind.BINANCE, "k", Secret.of(new byte[]{1})))
            .isInstanceOf(SecretStoreException.class).hasMessageContaining("already has an entry named");
        assertThatThrownBy(() -> editor.init(KeySource.passphrase("pw".toCharArray()), TEST_ITERATIONS))
            .isInstanceOf(SecretStoreException.class).hasMessageContaining("already holds entries");
        assertThatThrownBy(() -> editor.add(KeySource.passphrase("bad".toCharArray()), "third",
            VenueKind.BINANCE, "k", Secret.of(new byte[]{1})))
            .isInstanceOf(SecretStoreException.class).hasMessageContaining("wrong passphrase");
    }

    @Test
    void shouldRefuseKeyFileReadableByOthers() throws Exception
    {
        final Path keyFile = Files.write(dir.resolve("key.bin"), new byte[32]);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> editor.init(KeySource.keyFile(keyFile), TEST_ITERATIONS))
            .isInstanceOf(SecretStoreException.class)
            .hasMessageContaining("accessible by group or others")
            .hasMessageContaining("chmod 600");
    }

    @Test
    void shouldQuoteAKeyFilePathWithASpaceInTheCommandThatFixesIt() throws Exception
    {
        final Path keyFile = Files.write(Files.createDirectory(dir.resolve("my keys")).resolve("key.bin"),
            new byte[32]);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> editor.init(KeySource.keyFile(keyFile), TEST_ITERATIONS))
            .isInstanceOf(SecretStoreException.class)
            .hasMessageEndingWith("refusing to use it: run chmod 600 '" + keyFile + "'");
    }

    @Test
    void shouldRefuseApiKeysFileReadableByOthers() throws Exception
    {
        createStore(KeySource.passphrase("pw".toCharArray()));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(editor::read)
            .isInstanceOf(SecretStoreException.class)
            .hasMessageContaining("api_keys.yaml")
            .hasMessageContaining("accessible by group or others");
    }

    @Test
    void shouldRefuseMalformedKeyFile() throws Exception
    {
        final Path keyFile = ownerOnly(Files.writeString(dir.resolve("key.txt"), "too short"));

        assertThatThrownBy(() -> editor.init(KeySource.keyFile(keyFile), TEST_ITERATIONS))
            .isInstanceOf(SecretStoreException.class)
            .hasMessageContaining("must hold exactly 32 raw bytes or their base64");
    }

    private void createStore(final KeySource source) throws SecretStoreException
    {
        editor.init(source, TEST_ITERATIONS);
        editor.add(source, "binance-main", VenueKind.BINANCE, "api-key-a",
            Secret.of(SECRET_A.getBytes(StandardCharsets.UTF_8)));
        editor.add(source, "binance-backup", VenueKind.BINANCE, "api-key-b",
            Secret.of(SECRET_B.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertDecryptFailsFor(final String name) throws Exception
    {
        try (SecretStore store = SecretStore.open(editor.read(), KeySource.passphrase("pw".toCharArray())))
        {
            assertThatThrownBy(() -> store.secret(name))
                .isInstanceOf(SecretStoreException.class)
                .hasMessage("api_keys.yaml entry '" + name +
                    "' failed authentication: it was tampered with or swapped with another entry");
        }
    }

    private void rewrite(final ApiKeysFile stored, final int index, final ApiKeysFile.Entry replacement)
        throws IOException
    {
        final List<ApiKeysFile.Entry> entries = new ArrayList<>(stored.entries());
        entries.set(index, replacement);
        write(new ApiKeysFile(stored.kdf(), entries));
    }

    private void write(final ApiKeysFile content) throws IOException
    {
        ownerOnly(Files.writeString(file, ApiKeyStoreEditor.toYaml(content)));
    }

    static Path ownerOnly(final Path path) throws IOException
    {
        FilePermissions.restrictToOwner(path);
        return path;
    }

    static String flip(final String base64, final int index)
    {
        final byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[index] ^= 0x01;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
