package com.schwabot.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import org.agrona.CloseHelper;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.learn.WeightStore;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.ring.BusinessHandler;
import com.schwabot.engine.ring.EngineWaitStrategies;
import com.schwabot.engine.ring.InboundEvent;
import com.schwabot.engine.ring.InputRing;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.ring.OutputRingSender;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;
import com.schwabot.journal.JournalRollCycle;
import com.schwabot.tensor.TensorBackend;

/**
 * The live engine: the journal, the input ring and the business thread running the {@link TradingCore}, the output
 * ring drained by the order gateway, the timer, and the venues (the embedded simulator, feeds, gateway) started by
 * a {@link VenueStarter}.
 * <p>
 * Threads: one business thread (the Disruptor's processor), one timer thread, and whatever the venues run (Netty
 * event loops, the gateway). Shutdown order: venues (no more input), timer, then the business thread once it has
 * handled every event published, then the journal. {@link #close()} is idempotent. Start and close from one thread.
 */
public final class Engine implements AutoCloseable
{
    /** Bytes per input ring slot: the largest inbound frame accepted. */
    public static final int SLOT_CAPACITY = 4096;
    /** Interval of the timer ticks. */
    public static final long TIMER_INTERVAL_MS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    /**
     * Starts the venues once the rings exist: the embedded simulator, feed clients publishing into the input ring,
     * the gateway draining the output ring. Returns what must be closed at shutdown, in closing order.
     */
    @FunctionalInterface
    public interface VenueStarter
    {
        /**
         * Start the venues.
         *
         * @param engine the engine being started (rings, counters, clock, config).
         * @return what to close at shutdown, in order.
         * @throws Exception when a venue cannot start; the engine then closes what was started and rethrows.
         */
        List<AutoCloseable> start(Engine engine) throws Exception;
    }

    private final SchwabotConfig config;
    private final Path journalDir;
    private final EngineCounters counters = new EngineCounters();
    private final EpochNanoClock wallClock = new OffsetEpochNanoClock();
    private final Journal journal;
    private final InputRing inputRing;
    private final RingBuffer<OutboundEvent> outputRing;
    private final TensorBackend backend;
    private final TradingCore core;
    private final BatchEventProcessor<InboundEvent> processor;
    private final Thread businessThread;
    private final TimerSource timer;
    private final WeightStore weights;
    private final List<AutoCloseable> venues = new ArrayList<>();
    private boolean closed;

    private Engine(final SchwabotConfig config, final Path journalDir, final Path cacheDir)
    {
        this.config = config;
        this.journalDir = journalDir;
        journal = Journal.open(new JournalContext()
            .directory(journalDir)
            .rollCycle(JournalRollCycle.valueOf(config.journal().rollCycle().name()))
            .blockSize((long)config.journal().blockSizeMb() << 20));
        inputRing = new InputRing(config.engine().inputRingSize(), SLOT_CAPACITY,
            EngineWaitStrategies.of(config.engine().waitStrategy()), counters);
        outputRing = RingBuffer.createSingleProducer(
            OutboundEvent::new, config.engine().outputRingSize(), new SleepingWaitStrategy());
        backend = TradingCore.backend(config);
        final EventClock clock = new EventClock();
        core = new TradingCore(config, backend, clock,
            new OutputRingSender(outputRing, journal.appender(), clock), Venues.orderDestination(config), counters);
        final BusinessHandler handler = new BusinessHandler(journal.appender(), core.pipeline(), counters);
        processor = new BatchEventProcessorBuilder().build(inputRing.ring(), inputRing.ring().newBarrier(), handler);
        inputRing.ring().addGatingSequences(processor.getSequence());
        businessThread = new Thread(processor, "schwabot-business");
        weights = null == cacheDir ? null : openWeights(cacheDir);
        core.tensor().weightSink(weights);
        timer = new TimerSource(inputRing, wallClock, TIMER_INTERVAL_MS);
    }

