package com.schwabot.config;

/**
 * The {@code engine} section of config.yaml: rings, the business thread's wait strategy and CPU affinity.
 *
 * @param inputRingSize     slots in the input ring; a power of two.
 * @param outputRingSize    slots in the output ring; a power of two.
 * @param waitStrategy      how the business thread waits for events.
 * @param businessThreadCpu CPU to pin the business thread to, or -1 for no pinning.
 * @param shutdownTimeoutMs how long to wait for the rings to drain on shutdown.
 * @param recoverOnStart    whether a start on an existing journal first replays its last session (positions, working
 *                          orders, risk state, learned weights) and continues it, rather than starting flat.
 */
public record EngineConfig(
    int inputRingSize,
    int outputRingSize,
    WaitStrategy waitStrategy,
    int businessThreadCpu,
    long shutdownTimeoutMs,
    boolean recoverOnStart)
{
    static final int MIN_RING_SIZE = 64;
    static final int MAX_RING_SIZE = 1 << 24;

    static EngineConfig read(final Section s)
    {
        final EngineConfig config = new EngineConfig(
            s.powerOfTwo("input_ring_size", MIN_RING_SIZE, MAX_RING_SIZE),
            s.powerOfTwo("output_ring_size", MIN_RING_SIZE, MAX_RING_SIZE),
            s.enumValue("wait_strategy", WaitStrategy.class),
            s.optionalInt("business_thread_cpu", 0, 4095),
            s.longValue("shutdown_timeout_ms", 0, 600_000),
            s.bool("recover_on_start"));
        s.finish();
        return config;
    }

    /**
     * @return true when the business thread should be pinned to {@link #businessThreadCpu()}.
     */
    public boolean hasCpuAffinity()
    {
        return businessThreadCpu >= 0;
    }
}
