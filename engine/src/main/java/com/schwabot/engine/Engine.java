package com.schwabot.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.RingBuffer;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.http.AdminEndpoint;
import com.schwabot.engine.http.AdminToken;
import com.schwabot.engine.http.AuditLog;
import com.schwabot.engine.http.MonitorHttpServer;
import com.schwabot.engine.http.MonitorSources;
import com.schwabot.engine.learn.WeightSaver;
import com.schwabot.engine.learn.WeightStore;
import com.schwabot.engine.monitor.CounterMirror;
import com.schwabot.engine.monitor.CountersFile;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.JournalSpaceGuard;
import com.schwabot.engine.monitor.LatencyRecorder;
import com.schwabot.engine.monitor.MonitorAgent;
import com.schwabot.engine.ring.BusinessExceptionHandler;
import com.schwabot.engine.ring.BusinessHandler;
import com.schwabot.engine.ring.EngineWaitStrategies;
import com.schwabot.engine.ring.InboundEvent;
import com.schwabot.engine.ring.InputRing;
import com.schwabot.engine.ring.JournalGate;
import com.schwabot.engine.ring.JournalPretouch;
import com.schwabot.engine.ring.OutboundEvent;
import com.schwabot.engine.ring.OutputRingSender;
import com.schwabot.engine.ring.WakeOnPublish;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.OrderStage;
import com.schwabot.engine.venue.Sources;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;
import com.schwabot.journal.JournalDamagedException;
import com.schwabot.journal.JournalRollCycle;
import com.schwabot.tensor.TensorBackend;

/**
 * The live engine: the journal, the input ring and the business thread running the {@link TradingCore}, the output
 * ring drained by the order gateway, the timer, and the venues (the embedded simulator, feeds, gateway) started by
 * a {@link VenueStarter}, and the monitoring side ({@link MonitoringOptions}): the counters (in a file that
 * {@code schwabot stat} reads, or in memory), the business thread's latency recorder, the monitor agent (venue
 * counter copies, latency windows, alerts) and the monitoring HTTP server. The first event of every run is an
 * AdminCommand SESSION_START: a journal may hold several runs, each starting from a fresh core, and a replay starts
 * afresh at each of these marks.
 * <p>
 * A full disk under the journal: the engine does not start below {@code journal.stop_free_mb}; while running, the
 * {@link JournalSpaceGuard} (on the monitor thread) halts trading below {@code journal.min_free_mb} and stops the
 * {@link JournalGate} below the stop limit, as does a failed append on the business thread. A stopped gate means
 * nothing more is journaled or acted on: the owner sees {@link #journalStopCause()} and closes the engine.
 * <p>
 * Threads: one business thread (the Disruptor's processor), one timer thread, one monitor thread, the HTTP server's
 * event loop when served, and whatever the venues run (Netty event loops, the gateway). Shutdown order: the HTTP
 * server (no more admin commands), venues (no more input), timer, then the business thread once it has handled
 * every event published, the monitor (a last sample, the counters file marked closed), then the journal.
 * {@link #close()} is idempotent. Start and close from one thread.
 */
public final class Engine implements AutoCloseable
{
    /** Bytes per input ring slot: the largest inbound frame accepted. */
    public static final int SLOT_CAPACITY = 4096;
    /** Interval of the timer ticks. */
    public static final long TIMER_INTERVAL_MS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** Name of the business thread. */
    public static final String BUSINESS_THREAD_NAME = "schwabot-business";
    private static final String BUSINESS_THREAD_CPU_KEY = "engine.business_thread_cpu";

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
    private final MonitoringOptions monitoring;
    private final EngineCounters counters;
    private final EpochNanoClock wallClock = new OffsetEpochNanoClock();
    private final LatencyRecorder latency;
    private final CounterMirror counterMirror;
    private final MonitorAgent monitor;
    private final Journal journal;
    private final InputRing inputRing;
    private final RingBuffer<OutboundEvent> outputRing;
    private final WakeOnPublish outputRingWake = new WakeOnPublish();
    private final TensorBackend backend;
    private final TradingCore core;
    private final BatchEventProcessor<InboundEvent> processor;
    private final Thread businessThread;
    private final TimerSource timer;
    private final WeightSaver weights;
    private final Recovery.Gate gate;
    private Warmup.Result warmup = Warmup.Result.NONE;
    private final JournalGate journalGate = new JournalGate();
    private final JournalSpaceGuard journalSpace;
    private volatile boolean closing;
    private final List<AutoCloseable> venues = new ArrayList<>();
    private long recoveredFrom = -1;
    private long recoveredEvents;
    private long resumeAfterExecId = OrderStage.NO_EXEC_ID;
    private AgentRunner monitorRunner;
    private AgentRunner pretouchRunner;
    private MonitorHttpServer httpServer;
    private AuditLog auditLog;
    private boolean closed;

