package com.schwabot.engine.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountersFileTest
{
    private static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void shouldLetAnotherMappingReadTheCountersAndTheHeaderLive() throws IOException
    {
        final EngineCounters counters = new EngineCounters(CountersFile.create(dir, EngineCounters.MAX_COUNTERS, NOW));
        final AtomicCounter gauge = counters.newGauge("test.gauge");

        try (CountersFile reader = CountersFile.openReadOnly(dir))
        {
            counters.get(EngineCounter.ORDERS_SENT).increment();
            counters.get(EngineCounter.ORDERS_SENT).increment();
            gauge.set(-7);
            counters.file().heartbeat(NOW + 100);

            final Map<String, Long> values = new LinkedHashMap<>();
            final Map<String, Integer> types = new LinkedHashMap<>();
            reader.reader().forEach((id, type, key, label) ->
            {
                values.put(label, reader.reader().getCounterValue(id));
                types.put(label, type);
            });
            assertThat(values).containsEntry("orders.sent", 2L).containsEntry("test.gauge", -7L)
                .containsEntry("risk.reject.HALTED", 0L).containsEntry("validate.reject.CROSSED_BOOK", 0L);
            assertThat(types).containsEntry("orders.sent", EngineCounters.TYPE_COUNT)
                .containsEntry("test.gauge", EngineCounters.TYPE_GAUGE);
            assertThat(reader.version()).isEqualTo(CountersFile.VERSION);
            assertThat(reader.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(reader.startTimeMs()).isEqualTo(NOW);
            assertThat(reader.heartbeatMs()).isEqualTo(NOW + 100);
            assertThat(reader.closedTimeMs()).isZero();
            assertThat(reader.isActive(NOW + 200)).isTrue();
            assertThat(reader.isActive(NOW + 100 + CountersFile.HEARTBEAT_TIMEOUT_MS)).isFalse();
            assertThat(Files.size(dir.resolve(CountersFile.FILE_NAME))).isEqualTo(CountersFile.HEADER_LENGTH +
                (long)EngineCounters.MAX_COUNTERS * (512 + 128));
        }
    }

    @Test
    void shouldRefuseToReplaceTheFileOfARunningEngineButReplaceAClosedOne() throws IOException
    {
        final CountersFile first = CountersFile.create(dir, 16, NOW);

        assertThatThrownBy(() -> CountersFile.create(dir, 16, NOW + 1_000))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("another engine (pid " + ProcessHandle.current().pid() + ") is running with");

        first.markClosed(NOW + 2_000);
        final CountersFile second = CountersFile.create(dir, 16, NOW + 3_000);
        assertThat(second.startTimeMs()).isEqualTo(NOW + 3_000);
        assertThat(second.closedTimeMs()).isZero();
        assertThat(CountersFile.create(dir, 16, NOW + 3_000 + CountersFile.HEARTBEAT_TIMEOUT_MS).startTimeMs())
            .as("a stale heartbeat: the engine is gone").isEqualTo(NOW + 3_000 + CountersFile.HEARTBEAT_TIMEOUT_MS);
    }

    @Test
    void shouldRejectAMissingOrForeignFile() throws IOException
    {
        assertThatThrownBy(() -> CountersFile.openReadOnly(dir.resolve("nope")))
            .isInstanceOf(IOException.class).hasMessageContaining("no counters file");
        final Path foreign = dir.resolve("foreign.dat");
        Files.write(foreign, new byte[4096]);
        assertThatThrownBy(() -> CountersFile.openReadOnly(foreign))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("is not a Schwabot counters file of version 1 (version 0, 4096 bytes)");
        Files.write(foreign, new byte[10]);
        assertThatThrownBy(() -> CountersFile.openReadOnly(foreign))
            .isInstanceOf(IOException.class).hasMessageContaining("(10 bytes)");
    }
}
