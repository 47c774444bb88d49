package com.schwabot.engine;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.AgentRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.config.VenuesConfig;
import com.schwabot.config.secret.Secret;
import com.schwabot.engine.venue.feed.FeedContext;
import com.schwabot.engine.venue.feed.MarketDataFeed;
import com.schwabot.engine.venue.gateway.GatewayContext;
import com.schwabot.engine.venue.gateway.OrderGateway;
import com.schwabot.engine.venue.sim.ExchangeSimulator;

/**
 * Starts the venues of a live run from the configuration:
 * <ul>
 *     <li>the embedded simulator (the default): the simulator itself on loopback, the market-data feed client on
 *     its WebSocket port and the order gateway on its order port: the same network code paths as a real venue;</li>
 *     <li>an external simulator ({@code venues.simulator.embedded: false}, e.g. {@code schwabot sim}, which
 *     outlives the engine): the feed and the gateway connect to its host and ports, nothing else is started;</li>
 *     <li>Binance (when enabled and the simulator is not): the SBE market-data feed over TLS with the
 *     {@code X-MBX-APIKEY} header. Order entry to Binance is not implemented: no gateway runs, so the risk gate
 *     refuses every order (GATEWAY_DOWN) and the engine observes, decides and counts without trading.</li>
 * </ul>
 * What it returns is closed in order at shutdown: feed first (no more market data), then the gateway, then the
 * simulator. The feed and the gateway stamp ingress with the engine's wall clock, the clock the business thread's
 * latency recorder reads; their counters (and an embedded simulator's) are mirrored into the engine's counters. The
 * gateway logs on to {@code venues.simulator.account} and resumes after {@link Engine#resumeAfterExecId()}; its
 * duty-cycle thread idles as {@code engine.profile} says.
 */
public final class LiveVenues implements Engine.VenueStarter
{
    private static final Logger LOG = LoggerFactory.getLogger(LiveVenues.class);

    private final Secret binanceApiKey;
    private ExchangeSimulator simulator;
    private MarketDataFeed feed;
    private OrderGateway gateway;
    private String feedAddress;
    private String gatewayAddress;

    /**
     * Venues for a run.
     *
     * @param binanceApiKey the API key sent to Binance's stream endpoint, or null (simulator runs need none).
     */
    public LiveVenues(final Secret binanceApiKey)
    {
        this.binanceApiKey = binanceApiKey;
    }

    /**
     * {@inheritDoc}
     */
    public List<AutoCloseable> start(final Engine engine) throws Exception
    {
        final SchwabotConfig config = engine.config();
        final List<AutoCloseable> started = new ArrayList<>();
        final VenuesConfig.Simulator sim = config.venues().simulator();
        if (sim.enabled())
        {
            if (sim.embedded())
            {
                simulator = ExchangeSimulator.launch(ExchangeSimulator.Context.from(config));
            }
            final int marketDataPort = sim.embedded() ? simulator.marketDataPort() : sim.marketDataPort();
            final int orderPort = sim.embedded() ? simulator.orderEntryPort() : sim.orderPort();
            feed = new MarketDataFeed(FeedContext.simulator(sim, marketDataPort)
                .sink(engine.inputRing()).epochClock(engine.wallClock()));
            gateway = new OrderGateway(GatewayContext.simulator(sim, orderPort, engine.outputRing(), engine.inputRing())
                .resumeAfterExecId(engine.resumeAfterExecId()).epochClock(engine.wallClock())
                .idleStrategy(engine.gatewayIdleStrategy()));
            engine.counterMirror().feed("venue.feed", feed.counters()).gateway("venue.gateway", gateway.counters());
            if (sim.embedded())
            {
                engine.counterMirror().simulator("sim", simulator.counters());
            }
            feedAddress = "market data ws://" + sim.host() + ":" + marketDataPort + "/ws";
            gatewayAddress = "order entry tcp " + sim.host() + ":" + orderPort;
            final AgentRunner runner = OrderGateway.startOnThread(gateway);
            feed.start();
            started.add(feed);
            started.add(runner);
            if (sim.embedded())
            {
                started.add(simulator);
            }
            LOG.info("venue: {} simulator, market data ws://{}:{}/ws, orders tcp {}:{} (account {})",
                sim.embedded() ? "embedded" : "external", sim.host(), marketDataPort, sim.host(), orderPort,
                sim.account());
        }
        else if (config.venues().binance().enabled())
        {
            feed = new MarketDataFeed(FeedContext.binance(config.venues().binance(), binanceApiKey)
                .sink(engine.inputRing()).epochClock(engine.wallClock()));
            engine.counterMirror().feed("venue.feed", feed.counters());
            feedAddress = "market data " + config.venues().binance().wsEndpoint();
            feed.start();
            started.add(feed);
            LOG.warn("venue: Binance market data from {}; order entry to Binance is not implemented, so no order " +
                "is sent (the risk gate refuses them as GATEWAY_DOWN)", config.venues().binance().wsEndpoint());
        }
        else
        {
            throw new IllegalArgumentException(
                "config.yaml: venues: enable venues.simulator or venues.binance, otherwise there is nothing to trade");
        }
        return started;
    }

    /**
     * The venue connections that were tried and never made: every attempt failed (the feed and the gateway retry
     * with backoff for as long as the engine runs, so a venue that is down when the engine starts is reached once it
     * is up). Read it after the run, or at any time for a snapshot.
     *
     * @return one entry per such connection, e.g. {@code market data ws://127.0.0.1:9001/ws (5 attempts failed)};
     * empty when each connection was made at least once, or not yet tried.
     */
    public List<String> neverReached()
    {
        final List<String> unreached = new ArrayList<>(2);
        if (null != feed && feed.counters().connects() == 0 && feed.counters().connectFailures() > 0)
        {
            unreached.add(feedAddress + " (" + feed.counters().connectFailures() + " attempts failed)");
        }
        if (null != gateway && gateway.counters().connects() == 0 && gateway.counters().connectFailures() > 0)
        {
            unreached.add(gatewayAddress + " (" + gateway.counters().connectFailures() + " attempts failed)");
        }
        return unreached;
    }

    /**
     * The embedded simulator, when started.
     *
     * @return the simulator or null.
     */
    public ExchangeSimulator simulator()
    {
        return simulator;
    }

    /**
     * The market-data feed client.
     *
     * @return the feed, or null before start.
     */
    public MarketDataFeed feed()
    {
        return feed;
    }

    /**
     * The order gateway, when started.
     *
     * @return the gateway or null.
     */
    public OrderGateway gateway()
    {
        return gateway;
    }
}
