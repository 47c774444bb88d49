package com.schwabot.tools;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.ApiKeysFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets as a user handles them, through the built command line in child JVMs: a Binance API key and secret in
 * api_keys.yaml (encrypted under a passphrase), an admin token, a run against the simulator with debug logging and
 * admin actions, a run against a Binance endpoint (a local socket that records the handshake, so the key is
 * provably sent where it belongs), the journal dump, stats, verify, the configuration shown, the counters, the
 * SQLite databases, every file under the data directory (also compressed logs), and the error messages of refused
 * configurations. None may hold a secret, raw, Base64 or hex. Unsafe permissions on api_keys.yaml or a key file
 * are refused.
 */
class SecretLeakIT
{
    private static final String PASSPHRASE = "leak-passphrase-7a3f";
    private static final String API_KEY = "leakApiKeyQ9xT2mB7vR4wZ1cK8pL3";
    private static final String API_SECRET = "leakApiSecretH5nJ0sD6fG2aY9uE4iO7";
    private static final String TOKEN = "leak-admin-token-5e1c9b7d3f2a8046";
    private static final String SHORT_TOKEN = "tok-9f8e7d";
    private static final String ITERATIONS = Integer.toString(ApiKeysFile.MIN_ITERATIONS);

    @TempDir
    Path temp;

    @BeforeAll
    static void requireTheBuiltJar()
    {
        assertThat(ChildCli.JAR).as("run mvn package first: the jar is built in the package phase").exists();
    }

