package com.schwabot.engine.book;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void shouldAppendASnapshotBestFirstAndIgnoreWhatDoesNotFit()
    {
        final BookSide asks = new BookSide(false, 3);
        asks.set(100, 1);
        asks.set(101, 2);
        asks.set(102, 0);
        asks.set(103, 3);
        asks.set(104, 4);
        assertThat(prices(asks)).containsExactly(100, 101, 103);
        assertThat(asks.qty(2)).isEqualTo(3);
    }

    /**
     * Seeded updates of every kind (snapshots best first, random inserts, replacements, removals, levels beyond the
     * capacity) against a sorted map model of the side, compared after every update, on a small and a larger side.
     */
    @ParameterizedTest(name = "bids {0}, capacity {1}")
    @CsvSource({"true, 20", "false, 20", "true, 70", "false, 70"})
    void shouldMatchASortedMapModelUnderRandomUpdates(final boolean bids, final int capacity)
    {
        final SplittableRandom random = new SplittableRandom(bids ? 17 + capacity : 29 + capacity);
        for (int round = 0; round < 200; round++)
        {
            final BookSide side = new BookSide(bids, capacity);
            final TreeMap<Long, Long> model = new TreeMap<>(
                bids ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
            final long start = 1_000 + random.nextInt(100);
            final int snapshotLevels = random.nextInt(capacity + 5);
            final int span = 2 * capacity + 40;
            for (int i = 0; i < snapshotLevels; i++)
            {
                final long price = bids ? start - i : start + i;
                final long qty = random.nextInt(4);
                apply(side, model, capacity, price, qty);
            }
            for (int update = 0; update < 300; update++)
            {
                final long price = start - span / 2 + random.nextInt(span);
                final long qty = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(9);
                apply(side, model, capacity, price, qty);
            }
        }
    }

    private static void apply(
        final BookSide side, final TreeMap<Long, Long> model, final int capacity, final long price, final long qty)
    {
        side.set(price, qty);
        if (0 == qty)
        {
            model.remove(price);
        }
        else if (model.containsKey(price) || model.size() < capacity ||
            model.comparator().compare(price, model.lastKey()) < 0)
        {
            model.put(price, qty);
            while (model.size() > capacity)
            {
                model.pollLastEntry();
            }
        }
        final List<Long> prices = new ArrayList<>();
        final List<Long> qtys = new ArrayList<>();
        for (int i = 0; i < side.size(); i++)
        {
            prices.add(side.price(i));
            qtys.add(side.qty(i));
        }
        assertThat(prices).as("after %d @ %d", qty, price).containsExactlyElementsOf(model.keySet());
        assertThat(qtys).containsExactlyElementsOf(model.values());
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