    /**
     * Start an engine: journal, business thread, timer, venues.
     *
     * @param config     the validated configuration.
     * @param journalDir directory of the journal (created when absent; an existing journal continues).
     * @param venues     starts the venues.
     * @return the running engine.
     * @throws Exception when something cannot start (everything started is closed first).
     */
    public static Engine start(final SchwabotConfig config, final Path journalDir, final VenueStarter venues)
        throws Exception
    {
        return start(config, journalDir, null, venues);
    }

    /**
     * Start an engine that also saves its learned weights to the tensor weight cache (on timer ticks and at close).
     *
     * @param config     the validated configuration.
     * @param journalDir directory of the journal (created when absent; an existing journal continues).
     * @param cacheDir   directory of the tensor caches ({@code tensor.cache_dir}), or null to save nothing.
     * @param venues     starts the venues.
     * @return the running engine.
     * @throws Exception when something cannot start (everything started is closed first).
     */
    public static Engine start(
        final SchwabotConfig config, final Path journalDir, final Path cacheDir, final VenueStarter venues)
        throws Exception
    {
        final Engine engine = new Engine(config, journalDir, cacheDir);
        try
        {
            engine.businessThread.start();
            engine.timer.start();
            engine.venues.addAll(venues.start(engine));
            LOG.info("engine started: journal {}, tensor backend {}, wait strategy {}",
                journalDir, engine.backend.name(), config.engine().waitStrategy().label());
            return engine;
        }
        catch (final Exception | Error ex)
        {
            engine.close();
            throw ex;
        }
    }

    /**
     * The configuration.
     *
     * @return the configuration.
     */
    public SchwabotConfig config()
    {
        return config;
    }

    /**
     * The input ring's sink, for feeds and the gateway.
     *
     * @return the input ring.
     */
    public InputRing inputRing()
    {
        return inputRing;
    }

    /**
     * The output ring, drained by the order gateway.
     *
     * @return the output ring.
     */
    public RingBuffer<OutboundEvent> outputRing()
    {
        return outputRing;
    }

    /**
     * Counters.
     *
     * @return the counters.
     */
    public EngineCounters counters()
    {
        return counters;
    }

    /**
     * Wall clock in epoch nanoseconds for ingress stamps (allocation-free).
     *
     * @return the clock.
     */
    public EpochNanoClock wallClock()
    {
        return wallClock;
    }

    /**
     * The trading core. Its state belongs to the business thread: read its {@link TradingCore#status()} while
     * running, anything else only after {@link #close()}.
     *
     * @return the core.
     */
    public TradingCore core()
    {
        return core;
    }

    /**
     * The tensor backend's name.
     *
     * @return "cpu" or "cuda".
     */
    public String backendName()
    {
        return backend.name();
    }

    /**
     * Directory of the journal.
     *
     * @return the journal directory.
     */
    public Path journalDirectory()
    {
        return journalDir;
    }

    /**
     * Stop: venues, timer, then the business thread after it has handled everything published, then the journal.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        for (final AutoCloseable venue : venues)
        {
            CloseHelper.quietClose(venue);
        }
        timer.close();
        if (businessThread.isAlive())
        {
            drainAndHalt();
        }
        core.pipeline().publishStatus();
        if (null != weights)
        {
            core.tensor().save();
        }
        CloseHelper.quietCloseAll(journal, backend, weights);
    }

    private WeightStore openWeights(final Path cacheDir)
    {
        try
        {
            return WeightStore.open(cacheDir, core.strategies(), config.tensor().featureCount(),
                Math.max(config.tensor().maxInstruments(), config.instruments().size()));
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(journal, backend);
            throw ex;
        }
    }

    private void drainAndHalt()
    {
        final long deadline = System.nanoTime() +
            TimeUnit.MILLISECONDS.toNanos(config.engine().shutdownTimeoutMs());
        final long published = inputRing.ring().getCursor();
        while (processor.getSequence().get() < published && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        processor.halt();
        try
        {
            businessThread.join(TimeUnit.MILLISECONDS.toMillis(config.engine().shutdownTimeoutMs()));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
