package com.schwabot.engine.venue.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import com.schwabot.codecs.binance.DepthDiffStreamEventDecoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;

/**
 * A client's copy of a book, kept the way Binance documents it: start from a depth snapshot, then apply the depth
 * diffs whose ids follow it without a gap. Prices and quantities are wire mantissas.
 */
final class LocalBook
{
    final TreeMap<Long, Long> bids = new TreeMap<>(Comparator.reverseOrder());
    final TreeMap<Long, Long> asks = new TreeMap<>();
    private long lastUpdateId = -1;

    long lastUpdateId()
    {
        return lastUpdateId;
    }

    void applySnapshot(final DepthSnapshotStreamEventDecoder snapshot)
    {
        bids.clear();
        asks.clear();
        for (final DepthSnapshotStreamEventDecoder.BidsDecoder level : snapshot.bids())
        {
            bids.put(level.price(), level.qty());
        }
        for (final DepthSnapshotStreamEventDecoder.AsksDecoder level : snapshot.asks())
        {
            asks.put(level.price(), level.qty());
        }
        lastUpdateId = snapshot.bookUpdateId();
    }

    /**
     * @return false when the diff is older than the book (skipped); fails on a gap.
     */
    boolean applyDiff(final DepthDiffStreamEventDecoder diff)
    {
        if (diff.lastBookUpdateId() <= lastUpdateId)
        {
            return false;
        }
        assertThat(diff.firstBookUpdateId()).as("first id of the diff after %d", lastUpdateId)
            .isEqualTo(lastUpdateId + 1);
        assertThat(diff.lastBookUpdateId()).isGreaterThanOrEqualTo(diff.firstBookUpdateId());
        for (final DepthDiffStreamEventDecoder.BidsDecoder level : diff.bids())
        {
            set(bids, level.price(), level.qty());
        }
        for (final DepthDiffStreamEventDecoder.AsksDecoder level : diff.asks())
        {
            set(asks, level.price(), level.qty());
        }
        lastUpdateId = diff.lastBookUpdateId();
        return true;
    }

    /**
     * @return the simulator's side as a map of mantissas.
     */
    static Map<Long, Long> levels(final BookSide side, final SimInstrument instrument)
    {
        final Map<Long, Long> levels = new TreeMap<>();
        for (int i = 0; i < side.size(); i++)
        {
            levels.put(side.price(i) * instrument.tickMantissa(), side.qty(i) * instrument.lotMantissa());
        }
        return levels;
    }

    private static void set(final TreeMap<Long, Long> side, final long price, final long qty)
    {
        if (0 == qty)
        {
            side.remove(price);
        }
        else
        {
            side.put(price, qty);
        }
    }
}
