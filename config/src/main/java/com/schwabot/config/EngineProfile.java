package com.schwabot.config;

/**
 * A thread profile ({@code engine.profile} in config.yaml): how every engine thread waits for work, chosen together so
 * that the threads that decide latency spin only where that is wanted, and the background threads never spin.
 * <table>
 *     <caption>What each profile sets</caption>
 *     <tr><th>thread</th><th>latency</th><th>balanced</th><th>low-cpu</th></tr>
 *     <tr><td>business (Disruptor wait strategy of the input ring)</td><td>busy-spin</td>
 *         <td>spin 100, yield 100, park until an event is published (at most 100 ms)</td>
 *         <td>spin 10, yield 5, park until an event is published (at most 100 ms)</td></tr>
 *     <tr><td>gateway sender (drains the output ring)</td><td>busy-spin</td>
 *         <td>spin, yield, park until an order is published (at most 1 ms)</td>
 *         <td>spin, yield, park until an order is published (at most 10 ms)</td></tr>
 *     <tr><td>monitor</td><td>sleep 10 ms</td><td>sleep 10 ms</td><td>sleep 50 ms</td></tr>
 *     <tr><td>persistence</td><td>sleep 10 ms</td><td>sleep 10 ms</td><td>sleep 50 ms</td></tr>
 * </table>
 * {@code engine.wait_strategy}, when set, overrides the business thread's choice ({@link EngineConfig#waitStrategy()});
 * set to {@code wake-on-publish} it takes the profile's counts ({@link #businessWake()}: {@code latency} has those of
 * {@code balanced}).
 * The Netty event loops (market-data feed, gateway I/O, simulator, HTTP server) block in the selector under every
 * profile; the timer thread parks until its next tick; the output ring is polled by the gateway sender, never waited
 * on. bench/README.md has the measured effect of each profile.
 */
public enum EngineProfile implements Labelled
{
    /**
     * For a co-located box with isolated cores: the business thread and the gateway sender each spin on a core of
     * their own (two cores fully used, idle or not), for the shortest wake-up.
     */
    LATENCY("latency", WaitStrategy.BUSY_SPIN, IdleSpec.wakeOnPublish(100, 100, 100_000_000), IdleSpec.busySpin(),
        10, 10),
    /**
     * The business thread spins 100 times and yields 100 times after each event (some 25 µs on the development VM),
     * then parks until a producer publishes an event (which unparks it); the gateway sender spins and yields
     * briefly, then parks until the business thread publishes an order or 1 ms passes (for its heartbeats and
     * reconnects).
     */
    BALANCED("balanced", WaitStrategy.WAKE_ON_PUBLISH, IdleSpec.wakeOnPublish(100, 100, 100_000_000),
        IdleSpec.wakeOnPublish(100, 10, 1_000_000), 10, 10),
    /**
     * For laptops, CI and shared machines: the business thread spins and yields only briefly before it parks until an
     * event is published; the gateway sender parks until an order is published or 10 ms pass; background threads
     * sleep longer.
     */
    LOW_CPU("low-cpu", WaitStrategy.WAKE_ON_PUBLISH, IdleSpec.wakeOnPublish(10, 5, 100_000_000),
        IdleSpec.wakeOnPublish(10, 5, 10_000_000), 50, 50);

    private final String label;
    private final WaitStrategy businessWaitStrategy;
    private final IdleSpec businessWake;
    private final IdleSpec gatewayIdle;
    private final long monitorSleepMs;
    private final long persistenceSleepMs;

    EngineProfile(
        final String label,
        final WaitStrategy businessWaitStrategy,
        final IdleSpec businessWake,
        final IdleSpec gatewayIdle,
        final long monitorSleepMs,
        final long persistenceSleepMs)
    {
        this.label = label;
        this.businessWaitStrategy = businessWaitStrategy;
        this.businessWake = businessWake;
        this.gatewayIdle = gatewayIdle;
        this.monitorSleepMs = monitorSleepMs;
        this.persistenceSleepMs = persistenceSleepMs;
    }

    /**
     * {@inheritDoc}
     */
    public String label()
    {
        return label;
    }

    /**
     * @return the business thread's wait strategy, unless {@code engine.wait_strategy} overrides it.
     */
    public WaitStrategy businessWaitStrategy()
    {
        return businessWaitStrategy;
    }

    /**
     * @return the business thread's counts and longest park when its wait strategy is
     *         {@link WaitStrategy#WAKE_ON_PUBLISH} (the profile's, or {@code engine.wait_strategy}'s).
     */
    public IdleSpec businessWake()
    {
        return businessWake;
    }

    /**
     * @return how the gateway sender (the thread draining the output ring to the venue) idles.
     */
    public IdleSpec gatewayIdle()
    {
        return gatewayIdle;
    }

    /**
     * @return the monitor thread's sleep between duty cycles, in ms.
     */
    public long monitorSleepMs()
    {
        return monitorSleepMs;
    }

    /**
     * @return the persistence thread's sleep when the journal has nothing new, in ms.
     */
    public long persistenceSleepMs()
    {
        return persistenceSleepMs;
    }
}
