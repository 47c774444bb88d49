package com.schwabot.bench.stage;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.SignalStage;
import com.schwabot.engine.stage.StrategyTable;

/**
 * Cost per event of the signal stage (stage 3) on the bundled strategies: for a best bid/ask update, the market
 * state's new top then {@code SignalStage.onValidBook} (strategies, EWMA volatility, RSI, ATR, entropy, z-score, SMAs,
 * book imbalance when the mid changes, imbalance otherwise); for a trade, {@code onValidTrade} (the session VWAP).
 * Event time advances 1 ms per update; the tensor stage's clearing of the dirty list is included. Run with
 * {@code -prof gc}: the allocation rate must be 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SignalStageBenchmark
{
    private final StageBenchData data = new StageBenchData(7);
    private MarketState market;
    private EventClock clock;
    private SignalStage signal;
    private long now = StageBenchData.T0;
    private int next;

    /**
     * Builds the stage over the bundled configuration and warms its indicators.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final SchwabotConfig config = StageBenchData.config();
        final InstrumentTable instruments = new InstrumentTable(config.instruments());
        market = new MarketState(instruments.count(), 256);
        clock = new EventClock();
        signal = new SignalStage(market, new StrategyTable(config.strategies(), instruments), clock);
        for (int k = 0; k < StageBenchData.UPDATES; k++)
        {
            bookUpdate();
        }
    }

    /**
     * One best bid/ask update through the signal stage.
     *
     * @param blackhole consumes a signal so the work is kept.
     */
    @Benchmark
    public void bookUpdate(final Blackhole blackhole)
    {
        blackhole.consume(bookUpdate());
    }

    /**
     * One trade through the signal stage.
     *
     * @param blackhole consumes the VWAP so the work is kept.
     */
    @Benchmark
    public void trade(final Blackhole blackhole)
    {
        final int k = next++ & (StageBenchData.UPDATES - 1);
        final int i = data.instrument[k];
        now += StageBenchData.STEP_NANOS;
        clock.set(now);
        signal.onValidTrade(i, now, data.ask[k], data.askQty[k], false);
        blackhole.consume(signal.market(i).vwap().value());
    }

    private double bookUpdate()
    {
        final int k = next++ & (StageBenchData.UPDATES - 1);
        final int i = data.instrument[k];
        now += StageBenchData.STEP_NANOS;
        clock.set(now);
        market.top(i, k, data.bid[k], data.bidQty[k], data.ask[k], data.askQty[k]);
        market.touched(i, now);
        signal.onValidBook(i, now);
        signal.clearDirty();
        return signal.signal(0, i);
    }
}
