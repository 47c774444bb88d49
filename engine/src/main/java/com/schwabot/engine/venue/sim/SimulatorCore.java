package com.schwabot.engine.venue.sim;

import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The exchange simulator without its sockets: the seeded markets, the matching of client orders, and the encoding
 * of market data (Binance SBE stream frames) and execution reports (canonical SBE), driven by explicit calls that
 * each carry the time. {@link ExchangeSimulator} drives it from its Netty event loop; tests and backtests call it
 * directly with a step clock (no threads, no sleeps).
 * <p>
 * Deterministic: the same context (seed, instruments, settings) and the same sequence of calls with the same times
 * give the same frames, byte for byte. Each call publishes what it changed before returning, then calls the
 * listeners' {@code onFlush()}.
 * <p>
 * Not thread-safe: one thread makes every call. Allocation-free in steady state, except
 * {@link #onSessionClosed(int, long)}, logons and the growth of the accounts' report logs (see {@link Accounts}).
 */
public final class SimulatorCore
{
    private final InstrumentMarket[] markets;
    private final MatchingEngine engine;
    private final OrderEntryAdapter adapter;
    private final Accounts accounts;
    private final MarketDataPublisher publisher;
    private final MarketDataListener marketDataListener;
    private final ExecutionListener executionListener;
    private final SimulatorCounters counters;

    /**
     * @param context            a concluded context: instruments, seed, book and fee settings.
     * @param marketDataListener receives market-data frames.
     * @param executionListener  receives execution reports.
     * @param counters           where to count.
     */
    public SimulatorCore(
        final ExchangeSimulator.Context context,
        final MarketDataListener marketDataListener,
        final ExecutionListener executionListener,
        final SimulatorCounters counters)
    {
        this(context, marketDataListener, executionListener, counters, Accounts.DEFAULT_KEPT_REPORTS);
    }

    /**
     * A core whose accounts keep a given number of execution reports each for the session resume (tests; the
     * simulator keeps {@link Accounts#DEFAULT_KEPT_REPORTS}).
     *
     * @param context            the concluded context.
     * @param marketDataListener receives market data.
     * @param executionListener  receives execution reports.
     * @param counters           the counters.
     * @param keptReports        reports each account keeps.
     */
    SimulatorCore(
        final ExchangeSimulator.Context context,
        final MarketDataListener marketDataListener,
        final ExecutionListener executionListener,
        final SimulatorCounters counters,
        final int keptReports)
    {
        final List<SimInstrument> instruments = context.simInstruments();
        this.markets = new InstrumentMarket[instruments.size()];
        for (int i = 0; i < markets.length; i++)
        {
            markets[i] = new InstrumentMarket(
                instruments.get(i), context.seed(), context.bookLevels(), context.maxLevelLots(),
                context.snapshotIntervalTicks());
        }
        this.counters = counters;
        this.marketDataListener = marketDataListener;
        this.executionListener = executionListener;
        this.publisher = new MarketDataPublisher(marketDataListener, counters);
        this.accounts = new Accounts(executionListener, counters, keptReports);
        this.engine = new MatchingEngine(
            markets, context.maxOpenOrders(), context.makerFeeBps(), context.takerFeeBps(),
            context.rejectRateBps(), context.seed(), new ExecutionReports(accounts, counters), counters);
        this.adapter = new OrderEntryAdapter(engine, accounts, counters);
    }

    /** @return how many instruments are quoted. */
    public int instrumentCount()
    {
        return markets.length;
    }

    /**
     * @param index 0 to {@link #instrumentCount()} - 1.
     * @return the instrument at that index.
     */
    public SimInstrument instrument(final int index)
    {
        return markets[index].instrument();
    }

    /** @return the counters this core increments. */
    public SimulatorCounters counters()
    {
        return counters;
    }

    /**
     * One market tick: for each instrument in order, a step of the random walk, the fills of resting client orders
     * the book now reaches, then publication (trades, depth diff, best bid/ask, and a depth20 snapshot every
     * {@code snapshotIntervalTicks} ticks).
     *
     * @param nowNanos epoch nanoseconds of the tick (event times are this in microseconds).
     */
    public void tick(final long nowNanos)
    {
        counters.increment(SimCounter.TICKS);
        for (int i = 0; i < markets.length; i++)
        {
            final InstrumentMarket market = markets[i];
            market.step();
            engine.matchResting(i, nowNanos);
            publisher.publish(market, nowNanos, market.snapshotTick());
        }
        flush();
    }

    /**
     * One order-entry frame from a client connection (the length prefix removed): NewOrder, CancelOrder, Logon or
     * Heartbeat; anything else is counted and skipped (or rejected, see {@link SimCounter#OE_UNKNOWN_FRAMES}).
     * Reports go to the execution listener, market data the order caused to the market-data listener. A Logon binds
     * the connection to an account and is answered, then followed by the account's reports after the client's
     * last exec id (see {@link Accounts}).
     *
     * @param sessionId connection id (any int the caller uses consistently).
     * @param buffer    holding the frame.
     * @param offset    of the frame's message header.
     * @param length    of the frame.
     * @param nowNanos  epoch nanoseconds of arrival.
     */
    public void onOrderEntryFrame(
        final int sessionId, final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
        if (adapter.onFrame(sessionId, buffer, offset, length, nowNanos) != OrderEntryAdapter.HEARTBEAT)
        {
            for (final InstrumentMarket market : markets)
            {
                publisher.publish(market, nowNanos, false);
            }
        }
        flush();
    }

    /**
     * A client connection closed: cancel its open orders (cancel on disconnect). Their {@code CANCELED} reports are
     * not sent (the connection is gone) but kept for its account's next logon, when it had logged on.
     *
     * @param sessionId the connection.
     * @param nowNanos  epoch nanoseconds of the close.
     * @return how many orders were canceled.
     */
    public int onSessionClosed(final int sessionId, final long nowNanos)
    {
        accounts.closing(sessionId);
        final int canceled = engine.cancelSession(sessionId, nowNanos);
        accounts.closed(sessionId);
        return canceled;
    }

    /**
     * @return the ids of the accounts that have logged on, in increasing order (allocates: for status).
     */
    public long[] accountIds()
    {
        return accounts.accountIds();
    }

    /**
     * An account's net position in an instrument, from every fill reported to it since its first logon.
     *
     * @param accountId    the account.
     * @param instrumentId the instrument's id.
     * @return bought minus sold, as a quantity mantissa at the instrument's exponent; 0 for an unknown account.
     */
    public long accountNetQty(final long accountId, final int instrumentId)
    {
        return accounts.netQty(accountId, instrumentId);
    }

    /**
     * @param accountId the account.
     * @return the fills (partial or complete) reported to it since its first logon.
     */
    public long accountFills(final long accountId)
    {
        return accounts.fills(accountId);
    }

    /**
     * @param accountId the account.
     * @return the execution reports kept for it (every report since its first logon).
     */
    public int accountReports(final long accountId)
    {
        return accounts.reports(accountId);
    }

    /**
     * Encode a depth20 snapshot of an instrument's current book (for a new subscriber), carrying the current book
     * update id: apply the depth diffs whose {@code lastBookUpdateId} is greater.
     *
     * @param instrumentIndex which instrument.
     * @param nowNanos        epoch nanoseconds to stamp.
     * @param target          where to encode; needs room for 8 + 26 + 4 + 2 * 20 * 16 + 1 + symbol bytes.
     * @param offset          at which the frame starts.
     * @return the frame length.
     */
    public int encodeSnapshot(
        final int instrumentIndex, final long nowNanos, final MutableDirectBuffer target, final int offset)
    {
        return publisher.encodeSnapshot(markets[instrumentIndex], nowNanos, target, offset);
    }

    /** @return client orders open (resting) across all connections and instruments. */
    public int openOrderCount()
    {
        return engine.openOrderCount();
    }

    /**
     * @param instrumentIndex which instrument.
     * @return best bid price mantissa, 0 when the side is empty.
     */
    public long bestBidPrice(final int instrumentIndex)
    {
        final InstrumentMarket market = markets[instrumentIndex];
        return market.bestBidPrice() * market.instrument().tickMantissa();
    }

    /**
     * @param instrumentIndex which instrument.
     * @return best ask price mantissa, 0 when the side is empty.
     */
    public long bestAskPrice(final int instrumentIndex)
    {
        final InstrumentMarket market = markets[instrumentIndex];
        return market.bestAskPrice() * market.instrument().tickMantissa();
    }

    InstrumentMarket market(final int instrumentIndex)
    {
        return markets[instrumentIndex];
    }

    private void flush()
    {
        marketDataListener.onFlush();
        executionListener.onFlush();
    }
}