    @Test
    void shouldNeverShowASecretInAnyOutputFileOrDatabaseOfARunAndTheCommandsAfterIt() throws Exception
    {
        final Path config = temp.resolve("config");
        final Map<String, String> keys = Map.of("SCHWABOT_CONFIG_DIR", config.toString(),
            "SCHWABOT_PASSPHRASE", PASSPHRASE);
        final List<CliRunner.Result> outputs = new ArrayList<>();
        outputs.add(ok(ChildCli.jar(temp, keys, "", "keys", "init", "--iterations", ITERATIONS)));
        outputs.add(ok(ChildCli.jar(temp, keys, API_KEY + "\n" + API_SECRET + "\n",
            "keys", "add", "binance-main", "--venue", "binance")));
        outputs.add(ok(ChildCli.jar(temp, keys, "", "keys", "list", "--check")));
        final Map<String, String> env = new HashMap<>(keys);
        env.putAll(Map.of("SCHWABOT_ADMIN_TOKEN", TOKEN, "SCHWABOT_MONITORING_HTTP_PORT", "0",
            "SCHWABOT_LOGGING_LEVEL", "debug"));

        final ChildCli.Running run = ChildCli.start(temp, env, "run", "--duration", "8s", "--data-dir",
            temp.toString());
        final String url = run.awaitLine(Pattern.compile("# monitoring (http://127\\.0\\.0\\.1:\\d+/) "), 60_000);
        final HttpClient http = HttpClient.newHttpClient();
        final List<String> bodies = new ArrayList<>();
        for (final String path : List.of("status", "metrics", "health", ""))
        {
            bodies.add(http.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        }
        final HttpResponse<String> refused = http.send(admin(url + "halt", SHORT_TOKEN + TOKEN),
            HttpResponse.BodyHandlers.ofString());
        final HttpResponse<String> halt = http.send(admin(url + "halt", TOKEN), HttpResponse.BodyHandlers.ofString());
        final HttpResponse<String> resume = http.send(admin(url + "resume", TOKEN),
            HttpResponse.BodyHandlers.ofString());
        bodies.addAll(List.of(refused.body(), halt.body(), resume.body()));
        outputs.add(ok(run.waitFor()));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(halt.statusCode()).isEqualTo(202);

        final String journal = temp.resolve("data/journal").toString();
        outputs.add(ok(ChildCli.jar(temp, env, "", "journal", "dump", journal)));
        outputs.add(ok(ChildCli.jar(temp, env, "", "journal", "stats", journal)));
        outputs.add(ok(ChildCli.jar(temp, env, "", "journal", "verify", journal)));
        outputs.add(ok(ChildCli.jar(temp, env, "", "config", "show")));
        outputs.add(ok(ChildCli.jar(temp, env, "", "stat", "--once", "--dir", temp.resolve("data/cnc").toString())));
        outputs.add(ok(ChildCli.jar(temp, env, "", "persist", "--journal", journal, "--data-dir", temp.toString())));

        assertThat(outputs.get(outputs.size() - 6).out()).as("the dump shows the run's admin actions")
            .contains("AdminCommand{");
        assertThat(outputs.get(outputs.size() - 3).out()).as("config show names the key entry, not the key")
            .contains("binance-main");
        assertThat(dbFiles()).as("the SQLite databases exist").isNotEmpty();
        assertNoSecret(outputs, bodies);
    }

    @Test
    void shouldSendTheApiKeyToBinanceOnlyAndNeverShowItOrAConfigurationErrorsSecret() throws Exception
    {
        final Path config = temp.resolve("config");
        final Map<String, String> keys = Map.of("SCHWABOT_CONFIG_DIR", config.toString(),
            "SCHWABOT_PASSPHRASE", PASSPHRASE);
        final List<CliRunner.Result> outputs = new ArrayList<>();
        outputs.add(ok(ChildCli.jar(temp, keys, "", "keys", "init", "--iterations", ITERATIONS)));
        outputs.add(ok(ChildCli.jar(temp, keys, API_KEY + "\n" + API_SECRET + "\n",
            "keys", "add", "binance-main", "--venue", "binance")));
        final Map<String, String> env = new HashMap<>(keys);
        env.putAll(Map.of("SCHWABOT_MONITORING_HTTP_PORT", "0", "SCHWABOT_LOGGING_LEVEL", "debug"));
        final String handshake;
        final CliRunner.Result run;
        try (ServerSocket binance = new ServerSocket(0))
        {
            final CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> readRequest(binance));
            run = ChildCli.jar(temp, env, "", "run", "--venue", "binance",
                "--binance-endpoint", "ws://127.0.0.1:" + binance.getLocalPort() + "/ws", "--duration", "4s",
                "--data-dir", temp.toString());
            outputs.add(run);
            handshake = request.get();
        }
        assertThat(run.err()).as("the run's console: warnings only, none from persistence")
            .doesNotContain("not thread safe");
        assertThat(handshake).as("the feed sends the key to the venue, so it was loaded and used")
            .containsIgnoringCase("x-mbx-apikey: " + API_KEY);

        final Map<String, String> wrongPassphrase = Map.of("SCHWABOT_CONFIG_DIR", config.toString(),
            "SCHWABOT_PASSPHRASE", PASSPHRASE + "-wrong");
        outputs.add(refused(ChildCli.jar(temp, wrongPassphrase, "", "keys", "list", "--check"), ExitCodes.SECRETS));
        final Map<String, String> shortToken = new HashMap<>(env);
        shortToken.put("SCHWABOT_ADMIN_TOKEN", SHORT_TOKEN);
        outputs.add(refused(ChildCli.jar(temp, shortToken, "", "run", "--duration", "1s"), ExitCodes.SECRETS));
        final Map<String, String> badConfig = new HashMap<>(env);
        badConfig.put("SCHWABOT_ENGINE_INPUT_RING_SIZE", "1000");
        outputs.add(refused(ChildCli.jar(temp, badConfig, "", "run", "--venue", "binance", "--duration", "1s"),
            ExitCodes.CONFIG));
        outputs.add(refused(ChildCli.jar(temp, keys, API_KEY + "\n" + API_SECRET + "\n",
            "keys", "add", "binance-main", "--venue", "binance"), ExitCodes.SECRETS));
        final Path apiKeys = config.resolve("api_keys.yaml");
        final String store = Files.readString(apiKeys);
        final int at = store.indexOf("secret: \"") + "secret: \"".length();
        Files.writeString(apiKeys, store.substring(0, at) + (store.charAt(at) == 'A' ? 'B' : 'A') +
            store.substring(at + 1));
        outputs.add(refused(ChildCli.jar(temp, keys, "", "keys", "list", "--check"), ExitCodes.SECRETS));

        assertNoSecret(outputs, List.of());
        assertThat(outputs.get(outputs.size() - 3).err()).as("the bad value is reported, by its variable")
            .contains("SCHWABOT_ENGINE_INPUT_RING_SIZE");
    }

