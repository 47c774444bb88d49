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

import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.OrderManager;
import com.schwabot.engine.portfolio.Portfolio;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.RiskGate;

/**
 * Cost per order of the risk gate (stage 5) on the bundled conservative profile, with a position and a working order
 * in each instrument: {@link #pass} runs every check (circuit breakers with the portfolio's equity marks, trading
 * state, size, notional, band, worst-case position, gross and net exposure over both instruments, open orders, rate)
 * and passes, event time moving 250 ms per order so the rate limit (5 per second) never binds; {@link #reject} is
 * refused at the price band, after the breakers and the trading state. Run with {@code -prof gc}: 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RiskGateBenchmark
{
    private static final long STEP_NANOS = 250_000_000L;

    private final StageBenchData data = new StageBenchData(11);
    private MarketState market;
    private EventClock clock;
    private RiskGate risk;
    private long now = StageBenchData.T0;
    private int next;

    /**
     * Builds the gate with a small position and a working order per instrument.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        final SchwabotConfig config = StageBenchData.config();
        final InstrumentTable instruments = new InstrumentTable(config.instruments());
        market = new MarketState(instruments.count(), 256);
        clock = new EventClock();
        final Portfolio portfolio = new Portfolio(instruments);
        final OrderManager orders = new OrderManager(64, instruments.count());
        risk = new RiskGate(config.risk().active(), instruments, market, portfolio, orders, clock,
            new EngineCounters());
        risk.gateway(true);
        risk.feed(true);
        for (int i = 0; i < instruments.count(); i++)
        {
            portfolio.onFill(i, true, 100, i == 0 ? 6_500_000 : 350_000, 0.01);
            orders.open(i + 1, i, false, i == 0 ? 6_500_000 : 350_000, 50, now);
        }
        for (int k = 0; k < StageBenchData.UPDATES; k++)
        {
            advance();
        }
        final int k = advance();
        final RiskReason passed = risk.check(data.instrument[k], true, data.ask[k], 10);
        final RiskReason refused = risk.check(data.instrument[k], true, data.ask[k] * 2, 10);
        if (passed != RiskReason.NULL_VAL || refused != RiskReason.PRICE_BAND)
        {
            throw new IllegalStateException("benchmark set-up: pass gave " + passed + ", reject gave " + refused);
        }
    }

    private int advance()
    {
        final int k = next++ & (StageBenchData.UPDATES - 1);
        final int i = data.instrument[k];
        now += STEP_NANOS;
        clock.set(now);
        market.top(i, k, data.bid[k], data.bidQty[k], data.ask[k], data.askQty[k]);
        market.touched(i, now);
        market.touched(1 - i, now);
        return k;
    }

    /**
     * An order that passes every check.
     *
     * @param blackhole consumes the verdict.
     */
    @Benchmark
    public void pass(final Blackhole blackhole)
    {
        final int k = advance();
        final int i = data.instrument[k];
        final boolean buy = (k & 1) == 0;
        final RiskReason reason = risk.check(i, buy, buy ? data.ask[k] : data.bid[k], 10);
        blackhole.consume(reason);
    }

    /**
     * An order refused at the price band.
     *
     * @param blackhole consumes the verdict.
     */
    @Benchmark
    public void reject(final Blackhole blackhole)
    {
        final int k = advance();
        final int i = data.instrument[k];
        blackhole.consume(risk.check(i, true, data.ask[k] * 2, 10));
    }
}
