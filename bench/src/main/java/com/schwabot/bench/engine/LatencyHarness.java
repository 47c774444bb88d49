package com.schwabot.bench.engine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.RingBuffer;
import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;

import com.schwabot.bench.BenchSupport;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.config.RiskProfile;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.Engine;
import com.schwabot.engine.ThreadAffinity;
import com.schwabot.engine.TimerSource;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.Venues;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.EventLatency;
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
import com.schwabot.engine.venue.Sources;
import com.schwabot.journal.Journal;
import com.schwabot.tensor.TensorBackend;

/**
 * In-process latency and CPU cost of the engine's threads at a fixed arrival rate, coordinated omission corrected,
 * under a thread profile ({@code engine.profile}, {@code --profile}). A producer thread (this one) publishes generated
 * market frames into the engine's {@link InputRing} on a fixed schedule ({@code --rate} per second; 0: none, to measure
 * what idle waiting costs), stamping each with its intended send time ({@code System.nanoTime()}) as the ingress time;
 * it busy-waits between sends (or yields, {@code --producer yield}), and while it waits it plays the venue's part,
 * answering each order with an execution report ({@link AnsweringVenue}). The business thread runs the engine's
 * {@link BusinessHandler} (journal to a real queue under {@code bench.dir}, then every stage) wrapped in
 * {@link LatencyHandler}, on the profile's wait strategy (or {@code --wait}); its orders go, as in the engine, through
 * an {@link OutputRingSender} (journaled) onto the output ring, which a gateway thread ({@link GatewayDrain}, the
 * profile's gateway idle strategy) drains; the timer ticks as in the engine. Recorded, for events intended after the
 * warm-up:
 * <ul>
 *     <li>event latency: intended time to handler done, per market-data event;</li>
 *     <li>tick-to-order: intended time of the market-data event whose batch made the decision to the moment the
 *     order is handed to the order sender (business thread);</li>
 *     <li>order service time: from the moment the business thread took up the event being handled to the moment
 *     the order is handed over: the engine's own share of tick-to-order, the rest being the wait in front of the
 *     handler;</li>
 *     <li>tick-to-gateway: the same event to the moment the gateway thread has taken the order off the output ring,
 *     where the engine's gateway writes it to the socket;</li>
 *     <li>publish lag: how late the producer itself was against the schedule (the harness's own share);</li>
 *     <li>GC count and time (every {@code GarbageCollectorMXBean}), the business thread's allocated bytes, and CPU
 *     time per wall second over the measured window: the business thread, the gateway thread, the producer (the
 *     harness) and the whole process; the load average before and after.</li>
 * </ul>
 * The monitor and persistence threads, the Netty event loops and the HTTP server of a full engine are not run here.
 * Run it through {@code bench/run latency} (see {@link LatencyOptions#USAGE}). Prints through one stream on
 * standard output.
 */
public final class LatencyHarness
{
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final SchwabotConfig config;
    private final LatencyOptions options;
    private final Path dir;
    private final PrintStream out;
    private final Histogram latency = new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram service = new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram tickToOrder = new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram orderService = new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram otherOrderService = new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram tickToGateway = new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private final Histogram publishLag = new Histogram(1, HIGHEST_NANOS, SIGNIFICANT_DIGITS);
    private final EngineCounters counters = new EngineCounters();
    private long dropped;

    private LatencyHarness(
        final SchwabotConfig config, final LatencyOptions options, final Path dir, final PrintStream out)
    {
        this.config = config;
        this.options = options;
        this.dir = dir;
        this.out = out;
    }

    /**
     * Run the harness.
     *
     * @param args see {@link LatencyOptions#USAGE}.
     * @throws InterruptedException when interrupted.
     */
    public static void main(final String[] args) throws InterruptedException
    {
        final PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        final LatencyOptions options;
        try
        {
            options = LatencyOptions.parse(args);
        }
        catch (final IllegalArgumentException ex)
        {
            out.println(ex.getMessage());
            out.println(LatencyOptions.USAGE);
            System.exit(2);
            return;
        }
        measure(options, out);
    }

