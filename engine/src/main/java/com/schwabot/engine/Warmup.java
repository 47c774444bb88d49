package com.schwabot.engine;

import org.agrona.DirectBuffer;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.replay.SimulatedVenue;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.engine.venue.Sources;
import com.schwabot.engine.venue.sim.ExchangeSimulator;
import com.schwabot.engine.venue.sim.MarketDataListener;
import com.schwabot.engine.venue.sim.SimulatorCore;
import com.schwabot.engine.venue.sim.SimulatorCounters;
import com.schwabot.engine.venue.sim.StreamType;
import com.schwabot.tensor.TensorBackend;

/**
 * The JIT warm-up before an engine goes live ({@code engine.warmup_frames}). A live engine decides a few orders a
 * second, so its order path (the decision, the risk gate's check, the order stage's encoding, the fill) would run
 * in the interpreter for many minutes: after 60 s of a default run, {@code OrderStage.sendIoc} had not been
 * compiled at all and {@code DecisionStage.trade} only by C1 with full profiling (tier 3)
 * ({@code -XX:+PrintCompilation}). Here a throwaway core, built from the same configuration as the live one, trades
 * against the simulator's seeded market, fed in-process with event times a tick apart, as a replay feeds a journal
 * ({@link Replayer#feed}), and filled by the backtests' simulated venue. After each tick its decision stage is given
 * a score that flips the target of every instrument (a long unit, then a short one), so that it sends an order per
 * instrument and tick, as many as the risk gate lets through: the same methods the live engine's orders run are run
 * often enough to be compiled before the first live event.
 * <p>
 * It touches nothing of the live engine: its own core, counters and clock; no journal, ring, socket, cache or
 * database. It shares the tensor backend, used here before the live core first scores. So it changes no decision of
 * the live run and nothing a replay would see. Not run on the business thread: compiled code serves every thread.
 */
final class Warmup
{
    /**
     * Event time between two of the simulator's ticks: 500 ms, so that an order per instrument and tick stays within
     * the default order-rate limit (5 a second) for two instruments.
     */
    private static final long TICK_NANOS = 500_000_000L;
    /** The warm-up market's event times start here (2024-01-01T00:00:00Z): any fixed time will do. */
    private static final long START_NANOS = 1_704_067_200_000_000_000L;
    private static final long SOURCE = Sources.source(Sources.VENUE_SIMULATOR, Sources.CHANNEL_MARKET_DATA);

    private Warmup()
    {
    }

    /**
     * What a warm-up did.
     *
     * @param frames       market-data frames fed.
     * @param orders       orders the throwaway core sent.
     * @param elapsedNanos how long it took.
     */
    record Result(long frames, long orders, long elapsedNanos)
    {
        static final Result NONE = new Result(0, 0, 0);
    }

    /**
     * Trade a throwaway core over a number of the simulator's market-data frames.
     *
     * @param config  the live engine's configuration.
     * @param backend the tensor backend the live core will use.
     * @param frames  how many frames to feed; 0 for none.
     * @return what it did.
     */
    static Result run(final SchwabotConfig config, final TensorBackend backend, final long frames)
    {
        if (frames <= 0)
        {
            return Result.NONE;
        }
        final long start = System.nanoTime();
        final EngineCounters counters = new EngineCounters();
        final SimulatedVenue venue = new SimulatedVenue(
            new InstrumentTable(config.instruments()), FillSettings.of(config.backtest()));
        final TradingCore core = new TradingCore(
            config, backend, new EventClock(), venue, Venues.orderDestination(config), counters);
        venue.market(core.market());
        core.risk().gateway(true);
        core.risk().feed(true);
        final Feed feed = new Feed(core.pipeline(), venue);
        final SimulatorCore market = new SimulatorCore(ExchangeSimulator.Context.from(config).conclude(), feed,
            (sessionId, buffer, offset, length) ->
            {
            }, new SimulatorCounters());
        final int instruments = core.instruments().count();
        for (long tick = 0; feed.fed < frames; tick++)
        {
            feed.now += TICK_NANOS;
            market.tick(feed.now);
            core.pipeline().endOfBatch();
            if (core.risk().isHalted())
            {
                core.risk().resume(); // its fees trip the daily-loss breaker: a throwaway core trades on
            }
            final float score = (tick & 1) == 0 ? 1.0f : -1.0f;
            for (int i = 0; i < instruments; i++)
            {
                core.decisions().onScore(i, score);
            }
        }
        return new Result(feed.fed, counters.value(EngineCounter.ORDERS_SENT), System.nanoTime() - start);
    }

    /**
     * The simulator's frames into the throwaway pipeline, as a replay feeds a journal's.
     */
    private static final class Feed implements MarketDataListener
    {
        private final Pipeline pipeline;
        private final SimulatedVenue venue;
        private long now = START_NANOS;
        private long fed;

        Feed(final Pipeline pipeline, final SimulatedVenue venue)
        {
            this.pipeline = pipeline;
            this.venue = venue;
        }

        public void onMarketData(
            final int instrumentIndex,
            final StreamType type,
            final DirectBuffer buffer,
            final int offset,
            final int length)
        {
            fed++;
            Replayer.feed(pipeline, venue, buffer, offset, length, now, SOURCE, fed, 0);
        }
    }
}
