package com.schwabot.tools;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.engine.monitor.CountersFile;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;

import static org.assertj.core.api.Assertions.assertThat;

class StatCommandTest
{
    @TempDir
    Path temp;

    @Test
    void shouldPrintEveryCounterOfACountersFileOnce() throws IOException
    {
        final EngineCounters counters = counters(System.currentTimeMillis());
        counters.get(EngineCounter.ORDERS_SENT).set(42);
        counters.newGauge("status.position.BTCUSDT").set(-7);
        counters.newLatencyGauge("latency.event.p99_ns").set(12_345);

        final CliRunner.Result result = CliRunner.run("stat", "--once", "--dir", temp.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines().toList()).first().asString()
            .startsWith("# " + temp.resolve(CountersFile.FILE_NAME) + ": pid " + ProcessHandle.current().pid() +
                " running (heartbeat ");
        assertThat(result.out())
            .containsPattern("\\n   id  type +value  label\\n")
            .containsPattern("\\n +\\d+  count +42  orders\\.sent\\n")
            .containsPattern("\\n +\\d+  gauge +-7  status\\.position\\.BTCUSDT\\n")
            .containsPattern("\\n +\\d+  latency +12345  latency\\.event\\.p99_ns\\n")
            .containsPattern("\\n +\\d+  count +0  risk\\.reject\\.HALTED\\n");
    }

    @Test
    void shouldSayWhenTheEngineStoppedAndPrintSeveralSnapshots() throws IOException
    {
        final long start = System.currentTimeMillis();
        counters(start).file().markClosed(start + 1_000);

        final CliRunner.Result result = CliRunner.run("stat", "--count", "2", "--interval", "10ms", "--dir",
            temp.resolve(CountersFile.FILE_NAME).toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out().lines().filter((l) -> l.contains(" stopped at "))).hasSize(2);
    }

    @Test
    void shouldExitWithTheIoCodeWithoutACountersFile()
    {
        final CliRunner.Result result = CliRunner.run("stat", "--once", "--dir", temp.resolve("none").toString());

        assertThat(result.status()).isEqualTo(ExitCodes.IO);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("schwabot: no counters file " + temp.resolve("none/counters.dat") +
            " (is the engine running with this data directory?)" + System.lineSeparator());
    }

    @Test
    void shouldRejectACountBelowOne()
    {
        final CliRunner.Result result = CliRunner.run("stat", "--count", "0", "--dir", temp.toString());

        assertThat(result.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("schwabot: --count must be at least 1");
    }

    private EngineCounters counters(final long startMs) throws IOException
    {
        return new EngineCounters(CountersFile.create(temp, EngineCounters.MAX_COUNTERS, startMs));
    }
}
