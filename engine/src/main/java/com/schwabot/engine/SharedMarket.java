package com.schwabot.engine;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.NormalizeStage;
import com.schwabot.engine.stage.SignalStage;
import com.schwabot.engine.stage.StrategyTable;
import com.schwabot.engine.stage.ValidateStage;

/**
 * The part of a {@link TradingCore} that depends on market data only: instruments, the event clock, market state,
 * strategies and the normalize, validate and signal stages. A live core owns one; the variants of a backtest sweep
 * share one, so the journal is decoded, validated and turned into signals and features once for all of them.
 * <p>
 * Not thread-safe: business (or replay) thread only.
 */
public final class SharedMarket
{
    private final EventClock clock;
    private final InstrumentTable instruments;
    private final MarketState market;
    private final StrategyTable strategies;
    private final SignalStage signals;
    private final NormalizeStage normalize;

    /**
     * Build the market side from the configuration.
     *
     * @param config   the validated configuration.
     * @param clock    the event clock every stage reads.
     * @param counters counters of the normalize and validate stages.
     */
    public SharedMarket(final SchwabotConfig config, final EventClock clock, final EngineCounters counters)
    {
        this.clock = clock;
        instruments = new InstrumentTable(config.instruments());
        market = new MarketState(instruments.count(), TradingCore.BOOK_LEVELS_DEFAULT);
        strategies = new StrategyTable(config.strategies(), instruments);
        signals = new SignalStage(market, strategies, clock);
        final ValidateStage validate = new ValidateStage(
            market, signals, clock, TradingCore.PRICE_JUMP_BAND_BPS_DEFAULT, counters);
        normalize = new NormalizeStage(instruments, validate, counters);
    }

    /** @return the event clock. */
    public EventClock clock()
    {
        return clock;
    }

    /** @return the instrument table. */
    public InstrumentTable instruments()
    {
        return instruments;
    }

    /** @return the market state. */
    public MarketState market()
    {
        return market;
    }

    /** @return the enabled strategies. */
    public StrategyTable strategies()
    {
        return strategies;
    }

    /** @return the signal stage. */
    public SignalStage signals()
    {
        return signals;
    }

    /** @return the normalize stage (the entry of market data). */
    public NormalizeStage normalize()
    {
        return normalize;
    }
}