    @Test
    void shouldRefuseSecretFilesThatOthersCanRead() throws Exception
    {
        final Path config = temp.resolve("config");
        final Path keyFile = temp.resolve("master.key");
        Files.write(keyFile, HexFormat.of().parseHex("00112233445566778899aabbccddeeff" +
            "00112233445566778899aabbccddeeff"));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        final Map<String, String> keys = Map.of("SCHWABOT_CONFIG_DIR", config.toString(),
            "SCHWABOT_KEY_FILE", keyFile.toString());
        ok(ChildCli.jar(temp, keys, "", "keys", "init"));
        ok(ChildCli.jar(temp, keys, API_KEY + "\n" + API_SECRET + "\n", "keys", "add", "binance-main",
            "--venue", "binance"));
        final Path apiKeys = config.resolve("api_keys.yaml");

        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        final CliRunner.Result openKeyFile = ChildCli.jar(temp, keys, "", "keys", "list", "--check");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(apiKeys, PosixFilePermissions.fromString("rw-rw----"));
        final CliRunner.Result openStore = ChildCli.jar(temp, keys, "", "keys", "list", "--check");
        final CliRunner.Result openStoreRun = ChildCli.jar(temp, keys, "", "run", "--venue", "binance",
            "--duration", "1s", "--data-dir", temp.toString());
        Files.setPosixFilePermissions(apiKeys, PosixFilePermissions.fromString("rw-------"));
        final CliRunner.Result closed = ChildCli.jar(temp, keys, "", "keys", "list", "--check");

        assertThat(openKeyFile.status()).as(openKeyFile.toString()).isEqualTo(ExitCodes.SECRETS);
        assertThat(openKeyFile.err()).contains(keyFile.toString());
        assertThat(openStore.status()).as(openStore.toString()).isNotEqualTo(ExitCodes.OK);
        assertThat(openStore.err()).contains("api_keys.yaml");
        assertThat(openStoreRun.status()).as(openStoreRun.toString()).isNotEqualTo(ExitCodes.OK);
        assertThat(openStoreRun.err()).contains("api_keys.yaml");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(openKeyFile.all() + openStore.all() + openStoreRun.all() + closed.all())
            .doesNotContain(API_KEY, API_SECRET);
    }

    private void assertNoSecret(final List<CliRunner.Result> outputs, final List<String> bodies) throws IOException
    {
        final StringBuilder text = new StringBuilder();
        outputs.forEach((r) -> text.append(r.all()).append('\n'));
        bodies.forEach((b) -> text.append(b).append('\n'));
        text.append(allFiles(temp));
        final String everything = text.toString();
        for (final String secret : List.of(API_KEY, API_SECRET, TOKEN, PASSPHRASE, SHORT_TOKEN))
        {
            final byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            assertThat(everything).as("output, files and databases hold no secret").doesNotContain(
                secret, Base64.getEncoder().encodeToString(bytes), HexFormat.of().formatHex(bytes),
                new String(secret.getBytes(StandardCharsets.UTF_16LE), StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * Every file under a directory as ISO-8859-1 text (bytes kept one to one), gzip members inflated; the
     * configuration directory is skipped: api_keys.yaml holds the secrets, encrypted.
     */
    private String allFiles(final Path dir) throws IOException
    {
        final StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir))
        {
            for (final Path file : files.filter(Files::isRegularFile).toList())
            {
                if (file.startsWith(temp.resolve("config")))
                {
                    continue;
                }
                text.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).append('\n');
                if (file.getFileName().toString().endsWith(".gz"))
                {
                    try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file)))
                    {
                        text.append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    private List<Path> dbFiles() throws IOException
    {
        try (Stream<Path> files = Files.walk(temp))
        {
            return files.filter((f) -> f.getFileName().toString().endsWith(".db")).toList();
        }
    }

    private static String readRequest(final ServerSocket server)
    {
        try (Socket socket = server.accept())
        {
            socket.setSoTimeout(20_000);
            final InputStream in = socket.getInputStream();
            final StringBuilder request = new StringBuilder();
            int b;
            while ((b = in.read()) != -1)
            {
                request.append((char)b);
                if (request.indexOf("\r\n\r\n") >= 0)
                {
                    break;
                }
            }
            return request.toString();
        }
        catch (final IOException ex)
        {
            return "no request: " + ex;
        }
    }

    private static HttpRequest admin(final String url, final String token)
    {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private static CliRunner.Result ok(final CliRunner.Result result)
    {
        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        return result;
    }

    private static CliRunner.Result refused(final CliRunner.Result result, final int status)
    {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        return result;
    }
}
