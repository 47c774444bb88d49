package com.schwabot.config;

import java.math.BigDecimal;

/**
 * One risk profile of risk_limits.yaml. Notional and loss amounts are in the quote currency and exact.
 *
 * @param maxOrderQty          largest quantity of one order.
 * @param maxOrderNotional     largest price * quantity of one order.
 * @param maxPositionNotional  largest absolute position per instrument, valued at mid.
 * @param maxGrossExposure     largest sum of absolute positions over all instruments.
 * @param maxNetExposure       largest absolute sum of signed positions; at most the gross exposure.
 * @param maxOpenOrders        most orders working at once.
 * @param maxOrdersPerSecond   order rate limit.
 * @param priceBandBps         largest distance of a limit price from mid.
 * @param dailyLossLimit       halt when the day's realized plus unrealized loss reaches this.
 * @param maxDrawdownBps       halt when equity falls this far below its peak.
 * @param staleDataMs          halt while the market data is older than this.
 * @param coolDownMs           how long a halt lasts before trading may resume.
 * @param volTargetBps         volatility target of the volatility-scaled position sizing: the daily volatility, in
 *                             basis points of {@code max_position_notional}, that one full-size position may carry.
 * @param capital              the capital the drawdown breaker measures against: equity = capital + P&amp;L.
 */
public record RiskProfile(
    BigDecimal maxOrderQty,
    BigDecimal maxOrderNotional,
    BigDecimal maxPositionNotional,
    BigDecimal maxGrossExposure,
    BigDecimal maxNetExposure,
    int maxOpenOrders,
    int maxOrdersPerSecond,
    int priceBandBps,
    BigDecimal dailyLossLimit,
    int maxDrawdownBps,
    long staleDataMs,
    long coolDownMs,
    int volTargetBps,
    BigDecimal capital)
{
    static RiskProfile read(final Section s)
    {
        final RiskProfile p = new RiskProfile(
            s.decimal("max_order_qty", BigDecimal.ZERO, null),
            s.decimal("max_order_notional", BigDecimal.ZERO, null),
            s.decimal("max_position_notional", BigDecimal.ZERO, null),
            s.decimal("max_gross_exposure", BigDecimal.ZERO, null),
            s.decimal("max_net_exposure", BigDecimal.ZERO, null),
            s.intValue("max_open_orders", 1, 100_000),
            s.intValue("max_orders_per_second", 1, 100_000),
            s.intValue("price_band_bps", 1, 10_000),
            s.decimal("daily_loss_limit", BigDecimal.ZERO, null),
            s.intValue("max_drawdown_bps", 1, 10_000),
            s.longValue("stale_data_ms", 1, 3_600_000),
            s.longValue("cool_down_ms", 0, 86_400_000),
            s.intValue("vol_target_bps", 1, 10_000),
            s.decimal("capital", BigDecimal.ZERO, null));
        if (!s.errors().hasErrorsUnder(s.file(), s.path() + "."))
        {
            if (p.maxNetExposure.compareTo(p.maxGrossExposure) > 0)
            {
                s.error("max_net_exposure", "must be <= max_gross_exposure (" + p.maxGrossExposure + ")");
            }
            if (p.maxPositionNotional.compareTo(p.maxGrossExposure) > 0)
            {
                s.error("max_position_notional", "must be <= max_gross_exposure (" + p.maxGrossExposure + ")");
            }
            if (p.maxOrderNotional.compareTo(p.maxPositionNotional) > 0)
            {
                s.error("max_order_notional", "must be <= max_position_notional (" + p.maxPositionNotional + ")");
            }
        }
        s.finish();
        return p;
    }
}
