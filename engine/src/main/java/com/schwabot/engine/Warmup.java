package com.schwabot.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.replay.SimulatedVenue;
import com.schwabot.engine.ring.JournalGate;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.ring.OutputRingSender;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.engine.venue.Sources;
import com.schwabot.engine.venue.sim.ExchangeSimulator;
import com.schwabot.engine.venue.sim.MarketDataListener;
import com.schwabot.engine.venue.sim.SimulatorCore;
import com.schwabot.engine.venue.sim.SimulatorCounters;
import com.schwabot.engine.venue.sim.StreamType;
import com.schwabot.journal.Journal;
import com.schwabot.tensor.TensorBackend;

/**
 * The JIT warm-up before an engine goes live ({@code engine.warmup_frames}). A live engine decides a few orders a
 * second, so its order path (the decision, the risk gate's check, the order stage's encoding, the fill) would run
 * in the interpreter for many minutes: after 60 s of a default run, {@code OrderStage.sendIoc} had not been
 * compiled at all and {@code DecisionStage.trade} only by C1 with full profiling (tier 3)
 * ({@code -XX:+PrintCompilation}). Here a throwaway core, built from the same configuration as the live one, trades
 * against the simulator's seeded market, fed in-process with event times a tick apart (mostly 500 ms, with bursts of
 * ticks 60 ms apart), as a replay feeds a journal ({@link Replayer#feed}). After each tick its decision stage is
 * given a score that flips the target of every instrument (a long unit, then a short one), so that it sends an order
 * per instrument and tick, as many as the risk gate lets through: the same methods the live engine's orders run are
 * run often enough to be compiled before the first live event.
 * <p>
 * Its orders take the live engine's way out, through objects of the same classes: the recovery gate, an
 * {@link OutputRingSender} that journals each order and puts it on an output ring, which is drained after each tick
 * into the backtests' simulated venue (in the gateway's place), which fills it 100 ms later. Compiled code keeps the
 * classes it saw at a call site: had the warm-up sent straight to the venue, the first live orders would have thrown
 * the compiled order path away (deoptimized it) at the sender's call.
 * <p>
 * It touches nothing of the live engine: its own core, counters, clock, output ring, and a journal in a temporary
 * directory, deleted at the end; no socket, cache or database. It shares the tensor backend, used here before the
 * live core first scores. So it changes no decision of the live run and nothing a replay would see. Not run on the
 * business thread: compiled code serves every thread.
 */
final class Warmup
{
    /**
     * Event time between two of the simulator's ticks, most of the time: 500 ms, so that an order per instrument and
     * tick stays within the default order-rate limit (5 a second) for two instruments.
     */
    private static final long TICK_NANOS = 500_000_000L;
    /**
     * Event time between the ticks of a burst: 60 ms, shorter than {@link #FILL_LATENCY_NANOS}, so that a decision
     * finds its last order still working, and so frequent that the order-rate limit fills and defers decisions. The
     * live engine meets both all the time (an order waits for the venue's answer; bursts of decisions), and code
     * compiled on a profile that never saw them would be thrown away at the first live order that does
     * (deoptimized back to the interpreter, then compiled again).
     */
    private static final long BURST_TICK_NANOS = 60_000_000L;
    /** Ticks in each cycle of the tick pattern, and the last ones of a cycle that are a burst. */
    private static final int CYCLE_TICKS = 8;
    private static final int BURST_TICKS = 4;
    /** Slots of the throwaway output ring: more than the orders of one tick. */
    private static final int OUTPUT_RING_SIZE = 1024;
    /** Event time from a send to the simulated venue acting on it: 100 ms. */
    private static final long FILL_LATENCY_NANOS = 100_000_000L;
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
     * @param journaled    records its output ring sender journaled (its orders and cancels).
     * @param elapsedNanos how long it took.
     */
    record Result(long frames, long orders, long journaled, long elapsedNanos)
    {
        static final Result NONE = new Result(0, 0, 0, 0);
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
        return run(config, backend, frames, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Trade a throwaway core over a number of the simulator's market-data frames, its journal in a directory made
     * under a parent and deleted at the end.
     *
     * @param config  the live engine's configuration.
     * @param backend the tensor backend the live core will use.
     * @param frames  how many frames to feed; 0 for none.
     * @param tempDir where the throwaway journal's directory is made.
     * @return what it did.
     */
    static Result run(final SchwabotConfig config, final TensorBackend backend, final long frames, final Path tempDir)
    {
        if (frames <= 0)
        {
            return Result.NONE;
        }
        final long start = System.nanoTime();
        final Path dir;
        try
        {
            dir = Files.createTempDirectory(tempDir, "schwabot-warmup-");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("the warm-up's journal: " + ex.getMessage(), ex);
        }
        try (Journal journal = Journal.open(Engine.journalContext(config, dir)))
        {
            return trade(config, backend, frames, journal, start);
        }
        finally
        {
            IoUtil.delete(dir.toFile(), true);
        }
    }

    private static Result trade(
        final SchwabotConfig config, final TensorBackend backend, final long frames, final Journal journal,
        final long start)
    {
        final EngineCounters counters = new EngineCounters();
        final SimulatedVenue venue = new SimulatedVenue(new InstrumentTable(config.instruments()),
            FillSettings.of(config.backtest()).withLatencyNanos(FILL_LATENCY_NANOS));
        final EventClock clock = new EventClock();
        final RingBuffer<OutboundEvent> output =
            RingBuffer.createSingleProducer(OutboundEvent::new, OUTPUT_RING_SIZE, new SleepingWaitStrategy());
        final EventPoller<OutboundEvent> gateway = output.newPoller();
        output.addGatingSequences(gateway.getSequence());
        final EventPoller.Handler<OutboundEvent> toVenue = (event, sequence, endOfBatch) ->
        {
            if (event.length() > 0)
            {
                venue.send(event.buffer(), 0, event.length(), event.clOrdId(), event.destination());
            }
            return true;
        };
        final TradingCore core = new TradingCore(config, backend, clock,
            new Recovery.Gate(new OutputRingSender(output, journal.appender(), clock, new JournalGate(), counters)),
            Venues.orderDestination(config), counters);
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
            feed.now += tick % CYCLE_TICKS < CYCLE_TICKS - BURST_TICKS ? TICK_NANOS : BURST_TICK_NANOS;
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
            poll(gateway, toVenue);
        }
        return new Result(feed.fed, counters.value(EngineCounter.ORDERS_SENT), journal.appender().lastSequence(),
            System.nanoTime() - start);
    }

    private static void poll(final EventPoller<OutboundEvent> gateway, final EventPoller.Handler<OutboundEvent> to)
    {
        try
        {
            gateway.poll(to);
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("the warm-up's gateway: " + ex.getMessage(), ex);
        }
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
