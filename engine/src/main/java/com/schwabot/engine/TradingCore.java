package com.schwabot.engine;

import com.schwabot.config.RiskProfile;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.learn.OutcomeLearner;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.monitor.StatusPublisher;
import com.schwabot.engine.order.OrderDigest;
import com.schwabot.engine.order.OrderManager;
import com.schwabot.engine.order.OrderSender;
import com.schwabot.engine.portfolio.Portfolio;
import com.schwabot.engine.stage.DecisionStage;
import com.schwabot.engine.stage.EventClock;
import com.schwabot.engine.stage.OrderStage;
import com.schwabot.engine.stage.Pipeline;
import com.schwabot.engine.stage.RiskGate;
import com.schwabot.engine.stage.SignalStage;
import com.schwabot.engine.stage.StrategyTable;
import com.schwabot.engine.stage.TensorStage;
import com.schwabot.tensor.BackendMode;
import com.schwabot.tensor.TensorBackend;
import com.schwabot.tensor.TensorBackends;
import com.schwabot.tensor.TensorCapacity;

/**
 * Everything the business thread owns, assembled from the configuration the same way for a live run and for a
 * replay: instruments, market state, portfolio, orders, the six stages and the {@link Pipeline} that runs them. Only
 * the {@link OrderSender} (output ring, digest-only sink or simulated venue) differs between the modes, which is
 * what makes a replay take the live run's decisions.
 * <p>
 * Not thread-safe: built on any thread, then used by the business thread only.
 */
public final class TradingCore
{
    /** Default largest move of a price from the reference price accepted by validation: 10%. */
    public static final int PRICE_JUMP_BAND_BPS_DEFAULT = 1000;
    /** Default levels kept per book side. */
    public static final int BOOK_LEVELS_DEFAULT = 256;
    /** Default largest number of live orders. */
    public static final int MAX_LIVE_ORDERS_DEFAULT = 1024;
    /** Default time an order may stay unacknowledged before it is canceled: 5 s. */
    public static final long ORDER_TIMEOUT_NANOS_DEFAULT = 5_000_000_000L;

    private final InstrumentTable instruments;
    private final MarketState market;
    private final Portfolio portfolio;
    private final OrderManager orders;
    private final OrderDigest digest = new OrderDigest();
    private final EventClock clock;
    private final RiskGate risk;
    private final OrderStage orderStage;
    private final DecisionStage decisions;
    private final TensorStage tensor;
    private final SignalStage signal;
    private final StrategyTable strategies;
    private final OutcomeLearner learner;
    private final StatusPublisher status;
    private final Pipeline pipeline;

    /**
     * Assemble the core.
     *
     * @param config      the validated configuration.
     * @param backend     the tensor backend.
     * @param clock       the event clock shared with the order sender.
     * @param sender      where orders go.
     * @param destination venue and connection of the order gateway.
     * @param counters    engine counters.
     */
    public TradingCore(
        final SchwabotConfig config,
        final TensorBackend backend,
        final EventClock clock,
        final OrderSender sender,
        final long destination,
        final EngineCounters counters)
    {
        this(config, backend, sender, destination, counters, new SharedMarket(config, clock, counters),
            config.strategies().ensemble().threshold(), config.tensor().learningRate());
    }