    /**
     * One run of the harness: it prints its report to {@code out} and returns the figures the goals are judged by.
     *
     * @param options the run's options.
     * @param out     where the report goes.
     * @return what was measured.
     * @throws InterruptedException when interrupted.
     */
    static LatencyResult measure(final LatencyOptions options, final PrintStream out) throws InterruptedException
    {
        BenchSupport.requireJvmFlags();
        final SchwabotConfig config = loadConfig(options);
        if (config.engine().hasCpuAffinity())
        {
            ThreadAffinity.checkPinnable("engine.business_thread_cpu", config.engine().businessThreadCpu());
        }
        final Path dir = BenchSupport.newScratchDir("latency");
        try
        {
            return new LatencyHarness(config, options, dir, out).run();
        }
        finally
        {
            BenchSupport.deleteScratchDir(dir);
        }
    }

    private static SchwabotConfig loadConfig(final LatencyOptions options)
    {
        final Map<String, String> env = options.environment();
        final SchwabotConfig config = BenchEngine.load(options.configDir, env);
        if (null == options.maxOrdersPerSecond)
        {
            return config;
        }
        final String profile = config.risk().activeProfile().label().toUpperCase(java.util.Locale.ROOT);
        env.put("SCHWABOT_RISK_PROFILES_" + profile + "_MAX_ORDERS_PER_SECOND",
            Integer.toString(options.maxOrdersPerSecond));
        return BenchEngine.load(options.configDir, env);
    }

    private LatencyResult run() throws InterruptedException
    {
        final MarketFrames frames = MarketFrames.generate(config, options.frames, BenchEngine.START_NANOS);
        final long marketData = Venues.marketDataSource(config);
        final long orderConnection = Venues.orderDestination(config);
        try (Journal journal = Journal.open(BenchEngine.journalContext(config, dir));
            TensorBackend backend = BenchEngine.cpuBackend(config))
        {
            final InputRing ring = new InputRing(config.engine().inputRingSize(), Engine.SLOT_CAPACITY,
                EngineWaitStrategies.business(config.engine()), counters);
            final WakeOnPublish outputRingWake = new WakeOnPublish();
            final RingBuffer<OutboundEvent> outputRing = RingBuffer.createSingleProducer(
                OutboundEvent::new, config.engine().outputRingSize(), outputRingWake);
            final long start = System.nanoTime() + START_DELAY_NANOS;
            final long measureStart = start + options.warmupSeconds * NANOS_PER_SECOND;
            final long end = measureStart + options.durationSeconds * NANOS_PER_SECOND;
            final AnsweringVenue venue = new AnsweringVenue(orderConnection);
            final EventClock clock = new EventClock();
            final JournalGate journalGate = new JournalGate();
            final OrderTimer orderTimer = new OrderTimer(
                new OutputRingSender(outputRing, journal.appender(), clock, journalGate, counters), tickToOrder,
                orderService, otherOrderService, measureStart);
            final TradingCore core = new TradingCore(config, backend, clock, orderTimer, orderConnection, counters);
            final LatencyHandler handler = new LatencyHandler(
                new BusinessHandler(ring.ring(), journal.appender(), core.pipeline(), counters, EventLatency.NONE,
                    journalGate),
                latency, service, marketData,
                measureStart);
            venue.wire(ring);
            orderTimer.wire(handler);
            final AgentRunner gateway = new AgentRunner(
                EngineWaitStrategies.gateway(config.engine().profile(), outputRingWake),
                Throwable::printStackTrace, null,
                new GatewayDrain(outputRing, orderTimer, venue, tickToGateway, measureStart));
            final RingBuffer<InboundEvent> buffer = ring.ring();
            final BatchEventProcessor<InboundEvent> processor =
                new BatchEventProcessorBuilder().build(buffer, buffer.newBarrier(), handler);
            buffer.addGatingSequences(processor.getSequence());
            final Thread business = new Thread(() ->
            {
                if (config.engine().hasCpuAffinity())
                {
                    try
                    {
                        ThreadAffinity.pinCurrentThread(config.engine().businessThreadCpu());
                    }
                    catch (final IllegalStateException ex)
                    {
                        out.println("latency harness: " + ex.getMessage() + "; the business thread runs " +
                            "unpinned");
                    }
                }
                processor.run();
            }, Engine.BUSINESS_THREAD_NAME);
            // the thread startOnThread returns: the runner's own thread() is null until that thread has begun
            final Thread gatewayThread = AgentRunner.startOnThread(gateway);
            final WindowSampler sampler = new WindowSampler(business, gatewayThread, Thread.currentThread(),
                measureStart);
            business.start();
            final AgentRunner pretouch = JournalPretouch.start(journal, config.journal(), counters,
                Throwable::printStackTrace);
            sampler.start();
            final TimerSource timer = options.timerMs > 0 ?
                new TimerSource(ring, System::nanoTime, options.timerMs) : null;
            if (null != timer)
            {
                timer.start();
            }
            ring.onConnectionState(marketData, Sources.CHANNEL_MARKET_DATA, true, System.nanoTime());
            ring.onConnectionState(orderConnection, Sources.CHANNEL_ORDER_ENTRY, true, System.nanoTime());

            final long lastIntended = produce(frames, ring, venue, start, measureStart, end);

            while (processor.getSequence().get() < buffer.getCursor())
            {
                venue.answer(lastIntended);
                Thread.yield();
            }
            if (null != timer)
            {
                timer.close();
            }
            sampler.finish();
            processor.halt();
            business.join();
            CloseHelper.close(pretouch);
            gateway.close();
            report(venue, orderTimer, sampler, frames);
            return new LatencyResult(options.durationSeconds, tickToOrder.getTotalCount(),
                percentile(tickToOrder, 50), percentile(tickToOrder, 99), percentile(tickToOrder, 99.99),
                percentile(orderService, 50), percentile(orderService, 99),
                percentile(tickToGateway, 50), percentile(tickToGateway, 99), orderTimer.otherOrders(),
                sampler.gcCount(), sampler.stealMillis());
        }
    }

