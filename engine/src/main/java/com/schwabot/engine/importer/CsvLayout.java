package com.schwabot.engine.importer;

import java.util.Locale;
import java.util.Set;

/**
 * The CSV layouts {@link CsvImporter} reads. The Binance layouts are those of the public-data archives at
 * data.binance.vision (github.com/binance/binance-public-data): spot files have no header line, USD-M futures files
 * have one, and a first line without a digit is taken as a header either way. Times are epoch
 * milliseconds, or microseconds (spot files from 2025-01-01 on), told apart per value (see {@link CsvRow}).
 */
public enum CsvLayout
{
    /**
     * {@code trade id, price, qty, quote qty, time, is buyer maker[, is best match]}: spot has 7 columns, futures 6.
     * Each row is one trade.
     */
    TRADES("trades", "trade id, price, qty, quote qty, time, is buyer maker[, is best match]"),
    /**
     * {@code aggregate trade id, price, qty, first trade id, last trade id, time, is buyer maker[, is best match]}:
     * spot has 8 columns, futures 7. Each row is one trade (the aggregate's id, price and total quantity).
     */
    AGG_TRADES("aggTrades",
        "aggregate trade id, price, qty, first trade id, last trade id, time, is buyer maker[, is best match]"),
    /**
     * {@code open time, open, high, low, close, volume, close time, quote volume, trades, taker buy volume, taker buy
     * quote volume, ignore}: 12 columns. Each bar is reconstructed as up to four trades, see {@link KlineRows}.
     */
    KLINES("klines", "open time, open, high, low, close, volume, close time, quote volume, trades, " +
        "taker buy volume, taker buy quote volume, ignore"),
    /**
     * {@code update id, best bid price, best bid qty, best ask price, best ask qty, transaction time, event time}:
     * 7 columns (published for futures). Each row is one best bid/ask at its event time.
     */
    BOOK_TICKER("bookTicker",
        "update id, best bid price, best bid qty, best ask price, best ask qty, transaction time, event time"),
    /**
     * Schwabot's generic layout {@code time,symbol,type,price,qty,bid,bid_qty,ask,ask_qty}: type {@code buy} or
     * {@code sell} is a trade whose taker bought or sold (price and qty; the book columns empty or absent), type
     * {@code quote} the best bid and ask (bid, bid_qty, ask, ask_qty; price and qty empty). The header line
     * is optional; when present it must be this header (or its first five names, for trades only), as columns are
     * read by position. Time: epoch milliseconds, microseconds, or an ISO-8601 instant
     * ({@code 2024-03-01T00:00:00.250Z}; an offset such as {@code +01:00} is converted to UTC).
     */
    GENERIC("generic", "time, symbol, type, price, qty, bid, bid_qty, ask, ask_qty");

    private static final Set<String> KLINE_INTERVALS = Set.of(
        "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1mo");

    private final String label;
    private final String columns;

    CsvLayout(final String label, final String columns)
    {
        this.label = label;
        this.columns = columns;
    }

    /**
     * Name as in Binance's file names and the command line.
     *
     * @return the label, e.g. {@code aggTrades}.
     */
    public String label()
    {
        return label;
    }

    /**
     * The columns, in words, for error messages and help.
     *
     * @return the column list.
     */
    public String columns()
    {
        return columns;
    }

    /**
     * Parse a layout name as the command line takes it: the label or the constant name, any case.
     *
     * @param name e.g. {@code aggTrades}, {@code agg_trades}, {@code klines}.
     * @return the layout, or null when unknown.
     */
    public static CsvLayout parse(final String name)
    {
        for (final CsvLayout layout : values())
        {
            if (layout.label.equalsIgnoreCase(name) || layout.name().equalsIgnoreCase(name))
            {
                return layout;
            }
        }
        return null;
    }

    /**
     * The Binance layout named in a public-data file name: {@code SYMBOL-trades-DATE}, {@code SYMBOL-aggTrades-DATE},
     * {@code SYMBOL-bookTicker-DATE} or {@code SYMBOL-INTERVAL-DATE} for klines ({@code .csv} or {@code .zip}).
     *
     * @param fileName the file name, without directories.
     * @return the layout, or null when the name does not say.
     */
    public static CsvLayout fromFileName(final String fileName)
    {
        final String[] parts = fileName.split("-");
        if (parts.length < 3)
        {
            return null;
        }
        final String kind = parts[1];
        if (kind.equals(TRADES.label))
        {
            return TRADES;
        }
        if (kind.equals(AGG_TRADES.label))
        {
            return AGG_TRADES;
        }
        if (kind.equals(BOOK_TICKER.label))
        {
            return BOOK_TICKER;
        }
        return KLINE_INTERVALS.contains(kind.toLowerCase(Locale.ROOT)) ? KLINES : null;
    }

    /**
     * The symbol a Binance public-data file name starts with ({@code BTCUSDT-trades-2024-01-02.csv}).
     *
     * @param fileName the file name, without directories.
     * @return the symbol in upper case, or null when the name has no {@code -}.
     */
    public static String symbolFromFileName(final String fileName)
    {
        final int dash = fileName.indexOf('-');
        return dash > 0 ? fileName.substring(0, dash).toUpperCase(Locale.ROOT) : null;
    }
}