    private Engine(
        final SchwabotConfig config, final Path journalDir, final Path cacheDir, final MonitoringOptions monitoring)
        throws IOException
    {
        this.config = config;
        this.journalDir = journalDir;
        this.monitoring = monitoring;
        if (config.engine().hasCpuAffinity())
        {
            ThreadAffinity.checkPinnable(BUSINESS_THREAD_CPU_KEY, config.engine().businessThreadCpu());
        }
        final long stopBytes = config.journal().stopFreeMb() << 20;
        final LongSupplier freeBytes = ensureJournalSpace(journalDir, stopBytes);
        counters = null == monitoring.countersDirectory() ? new EngineCounters() : new EngineCounters(CountersFile
            .create(monitoring.countersDirectory(), EngineCounters.MAX_COUNTERS, System.currentTimeMillis()));
        latency = new LatencyRecorder(wallClock, counters);
        counterMirror = new CounterMirror(counters);
        journal = Journal.open(journalContext(config, journalDir));
        inputRing = new InputRing(config.engine().inputRingSize(), SLOT_CAPACITY,
            EngineWaitStrategies.business(config.engine()), counters);
        outputRing = RingBuffer.createSingleProducer(
            OutboundEvent::new, config.engine().outputRingSize(), outputRingWake);
        backend = TradingCore.backend(config);
        final EventClock clock = new EventClock();
        gate = new Recovery.Gate(new OutputRingSender(outputRing, journal.appender(), clock, journalGate, counters));
        core = new TradingCore(config, backend, clock, gate, Venues.orderDestination(config), counters);
        final BusinessHandler handler = new BusinessHandler(inputRing.ring(), journal.appender(), core.pipeline(),
            counters, latency, journalGate);
        processor = new BatchEventProcessorBuilder().build(inputRing.ring(), inputRing.ring().newBarrier(), handler);
        processor.setExceptionHandler(new BusinessExceptionHandler(journalGate, counters));
        inputRing.ring().addGatingSequences(processor.getSequence());
        businessThread = new Thread(this::runBusinessThread, BUSINESS_THREAD_NAME);
        weights = null == cacheDir ? null : openWeights(cacheDir);
        core.tensor().weightSink(weights);
        timer = new TimerSource(inputRing, wallClock, TIMER_INTERVAL_MS);
        journalSpace = new JournalSpaceGuard(journalDir, config.journal().minFreeMb() << 20, stopBytes, freeBytes,
            journalGate, this::publishJournalSpaceHalt, core.status()::halted, counters);
        monitor = new MonitorAgent(counters, core.status(), counterMirror, latency, config.monitoring(),
            config.risk().profiles().get(config.risk().activeProfile()).maxGrossExposure().doubleValue(),
            journalSpace, SystemEpochClock.INSTANCE);
    }

    /**
     * Refuse to start on a journal disk below the stop limit, before anything is written there.
     *
     * @return the source of the journal disk's free bytes.
     */
    private static LongSupplier ensureJournalSpace(final Path journalDir, final long stopBytes)
        throws IOException
    {
        Files.createDirectories(journalDir);
        final LongSupplier freeBytes = JournalSpaceGuard.usableSpace(journalDir);
        final long free = freeBytes.getAsLong();
        if (free >= 0 && free < stopBytes)
        {
            throw new IOException("no room for the journal: " + free + " bytes free on the disk of " + journalDir +
                ", below journal.stop_free_mb (" + stopBytes + " bytes); free space first");
        }
        return freeBytes;
    }

