package com.schwabot.engine.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import com.schwabot.config.EngineConfig;
import com.schwabot.config.EngineProfile;
import com.schwabot.config.IdleSpec;

/**
 * Turns the configured waiting ({@code engine.profile}, {@code engine.wait_strategy}) into the Disruptor's wait
 * strategies and Agrona's idle strategies. Busy-spin and yielding burn a core each: use them only where the thread
 * has a core of its own. Each call returns a new instance: idle strategies hold per-thread state.
 */
public final class EngineWaitStrategies
{
    private EngineWaitStrategies()
    {
    }

    /**
     * The business thread's wait strategy (the input ring's): {@code engine.wait_strategy}, or the profile's.
     *
     * @param engine the engine's configuration.
     * @return a new wait strategy instance (one per ring).
     */
    public static WaitStrategy business(final EngineConfig engine)
    {
        return of(engine.waitStrategy(), engine.profile().businessWake());
    }

    /**
     * The Disruptor wait strategy for a configured one.
     *
     * @param strategy from config.
     * @param wake     for {@link com.schwabot.config.WaitStrategy#WAKE_ON_PUBLISH}: its counts and longest park;
     *                 unused by the others (may be null).
     * @return a new wait strategy instance (one per ring).
     */
    public static WaitStrategy of(final com.schwabot.config.WaitStrategy strategy, final IdleSpec wake)
    {
        return switch (strategy)
        {
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BLOCKING -> new BlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case WAKE_ON_PUBLISH -> new WakeOnPublish(wake.maxSpins(), wake.maxYields(), wake.maxParkNs());
        };
    }

    /**
     * The Agrona idle strategy for a spec.
     *
     * @param spec the thread's idle spec (from the profile).
     * @param ring for {@link IdleSpec.Kind#WAKE_ON_PUBLISH}: the wait strategy of the ring the thread polls, whose
     *             publishes wake it; unused for busy-spin (may be null).
     * @return a new idle strategy (one per thread).
     */
    public static IdleStrategy idle(final IdleSpec spec, final WakeOnPublish ring)
    {
        return switch (spec.kind())
        {
            case BUSY_SPIN -> new BusySpinIdleStrategy();
            case WAKE_ON_PUBLISH ->
            {
                if (null == ring)
                {
                    throw new IllegalArgumentException(spec.describe() + " needs the polled ring's WakeOnPublish");
                }
                yield ring.idleStrategy(spec.maxSpins(), spec.maxYields(), spec.maxParkNs());
            }
        };
    }

    /**
     * The gateway sender's idle strategy (the thread that drains the output ring to the venue).
     *
     * @param profile    the engine's profile.
     * @param outputRing the output ring's wait strategy: the business thread's publishes wake the sender.
     * @return a new idle strategy.
     */
    public static IdleStrategy gateway(final EngineProfile profile, final WakeOnPublish outputRing)
    {
        return idle(profile.gatewayIdle(), outputRing);
    }

    /**
     * The monitor thread's idle strategy.
     *
     * @param profile the engine's profile.
     * @return a new idle strategy.
     */
    public static IdleStrategy monitor(final EngineProfile profile)
    {
        return new SleepingMillisIdleStrategy(profile.monitorSleepMs());
    }
}
