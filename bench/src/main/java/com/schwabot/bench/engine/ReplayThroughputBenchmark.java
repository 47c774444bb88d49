package com.schwabot.bench.engine;

import java.nio.file.Path;
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
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.journal.RecordHandler;
import com.schwabot.tensor.TensorBackend;

/**
 * Replay throughput in events (journal records) per second: a journal of {@value #FRAMES} generated market frames,
 * written once per trial with the engine's journal settings, replayed through {@link Replayer} (every stage, the
 * simulated venue filling the orders), against {@link #decodeOnly}, the same journal read and every Binance field
 * decoded with no stage: the ceiling a replay could reach; {@link #readOnly} is the tailer alone.
 * <p>
 * {@code batch} is how often the journal marks the end of a Disruptor batch: every 64th record (a busy live run) or
 * every record (what a live run journals when the business thread keeps up, each event its own batch); scoring and
 * decisions run at each mark. Each invocation replays the whole journal with a fresh {@code TradingCore}, which is
 * how {@link Replayer} works: a replay starts from the configured state, and feeding one core the same journal twice
 * would replay market data that goes back in time (every event rejected as stale or out of order, which measures
 * the reject path). Building the core is part of each invocation, spread over its million events.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReplayThroughputBenchmark
{
    /** Records in the journal: replayed whole by each invocation. */
    public static final int FRAMES = 1 << 20;

    /** Records per end-of-batch mark. */
    @Param({"64", "1"})
    public int batch;

    private final DecodeOnlyHandler decoder = new DecodeOnlyHandler();
    private long readBytes;
    private final RecordHandler counter = (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
        readBytes += length;
    private SchwabotConfig config;
    private TensorBackend backend;
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
        dir = BenchSupport.newScratchDir("replay");
        journal = Journal.open(BenchEngine.journalContext(config, dir));
        final MarketFrames frames = MarketFrames.generate(config, FRAMES, BenchEngine.START_NANOS);
        final JournalAppender appender = journal.appender();
        for (int k = 0; k < FRAMES; k++)
        {
            final boolean endOfBatch = (k + 1) % batch == 0 || k == FRAMES - 1;
            appender.append(frames.buffer(), frames.offset(k), frames.length(k), frames.ingressNanos(k),
                frames.source(), endOfBatch ? JournalFlags.END_OF_BATCH : 0);
        }
    }

    /**
     * Close and delete the journal.
     */
    @TearDown(Level.Trial)
    public void tearDown()
    {
        journal.close();
        backend.close();
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
        final ReplayResult result = new Replayer(config, backend, counters).replay(journal, true);
        if (result.inbound() != FRAMES)
        {
            throw new IllegalStateException("replayed " + result.inbound() + " of " + FRAMES + " records");
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
