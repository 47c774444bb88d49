package com.schwabot.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.secret.ApiKeyStoreEditor;
import com.schwabot.config.secret.KeySource;
import com.schwabot.config.secret.Secret;
import com.schwabot.config.secret.SecretStore;

import static org.assertj.core.api.Assertions.assertThat;

class KeysCommandTest
{
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String API_KEY = "AK-public-0123456789";
    private static final String SECRET = "s3cr3t-value-never-printed";
    private static final String ITERATIONS = Integer.toString(CliRunner.TEST_ITERATIONS);

    @TempDir
    Path temp;

    @Test
    void shouldInitAddListAndRotateWithoutEverPrintingASecret() throws Exception
    {
        final Path dir = temp.resolve("config");
        final Map<String, String> env = env(PASSPHRASE);
        final StringBuilder everything = new StringBuilder();

        final CliRunner.Result init =
            expectOk(CliRunner.run(env, "keys", "init", "--iterations", ITERATIONS), everything);
        assertThat(init.out()).startsWith("initialised " + dir.resolve("api_keys.yaml"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("api_keys.yaml"))))
            .isEqualTo("rw-------");

        final CliRunner.Result add = expectOk(CliRunner.withInput(env, API_KEY + "\n" + SECRET + "\n",
            "keys", "add", "binance-main", "--venue", "binance"), everything);
        assertThat(add.out()).contains("added binance-main (binance)", "1 entry");
        expectOk(CliRunner.withInput(env, SECRET + "\n",
            "keys", "add", "sim", "--venue", "simulator", "--api-key", "sim-key"), everything);

        final CliRunner.Result list = expectOk(CliRunner.run(Map.of(), "keys", "list", "--config", dir.toString()),
            everything);
        assertThat(list.out().lines().toList()).containsExactly(
            String.format("%-32s %s", "binance-main", "binance"), String.format("%-32s %s", "sim", "simulator"));

        expectOk(CliRunner.withInput(env, "a new passphrase\n", "keys", "rotate", "--iterations", ITERATIONS),
            everything);

