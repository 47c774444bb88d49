package com.schwabot.config;

/**
 * The {@code engine} section of config.yaml: rings, the thread profile, the business thread's wait strategy and CPU
 * affinity.
 *
 * @param inputRingSize        slots in the input ring; a power of two.
 * @param outputRingSize       slots in the output ring; a power of two.
 * @param profile              how every engine thread waits for work ({@code engine.profile}).
 * @param waitStrategyOverride the business thread's wait strategy when {@code engine.wait_strategy} is set, which wins
 *                             over the profile's; null when it is not set (see {@link #waitStrategy()}).
 * @param businessThreadCpu    CPU to pin the business thread to, or -1 for no pinning.
 * @param shutdownTimeoutMs    how long to wait for the rings to drain on shutdown.
 * @param recoverOnStart       whether a start on an existing journal first replays its last session (positions,
 *                             working orders, risk state, learned weights) and continues it, rather than starting flat.
 * @param warmupFrames         market-data frames a throwaway core trades on before the engine goes live, so that the
 *                             JIT compiles the order path first; 0 for none.
 */
public record EngineConfig(
    int inputRingSize,
    int outputRingSize,
    EngineProfile profile,
    WaitStrategy waitStrategyOverride,
    int businessThreadCpu,
    long shutdownTimeoutMs,
    boolean recoverOnStart,
    long warmupFrames)
{
    static final int MIN_RING_SIZE = 64;
    static final int MAX_RING_SIZE = 1 << 24;
    static final long MAX_WARMUP_FRAMES = 100_000_000L;

    static EngineConfig read(final Section s)
    {
        final EngineConfig config = new EngineConfig(
            s.powerOfTwo("input_ring_size", MIN_RING_SIZE, MAX_RING_SIZE),
            s.powerOfTwo("output_ring_size", MIN_RING_SIZE, MAX_RING_SIZE),
            s.enumValue("profile", EngineProfile.class),
            s.optionalEnum("wait_strategy", WaitStrategy.class, "null (the profile's choice)"),
            s.optionalInt("business_thread_cpu", 0, 4095),
            s.longValue("shutdown_timeout_ms", 0, 600_000),
            s.bool("recover_on_start"),
            s.longValue("warmup_frames", 0, MAX_WARMUP_FRAMES));
        s.finish();
        return config;
    }

    /**
     * The business thread's wait strategy: {@code engine.wait_strategy} when set, else the profile's.
     *
     * @return the wait strategy in effect.
     */
    public WaitStrategy waitStrategy()
    {
        return null == waitStrategyOverride ? profile.businessWaitStrategy() : waitStrategyOverride;
    }

    /**
     * @return the business thread's wait strategy for logs: its label, or for {@link WaitStrategy#WAKE_ON_PUBLISH}
     *         the profile's counts ({@code wake-on-publish (spin 100, yield 100, park until a publish, at most 100
     *         ms)}).
     */
    public String describeWaitStrategy()
    {
        return describe(waitStrategy());
    }

    private String describe(final WaitStrategy strategy)
    {
        return strategy == WaitStrategy.WAKE_ON_PUBLISH ? profile.businessWake().describe() : strategy.label();
    }

    /**
     * One line naming the profile and what it chose for each thread, for the start-up log and {@code config show}:
     * {@code profile balanced: business thread wake-on-publish (...) (profile), gateway sender wake-on-publish
     * (...), monitor sleep 10 ms, persistence sleep 10 ms}.
     *
     * @return the description.
     */
    public String describeThreads()
    {
        return "profile " + profile.label() + ": business thread " + describeWaitStrategy() +
            (null == waitStrategyOverride ? " (profile)" : " (engine.wait_strategy overrides the profile's " +
            describe(profile.businessWaitStrategy()) + ")") +
            ", gateway sender " + profile.gatewayIdle().describe() +
            ", monitor sleep " + profile.monitorSleepMs() + " ms" +
            ", persistence sleep " + profile.persistenceSleepMs() + " ms" +
            (hasCpuAffinity() ? ", business thread pinned to CPU " + businessThreadCpu : "");
    }

    /**
     * @return true when the business thread should be pinned to {@link #businessThreadCpu()}.
     */
    public boolean hasCpuAffinity()
    {
        return businessThreadCpu >= 0;
    }
}
