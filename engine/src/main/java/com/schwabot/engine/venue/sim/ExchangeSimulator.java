package com.schwabot.engine.venue.sim;

import static com.schwabot.engine.venue.sim.ContextChecks.check;
import static com.schwabot.engine.venue.sim.ContextChecks.checkRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.config.Instrument;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.config.VenuesConfig;
import com.schwabot.engine.venue.order.OrderEntryProtocol;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * The embedded exchange simulator: a loopback venue the engine connects to exactly as to a real one.
 * <ul>
 *   <li>Market data: a WebSocket server speaking Binance's spot SBE stream format (schema 1, version 0) at
 *   {@code ws://host:marketDataPort/ws}, {@code /ws/<stream>} and {@code /stream?streams=<a>/<b>}, with Binance's
 *   JSON control requests, pings and {@code serverShutdown} event (see {@link MarketDataServer}).</li>
 *   <li>Order entry: a TCP server speaking {@link OrderEntryProtocol} (int32 LE length + canonical SBE) at
 *   {@code host:orderEntryPort} (see {@link OrderEntryServer}).</li>
 *   <li>The market: a seeded random walk per instrument on a tick timer, and the matching of client orders
 *   (see {@link SimulatorCore}).</li>
 * </ul>
 * Everything runs on one Netty event loop thread (NIO, or epoll when asked for and available): the core is never
 * touched by two threads and nothing locks. Use it as:
 * <pre>
 * try (ExchangeSimulator sim = ExchangeSimulator.launch(ExchangeSimulator.Context.from(config)))
 * {
 *     int wsPort = sim.marketDataPort();
 *     int orderPort = sim.orderEntryPort();
 * }
 * </pre>
 * Thread-safe: {@link #start()}, {@link #close()} and the accessors may be called from any thread.
 */
public final class ExchangeSimulator implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSimulator.class);
    private static final long SHUTDOWN_TIMEOUT_MS = 5_000;

    private final Context context;
    private final SimulatorCounters counters = new SimulatorCounters();
    private EventLoopGroup group;
    private EventLoop loop;
    private SimulatorCore core;
    private MarketDataServer marketData;
    private OrderEntryServer orderEntry;
    private ScheduledFuture<?> tickTimer;
    private ScheduledFuture<?> pingTimer;
    private boolean started;
    private boolean closed;

    /** @param context the settings; concluded here. */
    public ExchangeSimulator(final Context context)
    {
        this.context = context.conclude();
    }

    /** @param context the settings. @return a started simulator, see {@link #start()}. */
    public static ExchangeSimulator launch(final Context context)
    {
        return new ExchangeSimulator(context).start();
    }

    /**
     * Bind both ports and start the tick and ping timers. Returns once both servers are listening.
     *
     * @return this.
     * @throws IllegalStateException when already started or closed.
     * @throws java.io.UncheckedIOException when a port cannot be bound (in use, ...): the message names the address.
     */
    public synchronized ExchangeSimulator start()
    {
        if (started || closed)
        {
            throw new IllegalStateException("simulator already started or closed");
        }
        final boolean epoll = context.preferEpoll() && Epoll.isAvailable();
        final IoHandlerFactory ioHandlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("schwabot-sim", true), ioHandlers);
        loop = group.next();
        marketData = new MarketDataServer(context, counters);
        orderEntry = new OrderEntryServer(context, counters);
        core = new SimulatorCore(context, marketData, orderEntry, counters);
        marketData.core(core);
        orderEntry.core(core);
        try
        {
            Listening.await(marketData.bind(group, epoll), "market data", context.host(), context.marketDataPort());
            Listening.await(orderEntry.bind(group, epoll), "order entry", context.host(), context.orderEntryPort());
        }
        catch (final RuntimeException ex)
        {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
            closed = true;
            throw ex;
        }
        if (context.autoTick())
        {
            final long interval = context.tickIntervalMs();
            tickTimer = loop.scheduleAtFixedRate(
                () -> guarded(() -> core.tick(nowNanos())), interval, interval, TimeUnit.MILLISECONDS);
        }
        final long ping = context.pingIntervalMs();
        pingTimer = loop.scheduleAtFixedRate(
            () -> guarded(() -> marketData.pingAll(nowNanos())), ping, ping, TimeUnit.MILLISECONDS);
        started = true;
        LOG.info("exchange simulator on {}: market data ws port {}, order entry port {}, {} instruments, seed {}, {}",
            context.host(), marketDataPort(), orderEntryPort(), context.simInstruments().size(), context.seed(),
            epoll ? "epoll" : "nio");
        return this;
    }

    /** @return the settings, concluded. */
    public Context context()
    {
        return context;
    }

    /** @return the counters (readable from any thread). */
    public SimulatorCounters counters()
    {
        return counters;
    }

    /** @return the bound WebSocket port (the real one when the context asked for 0). */
    public synchronized int marketDataPort()
    {
        requireStarted();
        return marketData.port();
    }

    /** @return the bound order-entry TCP port (the real one when the context asked for 0). */
    public synchronized int orderEntryPort()
    {
        requireStarted();
        return orderEntry.port();
    }

    /**
     * Run ticks now, on the event loop, stamped with the context's clock: for tests with {@code autoTick(false)}
     * and for stepping through a session by hand.
     *
     * @param ticks how many.
     * @return completed once they have run and their frames have been written.
     */
    public CompletableFuture<Void> step(final int ticks)
    {
        return submit(
            (simulatorCore) ->
            {
                for (int i = 0; i < ticks; i++)
                {
                    simulatorCore.tick(context.epochNanoClock().nanoTime());
                }
                return null;
            });
    }

    /**
     * Run an action against the core on the event loop (the only thread allowed to touch it), e.g. to read the
     * book or the open order count consistently.
     *
     * @param action what to run.
     * @param <T>    its result type.
     * @return completed with the action's result, or exceptionally with what it threw.
     */
    public <T> CompletableFuture<T> submit(final Function<SimulatorCore, T> action)
    {
        final CompletableFuture<T> result = new CompletableFuture<>();
        final EventLoop eventLoop;
        synchronized (this)
        {
            requireStarted();
            eventLoop = loop;
        }
        eventLoop.execute(
            () ->
            {
                try
                {
                    result.complete(action.apply(core));
                }
                catch (final RuntimeException ex)
                {
                    result.completeExceptionally(ex);
                }
            });
        return result;
    }

    /**
     * Graceful stop: stop the timers, send {@code serverShutdown} to every WebSocket session and close it, close
     * every order-entry connection (its open orders are canceled), unbind, and stop the event loop. Idempotent.
     * Do not call it from the simulator's own event loop (for example inside {@link #submit}): it waits for it.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (!started)
        {
            return;
        }
        final CompletableFuture<List<ChannelFuture>> closing = new CompletableFuture<>();
        loop.execute(
            () ->
            {
                cancelTimers();
                final List<ChannelFuture> futures = new ArrayList<>(marketData.shutdown(nowNanos()));
                futures.addAll(orderEntry.shutdown());
                closing.complete(futures);
            });
        try
        {
            for (final ChannelFuture future : closing.get(SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS))
            {
                future.awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            LOG.warn("exchange simulator: graceful close did not complete", ex);
        }
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .awaitUninterruptibly(SHUTDOWN_TIMEOUT_MS);
        LOG.info("exchange simulator closed: {}", counters);
    }

    /**
     * Run a timer's work, counting and logging what it throws: a scheduled task that throws is never run again.
     */
    private void guarded(final Runnable work)
    {
        try
        {
            work.run();
        }
        catch (final RuntimeException ex)
        {
            counters.increment(SimCounter.ERRORS);
            LOG.error("exchange simulator: timer task failed", ex);
        }
    }

    private void cancelTimers()
    {
        for (final ScheduledFuture<?> timer : new ScheduledFuture<?>[]{ tickTimer, pingTimer })
        {
            if (null != timer)
            {
                timer.cancel(false);
            }
        }
    }

    private long nowNanos()
    {
        return context.epochNanoClock().nanoTime();
    }

    private void requireStarted()
    {
        if (!started)
        {
            throw new IllegalStateException("simulator not started");
        }
    }

    /**
     * The simulator's settings, in Aeron's style: fluent setters, then {@link #conclude()} validates once and
     * reports every bad value with the setting's name and what is allowed. Not thread-safe; do not change it after
     * the simulator is created.
     */
    public static final class Context
    {
        /** Default listen address. */
        public static final String DEFAULT_HOST = "127.0.0.1";
        /** Default seed. */
        public static final long DEFAULT_SEED = 42;
        /** Default time between market ticks. */
        public static final long DEFAULT_TICK_INTERVAL_MS = 10;
        /** Default levels kept per side of each book; a depth20 snapshot then holds the whole book. */
        public static final int DEFAULT_BOOK_LEVELS = 20;
        /** Default largest quantity of a new book level, in lots. */
        public static final long DEFAULT_MAX_LEVEL_LOTS = 1_000;
        /** Default ticks between periodic depth20 snapshots. */
        public static final int DEFAULT_SNAPSHOT_INTERVAL_TICKS = 10;
        /** Default maker fee in basis points (Binance spot's base rate, 0.1 %). */
        public static final int DEFAULT_MAKER_FEE_BPS = 10;
        /** Default taker fee in basis points. */
        public static final int DEFAULT_TAKER_FEE_BPS = 10;
        /** Default capacity of open client orders across all connections. */
        public static final int DEFAULT_MAX_OPEN_ORDERS = 4_096;
        /** Binance sends a WebSocket ping every 20 s. */
        public static final long DEFAULT_PING_INTERVAL_MS = 20_000;
        /** Binance closes a connection that has not answered a ping within a minute. */
        public static final long DEFAULT_PONG_TIMEOUT_MS = 60_000;
        /** Default start of the random walk when no initial price is given for a symbol, in ticks. */
        public static final long DEFAULT_INITIAL_MID_TICKS = 100_000;

        private String host = DEFAULT_HOST;
        private int marketDataPort;
        private int orderEntryPort;
        private long seed = DEFAULT_SEED;
        private long tickIntervalMs = DEFAULT_TICK_INTERVAL_MS;
        private boolean autoTick = true;
        private List<Instrument> instruments = List.of();
        private List<String> symbols;
        private final Map<String, BigDecimal> initialPrices = new LinkedHashMap<>();
        private int bookLevels = DEFAULT_BOOK_LEVELS;
        private long maxLevelLots = DEFAULT_MAX_LEVEL_LOTS;
        private int snapshotIntervalTicks = DEFAULT_SNAPSHOT_INTERVAL_TICKS;
        private int makerFeeBps = DEFAULT_MAKER_FEE_BPS;
        private int takerFeeBps = DEFAULT_TAKER_FEE_BPS;
        private int rejectRateBps;
        private int maxOpenOrders = DEFAULT_MAX_OPEN_ORDERS;
        private long pingIntervalMs = DEFAULT_PING_INTERVAL_MS;
        private long pongTimeoutMs = DEFAULT_PONG_TIMEOUT_MS;
        private long heartbeatIntervalMs = OrderEntryProtocol.HEARTBEAT_INTERVAL_MS;
        private long heartbeatTimeoutMs = OrderEntryProtocol.HEARTBEAT_TIMEOUT_MS;
        private EpochNanoClock epochNanoClock;
        private boolean preferEpoll;
        private List<SimInstrument> simInstruments;

        /** @param config the loaded configuration. @return a context from its {@code venues.simulator} section. */
        public static Context from(final SchwabotConfig config)
        {
            return new Context().simulator(config.venues().simulator(), config.instruments());
        }

        /**
         * Take host, ports, seed, tick interval and the quoted symbols from the {@code venues.simulator} section, and
         * the starting price of each instrument that has a {@code reference_price}.
         *
         * @param simulator   the section.
         * @param instruments every configured instrument; the section's symbols are looked up here.
         * @return this.
         */
        public Context simulator(final VenuesConfig.Simulator simulator, final List<Instrument> instruments)
        {
            instruments.stream().filter((i) -> null != i.referencePrice())
                .forEach((i) -> initialPrice(i.symbol(), i.referencePrice()));
            return host(simulator.host())
                .marketDataPort(simulator.marketDataPort())
                .orderEntryPort(simulator.orderPort())
                .seed(simulator.seed())
                .tickIntervalMs(simulator.tickIntervalMs())
                .rejectRateBps(simulator.rejectRateBps())
                .instruments(instruments)
                .symbols(simulator.instruments());
        }

        /** @param host listen address (loopback by default). @return this. */
        public Context host(final String host)
        {
            this.host = host;
            return this;
        }

        /** @return listen address. */
        public String host()
        {
            return host;
        }

        /** @param port WebSocket port, 0 for an ephemeral one. @return this. */
        public Context marketDataPort(final int port)
        {
            this.marketDataPort = port;
            return this;
        }

        /** @return requested WebSocket port. */
        public int marketDataPort()
        {
            return marketDataPort;
        }

        /** @param port order-entry TCP port, 0 for an ephemeral one. @return this. */
        public Context orderEntryPort(final int port)
        {
            this.orderEntryPort = port;
            return this;
        }

        /** @return requested order-entry port. */
        public int orderEntryPort()
        {
            return orderEntryPort;
        }

        /** @param bps share of the orders it would accept that it rejects (VENUE_ERROR), seeded. @return this. */
        public Context rejectRateBps(final int bps)
        {
            this.rejectRateBps = bps;
            return this;
        }

        /** @return share of acceptable orders rejected on purpose (fault injection), in basis points. */
        public int rejectRateBps()
        {
            return rejectRateBps;
        }

        /** @param seed seed of every random walk. @return this. */
        public Context seed(final long seed)
        {
            this.seed = seed;
            return this;
        }

        /** @return seed of every random walk. */
        public long seed()
        {
            return seed;
        }

        /** @param tickIntervalMs time between market ticks, 1 to 60000. @return this. */
        public Context tickIntervalMs(final long tickIntervalMs)
        {
            this.tickIntervalMs = tickIntervalMs;
            return this;
        }

        /** @return time between market ticks. */
        public long tickIntervalMs()
        {
            return tickIntervalMs;
        }

        /** @param autoTick false to tick only through {@link ExchangeSimulator#step(int)}. @return this. */
        public Context autoTick(final boolean autoTick)
        {
            this.autoTick = autoTick;
            return this;
        }

        /** @return whether the tick timer runs. */
        public boolean autoTick()
        {
            return autoTick;
        }

        /** @param instruments to choose from (all quoted unless {@link #symbols} is set). @return this. */
        public Context instruments(final List<Instrument> instruments)
        {
            this.instruments = List.copyOf(instruments);
            return this;
        }

        /** @param symbols which of the instruments to quote, in this order; null for all. @return this. */
        public Context symbols(final List<String> symbols)
        {
            this.symbols = null == symbols ? null : List.copyOf(symbols);
            return this;
        }

        /** @param symbol venue symbol. @param price where its random walk starts (rounded down to a tick; default
         * {@link #DEFAULT_INITIAL_MID_TICKS} ticks). @return this. */
        public Context initialPrice(final String symbol, final BigDecimal price)
        {
            initialPrices.put(symbol, price);
            return this;
        }

        /** @param bookLevels levels kept per book side, 1 to 1000. @return this. */
        public Context bookLevels(final int bookLevels)
        {
            this.bookLevels = bookLevels;
            return this;
        }

        /** @return levels kept per book side. */
        public int bookLevels()
        {
            return bookLevels;
        }

        /** @param maxLevelLots largest quantity of a new book level in lots, at least 1. @return this. */
        public Context maxLevelLots(final long maxLevelLots)
        {
            this.maxLevelLots = maxLevelLots;
            return this;
        }

        /** @return largest quantity of a new book level in lots. */
        public long maxLevelLots()
        {
            return maxLevelLots;
        }

        /** @param ticks ticks between periodic depth20 snapshots, at least 1. @return this. */
        public Context snapshotIntervalTicks(final int ticks)
        {
            this.snapshotIntervalTicks = ticks;
            return this;
        }

        /** @return ticks between periodic depth20 snapshots. */
        public int snapshotIntervalTicks()
        {
            return snapshotIntervalTicks;
        }

        /** @param bps maker fee, -10000 to 10000 basis points (negative = rebate). @return this. */
        public Context makerFeeBps(final int bps)
        {
            this.makerFeeBps = bps;
            return this;
        }

        /** @return maker fee in basis points. */
        public int makerFeeBps()
        {
            return makerFeeBps;
        }

        /** @param bps taker fee, -10000 to 10000 basis points. @return this. */
        public Context takerFeeBps(final int bps)
        {
            this.takerFeeBps = bps;
            return this;
        }

        /** @return taker fee in basis points. */
        public int takerFeeBps()
        {
            return takerFeeBps;
        }

        /** @param maxOpenOrders open client orders the simulator holds, 1 to 1048576. @return this. */
        public Context maxOpenOrders(final int maxOpenOrders)
        {
            this.maxOpenOrders = maxOpenOrders;
            return this;
        }

        /** @return open client orders the simulator holds. */
        public int maxOpenOrders()
        {
            return maxOpenOrders;
        }

        /** @param ms WebSocket ping interval, at least 1. @return this. */
        public Context pingIntervalMs(final long ms)
        {
            this.pingIntervalMs = ms;
            return this;
        }

        /** @return WebSocket ping interval. */
        public long pingIntervalMs()
        {
            return pingIntervalMs;
        }

        /** @param ms close a WebSocket session with no pong for this long (checked at each ping). @return this. */
        public Context pongTimeoutMs(final long ms)
        {
            this.pongTimeoutMs = ms;
            return this;
        }

        /** @return WebSocket pong timeout. */
        public long pongTimeoutMs()
        {
            return pongTimeoutMs;
        }

        /** @param ms order-entry heartbeat interval when idle, at least 1. @return this. */
        public Context heartbeatIntervalMs(final long ms)
        {
            this.heartbeatIntervalMs = ms;
            return this;
        }

        /** @return order-entry heartbeat interval. */
        public long heartbeatIntervalMs()
        {
            return heartbeatIntervalMs;
        }

        /** @param ms close an order-entry connection silent this long, above the interval. @return this. */
        public Context heartbeatTimeoutMs(final long ms)
        {
            this.heartbeatTimeoutMs = ms;
            return this;
        }

        /** @return order-entry heartbeat timeout. */
        public long heartbeatTimeoutMs()
        {
            return heartbeatTimeoutMs;
        }

        /** @param clock source of every timestamp (a step clock in tests). @return this. */
        public Context epochNanoClock(final EpochNanoClock clock)
        {
            this.epochNanoClock = clock;
            return this;
        }

        /** @return source of every timestamp. */
        public EpochNanoClock epochNanoClock()
        {
            return epochNanoClock;
        }

        /** @param preferEpoll use the epoll transport when available (NIO otherwise). @return this. */
        public Context preferEpoll(final boolean preferEpoll)
        {
            this.preferEpoll = preferEpoll;
            return this;
        }

        /** @return whether epoll is preferred. */
        public boolean preferEpoll()
        {
            return preferEpoll;
        }

        /** @return the quoted instruments, in index order; only after {@link #conclude()}. */
        public List<SimInstrument> simInstruments()
        {
            if (null == simInstruments)
            {
                throw new IllegalStateException("context not concluded");
            }
            return simInstruments;
        }

        /** Validate every setting and resolve the instruments; idempotent. @return this. @throws
         * IllegalArgumentException listing every bad setting. */
        public Context conclude()
        {
            final List<String> errors = new ArrayList<>();
            check(errors, null != host && !host.isBlank(), "host", host, "a host name or address");
            checkRange(errors, "marketDataPort", marketDataPort, 0, 65_535);
            checkRange(errors, "orderEntryPort", orderEntryPort, 0, 65_535);
            checkRange(errors, "tickIntervalMs", tickIntervalMs, 1, 60_000);
            checkRange(errors, "bookLevels", bookLevels, 1, 1_000);
            checkRange(errors, "maxLevelLots", maxLevelLots, 1, 1_000_000_000L);
            checkRange(errors, "snapshotIntervalTicks", snapshotIntervalTicks, 1, Integer.MAX_VALUE);
            checkRange(errors, "makerFeeBps", makerFeeBps, -10_000, 10_000);
            checkRange(errors, "takerFeeBps", takerFeeBps, -10_000, 10_000);
            checkRange(errors, "rejectRateBps", rejectRateBps, 0, 10_000);
            checkRange(errors, "maxOpenOrders", maxOpenOrders, 1, 1 << 20);
            checkRange(errors, "pingIntervalMs", pingIntervalMs, 1, Long.MAX_VALUE);
            checkRange(errors, "pongTimeoutMs", pongTimeoutMs, 1, Long.MAX_VALUE);
            checkRange(errors, "heartbeatIntervalMs", heartbeatIntervalMs, 1, Long.MAX_VALUE);
            checkRange(errors, "heartbeatTimeoutMs", heartbeatTimeoutMs, heartbeatIntervalMs + 1, Long.MAX_VALUE);
            final List<SimInstrument> resolved =
                ContextChecks.resolve(instruments, symbols, initialPrices, errors);
            if (!errors.isEmpty())
            {
                throw new IllegalArgumentException("exchange simulator context: " + String.join("; ", errors));
            }
            if (null == epochNanoClock)
            {
                epochNanoClock = new SystemEpochNanoClock();
            }
            simInstruments = resolved;
            return this;
        }
    }
}
