package com.schwabot.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BusySpinIdleStrategy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.schwabot.config.EngineProfile;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.venue.sim.SimCounter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine starts and trades against the embedded simulator under every thread profile ({@code engine.profile}):
 * orders go out through the gateway, fills come back, and nothing fails. Which strategy each profile picks is tested
 * in config's {@code EngineProfileTest} and {@code EngineWaitStrategiesTest}; here, that the engine runs on them.
 */
class EngineProfilesTest
{
    private static final long DEADLINE_MS = 60_000;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(EngineProfile.class)
    void shouldStartAndTradeOnTheSimulatorUnderEveryProfile(final EngineProfile profile) throws Exception
    {
        final SchwabotConfig config = TestCores.defaults(Map.of("SCHWABOT_ENGINE_PROFILE", profile.label()));
        final LiveVenues venues = new LiveVenues(null);
        final Engine engine = Engine.start(config, dir.resolve("journal"), venues);
        final boolean filled;
        try
        {
            assertThat(config.engine().profile()).isEqualTo(profile);
            assertThat(venues.gateway().context().idleStrategy() instanceof BusySpinIdleStrategy)
                .isEqualTo(profile == EngineProfile.LATENCY);
            filled = waitUntilFilled(engine);
        }
        finally
        {
            engine.close();
        }
        assertThat(filled).as("a fill within %d ms under %s", DEADLINE_MS, profile.label()).isTrue();
        assertThat(engine.counters().value(EngineCounter.ORDERS_SENT)).isPositive();
        assertThat(engine.counters().value(EngineCounter.FILLS))
            .isEqualTo(venues.simulator().counters().get(SimCounter.FILLS));
        assertThat(engine.counters().value(EngineCounter.HANDLER_ERRORS)).isZero();
        assertThat(engine.counters().value(EngineCounter.JOURNAL_FAILURES)).isZero();
    }

    private static boolean waitUntilFilled(final Engine engine) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
        while (System.nanoTime() < deadline)
        {
            if (engine.counters().value(EngineCounter.FILLS) > 0)
            {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }
}
