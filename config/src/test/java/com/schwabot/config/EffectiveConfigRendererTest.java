package com.schwabot.config;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.assertj.core.api.Assertions.assertThat;

class EffectiveConfigRendererTest
{
    @TempDir
    Path dir;

    @Test
    void shouldShowEachValueWithItsSource() throws ConfigException
    {
        final Path file = TestFiles.write(dir, "config.yaml", "engine:\n  wait_strategy: yielding\n");
        final SchwabotConfig config = TestFiles.load(dir, Map.of("SCHWABOT_MONITORING_HTTP_PORT", "9100"));

        final String yaml = EffectiveConfigRenderer.render(config);

        assertThat(yaml)
            .contains("    input_ring_size: 65536  # default\n")
            .contains("    wait_strategy: yielding  # file " + file + ":2\n")
            .contains("    http_port: 9100  # env SCHWABOT_MONITORING_HTTP_PORT\n")
            .contains("    business_thread_cpu: null  # default\n")
            .contains("    instruments: [BTCUSDT, ETHUSDT]  # default\n");
    }

    @Test
    void shouldRenderYamlThatParsesBackToTheSameValues() throws ConfigException
    {
        final SchwabotConfig config = TestFiles.load(null, Map.of("SCHWABOT_JOURNAL_DIR", "/tmp/my journal: x"));

        final Object parsed = new Load(LoadSettings.builder().build())
            .loadFromString(EffectiveConfigRenderer.render(config));

        assertThat(parsed).isInstanceOf(Map.class);
        final Map<?, ?> root = (Map<?, ?>)parsed;
        assertThat(root.keySet()).hasToString("[config.yaml, risk_limits.yaml, strategies.yaml, api_keys.yaml]");
        final Map<?, ?> journal = (Map<?, ?>)((Map<?, ?>)root.get("config.yaml")).get("journal");
        assertThat(journal.get("dir")).isEqualTo("/tmp/my journal: x");
        final Map<?, ?> risk = (Map<?, ?>)root.get("risk_limits.yaml");
        assertThat(risk.get("active_profile")).isEqualTo("conservative");
    }
}
