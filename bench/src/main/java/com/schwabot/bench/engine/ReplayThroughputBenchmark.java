package com.schwabot.bench.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.schwabot.bench.BenchSupport;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.sweep.SweepReplayer;
import com.schwabot.engine.sweep.SweepResult;
import com.schwabot.engine.sweep.SweepSpec;
import com.schwabot.engine.sweep.Variant;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.journal.RecordHandler;
import com.schwabot.tensor.TensorBackend;

/**
 * Backtest (replay) throughput in events (journal records) per second: a journal of {@value #FRAMES} market frames
 * ({@value #LAPS} laps of {@value #GENERATED} generated ones, see {@link MarketFrames}), written once per trial with
 * the engine's journal settings, replayed through {@link Replayer} as a backtest (every stage, the simulated venue
 * filling the orders with {@code fillLatencyUs} of latency, walking the recorded depth), against
 * {@link #decodeOnly}, the same journal read and every Binance field decoded with no stage: the ceiling a replay
 * could reach; {@link #readOnly} is the tailer alone. {@link #sweep} backtests {@value #SWEEP_VARIANTS} strategy
 * variants in the same one pass ({@link SweepReplayer}; its score is journal records per second, each record
 * serving every variant).
 * <p>
 * {@code batch} is how often the journal marks the end of a Disruptor batch: every 64th record (a busy live run) or
 * every record (what a live run journals when the business thread keeps up, each event its own batch); scoring and
 * decisions run at each mark. Each batch is one Chronicle excerpt, as the engine journals it. Each invocation
 * replays the whole journal with a fresh {@code TradingCore}, which is how {@link Replayer} works: a replay starts
 * from the configured state, and feeding one core the same journal twice would replay market data that goes back in
 * time (every event rejected as stale or out of order, which measures the reject path). Building the core is part of
 * each invocation, spread over its million events.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReplayThroughputBenchmark
{
    /** Frames generated. */
    public static final int GENERATED = 1 << 20;
    /** Times the generated frames are written (each lap shifted in time and update ids). */
    public static final int LAPS = 4;
    /** Records in the journal: replayed whole by each invocation. */
    public static final int FRAMES = GENERATED * LAPS;
    /** Variants of {@link #sweep}, the base included. */
    public static final int SWEEP_VARIANTS = 16;
    /** The sweep: 3 thresholds x 5 weight scales, plus the base. */
    public static final List<String> SWEEP = List.of("threshold=0.3,0.45,0.6", "weight-scale=0.4:2:0.4");

    /** Records per end-of-batch mark. */
    @Param({"64", "1"})
    public int batch;

    /** Latency of the simulated venue, microseconds of event time. */
    @Param({"0"})
    public long fillLatencyUs;

    private final DecodeOnlyHandler decoder = new DecodeOnlyHandler();
    private long readBytes;
    private final RecordHandler counter = (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
        readBytes += length;
    private SchwabotConfig config;
    private TensorBackend backend;
    private TensorBackend sweepBackend;
    private List<Variant> variants;
    private FillSettings fills;
    private EngineCounters counters;
    private Path dir;
    private Journal journal;

    /**
     * Generate the frames and write them to a fresh journal.
     */
    @Setup(Level.Trial)
    public void setUp()
    {
        BenchSupport.requireJvmFlags();
        config = BenchEngine.defaultConfig();
        backend = BenchEngine.cpuBackend(config);
        counters = new EngineCounters();
        fills = FillSettings.of(config.backtest()).withLatencyNanos(fillLatencyUs * 1000L);
        variants = SweepSpec.parse(SWEEP, config).variants();
        if (variants.size() != SWEEP_VARIANTS)
        {
            throw new IllegalStateException(variants.size() + " variants");
        }
        sweepBackend = TradingCore.backend(config, SWEEP_VARIANTS);
        dir = BenchSupport.newScratchDir("replay");
        journal = writeJournal(config, dir, batch, LAPS);
    }

    /**
     * A journal of {@code laps} laps of {@value #GENERATED} generated frames, written as the engine's business
     * thread writes one: each batch (the records up to an end-of-batch mark) one excerpt.
     *
     * @param config the configuration (instruments, simulator walk, journal settings).
     * @param dir    the journal's directory.
     * @param batch  records per end-of-batch mark, and per excerpt.
     * @param laps   laps.
     * @return the open journal.
     */
    public static Journal writeJournal(final SchwabotConfig config, final Path dir, final int batch, final int laps)
    {
        final Journal journal = Journal.open(BenchEngine.journalContext(config, dir));
        final MarketFrames frames = MarketFrames.generate(config, GENERATED, BenchEngine.START_NANOS);
        final JournalAppender appender = journal.appender();
        final int total = GENERATED * laps;
        appender.beginBatch();
        for (int k = 0; k < total; k++)
        {
            final int f = k % GENERATED;
            if (f == 0 && k > 0)
            {
                frames.nextLap();
            }
            final boolean endOfBatch = (k + 1) % batch == 0 || k == total - 1;
            if (!appender.fits(frames.length(f)))
            {
                appender.commitBatch();
                appender.beginBatch();
            }
            appender.add(frames.buffer(), frames.offset(f), frames.length(f), frames.ingressNanos(f),
                frames.source(), endOfBatch ? JournalFlags.END_OF_BATCH : 0);
            if (endOfBatch)
            {
                appender.commitBatch();
                if (k < total - 1)
                {
                    appender.beginBatch();
                }
            }
        }
        return journal;
    }

    /**
     * Close and delete the journal.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        journal.close();
        backend.close();
        sweepBackend.close();
        BenchSupport.deleteScratchDir(dir);
    }

    /**
     * The whole journal through a fresh core, fills from the simulated venue.
     *
     * @param cpu counts the thread's CPU time.
     * @return what the replay did.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public ReplayResult replay(final InvocationCpuTime cpu)
    {
        cpu.invocationStart();
        final ReplayResult result = new Replayer(config, backend, counters).fillSettings(fills).replay(journal, true);
        if (result.inbound() != FRAMES)
        {
            throw new IllegalStateException("replayed " + result.inbound() + " of " + FRAMES + " records");
        }
        cpu.invocationDone(FRAMES);
        return result;
    }

    /**
     * The whole journal through {@value #SWEEP_VARIANTS} variant cores sharing one decode, validate and signal pass,
     * one sweep scoring call per batch, each variant with its own simulated venue.
     *
     * @param cpu counts the thread's CPU time.
     * @return what the sweep did.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public SweepResult sweep(final InvocationCpuTime cpu)
    {
        cpu.invocationStart();
        final SweepResult result = new SweepReplayer(config, sweepBackend, variants).fillSettings(fills)
            .replay(journal);
        if (result.inbound() != FRAMES)
        {
            throw new IllegalStateException("swept " + result.inbound() + " of " + FRAMES + " records");
        }
        cpu.invocationDone(FRAMES);
        return result;
    }

    /**
     * The whole journal read by the tailer, each record's length summed: the journal's share of a replay.
     *
     * @param cpu counts the thread's CPU time.
     * @return the payload bytes read.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long readOnly(final InvocationCpuTime cpu)
    {
        cpu.invocationStart();
        readBytes = 0;
        final long records = journal.replay(0, counter);
        if (records != FRAMES)
        {
            throw new IllegalStateException("read " + records + " of " + FRAMES + " records");
        }
        cpu.invocationDone(FRAMES);
        return readBytes;
    }

    /**
     * The whole journal read and decoded, no stages.
     *
     * @param cpu counts the thread's CPU time.
     * @return a checksum of every field.
     */
    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long decodeOnly(final InvocationCpuTime cpu)
    {
        cpu.invocationStart();
        decoder.reset();
        journal.replay(0, decoder);
        if (decoder.records() != FRAMES)
        {
            throw new IllegalStateException("decoded " + decoder.records() + " of " + FRAMES + " records");
        }
        cpu.invocationDone(FRAMES);
        return decoder.checksum();
    }
}
