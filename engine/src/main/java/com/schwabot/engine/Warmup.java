package com.schwabot.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.LogonEncoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.YesNo;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.LatencyRecorder;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.ReportSink;
import com.schwabot.engine.replay.SimulatedVenue;
import com.schwabot.engine.ring.BusinessExceptionHandler;
import com.schwabot.engine.ring.BusinessHandler;
import com.schwabot.engine.ring.EngineWaitStrategies;
import com.schwabot.engine.ring.InboundEvent;
import com.schwabot.engine.ring.InputRing;
import com.schwabot.engine.ring.JournalGate;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.ring.OutputRingSender;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.venue.Sources;
import com.schwabot.engine.venue.sim.ExchangeSimulator;
import com.schwabot.engine.venue.sim.MarketDataListener;
import com.schwabot.engine.venue.sim.SimulatorCore;
import com.schwabot.engine.venue.sim.SimulatorCounters;
import com.schwabot.engine.venue.sim.StreamType;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.tensor.TensorBackend;

/**
 * The JIT warm-up before an engine goes live ({@code engine.warmup_frames}). A live engine decides a few orders a
 * second, so its order path (the decision, the risk gate's check, the order stage's encoding, the fill) would run
 * in the interpreter for many minutes: after 60 s of a default run, {@code OrderStage.sendIoc} had not been
 * compiled at all and {@code DecisionStage.trade} only by C1 with full profiling (tier 3)
 * ({@code -XX:+PrintCompilation}). Here throwaway cores, built from the same configuration as the live one, trade
 * against the simulator's seeded market with event times a tick apart (mostly 500 ms, with bursts of ticks 60 ms
 * apart). After each tick the decision stage is given a score that flips the target of every instrument (a long
 * unit, then a short one), so that it sends an order per instrument and tick, as many as the risk gate lets
 * through: the same methods the live engine's orders run are run often enough to be compiled before the first live
 * event.
 * <p>
 * Everything takes the live engine's way, through objects of the same classes, because compiled code keeps what it
 * saw: a class at a call site, a branch never taken, a buffer never off the heap. The first live event that differs
 * throws the compiled code away (deoptimizes it: back to the interpreter, then compiled again), which is what the
 * warm-up is for avoiding. So:
 * <ul>
 *     <li>the market data, a timer tick per tick, the venue's logon answer and its execution reports go into an
 *     {@link InputRing} (off-heap slots, the configured wait strategy), whose {@link BusinessHandler} journals them
 *     and runs the pipeline on a business thread of the warm-up's own, in Disruptor batches as they come;</li>
 *     <li>each frame arrives some microseconds after its venue time, as a live feed's does;</li>
 *     <li>orders go through the recovery gate and an {@link OutputRingSender} that journals them and puts them on an
 *     output ring, drained after each tick into the backtests' simulated venue (in the gateway's place), which fills
 *     them 100 ms later and answers on the input ring as the trading venue's order connection;</li>
 *     <li>the work is split among {@value #ROUNDS} cores, one after another, each with its own journal and rings,
 *     so that the branches a fresh core takes (its first orders and journal commits, an indicator not warm yet, the
 *     first day of the risk gate) are taken by compiled code too, as the live core's are;</li>
 *     <li>the latency recorder's intervals are sampled every {@value #SAMPLE_MASK} + 1 ticks, as the live monitor
 *     samples them.</li>
 * </ul>
 * The warm-up's own thread (the caller) drives the market, and between ticks, while the business thread waits for
 * input, it forces the scores and runs the venue: each side hands the core to the other through the ring's
 * sequences, never both at once.
 * <p>
 * It touches nothing of the live engine: its own cores, counters, clocks, rings, and a journal per core in a
 * temporary directory, deleted at the end; no socket, cache or database. It shares the tensor backend, used here
 * before the live core first scores. So it changes no decision of the live run and nothing a replay would see.
 */
