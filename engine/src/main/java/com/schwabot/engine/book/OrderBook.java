package com.schwabot.engine.book;

/**
 * The L2 book of one instrument, kept in sync with a venue's depth snapshots and diffs by the rules of
 * {@link BookSync}: valid only from a snapshot on, until a gap in the update ids.
 * <p>
 * Not thread-safe: owned by the business thread. Allocation-free after construction.
 */
public final class OrderBook
{
    private final BookSide bids;
    private final BookSide asks;
    private long lastUpdateId;
    private boolean valid;
    private boolean hadSnapshot;

    /**
     * An empty, invalid book.
     *
     * @param maxLevels levels held per side.
     */
    public OrderBook(final int maxLevels)
    {
        this.bids = new BookSide(true, maxLevels);
        this.asks = new BookSide(false, maxLevels);
    }

    /**
     * Bid side.
     *
     * @return the bids.
     */
    public BookSide bids()
    {
        return bids;
    }

    /**
     * Ask side.
     *
     * @return the asks.
     */
    public BookSide asks()
    {
        return asks;
    }

    /**
     * Last update id applied (from the snapshot or the last diff).
     *
     * @return the id.
     */
    public long lastUpdateId()
    {
        return lastUpdateId;
    }

    /**
     * Whether the book is in sync with the venue.
     *
     * @return true from a snapshot until a gap.
     */
    public boolean isValid()
    {
        return valid;
    }

    /**
     * Whether a snapshot was ever applied: a book that never had one is not in use (the venue sends no depth).
     *
     * @return true after the first snapshot.
     */
    public boolean hadSnapshot()
    {
        return hadSnapshot;
    }

    /**
     * True when both sides have levels and the best bid is below the best ask.
     *
     * @return whether the top is sane.
     */
    public boolean isUncrossed()
    {
        return bids.size() > 0 && asks.size() > 0 && bids.bestPrice() < asks.bestPrice();
    }

    void beginSnapshot(final long updateId)
    {
        bids.clear();
        asks.clear();
        lastUpdateId = updateId;
        valid = true;
        hadSnapshot = true;
    }

    void applied(final long updateId)
    {
        lastUpdateId = updateId;
    }

    /**
     * Mark the book out of sync: it stays so until the next snapshot.
     */
    public void invalidate()
    {
        valid = false;
    }
}
