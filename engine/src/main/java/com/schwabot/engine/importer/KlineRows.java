package com.schwabot.engine.importer;

/**
 * Klines to trades: a reconstruction, not recorded data. A bar only says where the price opened, went and closed,
 * so each bar becomes up to four trades on one plausible path:
 * <ul>
 *     <li>prices: open, low, high, close for a bar that closed at or above its open; open, high, low, close for one
 *     that closed below (the extreme nearer the open first, the usual assumption);</li>
 *     <li>times: the open time, one third and two thirds of the way to the close time, and the close time;</li>
 *     <li>quantities: the bar's volume split evenly (the remainder of the mantissa to the first trades), so the
 *     four add up to the volume exactly; a trade whose share is zero is left out (a zero-volume bar gives none);</li>
 *     <li>taker side: a trade above the previous one was bought, below sold, at the same price as the bar's
 *     direction; ids are the trade times in microseconds.</li>
 * </ul>
 * No quotes are made up: a backtest over klines alone has no best bid/ask (the strategies act on the book), so
 * import klines with a bookTicker or generic quote file when strategies must trade.
 * <p>
 * Not thread-safe: one per file.
 */
final class KlineRows implements RowConverter
{
    private static final int TRADES_PER_BAR = 4;

    private final int instrument;
    private final long[] prices = new long[TRADES_PER_BAR];
    private long lastPrice = -1;

    KlineRows(final int instrument)
    {
        this.instrument = instrument;
    }

    /**
     * {@inheritDoc}
     */
    public boolean convert(final CsvRow row, final MarketEvents out)
    {
        row.fieldCount(CsvLayout.KLINES, 7, 12);
        final long openTime = row.timeMicros(0, "open time", false);
        final long open = row.price(1, "open", instrument);
        final long high = row.price(2, "high", instrument);
        final long low = row.price(3, "low", instrument);
        final long close = row.price(4, "close", instrument);
        final long volume = row.qty(5, "volume", instrument);
        final long closeTime = row.timeMicros(6, "close time", false);
        if (closeTime <= openTime)
        {
            throw new RowException("close time", row.text(6), "must be after the open time " + row.text(0));
        }
        if (low > Math.min(open, close) || high < Math.max(open, close))
        {
            throw new RowException("high " + row.text(2) + " and low " + row.text(3) +
                " do not contain open " + row.text(1) + " and close " + row.text(4));
        }
        final boolean down = close < open;
        prices[0] = open;
        prices[1] = down ? high : low;
        prices[2] = down ? low : high;
        prices[3] = close;
        final long share = volume / TRADES_PER_BAR;
        final long remainder = volume % TRADES_PER_BAR;
        final long span = closeTime - openTime;
        for (int k = 0; k < TRADES_PER_BAR; k++)
        {
            final long qty = share + (k < remainder ? 1 : 0);
            final long price = prices[k];
            final boolean sellerTook = lastPrice < 0 || price == lastPrice ? down : price < lastPrice;
            lastPrice = price;
            if (qty > 0)
            {
                final long time = k == TRADES_PER_BAR - 1 ? closeTime : openTime + span * k / (TRADES_PER_BAR - 1);
                out.addTrade(instrument, time, time, price, qty, sellerTook);
            }
        }
        return true;
    }
}
