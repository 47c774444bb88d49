package com.schwabot.config;

import java.math.BigDecimal;

/**
 * The {@code backtest} section of config.yaml: how the simulated venue of {@code schwabot replay} fills the orders
 * of a backtest (a journal of market data only).
 *
 * @param fillLatencyUs event time, in microseconds, from an order's (or cancel's) send to the first market event at
 *                      which the simulated venue acts on it; 0 = the first market event processed after the send.
 * @param takerFeeBps   fee of a fill that takes liquidity, basis points of the notional, at most two decimals.
 * @param makerFeeBps   fee of a fill of a resting order, basis points, at most two decimals; negative = a rebate.
 */
public record BacktestConfig(long fillLatencyUs, BigDecimal takerFeeBps, BigDecimal makerFeeBps)
{
    /** Largest fill latency: 60 s. */
    public static final long MAX_FILL_LATENCY_US = 60_000_000L;
    /** Largest fee, basis points. */
    public static final int MAX_FEE_BPS = 1000;
    /** Largest maker rebate, basis points. */
    public static final int MAX_REBATE_BPS = 100;

    static BacktestConfig read(final Section s)
    {
        final BacktestConfig config = new BacktestConfig(
            s.longValue("fill_latency_us", 0, MAX_FILL_LATENCY_US),
            fee(s, "taker_fee_bps", 0),
            fee(s, "maker_fee_bps", -MAX_REBATE_BPS));
        s.finish();
        return config;
    }

    private static BigDecimal fee(final Section s, final String key, final int min)
    {
        final double value = s.doubleValue(key, min, MAX_FEE_BPS);
        final BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (exact.scale() > 2)
        {
            s.error(key, "must have at most two decimals (hundredths of a basis point)");
            return BigDecimal.ZERO;
        }
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }
}
