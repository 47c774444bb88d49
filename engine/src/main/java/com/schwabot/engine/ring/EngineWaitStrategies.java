package com.schwabot.engine.ring;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * Maps the configured wait strategy onto the Disruptor's. Busy-spin and yielding burn a core each: use them only
 * where the business thread has a core of its own (config says so; the default is sleeping).
 */
public final class EngineWaitStrategies
{
    private EngineWaitStrategies()
    {
    }

    /**
     * The Disruptor wait strategy for a configured one.
     *
     * @param strategy from config.
     * @return a new wait strategy instance (one per ring).
     */
    public static WaitStrategy of(final com.schwabot.config.WaitStrategy strategy)
    {
        return switch (strategy)
        {
            case BUSY_SPIN -> new BusySpinWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BLOCKING -> new BlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
        };
    }
}
