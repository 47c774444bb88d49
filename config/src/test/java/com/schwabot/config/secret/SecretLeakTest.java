package com.schwabot.config.secret;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.schwabot.config.ConfigException;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.EffectiveConfigRenderer;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.config.VenueKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class SecretLeakTest
{
    static final String PASSPHRASE = "pass-phrase-that-must-never-leak";
    static final String SECRET = "plaintext-api-secret-that-must-never-leak";
    static final String API_KEY = "api-key-that-is-not-printed";

    @TempDir
    Path dir;
    final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    final Logger root = (Logger)LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final List<String> outputs = new ArrayList<>();

    @BeforeEach
    void attach()
    {
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void detach()
    {
        root.detachAppender(appender);
    }

    @Test
    void shouldKeepSecretsOutOfLogsMessagesAndRenderedConfig() throws Exception
    {
        final ApiKeyStoreEditor editor = new ApiKeyStoreEditor(dir.resolve("api_keys.yaml")).minIterations(1000);
        editor.init(KeySource.passphrase(PASSPHRASE.toCharArray()), 1000);
        editor.add(KeySource.passphrase(PASSPHRASE.toCharArray()), "binance-main", VenueKind.BINANCE, API_KEY,
            Secret.of(SECRET.getBytes(StandardCharsets.UTF_8)));
        final Map<String, String> env = Map.of("SCHWABOT_PASSPHRASE", PASSPHRASE,
            "SCHWABOT_VENUES_BINANCE_ENABLED", "true");

        Files.writeString(dir.resolve("config.yaml"), "engine:\n  wait_strategy: nope\n");
        outputs.add(catchThrowable(() -> load(env)).getMessage());
        Files.delete(dir.resolve("config.yaml"));

        final SchwabotConfig config = load(env);
        outputs.add(EffectiveConfigRenderer.render(config));
        outputs.add(config.apiKeys().toString());

        outputs.add(catchThrowable(() -> SecretStore.open(config.apiKeys(),
            KeySource.passphrase("wrong".toCharArray()))).getMessage());
        try (KeySource source = KeySource.fromEnvironment(env);
            SecretStore store = SecretStore.open(config.apiKeys(), source);
            Secret secret = store.secret("binance-main"))
        {
            assertThat(secret.bytes()).isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
            outputs.add(secret.toString());
            outputs.add(source.toString());
            outputs.add(catchThrowable(() -> store.secret("absent")).getMessage());
        }
        appender.list.forEach((event) -> outputs.add(event.getFormattedMessage()));

        assertThat(appender.list).isNotEmpty();
        assertThat(outputs).hasSizeGreaterThan(6).allSatisfy((text) -> assertThat(text)
            .doesNotContain(SECRET).doesNotContain(PASSPHRASE).doesNotContain(API_KEY));
    }

    private SchwabotConfig load(final Map<String, String> env) throws ConfigException
    {
        return new ConfigLoader().configDir(dir).environment(env).minKdfIterations(1000).load();
    }
}
