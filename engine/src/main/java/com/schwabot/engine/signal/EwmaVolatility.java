package com.schwabot.engine.signal;

/**
 * Exponentially weighted volatility of log returns (RiskMetrics): for each new price,
 * {@code r = ln(price / previous)}, {@code var = lambda * var + (1 - lambda) * r^2}, seeded with the first squared
 * return. Prices arrive at irregular times (the engine feeds the mid on each change), so the time between them is
 * averaged with the same weights ({@code dt = lambda * dt + (1 - lambda) * elapsed}, seeded with the first elapsed
 * time) and the variance per second is {@code var / dt}: the ratio of the two weighted sums, which stays finite when
 * several prices share a timestamp. {@link #volatilityOver(long)} scales it to a horizon (square-root of time).
 * <p>
 * Warm-up: {@link #isWarm()} is false until {@code warmUpReturns} returns have been seen (two prices make the first
 * return); until then the values are those of the returns so far (0 before the first). Logarithms use
 * {@link StrictMath} so a replay on another JVM computes the same bits. O(1), allocation-free, not thread-safe.
 */
public final class EwmaVolatility
{
    private static final double NANOS_PER_SECOND = 1e9;

    private final double lambda;
    private final int warmUpReturns;
    private double previous = Double.NaN;
    private long previousTime;
    private long returns;
    private double variance;
    private double meanElapsed;

    /**
     * An estimator.
     *
     * @param lambda        decay in (0, 1); RiskMetrics uses 0.94.
     * @param warmUpReturns returns needed before {@link #isWarm()}, at least 1.
     */
    public EwmaVolatility(final double lambda, final int warmUpReturns)
    {
        if (!(lambda > 0 && lambda < 1) || warmUpReturns < 1)
        {
            throw new IllegalArgumentException("lambda in (0, 1) and warm-up >= 1: " + lambda + ", " + warmUpReturns);
        }
        this.lambda = lambda;
        this.warmUpReturns = warmUpReturns;
    }

    /**
     * Add a price.
     *
     * @param timeNanos event time.
     * @param price     the price, positive.
     */
    public void update(final long timeNanos, final double price)
    {
        if (!(price > 0))
        {
            return;
        }
        if (Double.isNaN(previous))
        {
            previous = price;
            previousTime = timeNanos;
            return;
        }
        final double r = StrictMath.log(price / previous);
        final double elapsed = Math.max(0, timeNanos - previousTime);
        if (returns == 0)
        {
            variance = r * r;
            meanElapsed = elapsed;
        }
        else
        {
            variance = lambda * variance + (1 - lambda) * r * r;
            meanElapsed = lambda * meanElapsed + (1 - lambda) * elapsed;
        }
        returns++;
        previous = price;
        previousTime = timeNanos;
    }

    /**
     * Variance of one return (one price update).
     *
     * @return the variance, 0 before the first return.
     */
    public double variancePerUpdate()
    {
        return variance;
    }

    /**
     * Volatility of one return.
     *
     * @return the standard deviation of a return.
     */
    public double volatilityPerUpdate()
    {
        return Math.sqrt(variance);
    }

    /**
     * Variance per second of event time.
     *
     * @return the variance rate, 0 while no time has passed.
     */
    public double variancePerSecond()
    {
        return meanElapsed > 0 ? variance / (meanElapsed / NANOS_PER_SECOND) : 0.0;
    }

    /**
     * Volatility over a horizon: {@code sqrt(variancePerSecond * horizon)}.
     *
     * @param horizonNanos the horizon.
     * @return the standard deviation of the log return over the horizon.
     */
    public double volatilityOver(final long horizonNanos)
    {
        return Math.sqrt(variancePerSecond() * (horizonNanos / NANOS_PER_SECOND));
    }

    /**
     * Whether enough returns have been seen.
     *
     * @return true when warm.
     */
    public boolean isWarm()
    {
        return returns >= warmUpReturns;
    }
}