    private void publishJournalSpaceHalt(final String note)
    {
        if (!closing)
        {
            inputRing.publishAdmin(0, AdminAction.HALT, RiskReason.JOURNAL_SPACE, 0, wallClock.nanoTime(), note);
        }
    }

    /**
     * Start an engine with counters in memory and no HTTP server: journal, business thread, timer, venues, monitor.
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
        return start(config, journalDir, null, venues, new MonitoringOptions());
    }

    /**
     * Start an engine with counters in memory and no HTTP server that also saves its learned weights to the tensor
     * weight cache (on timer ticks and at close).
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
        return start(config, journalDir, cacheDir, venues, new MonitoringOptions());
    }

    /**
     * Start an engine that saves no weights.
     *
     * @param config     the validated configuration.
     * @param journalDir directory of the journal (created when absent; an existing journal continues).
     * @param venues     starts the venues.
     * @param monitoring what to expose.
     * @return the running engine.
     * @throws Exception when something cannot start (everything started is closed first).
     */
    public static Engine start(
        final SchwabotConfig config, final Path journalDir, final VenueStarter venues,
        final MonitoringOptions monitoring) throws Exception
    {
        return start(config, journalDir, null, venues, monitoring);
    }

    /**
     * Start an engine: counters (file or memory), journal, business thread, timer, venues, monitor agent, the
     * monitoring HTTP server when asked for, and the tensor weight cache when given one.
     *
     * @param config     the validated configuration.
     * @param journalDir directory of the journal (created when absent; an existing journal continues).
     * @param cacheDir   directory of the tensor caches ({@code tensor.cache_dir}), or null to save no weights.
     * @param venues     starts the venues.
     * @param monitoring what to expose.
     * @return the running engine.
     * @throws Exception when something cannot start (everything started is closed first).
     */
    public static Engine start(
        final SchwabotConfig config, final Path journalDir, final Path cacheDir, final VenueStarter venues,
        final MonitoringOptions monitoring) throws Exception
    {
        final Engine engine = new Engine(config, journalDir, cacheDir, monitoring);
        try
        {
            engine.warmup();
            if (config.engine().recoverOnStart())
            {
                engine.recover();
            }
            engine.businessThread.start();
            engine.pretouchRunner = JournalPretouch.start(engine.journal, config.journal(), engine.counters,
                (ex) -> LOG.error("journal pretouch failed; the business thread takes its own page faults until the " +
                    "journal rolls", ex));
            final long now = engine.wallClock.nanoTime();
            if (engine.recoveredFrom > 0)
            {
                engine.inputRing.publishAdmin(engine.recoveredFrom, AdminAction.SESSION_START, 0, now,
                    "schwabot engine restart: continues the session at journal sequence " + engine.recoveredFrom);
                engine.inputRing.onConnectionState(
                    Venues.orderDestination(config), Sources.CHANNEL_ORDER_ENTRY, false, now);
                engine.inputRing.onConnectionState(
                    Sources.source(Sources.VENUE_ENGINE, 0), Sources.CHANNEL_MARKET_DATA, false, now);
            }
            else
            {
                engine.inputRing.publishAdmin(0, AdminAction.SESSION_START, 0, now, "schwabot engine start");
            }
            engine.journalSpace.check(System.currentTimeMillis()); // below the reserve: halted before any data
            engine.timer.start();
            engine.venues.addAll(venues.start(engine));
            engine.monitorRunner = new AgentRunner(
                EngineWaitStrategies.monitor(config.engine().profile()), (ex) -> LOG.error("monitor failed", ex), null,
                engine.monitorAgent());
            AgentRunner.startOnThread(engine.monitorRunner);
            if (monitoring.httpServer())
            {
                engine.startHttpServer();
            }
            LOG.info("engine started: journal {}, tensor backend {}, threads: {}, journal pretouch {}",
                journalDir, engine.backend.name(), config.engine().describeThreads(),
                0 == config.journal().pretouchMb() ? "off" : config.journal().pretouchMb() + " MiB ahead");
            return engine;
        }
        catch (final Exception | Error ex)
        {
            engine.close();
            throw ex;
        }
    }

