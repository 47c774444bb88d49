package com.schwabot.engine.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.codecs.CheckedFrameView;
import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.SharedMarket;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.Venues;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.replay.SessionStarts;
import com.schwabot.engine.replay.SimulatedVenue;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.StrategyTable;
import com.schwabot.journal.Journal;
import com.schwabot.journal.RecordHandler;
import com.schwabot.tensor.TensorBackend;

/**
 * A backtest of many strategy parameter variants in one pass over a journal. Each variant is a whole
 * {@link TradingCore} of its own (decisions with its threshold, risk gate, order manager, portfolio, learning) with
 * its own {@link SimulatedVenue}; what depends on market data only is done once for all of them: the journal is read
 * once, each market frame is checked, normalized, validated and turned into signals by one {@link SharedMarket}, the
 * feature rows are built once per batch, and every variant's weights are scored in one
 * {@link TensorBackend#sweep} call per batch ({@link SweepScorer}). Other records (timers, admin commands,
 * connection states, recorded execution reports) go to every variant's pipeline, as a replay would feed them.
 * <p>
 * Variant 0 is the configuration as it is and takes exactly the decisions of a plain {@link Replayer} backtest of
 * the same journal with the same fill settings (same digest and P&amp;L). Fills are always simulated: a recorded
 * venue's reports answer only the orders the live run sent. Each engine run in the journal (SESSION_START) is
 * replayed from fresh cores, as {@link Replayer} does; P&amp;L, fees, fills and orders add up over the runs.
 * <p>
 * Not thread-safe: one sweep at a time per instance.
 */
public final class SweepReplayer
{
    /** Event time between two P&amp;L samples of each variant (drawdown and Sharpe): one minute. */
    public static final long SAMPLE_NANOS = 60_000_000_000L;
    private static final double SAMPLES_PER_DAY = 1440.0;

    private final SchwabotConfig config;
    private final TensorBackend backend;
    private final List<Variant> variants;
    private FillSettings fillSettings;

    /**
     * A sweep.
     *
     * @param config   the configuration every variant starts from.
     * @param backend  the tensor backend; its capacity must allow {@code variants.size()} variants.
     * @param variants the variants, by id; variant 0 should be the base.
     */
    public SweepReplayer(final SchwabotConfig config, final TensorBackend backend, final List<Variant> variants)
    {
        if (variants.isEmpty())
        {
            throw new IllegalArgumentException("a sweep needs at least one variant");
        }
        this.config = config;
        this.backend = backend;
        this.variants = List.copyOf(variants);
        this.fillSettings = FillSettings.of(config.backtest());
    }

    /**
     * How every variant's simulated venue fills (default: config.yaml's {@code backtest} section).
     *
     * @param settings latency and fees.
     * @return this.
     */
    public SweepReplayer fillSettings(final FillSettings settings)
    {
        this.fillSettings = settings;
        return this;
    }

