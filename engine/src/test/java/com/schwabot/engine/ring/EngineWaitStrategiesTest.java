package com.schwabot.engine.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;

import com.schwabot.config.EngineConfig;
import com.schwabot.config.EngineProfile;
import com.schwabot.config.IdleSpec;
import com.schwabot.config.WaitStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineWaitStrategiesTest
{
    @Test
    void shouldMapEveryConfiguredWaitStrategyToTheDisruptors()
    {
        final IdleSpec wake = IdleSpec.wakeOnPublish(7, 3, 2_000_000);
        assertThat(EngineWaitStrategies.of(WaitStrategy.BUSY_SPIN, wake)).isInstanceOf(BusySpinWaitStrategy.class);
        assertThat(EngineWaitStrategies.of(WaitStrategy.YIELDING, wake)).isInstanceOf(YieldingWaitStrategy.class);
        assertThat(EngineWaitStrategies.of(WaitStrategy.SLEEPING, null)).isInstanceOf(SleepingWaitStrategy.class);
        assertThat(EngineWaitStrategies.of(WaitStrategy.BLOCKING, wake)).isInstanceOf(BlockingWaitStrategy.class);
        assertThat(EngineWaitStrategies.of(WaitStrategy.WAKE_ON_PUBLISH, wake)).isInstanceOf(WakeOnPublish.class)
            .hasToString("WakeOnPublish{maxSpins=7, maxYields=3, maxParkNs=2000000}");
    }

    @Test
    void shouldGiveTheBusinessThreadTheProfilesWakeOnPublishCountsOrTheOverride()
    {
        assertThat(EngineWaitStrategies.business(engine(EngineProfile.BALANCED, null)))
            .hasToString("WakeOnPublish{maxSpins=100, maxYields=100, maxParkNs=100000000}");
        assertThat(EngineWaitStrategies.business(engine(EngineProfile.LOW_CPU, null)))
            .hasToString("WakeOnPublish{maxSpins=10, maxYields=5, maxParkNs=100000000}");
        assertThat(EngineWaitStrategies.business(engine(EngineProfile.LATENCY, null)))
            .isInstanceOf(BusySpinWaitStrategy.class);
        assertThat(EngineWaitStrategies.business(engine(EngineProfile.LATENCY, WaitStrategy.WAKE_ON_PUBLISH)))
            .hasToString("WakeOnPublish{maxSpins=100, maxYields=100, maxParkNs=100000000}");
        assertThat(EngineWaitStrategies.business(engine(EngineProfile.LOW_CPU, WaitStrategy.BLOCKING)))
            .isInstanceOf(BlockingWaitStrategy.class);
    }

    private static EngineConfig engine(final EngineProfile profile, final WaitStrategy override)
    {
        return new EngineConfig(1024, 1024, profile, override, -1, 1_000, false, 0);
    }

    @Test
    void shouldGiveEachProfileItsGatewayAndMonitorStrategies()
    {
        final WakeOnPublish outputRing = new WakeOnPublish();
        assertThat(EngineWaitStrategies.gateway(EngineProfile.LATENCY, outputRing))
            .isInstanceOf(BusySpinIdleStrategy.class);

        assertThat(EngineWaitStrategies.gateway(EngineProfile.BALANCED, outputRing))
            .hasToString(outputRing.idleStrategy(100, 10, 1_000_000).toString());

        assertThat(EngineWaitStrategies.gateway(EngineProfile.LOW_CPU, outputRing))
            .hasToString(outputRing.idleStrategy(10, 5, 10_000_000).toString());

        for (final EngineProfile profile : EngineProfile.values())
        {
            final IdleStrategy monitor = EngineWaitStrategies.monitor(profile);
            assertThat(monitor).isInstanceOf(SleepingMillisIdleStrategy.class)
                .hasToString(new SleepingMillisIdleStrategy(profile.monitorSleepMs()).toString());
        }
    }

    @Test
    void shouldBuildANewIdleStrategyPerCallBecauseEachHoldsItsThreadsState()
    {
        final IdleSpec spec = EngineProfile.BALANCED.gatewayIdle();
        final WakeOnPublish ring = new WakeOnPublish();

        assertThat(EngineWaitStrategies.idle(spec, ring)).isNotSameAs(EngineWaitStrategies.idle(spec, ring));
    }

    @Test
    void shouldRefuseAWakeOnPublishSpecWithoutItsRing()
    {
        assertThat(EngineWaitStrategies.idle(IdleSpec.busySpin(), null)).isInstanceOf(BusySpinIdleStrategy.class);
        assertThatThrownBy(() -> EngineWaitStrategies.idle(IdleSpec.wakeOnPublish(10, 5, 1_000), null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("wake-on-publish (spin 10, yield 5, park until a publish, at most 1 us) needs the polled " +
                "ring's WakeOnPublish");
    }

    @Test
    void shouldParkThePretouchThreadFromOneToTenMillisecondsWhileItHasNothingToTouch()
    {
        assertThat(JournalPretouch.idleStrategy()).isInstanceOf(BackoffIdleStrategy.class)
            .hasToString(backoff(0, 0, 1_000_000, 10_000_000).toString());
    }

    private static BackoffIdleStrategy backoff(
        final long spins, final long yields, final long minParkNs, final long maxParkNs)
    {
        return new BackoffIdleStrategy(spins, yields, minParkNs, maxParkNs);
    }
}
