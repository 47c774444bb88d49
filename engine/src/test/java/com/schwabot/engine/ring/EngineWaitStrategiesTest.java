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
        assertThat(EngineWaitStrategies.of(WaitStrategy.BUSY_SPIN)).isInstanceOf(BusySpinWaitStrategy.class);
        assertThat(EngineWaitStrategies.of(WaitStrategy.YIELDING)).isInstanceOf(YieldingWaitStrategy.class);
        assertThat(EngineWaitStrategies.of(WaitStrategy.SLEEPING)).isInstanceOf(SleepingWaitStrategy.class);
        assertThat(EngineWaitStrategies.of(WaitStrategy.BLOCKING)).isInstanceOf(BlockingWaitStrategy.class);
    }

    @Test
    void shouldGiveEachProfileItsBusinessGatewayAndMonitorStrategies()
    {
        assertThat(EngineWaitStrategies.of(EngineProfile.LATENCY.businessWaitStrategy()))
            .isInstanceOf(BusySpinWaitStrategy.class);
        final WakeOnPublish outputRing = new WakeOnPublish();
        assertThat(EngineWaitStrategies.gateway(EngineProfile.LATENCY, outputRing))
            .isInstanceOf(BusySpinIdleStrategy.class);

        assertThat(EngineWaitStrategies.of(EngineProfile.BALANCED.businessWaitStrategy()))
            .isInstanceOf(SleepingWaitStrategy.class);
        assertThat(EngineWaitStrategies.gateway(EngineProfile.BALANCED, outputRing))
            .hasToString(outputRing.idleStrategy(100, 10, 1_000_000).toString());

        assertThat(EngineWaitStrategies.of(EngineProfile.LOW_CPU.businessWaitStrategy()))
            .isInstanceOf(BlockingWaitStrategy.class);
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
