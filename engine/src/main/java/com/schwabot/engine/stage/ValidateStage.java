package com.schwabot.engine.stage;

import org.agrona.concurrent.status.AtomicCounter;

import com.schwabot.engine.book.BookSide;
import com.schwabot.engine.book.BookSync;
import com.schwabot.engine.book.OrderBook;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;

/**
 * Stage 2, validate: drops and counts bad market data, never throws. Checks non-positive prices and quantities,
 * crossed books, events older than what is held (trade time or top update id going back), depth diffs against the
 * book's update ids ({@link BookSync}: a gap invalidates the book until the next snapshot), and price jumps beyond a
 * band around the reference price (last mid, else last trade). Valid events update {@link MarketState} (with the age
 * of the data: the venue's time when earlier than the ingress time) and go on to the signal stage. Rejected events
 * stay in the journal.
 * <p>
 * Not thread-safe: business thread only. Allocation-free.
 */
public final class ValidateStage implements MarketListener
{
    private final MarketState market;
    private final ValidMarketListener next;
    private final EventClock clock;
    private final double priceBand;
    private final AtomicCounter[] rejects = new AtomicCounter[ValidationReason.values().length];
    private final AtomicCounter valid;
    private boolean depthAccepted;
    private boolean depthBad;
    private BookSide depthBids;
    private BookSide depthAsks;
    private long depthTimeNs;

    /**
     * A validate stage.
     *
     * @param market       the market state it maintains.
     * @param next         the signal stage.
     * @param clock        the event clock.
     * @param priceBandBps largest move from the reference price accepted, in basis points.
     * @param counters     engine counters.
     */
    public ValidateStage(
        final MarketState market,
        final ValidMarketListener next,
        final EventClock clock,
        final int priceBandBps,
        final EngineCounters counters)
    {
        this.market = market;
        this.next = next;
        this.clock = clock;
        this.priceBand = priceBandBps / 10_000.0;
        for (final ValidationReason reason : ValidationReason.values())
        {
            rejects[reason.ordinal()] = counters.validation(reason);
        }
        this.valid = counters.get(EngineCounter.MARKET_EVENTS_VALID);
    }

    /**
     * {@inheritDoc}
     */
    public void onTrade(
        final int instrument, final long timeNs, final long tradeId, final long price, final long qty,
        final boolean buyerMaker)
    {
        if (price <= 0 || qty <= 0)
        {
            reject(ValidationReason.NON_POSITIVE);
            return;
        }
        if (timeNs < market.lastTradeTimeNs(instrument))
        {
            reject(ValidationReason.OUT_OF_ORDER);
            return;
        }
        if (jumped(instrument, price))
        {
            reject(ValidationReason.PRICE_JUMP);
            return;
        }
        market.trade(instrument, timeNs, price);
        market.touched(instrument, asOf(timeNs));
        valid.incrementRelease();
        next.onValidTrade(instrument, timeNs, price, qty, buyerMaker);
    }

    /**
     * {@inheritDoc}
     */
    public void onBookTop(
        final int instrument, final long timeNs, final long updateId, final long bid, final long bidQty,
        final long ask, final long askQty)
    {
        if (bid <= 0 || ask <= 0 || bidQty < 0 || askQty < 0)
        {
            reject(ValidationReason.NON_POSITIVE);
            return;
        }
        if (bid >= ask)
        {
            reject(ValidationReason.CROSSED_BOOK);
            return;
        }
        if (updateId < market.topUpdateId(instrument))
        {
            reject(ValidationReason.OUT_OF_ORDER);
            return;
        }
        if (jumped(instrument, bid) || jumped(instrument, ask))
        {
            reject(ValidationReason.PRICE_JUMP);
            return;
        }
        market.top(instrument, updateId, bid, bidQty, ask, askQty);
        market.touched(instrument, asOf(timeNs));
        valid.incrementRelease();
        next.onValidBook(instrument, timeNs);
    }

    /**
     * {@inheritDoc}
     */
    public boolean onDepthBegin(
        final int instrument, final long timeNs, final long firstUpdateId, final long lastUpdateId,
        final boolean snapshot)
    {
        depthBad = false;
        depthTimeNs = timeNs;
        final OrderBook book = market.book(instrument);
        depthBids = book.bids();
        depthAsks = book.asks();
        if (snapshot)
        {
            BookSync.beginSnapshot(book, lastUpdateId);
            depthAccepted = true;
            return true;
        }
        final int verdict = BookSync.onDiff(book, firstUpdateId, lastUpdateId);
        switch (verdict)
        {
            case BookSync.APPLY:
                depthAccepted = true;
                return true;
            case BookSync.STALE:
                reject(ValidationReason.STALE_DIFF);
                break;
            case BookSync.GAP:
                reject(ValidationReason.DEPTH_GAP);
                break;
            default:
                reject(ValidationReason.BOOK_NOT_SYNCED);
                break;
        }
        depthAccepted = false;
        return false;
    }

    /**
     * {@inheritDoc} The levels go to the sides of the book looked up once in {@link #onDepthBegin}: the normalize
     * stage delivers a depth event's levels between its begin and its end, for that begin's instrument only.
     */
    public void onDepthLevel(final int instrument, final boolean bid, final long price, final long qty)
    {
        if (price <= 0 || qty < 0)
        {
            depthBad = true;
            return;
        }
        if (bid)
        {
            depthBids.set(price, qty);
        }
        else
        {
            depthAsks.set(price, qty);
        }
    }

    /**
     * {@inheritDoc}
     */
    public void onDepthEnd(final int instrument)
    {
        if (!depthAccepted)
        {
            return;
        }
        depthAccepted = false;
        final OrderBook book = market.book(instrument);
        if (depthBad)
        {
            book.invalidate();
            reject(ValidationReason.NON_POSITIVE);
            return;
        }
        if (!book.isUncrossed())
        {
            book.invalidate();
            reject(ValidationReason.CROSSED_BOOK);
            return;
        }
        market.top(instrument, book.lastUpdateId(),
            book.bids().bestPrice(), book.bids().bestQty(), book.asks().bestPrice(), book.asks().bestQty());
        market.touched(instrument, asOf(depthTimeNs));
        valid.incrementRelease();
        next.onValidBook(instrument, clock.nanos());
    }

    /**
     * How old valid data is, for the risk gate's stale-data check: as of the venue's own time when that is earlier
     * than its arrival (a slow or backlogged feed delivers old data at a fresh ingress time), else as of its arrival
     * (venue clocks running ahead, imported journals). Deterministic: both times come from the event.
     */
    private long asOf(final long eventTimeNs)
    {
        final long ingress = clock.nanos();
        return eventTimeNs < ingress ? eventTimeNs : ingress;
    }

    private boolean jumped(final int instrument, final long price)
    {
        final double reference = market.hasTop(instrument) ? market.mid(instrument) :
            market.lastTradePrice(instrument);
        return reference > 0 && Math.abs(price - reference) > reference * priceBand;
    }

    private void reject(final ValidationReason reason)
    {
        rejects[reason.ordinal()].incrementRelease();
    }
}
