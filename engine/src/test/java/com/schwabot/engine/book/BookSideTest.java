package com.schwabot.engine.book;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BookSideTest
{
    @Test
    void shouldKeepBidsBestFirstAndRemoveLevelsAtQuantityZero()
    {
        final BookSide bids = new BookSide(true, 8);
        bids.set(100, 1);
        bids.set(102, 2);
        bids.set(101, 3);
        bids.set(99, 4);

        assertThat(prices(bids)).containsExactly(102, 101, 100, 99);
        bids.set(101, 0);
        assertThat(prices(bids)).containsExactly(102, 100, 99);
        bids.set(100, 7);
        assertThat(bids.qty(1)).isEqualTo(7);
        bids.set(50, 0);
        assertThat(bids.size()).isEqualTo(3);
        assertThat(bids.depth(2)).isEqualTo(2 + 7);
    }

    @Test
    void shouldKeepAsksBestFirst()
    {
        final BookSide asks = new BookSide(false, 8);
        asks.set(105, 1);
        asks.set(103, 1);
        asks.set(104, 1);

        assertThat(prices(asks)).containsExactly(103, 104, 105);
        assertThat(asks.bestPrice()).isEqualTo(103);
    }

    @Test
    void shouldDropTheWorstLevelWhenFullAndIgnoreWorseOnes()
    {
        final BookSide bids = new BookSide(true, 3);
        bids.set(100, 1);
        bids.set(99, 1);
        bids.set(98, 1);
        bids.set(97, 1);
        assertThat(prices(bids)).containsExactly(100, 99, 98);

        bids.set(101, 1);
        assertThat(prices(bids)).containsExactly(101, 100, 99);
        bids.set(100, 0);
        assertThat(prices(bids)).containsExactly(101, 99);
    }

    @Test
    void shouldApplyTheSyncRulesForDiffs()
    {
        final OrderBook book = new OrderBook(4);
        assertThat(BookSync.onDiff(book, 1, 2)).isEqualTo(BookSync.NOT_SYNCED);

        BookSync.beginSnapshot(book, 10);
        assertThat(BookSync.onDiff(book, 5, 10)).isEqualTo(BookSync.STALE);
        assertThat(BookSync.onDiff(book, 8, 12)).isEqualTo(BookSync.APPLY);
        assertThat(book.lastUpdateId()).isEqualTo(12);
        assertThat(BookSync.onDiff(book, 13, 13)).isEqualTo(BookSync.APPLY);
        assertThat(BookSync.onDiff(book, 15, 16)).isEqualTo(BookSync.GAP);
        assertThat(book.isValid()).isFalse();
        assertThat(book.hadSnapshot()).isTrue();
        assertThat(BookSync.onDiff(book, 17, 18)).isEqualTo(BookSync.NOT_SYNCED);
    }

    private static long[] prices(final BookSide side)
    {
        final long[] prices = new long[side.size()];
        for (int i = 0; i < prices.length; i++)
        {
            prices[i] = side.price(i);
        }
        return prices;
    }
}
