package com.schwabot.bench.engine;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.schwabot.codecs.CheckedFrameView;
import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.Venues;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.MarketListener;
import com.schwabot.engine.stage.NormalizeStage;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.engine.stage.ValidMarketListener;
import com.schwabot.engine.stage.ValidateStage;
import com.schwabot.tensor.TensorBackend;

/**
 * Where a replay's time goes, stage by stage: the generated frames from memory (no journal, no ring) through
 * growing prefixes of the business logic, in ns per frame, so that each difference is one stage's cost:
 * <ul>
 *     <li>{@link #check}: {@link FrameChecker} only;</li>
 *     <li>{@link #normalize}: check, then {@link NormalizeStage} (over a {@link CheckedFrameView}, as the pipeline
 *     reads a checked frame) into a listener that does nothing;</li>
 *     <li>{@link #validate}: check, normalize, then {@link ValidateStage} (books, tops, trades) into a listener that
 *     does nothing;</li>
 *     <li>{@link #pipeline}: the whole {@link Pipeline} of a {@link TradingCore} (signal stage per event; tensor,
 *     decisions, risk and orders at an end of batch every 64th frame).</li>
 * </ul>
 * An invocation is one lap of {@value #FRAMES} frames, moved forward a lap before the next, as in
 * {@link PipelineThroughputBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StageCostBenchmark
{
    /** Frames per invocation. */
    public static final int FRAMES = 65_536;
    private static final int BATCH_MASK = 63;

    private final FrameChecker checker = new FrameChecker();
    private final CheckedFrameView view = new CheckedFrameView();
    private final DiscardingListener discard = new DiscardingListener();
    private SchwabotConfig config;
    private TensorBackend backend;
    private MarketFrames frames;
    private NormalizeStage normalizeOnly;
    private NormalizeStage normalizeValidate;
    private Pipeline pipeline;
    private long sequence;
    private boolean fed;

    /**
     * Generate the frames, build the stages.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        config = BenchEngine.defaultConfig();
        backend = BenchEngine.cpuBackend(config);
        frames = MarketFrames.generate(config, FRAMES, BenchEngine.START_NANOS);
        final InstrumentTable instruments = new InstrumentTable(config.instruments());
        final EngineCounters counters = new EngineCounters();
        normalizeOnly = new NormalizeStage(instruments, discard, counters);
        final ValidateStage validate = new ValidateStage(
            new MarketState(instruments.count(), TradingCore.BOOK_LEVELS_DEFAULT), discard, new EventClock(),
            TradingCore.PRICE_JUMP_BAND_BPS_DEFAULT, counters);
        normalizeValidate = new NormalizeStage(instruments, validate, counters);
        final TradingCore core = new TradingCore(config, backend, new EventClock(), new AcceptingOrderSender(),
            Venues.orderDestination(config), new EngineCounters());
        pipeline = core.pipeline();
        BenchEngine.connect(config, pipeline, BenchEngine.START_NANOS);
    }

    /**
     * Move the frames to the next lap.
     */
    @Setup(Level.Invocation)
    public void nextLap()
    {
        if (fed)
        {
            frames.nextLap();
        }
        fed = true;
    }

    /**
     * Release the backend.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        backend.close();
    }

    /**
     * Frame check only.
     *
     * @param cpu counts the thread's CPU time.
     * @return frames accepted.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int check(final InvocationCpuTime cpu)
    {
        cpu.invocationStart();
        int ok = 0;
        for (int k = 0; k < FRAMES; k++)
        {
            if (checker.check(frames.buffer(), frames.offset(k), frames.length(k)) == FrameStatus.OK)
            {
                ok++;
            }
        }
        cpu.invocationDone(FRAMES);
        return ok;
    }

    /**
     * Check and normalize.
     *
     * @param cpu counts the thread's CPU time.
     * @return canonical events delivered.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int normalize(final InvocationCpuTime cpu)
    {
        cpu.invocationStart();
        final int events = checkAndNormalize(normalizeOnly);
        cpu.invocationDone(FRAMES);
        return events;
    }

    /**
     * Check, normalize and validate.
     *
     * @param cpu counts the thread's CPU time.
     * @return canonical events delivered.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int validate(final InvocationCpuTime cpu)
    {
        cpu.invocationStart();
        final int events = checkAndNormalize(normalizeValidate);
        cpu.invocationDone(FRAMES);
        return events;
    }

    /**
     * The whole pipeline.
     *
     * @param cpu counts the thread's CPU time.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public void pipeline(final InvocationCpuTime cpu)
    {
        cpu.invocationStart();
        final long source = frames.source();
        for (int k = 0; k < FRAMES; k++)
        {
            pipeline.onFrame(frames.buffer(), frames.offset(k), frames.length(k), frames.ingressNanos(k), source,
                ++sequence, (k & BATCH_MASK) == BATCH_MASK);
        }
        cpu.invocationDone(FRAMES);
    }

    private int checkAndNormalize(final NormalizeStage normalize)
    {
        int events = 0;
        for (int k = 0; k < FRAMES; k++)
        {
            final int offset = frames.offset(k);
            final int length = frames.length(k);
            if (checker.check(frames.buffer(), offset, length) == FrameStatus.OK)
            {
                events += normalize.onBinanceFrame(view.view(frames.buffer(), offset, length), offset, checker);
            }
        }
        return events;
    }

    private static final class DiscardingListener implements MarketListener, ValidMarketListener
    {
        public void onTrade(
            final int instrument, final long timeNs, final long tradeId, final long price, final long qty,
            final boolean buyerMaker)
        {
        }

        public void onBookTop(
            final int instrument, final long timeNs, final long updateId, final long bid, final long bidQty,
            final long ask, final long askQty)
        {
        }

        public boolean onDepthBegin(
            final int instrument, final long timeNs, final long firstUpdateId, final long lastUpdateId,
            final boolean snapshot)
        {
            return true;
        }

        public void onDepthLevel(final int instrument, final boolean bid, final long price, final long qty)
        {
        }

        public void onDepthEnd(final int instrument)
        {
        }

        public void onValidTrade(
            final int instrument, final long timeNs, final long price, final long qty, final boolean buyerMaker)
        {
        }

        public void onValidBook(final int instrument, final long timeNs)
        {
        }
    }
}