final class Warmup
{
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    /**
     * Event time between two of the simulator's ticks, most of the time: 500 ms, so that an order per instrument and
     * tick stays within the default order-rate limit (5 a second) for two instruments.
     */
    private static final long TICK_NANOS = 500_000_000L;
    /**
     * Event time between the ticks of a burst: 60 ms, shorter than {@link #FILL_LATENCY_NANOS}, so that a decision
     * finds its last order still working, and so frequent that the order-rate limit fills and defers decisions. The
     * live engine meets both all the time (an order waits for the venue's answer; bursts of decisions), and code
     * compiled on a profile that never saw them would be thrown away at the first live order that does.
     */
    private static final long BURST_TICK_NANOS = 60_000_000L;
    /**
     * Ticks at the start of each core that are all a burst: {@value} of them, 15 s of event time. A live market
     * brings many events a second, so a live core's averages over events warm up within seconds while its ATR
     * (one-second bars) takes 14 s; ticks 500 ms apart from the start would warm the ATR first, and the compiled
     * code would never have seen the averages warm before the ATR.
     */
    private static final long OPENING_TICKS = 250;
    /** Ticks in each cycle of the tick pattern, and the last ones of a cycle that are a burst. */
    private static final int CYCLE_TICKS = 8;
    private static final int BURST_TICKS = 4;
    /**
     * From a frame's venue time to its arrival: 20 to 27 us, and for every 16th frame 1 us before it (a venue clock
     * running ahead), so that the stages' "as of" choices between the two times see both.
     */
    private static final long FEED_DELAY_NANOS = 20_000L;
    private static final long VENUE_AHEAD_NANOS = -1_000L;
    /** Slots of the throwaway input ring: more than a tick's frames and reports. */
    private static final int INPUT_RING_SIZE = 1024;
    /** Slots of the throwaway output ring: more than the orders of one tick. */
    private static final int OUTPUT_RING_SIZE = 1024;
    /** Event time from a send to the simulated venue acting on it: 100 ms. */
    private static final long FILL_LATENCY_NANOS = 100_000_000L;
    /** Throwaway cores, one after another, each given an equal share of the frames. */
    static final int ROUNDS = 4;
    /**
     * Ticks between two samples of the latency recorder's intervals, as the live monitor takes them: the recorder
     * switches histograms at each, and a fresh histogram takes branches a long-lived one never does.
     */
    private static final long SAMPLE_MASK = 63;
    /** How long the driver waits for the warm-up's business thread to catch up before it gives up. */
    private static final long HAND_OVER_TIMEOUT_NANOS = 10_000_000_000L;
    /** The warm-up market's event times start here (2024-01-01T00:00:00Z): any fixed time will do. */
    private static final long START_NANOS = 1_704_067_200_000_000_000L;
    /** The account of the venue's logon answer, and the exec id after which it sends reports. */
    private static final long ACCOUNT = 1;
    private static final long LOGON_EXEC_ID = 0;

    private Warmup()
    {
    }

    /**
     * What a warm-up did.
     *
     * @param frames       market-data frames fed.
     * @param orders       orders the throwaway cores sent.
     * @param fills        fills the simulated venue reported back through the input rings.
     * @param cores        throwaway cores that traded: {@value #ROUNDS}, fewer when a few cores' opening frames
     *                     already make up the frames asked for.
     * @param journaled    records journaled: the inbound frames (market data, timer ticks, venue answers) and the
     *                     orders and cancels.
     * @param faults       what should not happen: frames dropped at a full ring, refused or not journaled, bad
     *                     frames or values, exceptions in the handler, a full output ring. Code warmed on those paths
     *                     is not the live one.
     * @param elapsedNanos how long it took.
     */
    record Result(long frames, long orders, long fills, int cores, long journaled, long faults, long elapsedNanos)
    {
        static final Result NONE = new Result(0, 0, 0, 0, 0, 0, 0);
    }

    private static final EngineCounter[] FAULTS = {
        EngineCounter.RING_FULL_DROPS, EngineCounter.OVERSIZED_DROPS, EngineCounter.JOURNAL_FAILURES,
        EngineCounter.JOURNAL_REFUSED, EngineCounter.HANDLER_ERRORS, EngineCounter.UNEXPECTED_FRAMES,
        EngineCounter.BAD_VALUES, EngineCounter.OUTPUT_RING_FULL};