    /**
     * The JIT warm-up ({@link Warmup}). It is an optimization, not a condition of trading: should it fail, the failure
     * is logged and the engine starts cold, as with {@code engine.warmup_frames: 0}.
     */
    private void warmup()
    {
        try
        {
            warmup = Warmup.run(config, backend, config.engine().warmupFrames());
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("JIT warm-up skipped (engine.warmup_frames): {}", ex.toString());
        }
    }

    /**
     * Replay the journal's last session into the core, sending nothing (see {@link Recovery}).
     */
    private void recover()
    {
        final long from = Recovery.lastSession(journal);
        if (from <= 0)
        {
            return;
        }
        final long start = System.nanoTime();
        gate.open(false);
        try
        {
            recoveredEvents = Recovery.replay(journal, from, core.pipeline());
        }
        catch (final JournalDamagedException ex)
        {
            throw new JournalDamagedException("cannot recover the session begun at journal sequence " + from +
                ", so the engine would not hold what the last run held: " + ex.getMessage() +
                ". Set engine.recover_on_start: false to begin a new session on this journal, or move it aside");
        }
        finally
        {
            gate.open(true);
        }
        recoveredFrom = from;
        resumeAfterExecId = core.orderStage().lastExecId();
        LOG.info("recovered the session at journal sequence {}: {} events replayed in {} ms, {} orders working",
            from, recoveredEvents, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
            core.orders().openOrders());
    }

    /**
     * The session this engine continued after a restart ({@code engine.recover_on_start}).
     *
     * @return its first journal sequence, or -1 when the engine started afresh.
     */
    public long recoveredFrom()
    {
        return recoveredFrom;
    }

    /**
     * @return the inbound events replayed to recover the last session; 0 when none.
     */
    public long recoveredEvents()
    {
        return recoveredEvents;
    }

    /**
     * What the JIT warm-up before going live did ({@code engine.warmup_frames}).
     *
     * @return frames fed, orders the throwaway core sent, and the time it took, as one line; null when there was none.
     */
    public String warmupSummary()
    {
        return 0 == warmup.frames() ? null : String.format(Locale.ROOT,
            "warmed up the JIT: %,d simulator frames, %,d orders and %,d fills through %d throwaway core%s in %,d ms " +
            "(engine.warmup_frames)", warmup.frames(), warmup.orders(), warmup.fills(), warmup.cores(),
            1 == warmup.cores() ? "" : "s", warmup.elapsedNanos() / 1_000_000);
    }

    /**
     * What the order gateway's first logon asks the venue to resend after (see {@link Recovery}): the exec id of the
     * last venue report in the continued session's journal, or of the venue's last logon answer in it.
     *
     * @return the exec id, or {@link OrderStage#NO_EXEC_ID} when the engine started afresh or the session holds no
     * logon answer (the venue then starts a new session).
     */
    public long resumeAfterExecId()
    {
        return resumeAfterExecId;
    }

    private void startHttpServer() throws IOException
    {
        final AdminToken token = null == monitoring.adminToken() ? null : AdminToken.of(monitoring.adminToken());
        auditLog = null == monitoring.auditLog() ? null : AuditLog.open(monitoring.auditLog());
        final AdminEndpoint admin = new AdminEndpoint(token, auditLog,
            (id, action, nanos, note) -> inputRing.publishAdmin(id, action, 0, nanos, note), wallClock);
        httpServer = MonitorHttpServer.start(config.monitoring().httpHost(), config.monitoring().httpPort(),
            new MonitorSources(counters, core.status(), core.instruments(), monitor::snapshot,
                config.risk().activeProfile().label()), admin);
    }

    /**
     * @return the configuration.
     */
    public SchwabotConfig config()
    {
        return config;
    }

    /**
     * @return the input ring's sink, for feeds and the gateway.
     */
    public InputRing inputRing()
    {
        return inputRing;
    }

    /**
     * @return the output ring, drained by the order gateway.
     */
    public RingBuffer<OutboundEvent> outputRing()
    {
        return outputRing;
    }

    /**
     * A new idle strategy for the thread that drains the output ring (the gateway sender), as the profile says; under
     * {@code balanced} and {@code low-cpu} it parks until the business thread publishes an order on the output ring.
     *
     * @return a new idle strategy, for one thread.
     */
    public IdleStrategy gatewayIdleStrategy()
    {
        return EngineWaitStrategies.gateway(config.engine().profile(), outputRingWake);
    }