    /**
     * Assemble a core over a market side that may be shared with other cores (the variants of a backtest sweep),
     * with its own ensemble threshold and learning rate.
     *
     * @param config       the validated configuration.
     * @param backend      the tensor backend.
     * @param sender       where orders go.
     * @param destination  venue and connection of the order gateway.
     * @param counters     counters of this core's own stages.
     * @param shared       the market side: instruments, clock, market state, strategies, normalize/validate/signal.
     * @param threshold    the ensemble threshold of the decisions.
     * @param learningRate the learning rate of the outcome learner.
     */
    public TradingCore(
        final SchwabotConfig config,
        final TensorBackend backend,
        final OrderSender sender,
        final long destination,
        final EngineCounters counters,
        final SharedMarket shared,
        final double threshold,
        final double learningRate)
    {
        this.clock = shared.clock();
        instruments = shared.instruments();
        market = shared.market();
        portfolio = new Portfolio(instruments);
        orders = new OrderManager(MAX_LIVE_ORDERS_DEFAULT, instruments.count());
        final RiskProfile profile = config.risk().profiles().get(config.risk().activeProfile());
        strategies = shared.strategies();
        signal = shared.signals();
        risk = new RiskGate(profile, instruments, market, portfolio, orders, clock, counters);
        orderStage = new OrderStage(
            instruments, orders, portfolio, sender, digest, clock, destination, ORDER_TIMEOUT_NANOS_DEFAULT, counters);
        decisions = new DecisionStage(instruments, market, portfolio, orders, risk, orderStage, signal,
            threshold, profile, counters);
        tensor = new TensorStage(
            backend, config.tensor().featureCount(), signal, strategies, market, decisions, clock, counters);
        learner = new OutcomeLearner(tensor, instruments.count(), learningRate);
        portfolio.roundTripListener(learner);
        decisions.orderListener(learner);
        status = new StatusPublisher(counters, instruments, portfolio, market, risk);
        pipeline = new Pipeline(clock, shared.normalize(), tensor, risk, orderStage, market, status, counters);
    }

    /**
     * The tensor backend the configuration asks for ({@code tensor.backend}: auto, cpu or cuda), sized for the
     * configured instruments and features. Auto logs one line saying which backend and why.
     *
     * @param config the configuration.
     * @return the backend; the caller closes it.
     */
    public static TensorBackend backend(final SchwabotConfig config)
    {
        return backend(config, 1);
    }

    /**
     * The tensor backend the configuration asks for, sized for sweeps of up to {@code variants} weight variants.
     *
     * @param config   the configuration.
     * @param variants most variants in a sweep.
     * @return the backend; the caller closes it.
     */
    public static TensorBackend backend(final SchwabotConfig config, final int variants)
    {
        return TensorBackends.create(BackendMode.parse(config.tensor().backend().name()),
            new TensorCapacity(Math.max(config.tensor().maxInstruments(), config.instruments().size()),
                config.tensor().featureCount(), 1, variants, 1), config.tensor().cudaDevice());
    }

    /**
     * The pipeline the business thread (or the replayer) feeds.
     *
     * @return the pipeline.
     */
    public Pipeline pipeline()
    {
        return pipeline;
    }

    /**
     * Instruments.
     *
     * @return the instrument table.
     */
    public InstrumentTable instruments()
    {
        return instruments;
    }

    /**
     * Market state (business thread only).
     *
     * @return the market state.
     */
    public MarketState market()
    {
        return market;
    }

    /**
     * Portfolio (business thread only; other threads read {@link #status()}).
     *
     * @return the portfolio.
     */
    public Portfolio portfolio()
    {
        return portfolio;
    }

    /**
     * Working orders (business thread only).
     *
     * @return the order manager.
     */
    public OrderManager orders()
    {
        return orders;
    }

    /**
     * The risk gate (business thread only).
     *
     * @return the risk gate.
     */
    public RiskGate risk()
    {
        return risk;
    }

    /**
     * The order stage (business thread only).
     *
     * @return the order stage.
     */
    public OrderStage orderStage()
    {
        return orderStage;
    }

    /**
     * The decision stage (business thread only).
     *
     * @return the decision stage.
     */
    public DecisionStage decisions()
    {
        return decisions;
    }

    /**
     * The tensor stage (business thread only).
     *
     * @return the tensor stage.
     */
    public TensorStage tensor()
    {
        return tensor;
    }

    /**
     * The signal stage (business thread only).
     *
     * @return the signal stage.
     */
    public SignalStage signals()
    {
        return signal;
    }

    /**
     * The enabled strategies.
     *
     * @return the strategy table.
     */
    public StrategyTable strategies()
    {
        return strategies;
    }

    /**
     * The learning from trade outcomes (business thread only).
     *
     * @return the learner.
     */
    public OutcomeLearner learner()
    {
        return learner;
    }

    /**
     * Digest of the order stream sent so far (read it once the business thread has stopped).
     *
     * @return the digest.
     */
    public OrderDigest digest()
    {
        return digest;
    }

    /**
     * State published for other threads.
     *
     * @return the publisher.
     */
    public StatusPublisher status()
    {
        return status;
    }

    /**
     * The event clock.
     *
     * @return the clock.
     */
    public EventClock clock()
    {
        return clock;
    }
}