    /**
     * Trade throwaway cores over a number of the simulator's market-data frames.
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
     * Trade throwaway cores over a number of the simulator's market-data frames, their journals in a directory made
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
        try
        {
            long fed = 0;
            long orders = 0;
            long fills = 0;
            long journaled = 0;
            long faults = 0;
            int cores = 0;
            for (int round = 0; round < ROUNDS && fed < frames; round++)
            {
                cores++;
                try (Journal journal = Journal.open(Engine.journalContext(config, dir.resolve("core-" + round)));
                    Round core = new Round(config, backend, journal))
                {
                    final int left = ROUNDS - round;
                    core.trade((frames - fed + left - 1) / left);
                    fed += core.fed;
                    orders += core.counters.value(EngineCounter.ORDERS_SENT);
                    fills += core.counters.value(EngineCounter.FILLS);
                    journaled += journal.appender().lastSequence();
                    faults += core.counters.badFrameTotal();
                    for (final EngineCounter fault : FAULTS)
                    {
                        faults += core.counters.value(fault);
                    }
                }
            }
            if (faults > 0)
            {
                LOG.warn("JIT warm-up: {} frames dropped, refused or bad, or handler errors: code was compiled for " +
                    "paths a live run should not take", faults);
            }
            return new Result(fed, orders, fills, cores, journaled, faults, System.nanoTime() - start);
        }
        finally
        {
            IoUtil.delete(dir.toFile(), true);
        }
    }

    /**
     * One throwaway core, its rings and business thread, and the simulator's market feeding it.
     */
    private static final class Round implements MarketDataListener, ReportSink, AutoCloseable
    {
        private final EngineCounters counters = new EngineCounters();
        private final JournalAppender appender;
        private final LatencyRecorder latency;
        private final Histogram intervals = LatencyRecorder.newHistogram();
        private final TradingCore core;
        private final SimulatedVenue venue;
        private final InputRing input;
        private final BusinessHandler handler;
        private final BatchEventProcessor<InboundEvent> processor;
        private final Thread thread;
        private final EventPoller<OutboundEvent> gateway;
        private final EventPoller.Handler<OutboundEvent> toVenue;
        private final SimulatorCore market;
        private final long marketSource;
        private final long orderSource;
        private long now = START_NANOS;
        private long fed;