    /**
     * @return the counters.
     */
    public EngineCounters counters()
    {
        return counters;
    }

    /**
     * @return the copies of the venues' counters into the engine's counters; register at venue start.
     */
    public CounterMirror counterMirror()
    {
        return counterMirror;
    }

    /**
     * The monitor agent, for its last {@link MonitorAgent#snapshot()} (any thread).
     *
     * @return the monitor.
     */
    public MonitorAgent monitor()
    {
        return monitor;
    }

    /**
     * @return the monitoring HTTP server, or null when not served.
     */
    public MonitorHttpServer httpServer()
    {
        return httpServer;
    }

    /**
     * @return the wall clock in epoch nanoseconds for ingress stamps (allocation-free).
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
     * @return the tensor backend's name: "cpu" or "cuda".
     */
    public String backendName()
    {
        return backend.name();
    }

    /**
     * @return the journal directory.
     */
    public Path journalDirectory()
    {
        return journalDir;
    }

    /**
     * @return whether the journal may still be appended to (stopped by the journal space guard or a failure; any
     *         thread).
     */
    public JournalGate journalGate()
    {
        return journalGate;
    }

    /**
     * @return what stopped the journal (the engine then journals and acts on nothing, and should be closed), or null
     *         while the journal is open (any thread).
     */
    public String journalStopCause()
    {
        return journalGate.cause();
    }

    /**
     * The journal space guard, for its {@link JournalSpaceGuard#status()} (any thread).
     *
     * @return the guard.
     */
    public JournalSpaceGuard journalSpace()
    {
        return journalSpace;
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
        closing = true;
        CloseHelper.quietClose(httpServer);
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
            if (businessThread.isAlive())
            {
                LOG.warn("the business thread has not stopped: the learned weights since its last save are not " +
                    "saved to the weight cache");
            }
            else
            {
                core.tensor().save(); // the weight saver writes it when it closes, after the monitor thread
            }
        }
        if (null == monitorRunner && null != counters.file())
        {
            counters.file().markClosed(System.currentTimeMillis());
        }
        CloseHelper.quietCloseAll(pretouchRunner, monitorRunner, auditLog, journal, backend, weights);
    }

    private WeightSaver openWeights(final Path cacheDir)
    {
        try
        {
            return new WeightSaver(WeightStore.open(cacheDir, core.strategies(), config.tensor().featureCount(),
                Math.max(config.tensor().maxInstruments(), config.instruments().size())), counters);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(journal, backend);
            throw ex;
        }
    }

    /**
     * The monitor thread's agent: the monitor, and the weight saver when the engine saves its weights (it writes them
     * to the weight cache there, off the business thread). The thread keeps the monitor's name.
     */
    private Agent monitorAgent()
    {
        if (null == weights)
        {
            return monitor;
        }
        return new CompositeAgent(monitor, weights)
        {
            public String roleName()
            {
                return monitor.roleName();
            }
        };
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

    /**
     * The business thread: pinned to {@code engine.business_thread_cpu} when set (checked before the start; should
     * the kernel still refuse, the thread says so in the log and runs unpinned), then the Disruptor's processor.
     */
    private void runBusinessThread()
    {
        if (config.engine().hasCpuAffinity())
        {
            final int cpu = config.engine().businessThreadCpu();
            try
            {
                ThreadAffinity.pinCurrentThread(cpu);
                LOG.info("business thread pinned to CPU {}", cpu);
            }
            catch (final IllegalStateException ex)
            {
                LOG.error("{}={}: {}; the business thread runs unpinned", BUSINESS_THREAD_CPU_KEY, cpu,
                    ex.getMessage());
            }
        }
        processor.run();
    }

    /**
     * The journal settings of a live engine: the configured roll cycle and block size, checksums on.
     *
     * @param config     the configuration.
     * @param journalDir the journal directory.
     * @return the journal context.
     */
    public static JournalContext journalContext(final SchwabotConfig config, final Path journalDir)
    {
        return new JournalContext()
            .directory(journalDir)
            .rollCycle(JournalRollCycle.valueOf(config.journal().rollCycle().name()))
            .blockSize((long)config.journal().blockSizeMb() << 20);
    }
}
