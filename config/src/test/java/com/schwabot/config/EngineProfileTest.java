package com.schwabot.config;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code engine.profile}: what each profile chooses for each thread, how {@code engine.wait_strategy} overrides the
 * business thread's choice, and the errors for bad values.
 */
class EngineProfileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldDefaultToTheLowCpuProfileWithItsOwnWaitStrategy() throws ConfigException
    {
        final EngineConfig engine = TestFiles.load(null, Map.of()).engine();

        assertThat(engine.profile()).isEqualTo(EngineProfile.LOW_CPU);
        assertThat(engine.waitStrategyOverride()).isNull();
        assertThat(engine.waitStrategy()).isEqualTo(WaitStrategy.WAKE_ON_PUBLISH);
        assertThat(engine.describeWaitStrategy())
            .isEqualTo("wake-on-publish (spin 10, yield 5, park until a publish, at most 100 ms)");
    }

    @Test
    void shouldMapEachProfileToItsThreadStrategies()
    {
        assertThat(EngineProfile.LATENCY.businessWaitStrategy()).isEqualTo(WaitStrategy.BUSY_SPIN);
        assertThat(EngineProfile.LATENCY.businessWake()).isEqualTo(IdleSpec.wakeOnPublish(100, 100, 100_000_000));
        assertThat(EngineProfile.LATENCY.gatewayIdle()).isEqualTo(IdleSpec.busySpin());
        assertThat(EngineProfile.LATENCY.monitorSleepMs()).isEqualTo(10);
        assertThat(EngineProfile.LATENCY.persistenceSleepMs()).isEqualTo(10);

        assertThat(EngineProfile.BALANCED.businessWaitStrategy()).isEqualTo(WaitStrategy.WAKE_ON_PUBLISH);
        assertThat(EngineProfile.BALANCED.businessWake()).isEqualTo(IdleSpec.wakeOnPublish(100, 100, 100_000_000));
        assertThat(EngineProfile.BALANCED.gatewayIdle()).isEqualTo(IdleSpec.wakeOnPublish(100, 10, 1_000_000));
        assertThat(EngineProfile.BALANCED.monitorSleepMs()).isEqualTo(10);
        assertThat(EngineProfile.BALANCED.persistenceSleepMs()).isEqualTo(10);

        assertThat(EngineProfile.LOW_CPU.businessWaitStrategy()).isEqualTo(WaitStrategy.WAKE_ON_PUBLISH);
        assertThat(EngineProfile.LOW_CPU.businessWake()).isEqualTo(IdleSpec.wakeOnPublish(10, 5, 100_000_000));
        assertThat(EngineProfile.LOW_CPU.gatewayIdle()).isEqualTo(IdleSpec.wakeOnPublish(10, 5, 10_000_000));
        assertThat(EngineProfile.LOW_CPU.monitorSleepMs()).isEqualTo(50);
        assertThat(EngineProfile.LOW_CPU.persistenceSleepMs()).isEqualTo(50);
    }

    @Test
    void shouldDescribeEachKindOfIdleSpec()
    {
        assertThat(IdleSpec.busySpin().describe()).isEqualTo("busy-spin");
        assertThat(IdleSpec.wakeOnPublish(1, 2, 1_500).describe())
            .isEqualTo("wake-on-publish (spin 1, yield 2, park until a publish, at most 1500 ns)");
        assertThat(IdleSpec.wakeOnPublish(0, 0, 250_000).describe())
            .isEqualTo("wake-on-publish (spin 0, yield 0, park until a publish, at most 250 us)");
        assertThat(IdleSpec.wakeOnPublish(100, 10, 1_000_000))
            .isEqualTo(new IdleSpec(IdleSpec.Kind.WAKE_ON_PUBLISH, 100, 10, 1_000_000))
            .extracting(IdleSpec::describe)
            .isEqualTo("wake-on-publish (spin 100, yield 10, park until a publish, at most 1 ms)");
    }

    @Test
    void shouldNeverSpinABackgroundThreadNorSpinUnlessTheProfileIsLatency()
    {
        for (final EngineProfile profile : EngineProfile.values())
        {
            final boolean spins = profile == EngineProfile.LATENCY;
            assertThat(profile.businessWaitStrategy() == WaitStrategy.BUSY_SPIN).as(profile.label()).isEqualTo(spins);
            assertThat(profile.gatewayIdle().kind() == IdleSpec.Kind.BUSY_SPIN).as(profile.label()).isEqualTo(spins);
            assertThat(profile.monitorSleepMs()).as(profile.label()).isPositive();
            assertThat(profile.persistenceSleepMs()).as(profile.label()).isPositive();
        }
    }

    @Test
    void shouldReadTheProfileFromTheFileAndTheEnvironment() throws ConfigException
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  profile: latency\n");

        assertThat(TestFiles.load(dir, Map.of()).engine().waitStrategy()).isEqualTo(WaitStrategy.BUSY_SPIN);
        final EngineConfig fromEnv = TestFiles.load(dir, Map.of("SCHWABOT_ENGINE_PROFILE", "balanced")).engine();
        assertThat(fromEnv.profile()).isEqualTo(EngineProfile.BALANCED);
        assertThat(fromEnv.waitStrategy()).isEqualTo(WaitStrategy.WAKE_ON_PUBLISH);
    }

    @Test
    void shouldLetAnExplicitWaitStrategyOverrideTheProfilesBusinessThreadOnly() throws ConfigException
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  profile: low-cpu\n  wait_strategy: yielding\n");

        final EngineConfig engine = TestFiles.load(dir, Map.of()).engine();

        assertThat(engine.profile()).isEqualTo(EngineProfile.LOW_CPU);
        assertThat(engine.waitStrategy()).isEqualTo(WaitStrategy.YIELDING);
        assertThat(engine.describeThreads())
            .startsWith("profile low-cpu: business thread yielding (engine.wait_strategy overrides the profile's " +
                "wake-on-publish (spin 10, yield 5, park until a publish, at most 100 ms)), gateway sender " +
                "wake-on-publish (spin 10, yield 5, park until a publish, at most 10 ms)")
            .endsWith("monitor sleep 50 ms, persistence sleep 50 ms");
    }

    @Test
    void shouldLetTheEnvironmentUnsetAWaitStrategySetInAFile() throws ConfigException
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  profile: latency\n  wait_strategy: sleeping\n");

        assertThat(TestFiles.load(dir, Map.of()).engine().waitStrategy()).isEqualTo(WaitStrategy.SLEEPING);
        for (final String unset : new String[] {"none", ""})
        {
            final EngineConfig engine = TestFiles.load(dir, Map.of("SCHWABOT_ENGINE_WAIT_STRATEGY", unset)).engine();
            assertThat(engine.waitStrategyOverride()).isNull();
            assertThat(engine.waitStrategy()).isEqualTo(WaitStrategy.BUSY_SPIN);
        }
    }

    @Test
    void shouldDescribeWhatTheProfileChoseForEveryThread() throws ConfigException
    {
        assertThat(TestFiles.load(null, Map.of("SCHWABOT_ENGINE_PROFILE", "balanced")).engine().describeThreads())
            .isEqualTo("profile balanced: business thread wake-on-publish (spin 100, yield 100, park until a " +
                "publish, at most 100 ms) (profile), gateway sender wake-on-publish (spin 100, yield 10, park until " +
                "a publish, at most 1 ms), monitor sleep 10 ms, persistence sleep 10 ms");
        final EngineConfig latencyWoken = TestFiles.load(null, Map.of("SCHWABOT_ENGINE_PROFILE", "latency",
            "SCHWABOT_ENGINE_WAIT_STRATEGY", "wake-on-publish")).engine();
        assertThat(latencyWoken.waitStrategy()).isEqualTo(WaitStrategy.WAKE_ON_PUBLISH);
        assertThat(latencyWoken.describeThreads()).startsWith("profile latency: business thread wake-on-publish " +
            "(spin 100, yield 100, park until a publish, at most 100 ms) (engine.wait_strategy overrides the " +
            "profile's busy-spin), gateway sender busy-spin");
        assertThat(TestFiles.load(null, Map.of("SCHWABOT_ENGINE_PROFILE", "latency")).engine().describeThreads())
            .isEqualTo("profile latency: business thread busy-spin (profile), gateway sender busy-spin, " +
                "monitor sleep 10 ms, persistence sleep 10 ms");
    }

    @Test
    void shouldRejectAnUnknownProfileNamingFileKeyValueAndAllowedValues()
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  input_ring_size: 1024\n  profile: fast\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.errors()).hasSize(1);
        final ConfigError error = ex.errors().get(0);
        assertThat(error.file()).isEqualTo("config.yaml");
        assertThat(error.path()).isEqualTo("engine.profile");
        assertThat(error.value()).isEqualTo("fast");
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.message()).isEqualTo(
            "config.yaml: engine.profile = fast: must be one of [latency, balanced, low-cpu] (line 3)");
    }

    @Test
    void shouldRejectAnUnknownProfileFromTheEnvironmentNamingTheVariable()
    {
        final ConfigException ex = TestFiles.loadFails(null, Map.of("SCHWABOT_ENGINE_PROFILE", "turbo"));

        assertThat(ex.errors()).hasSize(1);
        assertThat(ex.errors().get(0).envVar()).isEqualTo("SCHWABOT_ENGINE_PROFILE");
        assertThat(ex.getMessage()).contains("env SCHWABOT_ENGINE_PROFILE -> config.yaml: engine.profile = turbo: " +
            "must be one of [latency, balanced, low-cpu]");
    }

    @Test
    void shouldRejectAnUnknownWaitStrategySayingThatNullMeansTheProfiles()
    {
        TestFiles.write(dir, "config.yaml", "engine:\n  wait_strategy: spin\n");

        final ConfigException ex = TestFiles.loadFails(dir, Map.of());

        assertThat(ex.getMessage()).contains("config.yaml: engine.wait_strategy = spin: must be one of " +
            "[busy-spin, yielding, sleeping, blocking, wake-on-publish], or null (the profile's choice) (line 2)");
    }

    @Test
    void shouldShowTheThreadChoicesInTheEffectiveConfiguration() throws ConfigException
    {
        final String yaml = EffectiveConfigRenderer.render(
            TestFiles.load(null, Map.of("SCHWABOT_ENGINE_PROFILE", "latency")));

        assertThat(yaml)
            .contains("# Engine threads: profile latency: business thread busy-spin (profile), " +
                "gateway sender busy-spin")
            .contains("    profile: latency  # env SCHWABOT_ENGINE_PROFILE\n")
            .contains("    wait_strategy: null  # default\n");
    }
}
