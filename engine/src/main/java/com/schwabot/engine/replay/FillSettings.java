package com.schwabot.engine.replay;

import java.math.BigDecimal;

import com.schwabot.config.BacktestConfig;

/**
 * How the {@link SimulatedVenue} of a backtest fills: the latency between an order's send and the first market event
 * it can trade at, and the fees. Fees are in hundredths of a basis point so that 7.5 bps is exact.
 *
 * @param latencyNanos     event time from a send (order or cancel) to the venue acting on it; 0 = at the first
 *                         market event processed after the send (the one that caused it, when it is market data).
 * @param takerFeeCentiBps fee of a fill that takes liquidity, in 1/100 bps of the notional; at least 0.
 * @param makerFeeCentiBps fee of a fill of a resting order, in 1/100 bps of the notional; negative is a rebate.
 */
public record FillSettings(long latencyNanos, long takerFeeCentiBps, long makerFeeCentiBps)
{
    /** Fills at the first market event, 10 bps taker and maker (Binance's spot default): the first version's model. */
    public static final FillSettings DEFAULT = new FillSettings(0, 1000, 1000);

    /**
     * @param latencyNanos     at least 0.
     * @param takerFeeCentiBps at least 0.
     * @param makerFeeCentiBps any.
     */
    public FillSettings
    {
        if (latencyNanos < 0)
        {
            throw new IllegalArgumentException("fill latency must be >= 0: " + latencyNanos);
        }
        if (takerFeeCentiBps < 0)
        {
            throw new IllegalArgumentException("taker fee must be >= 0: " + takerFeeCentiBps);
        }
    }

    /**
     * The settings of config.yaml's {@code backtest} section.
     *
     * @param config the section.
     * @return the settings.
     */
    public static FillSettings of(final BacktestConfig config)
    {
        return new FillSettings(config.fillLatencyUs() * 1000L, centiBps(config.takerFeeBps()),
            centiBps(config.makerFeeBps()));
    }

    /**
     * A fee in basis points with at most two decimals, in hundredths of a basis point.
     *
     * @param bps the fee.
     * @return the fee * 100, exact.
     * @throws ArithmeticException when it has more than two decimals.
     */
    public static long centiBps(final BigDecimal bps)
    {
        return bps.movePointRight(2).longValueExact();
    }

    /**
     * These settings with another latency.
     *
     * @param nanos the latency.
     * @return new settings.
     */
    public FillSettings withLatencyNanos(final long nanos)
    {
        return new FillSettings(nanos, takerFeeCentiBps, makerFeeCentiBps);
    }

    /**
     * These settings with another taker fee.
     *
     * @param centiBps the fee in 1/100 bps.
     * @return new settings.
     */
    public FillSettings withTakerFee(final long centiBps)
    {
        return new FillSettings(latencyNanos, centiBps, makerFeeCentiBps);
    }

    /**
     * These settings with another maker fee.
     *
     * @param centiBps the fee in 1/100 bps.
     * @return new settings.
     */
    public FillSettings withMakerFee(final long centiBps)
    {
        return new FillSettings(latencyNanos, takerFeeCentiBps, centiBps);
    }
}