        final CliRunner.Result checked = expectOk(CliRunner.run(env("a new passphrase"), "keys", "list", "--check"),
            everything);
        assertThat(checked.out()).contains("binance-main", "ok");
        assertThat(decrypt(dir, "a new passphrase", "binance-main")).isEqualTo(SECRET);
        assertThat(everything.toString()).doesNotContain(SECRET, API_KEY, PASSPHRASE, "sim-key");
    }

    @Test
    void shouldRefuseAnAdminTokenThatRunWouldRefuseAsTooShort() throws Exception
    {
        final Path dir = storeWithOneEntry();
        Files.writeString(dir.resolve("config.yaml"), "monitoring:\n  admin_token_name: ops-token\n");

        final CliRunner.Result shortToken = CliRunner.withInput(env(PASSPHRASE), "hunter2\n", "keys", "add",
            "ops-token");
        final CliRunner.Result otherSecret = CliRunner.withInput(env(PASSPHRASE), "hunter2\n", "keys", "add",
            "webhook");
        final CliRunner.Result list = CliRunner.run(env(PASSPHRASE), "keys", "list");

        assertThat(shortToken.status()).as(shortToken.toString()).isEqualTo(ExitCodes.SECRETS);
        assertThat(shortToken.err()).isEqualTo("schwabot: ops-token is the admin token (monitoring.admin_token_name)" +
            ", which must be at least 16 bytes; this one has 7, so run would refuse it: nothing was added (e.g. " +
            "openssl rand -hex 32 | schwabot keys add ops-token)" + System.lineSeparator());
        assertThat(otherSecret.status()).as("another plain secret may be short").isEqualTo(ExitCodes.OK);
        assertThat(list.out()).doesNotContain("ops-token").contains("webhook");
        assertThat(shortToken.all() + otherSecret.all() + list.all()).doesNotContain("hunter2");
    }

    @Test
    void shouldAddAPlainSecretWithoutVenueOrKeyForTheAdminToken() throws Exception
    {
        final Path dir = storeWithOneEntry();
        final String token = "admin-token-0123456789abcdef-never-printed";

        final CliRunner.Result add = CliRunner.withInput(env(PASSPHRASE), token + "\n", "keys", "add", "admin");
        final CliRunner.Result list = CliRunner.run(env(PASSPHRASE), "keys", "list", "--check");

        assertThat(add.status()).as(add.toString()).isEqualTo(ExitCodes.OK);
        assertThat(add.out()).contains("added admin (plain secret)", "2 entries");
        assertThat(list.out().lines().toList()).containsExactly(
            String.format("%-32s %s  ok", "binance-main", "binance"),
            String.format("%-32s %s  ok", "admin", "(secret)"));
        assertThat(decrypt(dir, PASSPHRASE, "admin")).isEqualTo(token);
        assertThat(decrypt(dir, PASSPHRASE, "binance-main")).isEqualTo(SECRET);
        final String file = Files.readString(dir.resolve("api_keys.yaml"));
        assertThat(file).doesNotContain(token).contains("name: \"admin\"");
        assertThat(add.all() + list.all()).doesNotContain(token);
    }

    @Test
    void shouldFailWithTheSecretsCodeOnAWrongPassphraseAndLeaveTheFileUnchanged() throws IOException
    {
        final Path dir = storeWithOneEntry();
        final String before = Files.readString(dir.resolve("api_keys.yaml"));

        final CliRunner.Result add = CliRunner.withInput(env("wrong"), SECRET + "\n",
            "keys", "add", "other", "--venue", "binance", "--api-key", "k");
        final CliRunner.Result check = CliRunner.run(env("wrong"), "keys", "list", "--check");
        final CliRunner.Result rotate = CliRunner.withInput(env("wrong"), "new\n", "keys", "rotate");

        for (final CliRunner.Result result : new CliRunner.Result[] { add, check, rotate })
        {
            assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.SECRETS);
            assertThat(result.err()).startsWith("schwabot: wrong passphrase or key file for api_keys.yaml");
            assertThat(result.err().lines().count()).isEqualTo(1);
        }
        assertThat(Files.readString(dir.resolve("api_keys.yaml"))).isEqualTo(before);
    }

    @Test
    void shouldFailWithTheSecretsCodeWithoutAMasterKey() throws IOException
    {
        storeWithOneEntry();

        final CliRunner.Result result = CliRunner.withInput(
            Map.of("SCHWABOT_CONFIG_DIR", temp.resolve("config").toString()),
            SECRET + "\n", "keys", "add", "other", "--venue", "binance", "--api-key", "k");

        assertThat(result.status()).isEqualTo(ExitCodes.SECRETS);
        assertThat(result.err()).isEqualTo("schwabot: no master key for api_keys.yaml: set SCHWABOT_PASSPHRASE or " +
            "SCHWABOT_KEY_FILE" + System.lineSeparator());
    }

    @Test
    void shouldDetectATamperedEntry() throws IOException
    {
        final Path dir = storeWithOneEntry();
        final Path file = dir.resolve("api_keys.yaml");
        final Matcher secret = Pattern.compile("secret: \"([A-Za-z0-9+/=]+)\"").matcher(Files.readString(file));
        assertThat(secret.find()).isTrue();
        final byte[] sealed = Base64.getDecoder().decode(secret.group(1));
        sealed[0] ^= 1;
        Files.writeString(file, Files.readString(file)
            .replace(secret.group(1), Base64.getEncoder().encodeToString(sealed)));

        final CliRunner.Result list = CliRunner.run(env(PASSPHRASE), "keys", "list");
        final CliRunner.Result check = CliRunner.run(env(PASSPHRASE), "keys", "list", "--check");

        assertThat(list.status()).isEqualTo(ExitCodes.OK);
        assertThat(check.status()).as(check.toString()).isEqualTo(ExitCodes.SECRETS);
        assertThat(check.err()).isEqualTo("schwabot: api_keys.yaml entry 'binance-main' failed authentication: it " +
            "was tampered with or swapped with another entry" + System.lineSeparator());

        final CliRunner.Result remove = CliRunner.run(env(PASSPHRASE), "keys", "remove", "binance-main");
        assertThat(remove.status()).as("a tampered entry can be removed: " + remove).isEqualTo(ExitCodes.OK);
        assertThat(CliRunner.run(env(PASSPHRASE), "keys", "list", "--check").status()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void shouldRefuseAStoreReadableByOthers() throws IOException
    {
        final Path dir = storeWithOneEntry();
        Files.setPosixFilePermissions(dir.resolve("api_keys.yaml"), PosixFilePermissions.fromString("rw-r--r--"));

        final CliRunner.Result result = CliRunner.run(env(PASSPHRASE), "keys", "list");

        assertThat(result.status()).isEqualTo(ExitCodes.SECRETS);
        assertThat(result.err()).contains("accessible by group or others", "chmod 600");
    }

    @Test
    void shouldRefuseToReinitialiseAStoreWithEntriesAndToAddADuplicate() throws IOException
    {
        storeWithOneEntry();

        final CliRunner.Result init = CliRunner.run(env(PASSPHRASE), "keys", "init", "--iterations", ITERATIONS);
        final CliRunner.Result duplicate = CliRunner.withInput(env(PASSPHRASE), SECRET + "\n",
            "keys", "add", "binance-main", "--venue", "binance", "--api-key", "k");

        assertThat(init.status()).isEqualTo(ExitCodes.SECRETS);
        assertThat(init.err()).contains("already holds entries; use rotate");
        assertThat(duplicate.status()).isEqualTo(ExitCodes.SECRETS);
        assertThat(duplicate.err()).contains("already has an entry named 'binance-main'");
    }

    @Test
    void shouldRemoveAnEntryAndKeepTheOthersAndTheFilePrivate() throws Exception
    {
        final Path dir = storeWithOneEntry();
        final String token = "admin-token-0123456789abcdef-never-printed";
        expectOk(CliRunner.withInput(env(PASSPHRASE), token + "\n", "keys", "add", "admin"), new StringBuilder());

        final CliRunner.Result remove = CliRunner.run(env(PASSPHRASE), "keys", "remove", "binance-main");
        final CliRunner.Result list = CliRunner.run(env(PASSPHRASE), "keys", "list", "--check");

        assertThat(remove.status()).as(remove.toString()).isEqualTo(ExitCodes.OK);
        assertThat(remove.out()).isEqualTo("removed binance-main (binance) from " + dir.resolve("api_keys.yaml") +
            "; 1 entry" + System.lineSeparator());
        assertThat(remove.err()).isEmpty();
        assertThat(list.out().lines().toList()).containsExactly(String.format("%-32s %s  ok", "admin", "(secret)"));
        assertThat(decrypt(dir, PASSPHRASE, "admin")).isEqualTo(token);
        assertThat(Files.readString(dir.resolve("api_keys.yaml"))).doesNotContain("binance-main", API_KEY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("api_keys.yaml"))))
            .isEqualTo("rw-------");
        try (var files = Files.list(dir))
        {
            assertThat(files.map((f) -> f.getFileName().toString()).toList()).as("no temporary file left")
                .containsExactly("api_keys.yaml");
        }
    }

    @Test
    void shouldRefuseToRemoveAnEntryThatIsNotThereOrWithAWrongPassphraseAndLeaveTheFileUnchanged() throws Exception
    {
        final Path dir = storeWithOneEntry();
        final String before = Files.readString(dir.resolve("api_keys.yaml"));

        final CliRunner.Result absent = CliRunner.run(env(PASSPHRASE), "keys", "remove", "binance-mian");
        final CliRunner.Result wrong = CliRunner.run(env("wrong"), "keys", "remove", "binance-main");
        final CliRunner.Result noName = CliRunner.run(env(PASSPHRASE), "keys", "remove");

        assertThat(absent.status()).as(absent.toString()).isEqualTo(ExitCodes.SECRETS);
        assertThat(absent.err()).isEqualTo("schwabot: api_keys.yaml has no entry named 'binance-mian' (schwabot " +
            "keys list names them): nothing was removed" + System.lineSeparator());
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(ExitCodes.SECRETS);
        assertThat(wrong.err()).startsWith("schwabot: wrong passphrase or key file for api_keys.yaml");
        assertThat(noName.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(noName.err()).startsWith("schwabot: Missing required parameter: 'NAME'");
        assertThat(Files.readString(dir.resolve("api_keys.yaml"))).isEqualTo(before);
    }

    @Test
    void shouldReplaceAnEntryInItsPlaceWithReplaceAndOnlyAnEntryThatIsThere() throws Exception
    {
        final Path dir = storeWithOneEntry();
        expectOk(CliRunner.withInput(env(PASSPHRASE), SECRET + "\n", "keys", "add", "sim", "--venue", "simulator",
            "--api-key", "sim-key"), new StringBuilder());

        final CliRunner.Result replace = CliRunner.withInput(env(PASSPHRASE), "AK-new\nnew-secret-never-printed\n",
            "keys", "add", "binance-main", "--venue", "binance", "--replace");
        final CliRunner.Result absent = CliRunner.withInput(env(PASSPHRASE), SECRET + "\n",
            "keys", "add", "binance-mian", "--venue", "binance", "--api-key", "k", "--replace");
        final CliRunner.Result list = CliRunner.run(env(PASSPHRASE), "keys", "list", "--check");

        assertThat(replace.status()).as(replace.toString()).isEqualTo(ExitCodes.OK);
        assertThat(replace.out()).isEqualTo("replaced binance-main (binance) in " + dir.resolve("api_keys.yaml") +
            "; 2 entries" + System.lineSeparator());
        assertThat(absent.status()).as(absent.toString()).isEqualTo(ExitCodes.SECRETS);
        assertThat(absent.err()).isEqualTo("schwabot: api_keys.yaml has no entry named 'binance-mian' (schwabot " +
            "keys list names them): nothing was replaced" + System.lineSeparator());
        assertThat(list.out().lines().toList()).as("in its place").containsExactly(
            String.format("%-32s %s  ok", "binance-main", "binance"),
            String.format("%-32s %s  ok", "sim", "simulator"));
        assertThat(decrypt(dir, PASSPHRASE, "binance-main")).isEqualTo("new-secret-never-printed");
        assertThat(Files.readString(dir.resolve("api_keys.yaml"))).contains("AK-new").doesNotContain(API_KEY);
        assertThat(replace.all() + list.all()).doesNotContain("new-secret-never-printed", "AK-new");
    }

    @Test
    void shouldSayHowToReplaceWhenAddFindsTheName() throws IOException
    {
        storeWithOneEntry();

        final CliRunner.Result duplicate = CliRunner.withInput(env(PASSPHRASE), SECRET + "\n",
            "keys", "add", "binance-main", "--venue", "binance", "--api-key", "k");

        assertThat(duplicate.status()).isEqualTo(ExitCodes.SECRETS);
        assertThat(duplicate.err()).isEqualTo("schwabot: api_keys.yaml already has an entry named 'binance-main' " +
            "(schwabot keys add --replace replaces it, schwabot keys remove removes it)" + System.lineSeparator());
    }

    @Test
    void shouldInitialiseAnEmptyFileAndRefuseAnInvalidOneInOneLine() throws Exception
    {
        final Path dir = Files.createDirectories(temp.resolve("config"));
        final Path file = Files.createFile(dir.resolve("api_keys.yaml"));

        final CliRunner.Result empty = CliRunner.run(env(PASSPHRASE), "keys", "init", "--iterations", ITERATIONS);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(ExitCodes.OK);
        assertThat(empty.out()).startsWith("initialised " + file);
        assertThat(CliRunner.run(env(PASSPHRASE), "keys", "list", "--check").status()).isEqualTo(ExitCodes.OK);

        Files.writeString(file, "entries: [oops\n");
        final CliRunner.Result invalid = CliRunner.run(env(PASSPHRASE), "keys", "init", "--iterations", ITERATIONS);
        assertThat(invalid.status()).isEqualTo(ExitCodes.SECRETS);
        assertThat(invalid.err()).startsWith("schwabot: " + file + " is not a valid api_keys.yaml and may hold " +
            "entries, so init leaves it alone (move it away to start afresh): ");
        assertThat(invalid.err()).containsPattern("YAML syntax error .*\\(and \\d+ more\\)\\n$");
        assertThat(invalid.err().lines().count()).isEqualTo(1);
        assertThat(Files.readString(file)).isEqualTo("entries: [oops\n");
    }

    @Test
    void shouldListNoEntriesOfAnEmptyFileAndSayItIsNotInitialised() throws Exception
    {
        final Path dir = Files.createDirectories(temp.resolve("config"));
        final Path file = Files.createFile(dir.resolve("api_keys.yaml"));
        final String none = "no entries in " + file + " (not initialised: schwabot keys init sets it up)\n";

        final CliRunner.Result list = CliRunner.run(Map.of(), "keys", "list", "--config", dir.toString());
        Files.writeString(file, "# api keys, to come\n\n");
        final CliRunner.Result comments = CliRunner.run(Map.of(), "keys", "list", "--config", dir.toString());
        final CliRunner.Result check = CliRunner.run(env(PASSPHRASE), "keys", "list", "--check");
        final CliRunner.Result add = CliRunner.withInput(env(PASSPHRASE), SECRET + "\n", "keys", "add", "admin");

        assertThat(list.status()).as(list.toString()).isEqualTo(ExitCodes.OK);
        assertThat(list.out()).isEqualTo(none);
        assertThat(list.err()).isEmpty();
        assertThat(comments.status()).as(comments.toString()).isEqualTo(ExitCodes.OK);
        assertThat(comments.out()).isEqualTo(none);
        assertThat(check.status()).as(check.toString()).isEqualTo(ExitCodes.SECRETS);
        assertThat(check.err()).isEqualTo("schwabot: api_keys.yaml is not initialised (no salt or key check): run " +
            "keys init\n");
        assertThat(add.status()).as(add.toString()).isEqualTo(ExitCodes.SECRETS);
        assertThat(add.err()).isEqualTo(check.err());
        assertThat(Files.readString(file)).as("left as it was").isEqualTo("# api keys, to come\n\n");
    }

    @Test
    void shouldSayThatAKeyFileIsMissingOrADirectory() throws Exception
    {
        storeWithOneEntry();
        final Path missing = temp.resolve("nokey");
        final Path directory = Files.createDirectories(temp.resolve("keydir"));
        final Map<String, String> env = new HashMap<>(env(PASSPHRASE));

        env.put("SCHWABOT_KEY_FILE", missing.toString());
        final CliRunner.Result none = CliRunner.run(env, "keys", "list", "--check");
        env.put("SCHWABOT_KEY_FILE", directory.toString());
        final CliRunner.Result dir = CliRunner.run(env, "keys", "list", "--check");

        assertThat(none.status()).isEqualTo(ExitCodes.SECRETS);
        assertThat(none.err()).isEqualTo("schwabot: key file: " + missing + " does not exist\n");
        assertThat(dir.status()).isEqualTo(ExitCodes.SECRETS);
        assertThat(dir.err()).isEqualTo("schwabot: key file: " + directory + " is a directory, not a file\n");
    }

    @Test
    void shouldRequireASecretOnStandardInput() throws IOException
    {
        storeWithOneEntry();

        final CliRunner.Result result = CliRunner.withInput(env(PASSPHRASE), "",
            "keys", "add", "other", "--venue", "binance", "--api-key", "k");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("no API secret given on standard input");
    }

    @Test
    void shouldRequireAConfigurationDirectoryAndAVenue()
    {
        final CliRunner.Result noDir = CliRunner.run(Map.of("SCHWABOT_PASSPHRASE", PASSPHRASE), "keys", "list");
        final CliRunner.Result noVenue = CliRunner.run(env(PASSPHRASE), "keys", "add", "x", "--api-key", "k");
        final CliRunner.Result badVenue = CliRunner.run(env(PASSPHRASE), "keys", "add", "x", "--venue", "kraken");
        final CliRunner.Result badName = CliRunner.run(env(PASSPHRASE), "keys", "add", "-x", "--venue", "binance");

        assertThat(noDir.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(noDir.err()).contains("no configuration directory: give --config DIR or set SCHWABOT_CONFIG_DIR");
        assertThat(noVenue.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(noVenue.err()).contains("--api-key needs --venue (a plain secret has no key)");
        assertThat(badVenue.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(badName.status()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void shouldFailWithTheIoCodeBeforeInit()
    {
        final CliRunner.Result result = CliRunner.run(env(PASSPHRASE), "keys", "list");

        assertThat(result.status()).isEqualTo(ExitCodes.IO);
        assertThat(result.err()).isEqualTo("schwabot: no api_keys.yaml at " + temp.resolve("config/api_keys.yaml") +
            ": run keys init first" + System.lineSeparator());
    }

    @Test
    void shouldRejectTooFewIterations()
    {
        final CliRunner.Result result = CliRunner.run(env(PASSPHRASE), "keys", "init", "--iterations", "10");

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("schwabot: --iterations must be at least " + CliRunner.TEST_ITERATIONS);
    }

    @Test
    void shouldUseKeyFilesAndRotateFromAPassphraseToAKeyFile() throws Exception
    {
        final Path dir = storeWithOneEntry();
        final Path keyFile = keyFile("key", (byte)7);

        final CliRunner.Result rotate = CliRunner.run(env(PASSPHRASE), "keys", "rotate", "--new-key-file",
            keyFile.toString(), "--iterations", ITERATIONS);
        final Map<String, String> withKeyFile = new HashMap<>(env(PASSPHRASE));
        withKeyFile.put("SCHWABOT_KEY_FILE", keyFile.toString());
        final CliRunner.Result check = CliRunner.run(withKeyFile, "keys", "list", "--check");
        final CliRunner.Result old = CliRunner.run(env(PASSPHRASE), "keys", "list", "--check");

        assertThat(rotate.status()).as(rotate.toString()).isEqualTo(ExitCodes.OK);
        assertThat(rotate.out()).contains("1 entry re-encrypted under the new key");
        assertThat(check.status()).as(check.toString()).isEqualTo(ExitCodes.OK);
        assertThat(old.status()).isEqualTo(ExitCodes.SECRETS);
        try (KeySource source = KeySource.keyFile(keyFile);
            SecretStore store = SecretStore.open(new ApiKeyStoreEditor(dir.resolve("api_keys.yaml"))
                .minIterations(CliRunner.TEST_ITERATIONS).read(), source);
            Secret secret = store.secret("binance-main"))
        {
            assertThat(new String(secret.chars())).isEqualTo(SECRET);
        }
    }

    private Path storeWithOneEntry()
    {
        expectOk(CliRunner.run(env(PASSPHRASE), "keys", "init", "--iterations", ITERATIONS), new StringBuilder());
        expectOk(CliRunner.withInput(env(PASSPHRASE), API_KEY + "\n" + SECRET + "\n",
            "keys", "add", "binance-main", "--venue", "binance"), new StringBuilder());
        return temp.resolve("config");
    }

    private Map<String, String> env(final String passphrase)
    {
        return Map.of("SCHWABOT_CONFIG_DIR", temp.resolve("config").toString(), "SCHWABOT_PASSPHRASE", passphrase);
    }

    private Path keyFile(final String name, final byte fill) throws IOException
    {
        final byte[] key = new byte[32];
        java.util.Arrays.fill(key, fill);
        final Path file = temp.resolve(name);
        Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String decrypt(final Path dir, final String passphrase, final String name) throws Exception
    {
        try (KeySource source = KeySource.passphrase(passphrase.toCharArray());
            SecretStore store = SecretStore.open(new ApiKeyStoreEditor(dir.resolve("api_keys.yaml"))
                .minIterations(CliRunner.TEST_ITERATIONS).read(), source);
            Secret secret = store.secret(name))
        {
            return new String(secret.chars());
        }
    }

    private static CliRunner.Result expectOk(final CliRunner.Result result, final StringBuilder everything)
    {
        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        everything.append(result.out()).append(result.err());
        return result;
    }
}
