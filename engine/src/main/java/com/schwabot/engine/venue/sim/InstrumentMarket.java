package com.schwabot.engine.venue.sim;

/**
 * The simulated market of one instrument: its L2 book, the seeded random walk that moves it, and what changed
 * since the last publication (trades, level changes, top of book), from which every market-data stream is encoded,
 * so the streams agree with each other and with the book.
 * <p>
 * The walk: each {@link #step()} moves the mid (the best-bid target, in ticks) by -2..+2 ticks, mostly 0 or 1,
 * reflecting off a floor so that every bid level stays above 0. A move up is a synthetic buyer sweeping the asks
 * below the new best-ask target (trades with the buyer as taker); a move down sweeps the bids. A step without a
 * move sometimes prints a trade that takes part of the best level. Then the book is refilled to {@code levels}
 * contiguous levels per side around the mid with seeded quantities, levels beyond are removed, and a few levels
 * change size. Every level change increments the book update id by one, so depth diffs carry contiguous ranges.
 * <p>
 * Client orders are not shown in this book: they trade against it (see {@link MatchingEngine}).
 * Not thread-safe; allocation-free in steady state; no clock reads (the caller stamps what it publishes).
 */
final class InstrumentMarket
{
    private static final int PERCENT = 100;
    private static final int DOWN_TWO_BELOW = 3;
    private static final int DOWN_ONE_BELOW = 25;
    private static final int STAY_BELOW = 75;
    private static final int UP_ONE_BELOW = 97;
    private static final int TOUCH_TRADE_PERCENT = 40;
    private static final int MAX_TRADES_PER_LEVEL = 3;
    private static final int MAX_CHURN_LEVELS = 3;

    private final SimInstrument instrument;
    private final SplitMix64 random;
    private final int levels;
    private final long maxLevelLots;
    private final long minMid;
    private final int snapshotIntervalTicks;
    private final BookSide bids;
    private final BookSide asks;
    private final LevelChanges bidChanges;
    private final LevelChanges askChanges;
    private final TradeLog trades;

    private long mid;
    private long updateId;
    private long publishedUpdateId;
    private long nextTradeId = 1;
    private long publishedBidPrice;
    private long publishedBidQty;
    private long publishedAskPrice;
    private long publishedAskQty;
    private int ticksToSnapshot;

    /**
     * Build the initial book: {@code levels} bids from the initial mid down and {@code levels} asks above it, with
     * seeded quantities. The initial book is update id 0 and is not reported as a change.
     *
     * @param instrument            what is quoted.
     * @param seed                  the simulator's seed (mixed with the instrument id).
     * @param levels                levels kept per side.
     * @param maxLevelLots          largest quantity of a new level, in lots.
     * @param snapshotIntervalTicks ticks between depth20 snapshots.
     */
    InstrumentMarket(
        final SimInstrument instrument,
        final long seed,
        final int levels,
        final long maxLevelLots,
        final int snapshotIntervalTicks)
    {
        this.instrument = instrument;
        this.random = new SplitMix64(SplitMix64.derive(seed, instrument.id()));
        this.levels = levels;
        this.maxLevelLots = maxLevelLots;
        this.minMid = levels;
        this.snapshotIntervalTicks = snapshotIntervalTicks;
        final int capacity = 2 * levels + 8;
        this.bids = new BookSide(true, capacity);
        this.asks = new BookSide(false, capacity);
        this.bidChanges = new LevelChanges(4 * capacity);
        this.askChanges = new LevelChanges(4 * capacity);
        this.trades = new TradeLog(4 * capacity);
        this.mid = Math.max(instrument.initialMidTicks(), minMid);
        for (int i = 0; i < levels; i++)
        {
            bids.set(mid - i, randomLots());
            asks.set(mid + 1 + i, randomLots());
        }
        this.ticksToSnapshot = snapshotIntervalTicks;
        markTopPublished();
    }

    SimInstrument instrument()
    {
        return instrument;
    }

    BookSide bids()
    {
        return bids;
    }

    BookSide asks()
    {
        return asks;
    }

    LevelChanges bidChanges()
    {
        return bidChanges;
    }

    LevelChanges askChanges()
    {
        return askChanges;
    }

    TradeLog trades()
    {
        return trades;
    }

    /** @return the walk's current mid (best-bid target), in ticks. */
    long mid()
    {
        return mid;
    }

    /** @return id of the latest level change. */
    long updateId()
    {
        return updateId;
    }

    /** @return id of the last level change already published in a diff. */
    long publishedUpdateId()
    {
        return publishedUpdateId;
    }

    void markDiffPublished()
    {
        publishedUpdateId = updateId;
        bidChanges.clear();
        askChanges.clear();
    }

    long bestBidPrice()
    {
        return bids.isEmpty() ? 0 : bids.price(0);
    }

    long bestBidQty()
    {
        return bids.isEmpty() ? 0 : bids.qty(0);
    }

    long bestAskPrice()
    {
        return asks.isEmpty() ? 0 : asks.price(0);
    }

    long bestAskQty()
    {
        return asks.isEmpty() ? 0 : asks.qty(0);
    }

    boolean topChanged()
    {
        return publishedBidPrice != bestBidPrice() || publishedBidQty != bestBidQty() ||
            publishedAskPrice != bestAskPrice() || publishedAskQty != bestAskQty();
    }

