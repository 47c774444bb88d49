package com.schwabot.bench.engine;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.Venues;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.tensor.TensorBackend;

/**
 * One trial's business state for the pipeline throughput benchmarks: a {@link TradingCore} on the default
 * configuration with the CPU backend, connected, sending to an {@link AcceptingOrderSender}, and the market frames
 * each invocation feeds it, one lap per invocation (moved forward a lap before every invocation but the first, so
 * that the core always sees fresh, valid market data).
 * <p>
 * Not thread-safe: built and advanced by the benchmark thread while the consumer thread is idle between
 * invocations.
 */
final class PipelineFixture implements AutoCloseable
{
    final SchwabotConfig config = BenchEngine.defaultConfig();
    final TensorBackend backend = BenchEngine.cpuBackend(config);
    final EngineCounters counters = new EngineCounters();
    final AcceptingOrderSender sender = new AcceptingOrderSender();
    final TradingCore core = new TradingCore(
        config, backend, new EventClock(), sender, Venues.orderDestination(config), counters);
    final MarketFrames frames;
    private boolean fed;

    PipelineFixture(final int frameCount)
    {
        frames = MarketFrames.generate(config, frameCount, BenchEngine.START_NANOS);
        BenchEngine.connect(config, core.pipeline(), BenchEngine.START_NANOS);
    }

    Pipeline pipeline()
    {
        return core.pipeline();
    }

    /**
     * Before an invocation: the frames of the next lap.
     */
    void nextInvocation()
    {
        if (fed)
        {
            frames.nextLap();
        }
        fed = true;
    }

    long validEvents()
    {
        return counters.value(EngineCounter.MARKET_EVENTS_VALID);
    }

    public void close()
    {
        backend.close();
    }
}
