package com.schwabot.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnvMappingTest
{
    @Test
    void shouldDeriveNamesFromFilePrefixAndKeyPath()
    {
        final Map<String, EnvMapping.Target> table = EnvMapping.table();

        assertThat(table.get("SCHWABOT_ENGINE_INPUT_RING_SIZE"))
            .isEqualTo(new EnvMapping.Target(ConfigFile.CONFIG, "engine.input_ring_size", false));
        assertThat(table.get("SCHWABOT_RISK_PROFILES_MODERATE_MAX_ORDER_QTY"))
            .isEqualTo(new EnvMapping.Target(ConfigFile.RISK_LIMITS, "profiles.moderate.max_order_qty", false));
        assertThat(table.get("SCHWABOT_VENUES_BINANCE_STREAMS"))
            .isEqualTo(new EnvMapping.Target(ConfigFile.CONFIG, "venues.binance.streams", true));
        assertThat(table.get("SCHWABOT_STRATEGIES_ENSEMBLE_THRESHOLD"))
            .isEqualTo(new EnvMapping.Target(ConfigFile.STRATEGIES, "ensemble.threshold", false));
        assertThat(table).doesNotContainKeys("SCHWABOT_INSTRUMENTS", "SCHWABOT_STRATEGIES_STRATEGIES");
        assertThat(table.keySet()).noneMatch((name) -> name.startsWith("SCHWABOT_STRATEGIES_ENSEMBLE_WEIGHTS"));
    }

    @Test
    void shouldMapEveryKeyToADistinctNameThatIsNotReserved()
    {
        final Map<String, EnvMapping.Target> table = EnvMapping.table();
        final Set<String> targets = new HashSet<>();
        for (final EnvMapping.Target target : table.values())
        {
            assertThat(targets.add(target.file() + ":" + target.path())).isTrue();
        }

        assertThat(table).hasSize(targets.size());
        assertThat(table.keySet()).doesNotContainAnyElementsOf(EnvMapping.RESERVED);
        assertThat(table.keySet()).allMatch((name) -> name.matches("SCHWABOT_[A-Z0-9_]+"));
        assertThat(table.size()).isGreaterThan(80);
    }

    @Test
    void shouldDocumentEveryVariableInTheReadme() throws IOException
    {
        final String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        for (final Map.Entry<String, EnvMapping.Target> entry : EnvMapping.table().entrySet())
        {
            assertThat(readme).contains("| `" + entry.getKey() + "` | " + entry.getValue().file().fileName() +
                " | `" + entry.getValue().path() + "` |");
        }
        for (final String reserved : EnvMapping.RESERVED)
        {
            assertThat(readme).contains("`" + reserved + "`");
        }
    }
}