    /**
     * Sweep a journal directory (opened read-only).
     *
     * @param journalDir the journal.
     * @return the results.
     */
    public SweepResult replay(final Path journalDir)
    {
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            return replay(journal);
        }
    }

    /**
     * Sweep an open journal.
     *
     * @param journal the journal.
     * @return the results.
     */
    public SweepResult replay(final Journal journal)
    {
        final Totals totals = new Totals();
        final SessionStarts starts = new SessionStarts();
        final long start = System.nanoTime();
        final RecordHandler handler = (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
        {
            totals.records++;
            if (starts.sessionStart(buffer, offset, length) == SessionStarts.FRESH)
            {
                totals.finishSession(); // a restart that continues the session (crash recovery) does not split it
            }
            if ((flags & JournalFlags.OUTBOUND) != 0)
            {
                return;
            }
            totals.inbound++;
            totals.session().onRecord(buffer, offset, length, ingressNanos, source, sequence,
                (flags & JournalFlags.END_OF_BATCH) != 0);
        };
        journal.replay(0, handler);
        totals.finishSession();
        final long elapsed = System.nanoTime() - start;
        final List<VariantResult> results = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++)
        {
            results.add(totals.accumulators[v].result(variants.get(v)));
        }
        return new SweepResult(totals.records, totals.inbound, totals.sessions, results, elapsed);
    }

    private final class Totals
    {
        private final Accumulator[] accumulators = new Accumulator[variants.size()];
        private Session session;
        private long records;
        private long inbound;
        private int sessions;

        Totals()
        {
            for (int v = 0; v < accumulators.length; v++)
            {
                accumulators[v] = new Accumulator();
            }
        }

        Session session()
        {
            if (null == session)
            {
                session = new Session();
                sessions++;
            }
            return session;
        }

        void finishSession()
        {
            if (null != session)
            {
                session.finish(accumulators);
                session = null;
            }
        }
    }

    /**
     * One engine run of the journal, replayed by every variant.
     */
    private final class Session
    {
        private final FrameChecker checker = new FrameChecker();
        private final CheckedFrameView view = new CheckedFrameView();
        private final EngineCounters sharedCounters = new EngineCounters();
        private final AtomicCounter sharedErrors = sharedCounters.get(EngineCounter.HANDLER_ERRORS);
        private final SharedMarket shared;
        private final TradingCore[] cores;
        private final EngineCounters[] counters;
        private final SimulatedVenue[] venues;
        private final SweepScorer scorer;
        private final double[][] samples;
        private int sampleCount;
        private long nextSample = Long.MIN_VALUE;

        Session()
        {
            final int count = variants.size();
            shared = new SharedMarket(config, new EventClock(), sharedCounters);
            cores = new TradingCore[count];
            counters = new EngineCounters[count];
            venues = new SimulatedVenue[count];
            final AtomicCounter[] errors = new AtomicCounter[count];
            final long destination = Venues.orderDestination(config);
            for (int v = 0; v < count; v++)
            {
                final Variant variant = variants.get(v);
                counters[v] = new EngineCounters();
                errors[v] = counters[v].get(EngineCounter.HANDLER_ERRORS);
                venues[v] = new SimulatedVenue(shared.instruments(), fillSettings);
                cores[v] = new TradingCore(config, backend, venues[v], destination, counters[v], shared,
                    variant.threshold(config), variant.learningRate(config));
                initialWeights(cores[v], variant, shared.strategies());
                venues[v].market(shared.market());
                cores[v].risk().gateway(true);
                cores[v].risk().feed(true);
            }
            scorer = new SweepScorer(backend, shared.signals(), cores, errors);
            samples = new double[count][64];
        }

        void onRecord(
            final DirectBuffer buffer, final int offset, final int length, final long nanos, final long source,
            final long sequence, final boolean endOfBatch)
        {
            if (nanos >= nextSample)
            {
                sample();
                nextSample = nanos - Math.floorMod(nanos, SAMPLE_NANOS) + SAMPLE_NANOS;
            }
            if (Replayer.isMarketData(buffer, offset, length))
            {
                for (final TradingCore core : cores)
                {
                    core.pipeline().beginSharedEvent(nanos, sequence, length);
                }
                onMarketFrame(buffer, offset, length);
                if (endOfBatch)
                {
                    scorer.onEndOfBatch();
                }
                for (int v = 0; v < cores.length; v++)
                {
                    venues[v].onMarketEvent(cores[v].pipeline(), nanos);
                }
            }
            else
            {
                for (final TradingCore core : cores)
                {
                    core.pipeline().onFrame(buffer, offset, length, nanos, source, sequence, false);
                }
                if (endOfBatch)
                {
                    scorer.onEndOfBatch();
                }
            }
        }

        private void onMarketFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            try
            {
                final FrameStatus status = checker.check(buffer, offset, length);
                if (status != FrameStatus.OK)
                {
                    sharedCounters.badFrame(status).incrementRelease();
                    return;
                }
                shared.normalize().onBinanceFrame(view.view(buffer, offset, length), offset, checker);
            }
            catch (final RuntimeException ex)
            {
                sharedErrors.incrementRelease();
            }
        }

        private void sample()
        {
            if (sampleCount == samples[0].length)
            {
                for (int v = 0; v < samples.length; v++)
                {
                    samples[v] = java.util.Arrays.copyOf(samples[v], sampleCount * 2);
                }
            }
            for (int v = 0; v < cores.length; v++)
            {
                samples[v][sampleCount] = cores[v].portfolio().totalPnl(shared.market());
            }
            sampleCount++;
        }

        void finish(final Accumulator[] accumulators)
        {
            scorer.onEndOfBatch();
            sample();
            for (int v = 0; v < cores.length; v++)
            {
                final TradingCore core = cores[v];
                core.pipeline().publishStatus();
                accumulators[v].add(core, counters[v], samples[v], sampleCount);
            }
        }
    }

    private static void initialWeights(final TradingCore core, final Variant variant, final StrategyTable strategies)
    {
        final float[] weights = core.tensor().batch().weights();
        for (int s = 0; s < strategies.count(); s++)
        {
            final Double w = variant.weights().get(strategies.name(s));
            final double base = null == w ? strategies.weight(s) : w;
            if (null != w || variant.weightScale() != 1.0)
            {
                weights[s] = (float)(base * variant.weightScale());
            }
        }
    }

    /**
     * A variant's results over the journal's runs.
     */
    private static final class Accumulator
    {
        private double pnlBefore;
        private double fees;
        private long fills;
        private long orders;
        private long updates;
        private String digest;
        private double peak = 0.0;
        private double maxDrawdown;
        private double previous = Double.NaN;
        private double sum;
        private double sumSquares;
        private int changes;
        private int samples;

        void add(final TradingCore core, final EngineCounters counters, final double[] series, final int n)
        {
            for (int k = 0; k < n; k++)
            {
                final double equity = pnlBefore + series[k];
                peak = Math.max(peak, equity);
                maxDrawdown = Math.max(maxDrawdown, peak - equity);
                if (!Double.isNaN(previous))
                {
                    final double change = equity - previous;
                    sum += change;
                    sumSquares += change * change;
                    changes++;
                }
                previous = equity;
            }
            samples += n;
            pnlBefore += core.status().pnl();
            fees += core.status().fees();
            fills += counters.value(EngineCounter.FILLS);
            orders += core.digest().frames();
            updates += core.tensor().updates();
            digest = core.digest().hex();
        }

        VariantResult result(final Variant variant)
        {
            double sharpe = Double.NaN;
            if (changes >= 2)
            {
                final double mean = sum / changes;
                final double variance = sumSquares / changes - mean * mean;
                if (variance > 0)
                {
                    sharpe = mean / Math.sqrt(variance) * Math.sqrt(SAMPLES_PER_DAY);
                }
            }
            return new VariantResult(variant, pnlBefore, fees, fills, orders, maxDrawdown, sharpe, samples, updates,
                null == digest ? new com.schwabot.engine.order.OrderDigest().hex() : digest);
        }
    }
}
