package com.schwabot.engine;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.tensor.TensorBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The JIT warm-up before an engine goes live: throwaway cores trade against the simulator's market through the live
 * engine's rings and handler, as many orders as the risk gate lets through, and the live engine keeps no trace of
 * it.
 */
class WarmupTest
{
    @TempDir
    Path dir;

    @Test
    void shouldSendManyOrdersThroughAThrowawayCoreAndTheLiveWayOut() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults();
        final Path temp = Files.createDirectories(dir.resolve("tmp"));
        try (TensorBackend backend = TradingCore.backend(config))
        {
            final Warmup.Result result = Warmup.run(config, backend, 20_000, temp);
            assertThat(result.frames()).isBetween(20_000L, 20_000L + Warmup.ROUNDS * 20);
            assertThat(result.orders())
                .as("thousands: up to one per instrument and tick (about 5 frames a tick), as the order-rate limit " +
                "lets them through").isGreaterThan(3_000);
            assertThat(result.faults()).as("no drops, refusals, bad frames or handler errors").isZero();
            assertThat(result.fills()).as("the venue's fills, back through the input ring and handled")
                .isGreaterThan(result.orders() / 2);
            assertThat(result.journaled())
                .as("every frame journaled by the business handler and every order by the output ring sender, " +
                "as live ones are").isGreaterThanOrEqualTo(result.frames() + result.orders() + result.fills());
            assertThat(result.cores()).isEqualTo(Warmup.ROUNDS);
            final Warmup.Result tiny = Warmup.run(config, backend, 1, temp);
            assertThat(tiny.cores()).as("the first core's depth snapshots already make up one frame").isOne();
            assertThat(tiny.frames()).isEqualTo(config.instruments().size());
            assertThat(Warmup.run(config, backend, 0, temp)).isEqualTo(Warmup.Result.NONE);
        }
        try (Stream<Path> left = Files.list(temp))
        {
            assertThat(left).as("the throwaway journal deleted").isEmpty();
        }
    }

    @Test
    void shouldFailClearlyWhenItCannotMakeItsJournal() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults();
        final Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        try (TensorBackend backend = TradingCore.backend(config))
        {
            assertThatThrownBy(() -> Warmup.run(config, backend, 1_000, notADirectory))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("the warm-up's journal: ");
        }
    }

    @Test
    void shouldLeaveNoTraceInTheLiveEngine() throws Exception
    {
        final SchwabotConfig config = TestCores.defaults(Map.of("SCHWABOT_ENGINE_WARMUP_FRAMES", "20000"));
        final Path journalDir = dir.resolve("journal");
        final Engine engine = Engine.start(config, journalDir, (e) -> List.of());
        try
        {
            assertThat(engine.warmupSummary()).startsWith("warmed up the JIT: 20,0").contains(" fills through " +
                Warmup.ROUNDS + " throwaway cores in ");
            assertThat(engine.counters().value(EngineCounter.ORDERS_SENT)).isZero();
            assertThat(engine.counters().value(EngineCounter.MARKET_EVENTS)).isZero();
            assertThat(engine.core().portfolio().position(0)).isZero();
            assertThat(engine.core().portfolio().position(1)).isZero();
        }
        finally
        {
            engine.close();
        }
        assertThat(JournaledOrders.sentClOrdIds(journalDir)).as("no order journaled").isEmpty();

        final Engine cold = Engine.start(TestCores.defaults(Map.of("SCHWABOT_ENGINE_WARMUP_FRAMES", "0")),
            dir.resolve("cold"), (e) -> List.of());
        cold.close();
        assertThat(cold.warmupSummary()).isNull();
    }
}