    private static long percentile(final Histogram histogram, final double percentile)
    {
        return histogram.getTotalCount() == 0 ? -1 : histogram.getValueAtPercentile(percentile);
    }

    private long produce(
        final MarketFrames frames,
        final InputRing ring,
        final AnsweringVenue venue,
        final long start,
        final long measureStart,
        final long end)
    {
        final long source = frames.source();
        final int lap = frames.count();
        final long total = (end - start) / NANOS_PER_SECOND * options.rate;
        if (0 == total)
        {
            WindowSampler.sleepUntil(end);
            return start;
        }
        long lastIntended = start;
        for (long i = 0; i < total; i++)
        {
            final long intended = start + i * NANOS_PER_SECOND / options.rate;
            long now;
            while ((now = System.nanoTime()) < intended)
            {
                if (0 == venue.answer(lastIntended))
                {
                    if (options.producerYields)
                    {
                        Thread.yield();
                    }
                    else
                    {
                        Thread.onSpinWait();
                    }
                }
            }
            if (intended >= measureStart)
            {
                publishLag.recordValue(Math.min(now - intended, HIGHEST_NANOS));
            }
            final int k = (int)(i % lap);
            if (i >= lap)
            {
                frames.shiftToNextLap(k);
            }
            if (!ring.onMarketData(source, frames.buffer(), frames.offset(k), frames.length(k), intended))
            {
                dropped++;
            }
            lastIntended = intended;
            venue.answer(lastIntended);
        }
        return lastIntended;
    }