        Round(final SchwabotConfig config, final TensorBackend backend, final Journal journal)
        {
            appender = journal.appender();
            venue = new SimulatedVenue(new InstrumentTable(config.instruments()),
                FillSettings.of(config.backtest()).withLatencyNanos(FILL_LATENCY_NANOS));
            final EventClock clock = new EventClock();
            final JournalGate journalGate = new JournalGate();
            final RingBuffer<OutboundEvent> output =
                RingBuffer.createSingleProducer(OutboundEvent::new, OUTPUT_RING_SIZE, new SleepingWaitStrategy());
            gateway = output.newPoller();
            output.addGatingSequences(gateway.getSequence());
            toVenue = (event, sequence, endOfBatch) ->
            {
                if (event.length() > 0)
                {
                    venue.send(event.buffer(), 0, event.length(), event.clOrdId(), event.destination());
                }
                return true;
            };
            orderSource = Venues.orderDestination(config);
            marketSource = Venues.marketDataSource(config);
            core = new TradingCore(config, backend, clock, new Recovery.Gate(
                new OutputRingSender(output, appender, clock, journalGate, counters)), orderSource, counters);
            venue.market(core.market());
            input = new InputRing(INPUT_RING_SIZE, Engine.SLOT_CAPACITY,
                EngineWaitStrategies.business(config.engine()), counters);
            latency = new LatencyRecorder(new OffsetEpochNanoClock(), counters);
            handler = new BusinessHandler(input.ring(), appender, core.pipeline(), counters, latency, journalGate);
            processor = new BatchEventProcessorBuilder().build(input.ring(), input.ring().newBarrier(), handler);
            processor.setExceptionHandler(new BusinessExceptionHandler(journalGate, counters));
            input.ring().addGatingSequences(processor.getSequence());
            market = new SimulatorCore(ExchangeSimulator.Context.from(config).conclude(), this,
                (sessionId, buffer, offset, length) ->
                {
                }, new SimulatorCounters());
            thread = new Thread(processor, "schwabot-warmup-business");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Trade until a number of market-data frames were fed.
         *
         * @param frames how many.
         */
        void trade(final long frames)
        {
            input.publishAdmin(0, AdminAction.SESSION_START, 0, now, "schwabot JIT warm-up");
            input.onConnectionState(marketSource, Sources.CHANNEL_MARKET_DATA, true, now);
            input.onConnectionState(orderSource, Sources.CHANNEL_ORDER_ENTRY, true, now);
            logonAnswer();
            final int instruments = core.instruments().count();
            final ExpandableArrayBuffer snapshot = new ExpandableArrayBuffer(Engine.SLOT_CAPACITY);
            for (int i = 0; i < instruments; i++)
            {
                onMarketData(i, StreamType.DEPTH20, snapshot, 0, market.encodeSnapshot(i, now, snapshot, 0));
            }
            for (long tick = 0; fed < frames; tick++)
            {
                now += tick >= OPENING_TICKS && tick % CYCLE_TICKS < CYCLE_TICKS - BURST_TICKS ?
                    TICK_NANOS : BURST_TICK_NANOS;
                venue.onMarketEvent(this, now);
                market.tick(now);
                input.publishTimer(tick + 1, now + FEED_DELAY_NANOS);
                awaitBusinessThread();
                if ((tick & SAMPLE_MASK) == 0)
                {
                    latency.events().getIntervalHistogramInto(intervals);
                    latency.orders().getIntervalHistogramInto(intervals);
                }
                if (core.risk().isHalted())
                {
                    core.risk().resume(); // its fees trip the daily-loss breaker: a throwaway core trades on
                }
                final float score = (tick & 1) == 0 ? 1.0f : -1.0f;
                for (int i = 0; i < instruments; i++)
                {
                    core.decisions().onScore(i, score);
                }
                try
                {
                    gateway.poll(toVenue);
                }
                catch (final Exception ex)
                {
                    throw new IllegalStateException("the warm-up's gateway: " + ex.getMessage(), ex);
                }
                appender.handOver();
            }
            awaitBusinessThread();
        }

        private void logonAnswer()
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MessageHeaderEncoder.ENCODED_LENGTH +
                LogonEncoder.BLOCK_LENGTH]);
            final LogonEncoder logon = new LogonEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
                .timeNs(now)
                .account(ACCOUNT)
                .lastExecId(LOGON_EXEC_ID)
                .reset(YesNo.YES);
            input.onExecution(orderSource, buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + logon.encodedLength(),
                now + FEED_DELAY_NANOS);
        }

        /**
         * Wait until the business thread has handled everything published: from then until the next publication the
         * core is the caller's.
         */
        private void awaitBusinessThread()
        {
            final long published = input.ring().getCursor();
            final long deadline = System.nanoTime() + HAND_OVER_TIMEOUT_NANOS;
            while (handler.processedSequence() < published)
            {
                if (!thread.isAlive() || System.nanoTime() - deadline > 0)
                {
                    throw new IllegalStateException("the warm-up's business thread stopped at sequence " +
                        handler.processedSequence() + " of " + published);
                }
                Thread.yield();
            }
            appender.handOver();
        }

        public void onMarketData(
            final int instrumentIndex,
            final StreamType type,
            final DirectBuffer buffer,
            final int offset,
            final int length)
        {
            final long delay = (fed & 15) == 15 ? VENUE_AHEAD_NANOS : FEED_DELAY_NANOS + (fed & 7) * 1_000L;
            if (input.onMarketData(marketSource, buffer, offset, length, now + delay))
            {
                fed++;
            }
        }

        public void onReport(final DirectBuffer buffer, final int offset, final int length, final long nanos)
        {
            input.onExecution(orderSource, buffer, offset, length, nanos);
        }

        public void close()
        {
            processor.halt();
            try
            {
                thread.join(HAND_OVER_TIMEOUT_NANOS / 1_000_000L);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
