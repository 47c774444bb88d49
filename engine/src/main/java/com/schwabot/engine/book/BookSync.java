package com.schwabot.engine.book;

/**
 * The depth snapshot + diff sequencing rules (Binance's, for its stream snapshots): a book becomes valid at a
 * snapshot with update id S; a diff [U, u] is then
 * <ul>
 *     <li>stale and dropped when u &lt;= the last applied id (it is already in the snapshot);</li>
 *     <li>applied when U &lt;= last + 1 &lt;= u (the first diff after a snapshot may overlap it; later ones follow
 *     on exactly, U = last + 1);</li>
 *     <li>a gap when U &gt; last + 1: updates were lost, the book is invalid until the next snapshot.</li>
 * </ul>
 * A diff arriving while the book is invalid is dropped: it cannot be placed.
 */
public final class BookSync
{
    /** The diff is to be applied. */
    public static final int APPLY = 0;
    /** The diff is older than the book: drop it. */
    public static final int STALE = 1;
    /** Updates were lost: the book was invalidated. */
    public static final int GAP = 2;
    /** The book is invalid: waiting for a snapshot. */
    public static final int NOT_SYNCED = 3;

    private BookSync()
    {
    }

    /**
     * Start applying a snapshot: clears both sides and makes the book valid at the snapshot's id. The caller then
     * sets the snapshot's levels.
     *
     * @param book     the book.
     * @param updateId the snapshot's last update id.
     */
    public static void beginSnapshot(final OrderBook book, final long updateId)
    {
        book.beginSnapshot(updateId);
    }

    /**
     * Decide what to do with a diff; on {@link #APPLY} the book's last update id moves to {@code lastUpdateId} and
     * the caller then sets the diff's levels; on {@link #GAP} the book is invalidated.
     *
     * @param book          the book.
     * @param firstUpdateId U, the diff's first update id.
     * @param lastUpdateId  u, the diff's last update id.
     * @return {@link #APPLY}, {@link #STALE}, {@link #GAP} or {@link #NOT_SYNCED}.
     */
    public static int onDiff(final OrderBook book, final long firstUpdateId, final long lastUpdateId)
    {
        if (!book.isValid())
        {
            return NOT_SYNCED;
        }
        final long last = book.lastUpdateId();
        if (lastUpdateId <= last)
        {
            return STALE;
        }
        if (firstUpdateId > last + 1)
        {
            book.invalidate();
            return GAP;
        }
        book.applied(lastUpdateId);
        return APPLY;
    }
}