    private void report(
        final AnsweringVenue venue, final OrderTimer orderTimer, final WindowSampler sampler, final MarketFrames frames)
    {
        final RiskProfile profile = config.risk().active();
        out.printf("engine latency harness: %,d events/s for %d s after %d s of warm-up; threads: %s; " +
            "ring %,d slots; timer %d ms; risk profile %s (max_orders_per_second %d, max_open_orders %d); " +
            "%,d frames per lap, %.1f bytes per frame on average; journal under %s, pretouch %d MiB; %d CPUs; " +
            "the producer %s between events%n",
            options.rate, options.durationSeconds, options.warmupSeconds, config.engine().describeThreads(),
            config.engine().inputRingSize(), options.timerMs, config.risk().activeProfile().label(),
            profile.maxOrdersPerSecond(), profile.maxOpenOrders(), frames.count(),
            frames.totalBytes() / (double)frames.count(), dir.getParent(), config.journal().pretouchMb(),
            Runtime.getRuntime().availableProcessors(), options.producerYields ? "yields" : "spins");
        out.printf("events: %,d market-data events measured, %,d dropped (ring full), %,d frames handled in all, " +
            "%,d execution reports, %,d timer ticks, %,d validation rejects%n",
            latency.getTotalCount(), dropped, counters.value(EngineCounter.INBOUND_FRAMES),
            counters.value(EngineCounter.EXECUTION_REPORTS), counters.value(EngineCounter.TIMER_TICKS),
            counters.validationTotal());
        out.printf("orders: %,d sent in all (%,d new orders answered, %,d other frames), %,d measured on market data " +
            "(tick-to-order), %,d measured decided without (on an execution report or a timer tick), " +
            "%,d risk rejects (%,d for the order rate), %,d held back by the order-rate limit%n",
            counters.value(EngineCounter.ORDERS_SENT) + counters.value(EngineCounter.CANCELS_SENT),
            venue.newOrders(), venue.otherFrames(), tickToOrder.getTotalCount(), orderTimer.otherOrders(),
            counters.value(EngineCounter.RISK_REJECTS),
            counters.risk(RiskReason.ORDER_RATE).get(), counters.value(EngineCounter.RISK_RATE_DEFERRALS));
        out.printf("journal pretouch (whole run): %,d pages touched, the business thread past them %,d times, " +
            "%,d stretches left for room%n",
            counters.value(EngineCounter.JOURNAL_PRETOUCH_PAGES),
            counters.value(EngineCounter.JOURNAL_PRETOUCH_OVERTAKEN),
            counters.value(EngineCounter.JOURNAL_PRETOUCH_NO_ROOM));
        print("event latency (intended -> handler done)", latency);
        print("event service time (handler start -> done)", service);
        print("tick-to-order (intended -> order handed over)", tickToOrder);
        print("order service time (handler start -> order handed over)", orderService);
        print("orders decided without market data, service time (handler start -> order handed over)",
            otherOrderService);
        print("tick-to-gateway (intended -> gateway thread has the order)", tickToGateway);
        print("publish lag (producer late against schedule)", publishLag);
        out.printf("measured window: %.1f s (to the last event handled); GC %d collections, %d ms (%s); " +
            "business thread allocated %,d bytes%n",
            sampler.windowNanos() / 1e9, sampler.gcCount(), sampler.gcMillis(), sampler.collectors(),
            sampler.businessAllocatedBytes());
        out.printf("CPU per wall second (1.00 = one core busy): business %.3f, gateway %.3f, engine threads " +
            "(business + gateway) %.3f; producer (the harness) %.3f; whole process %.3f; load average %s -> %s%n",
            sampler.cores(WindowSampler.BUSINESS), sampler.cores(WindowSampler.GATEWAY),
            sampler.cores(WindowSampler.BUSINESS) + sampler.cores(WindowSampler.GATEWAY),
            sampler.cores(WindowSampler.PRODUCER), sampler.processCores(), sampler.loadBefore(), sampler.loadAfter());
        out.printf("steal time (the hypervisor kept this machine's CPUs from running while they had work; a stall " +
            "no profile inside shows), summed over CPUs: %s%n",
            sampler.stealMillis() < 0 ?
                "not counted here" : String.format("%,d ms in the window", sampler.stealMillis()));
        out.printf("| %s | %s | %s | %,d | %,d | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.3f | " +
            "%.3f | %.3f | %.3f | %.3f | %s -> %s |%n",
            config.engine().profile().label(), config.engine().waitStrategy().label(),
            config.engine().profile().gatewayIdle().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
            options.rate, latency.getTotalCount(), dropped,
            micros(latency, 50), micros(latency, 99),
            micros(tickToOrder, 50), micros(tickToOrder, 99), micros(tickToOrder, 99.9), micros(tickToOrder, 99.99),
            micros(tickToGateway, 50), micros(tickToGateway, 99), micros(tickToGateway, 99.9),
            micros(tickToGateway, 99.99),
            sampler.cores(WindowSampler.BUSINESS), sampler.cores(WindowSampler.GATEWAY),
            sampler.cores(WindowSampler.BUSINESS) + sampler.cores(WindowSampler.GATEWAY),
            sampler.cores(WindowSampler.PRODUCER), sampler.processCores(), sampler.loadBefore(), sampler.loadAfter());
    }

    private void print(final String title, final Histogram histogram)
    {
        out.printf("%s, µs: count %,d  p50 %s  p90 %s  p99 %s  p99.9 %s  p99.99 %s  max %s  mean %.2f%n",
            title, histogram.getTotalCount(), micros(histogram, 50), micros(histogram, 90), micros(histogram, 99),
            micros(histogram, 99.9), micros(histogram, 99.99), micros(histogram.getMaxValue()),
            histogram.getTotalCount() == 0 ? 0.0 : histogram.getMean() / 1000.0);
    }

    private static String micros(final Histogram histogram, final double percentile)
    {
        return histogram.getTotalCount() == 0 ? "-" : micros(histogram.getValueAtPercentile(percentile));
    }

    private static String micros(final long nanos)
    {
        return String.format("%.2f", nanos / 1000.0);
    }
}
