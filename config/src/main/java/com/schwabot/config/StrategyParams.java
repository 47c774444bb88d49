package com.schwabot.config;

/**
 * Parameters of one strategy; the record type follows the strategy's {@link StrategyType}.
 */
public sealed interface StrategyParams
{
    /**
     * EMA crossover momentum.
     *
     * @param emaFastPeriod     fast EMA period in events; less than the slow period.
     * @param emaSlowPeriod     slow EMA period in events.
     * @param entryThresholdBps smallest EMA spread, relative to price, that gives a signal.
     */
    record Momentum(int emaFastPeriod, int emaSlowPeriod, int entryThresholdBps) implements StrategyParams
    {
    }

    /**
     * Z-score mean reversion.
     *
     * @param lookback    window of the mean and standard deviation, in events.
     * @param entryZscore enter when |z| exceeds this.
     * @param exitZscore  exit when |z| falls below this; less than the entry.
     */
    record MeanReversion(int lookback, double entryZscore, double exitZscore) implements StrategyParams
    {
    }

    /**
     * Order-book imbalance.
     *
     * @param depthLevels levels of each side summed.
     * @param threshold   smallest |bid - ask| / (bid + ask) that gives a signal, in (0, 1).
     * @param windowMs    smoothing window.
     */
    record Imbalance(int depthLevels, double threshold, long windowMs) implements StrategyParams
    {
    }

    static StrategyParams read(final StrategyType type, final Section s)
    {
        final StrategyParams params;
        switch (type)
        {
            case MOMENTUM:
                final Momentum m = new Momentum(
                    s.intValue("ema_fast_period", 2, 100_000),
                    s.intValue("ema_slow_period", 2, 100_000),
                    s.intValue("entry_threshold_bps", 1, 10_000));
                if (m.emaFastPeriod() >= m.emaSlowPeriod() && !s.errors().hasErrorsUnder(s.file(), s.path() + "."))
                {
                    s.error("ema_fast_period", "must be < ema_slow_period (" + m.emaSlowPeriod() + ")");
                }
                params = m;
                break;
            case MEAN_REVERSION:
                final MeanReversion r = new MeanReversion(
                    s.intValue("lookback", 10, 1_000_000),
                    s.doubleValue("entry_zscore", 0.1, 10.0),
                    s.doubleValue("exit_zscore", 0.0, 10.0));
                if (r.exitZscore() >= r.entryZscore() && !s.errors().hasErrorsUnder(s.file(), s.path() + "."))
                {
                    s.error("exit_zscore", "must be < entry_zscore (" + r.entryZscore() + ")");
                }
                params = r;
                break;
            default:
                final Imbalance i = new Imbalance(
                    s.intValue("depth_levels", 1, 50),
                    s.doubleValue("threshold", 0.01, 0.99),
                    s.longValue("window_ms", 1, 60_000));
                params = i;
                break;
        }
        s.finish();
        return params;
    }
}