    void markTopPublished()
    {
        publishedBidPrice = bestBidPrice();
        publishedBidQty = bestBidQty();
        publishedAskPrice = bestAskPrice();
        publishedAskQty = bestAskQty();
    }

    /**
     * Count one tick towards the periodic snapshot.
     *
     * @return true when a depth20 snapshot is due this tick.
     */
    boolean snapshotTick()
    {
        if (--ticksToSnapshot <= 0)
        {
            ticksToSnapshot = snapshotIntervalTicks;
            return true;
        }
        return false;
    }

    /**
     * One step of the random walk, see the class comment.
     */
    void step()
    {
        final int roll = random.nextInt(PERCENT);
        final int move = roll < DOWN_TWO_BELOW ? -2 :
            roll < DOWN_ONE_BELOW ? -1 :
            roll < STAY_BELOW ? 0 :
            roll < UP_ONE_BELOW ? 1 : 2;
        long next = mid + move;
        if (next < minMid)
        {
            next = 2 * minMid - next;
        }
        mid = next;
        final long bidTarget = mid;
        final long askTarget = mid + 1;

        sweep(asks, askTarget);
        sweep(bids, bidTarget);
        if (0 == move && random.nextInt(PERCENT) < TOUCH_TRADE_PERCENT)
        {
            touchTrade();
        }
        refill(bids, bidTarget, -1);
        refill(asks, askTarget, 1);
        trim(bids, bidTarget - (levels - 1));
        trim(asks, askTarget + (levels - 1));
        churn();
    }

    /**
     * Take quantity from a level (a client fill) and record the change.
     *
     * @param side  the side holding the level.
     * @param price level price, in ticks.
     * @param lots  how much to take, at most the level's quantity.
     */
    void reduceLevel(final BookSide side, final long price, final long lots)
    {
        setLevel(side, price, side.qtyAt(price) - lots);
    }

    /**
     * Print one public trade.
     *
     * @param priceTicks   trade price.
     * @param lots         trade quantity.
     * @param isBuyerMaker whether the buyer was the resting side.
     */
    void printTrade(final long priceTicks, final long lots, final boolean isBuyerMaker)
    {
        trades.add(nextTradeId++, priceTicks, lots, isBuyerMaker);
    }

    /**
     * @param side  the side an incoming order would trade against.
     * @param limit the incoming order's limit in ticks ({@code Long.MAX_VALUE} for a market buy, {@code 0} for a
     *              market sell).
     * @return the quantity, in lots, of all levels reachable within the limit.
     */
    long available(final BookSide side, final long limit)
    {
        long total = 0;
        for (int i = 0, size = side.size(); i < size && side.reachable(side.price(i), limit); i++)
        {
            total += side.qty(i);
        }
        return total;
    }

    private void setLevel(final BookSide side, final long price, final long quantity)
    {
        side.set(price, quantity);
        (side.isBids() ? bidChanges : askChanges).record(price, quantity);
        updateId++;
    }

    private void sweep(final BookSide side, final long target)
    {
        while (!side.isEmpty() && (side.isBids() ? side.price(0) > target : side.price(0) < target))
        {
            final long price = side.price(0);
            printSplit(price, side.qty(0), side.isBids());
            setLevel(side, price, 0);
        }
    }

    private void touchTrade()
    {
        final BookSide side = random.nextInt(2) == 0 ? bids : asks;
        if (!side.isEmpty() && side.qty(0) >= 2)
        {
            final long price = side.price(0);
            final long available = side.qty(0);
            final long lots = 1 + random.nextLong(available - 1);
            printSplit(price, lots, side.isBids());
            setLevel(side, price, available - lots);
        }
    }

    private void printSplit(final long price, final long lots, final boolean isBuyerMaker)
    {
        final int parts = (int)Math.min(1 + random.nextInt(MAX_TRADES_PER_LEVEL), lots);
        long remaining = lots;
        for (int k = 0; k < parts - 1; k++)
        {
            final long largest = remaining - (parts - 1 - k);
            final long part = 1 + random.nextLong(largest);
            printTrade(price, part, isBuyerMaker);
            remaining -= part;
        }
        printTrade(price, remaining, isBuyerMaker);
    }

    private void refill(final BookSide side, final long best, final int direction)
    {
        for (int i = 0; i < levels; i++)
        {
            final long price = best + (long)direction * i;
            if (price >= 1 && side.qtyAt(price) == 0)
            {
                setLevel(side, price, randomLots());
            }
        }
    }

    private void trim(final BookSide side, final long worst)
    {
        while (!side.isEmpty() && !side.reachable(side.price(side.size() - 1), worst))
        {
            setLevel(side, side.price(side.size() - 1), 0);
        }
    }

    private void churn()
    {
        final int changes = random.nextInt(MAX_CHURN_LEVELS);
        for (int i = 0; i < changes; i++)
        {
            final BookSide side = random.nextInt(2) == 0 ? bids : asks;
            if (!side.isEmpty())
            {
                final int level = random.nextInt(side.size());
                final long quantity = randomLots();
                if (quantity != side.qty(level))
                {
                    setLevel(side, side.price(level), quantity);
                }
            }
        }
    }

    private long randomLots()
    {
        return 1 + random.nextLong(maxLevelLots);
    }
}
