package com.schwabot.engine.importer;

/**
 * Converters of the Binance public-data layouts whose rows are one event each: trades, aggTrades and bookTicker.
 * The symbol is not in the rows: it is the file's (its name, or the command line's {@code --symbol}).
 */
final class BinanceRows
{
    private BinanceRows()
    {
    }

    /**
     * trades: {@code id, price, qty, quoteQty, time, isBuyerMaker[, isBestMatch]} to one trade.
     *
     * @param instrument the file's instrument.
     * @return the converter.
     */
    static RowConverter trades(final int instrument)
    {
        return (row, out) ->
        {
            row.fieldCount(CsvLayout.TRADES, 6, 7);
            out.addTrade(instrument, row.timeMicros(4, "time", false), row.integer(0, "trade id"),
                row.price(1, "price", instrument), positive(row, 2, "qty", instrument), row.bool(5, "is buyer maker"));
            return true;
        };
    }

    /**
     * aggTrades: {@code aggId, price, qty, firstId, lastId, time, isBuyerMaker[, isBestMatch]} to one trade carrying
     * the aggregate's id and total quantity.
     *
     * @param instrument the file's instrument.
     * @return the converter.
     */
    static RowConverter aggTrades(final int instrument)
    {
        return (row, out) ->
        {
            row.fieldCount(CsvLayout.AGG_TRADES, 7, 8);
            row.integer(3, "first trade id");
            row.integer(4, "last trade id");
            out.addTrade(instrument, row.timeMicros(5, "time", false), row.integer(0, "aggregate trade id"),
                row.price(1, "price", instrument), positive(row, 2, "qty", instrument), row.bool(6, "is buyer maker"));
            return true;
        };
    }

    /**
     * bookTicker: {@code updateId, bid, bidQty, ask, askQty, transactionTime, eventTime} to one best bid/ask at the
     * event time (the time the venue published it, as the live stream's event time). A crossed book, or a side
     * with no quantity, is imported as it is: the engine's validate stage drops and counts it at replay, as it would
     * live, and a long history is not refused for one bad quote.
     *
     * @param instrument the file's instrument.
     * @return the converter.
     */
    static RowConverter bookTicker(final int instrument)
    {
        return (row, out) ->
        {
            row.fieldCount(CsvLayout.BOOK_TICKER, 7, 7);
            row.timeMicros(5, "transaction time", false);
            out.addQuote(instrument, row.timeMicros(6, "event time", false), row.integer(0, "update id"),
                row.price(1, "best bid price", instrument), row.qty(2, "best bid qty", instrument),
                row.price(3, "best ask price", instrument), row.qty(4, "best ask qty", instrument));
            return true;
        };
    }

    static long positive(final CsvRow row, final int field, final String column, final int instrument)
    {
        final long qty = row.qty(field, column, instrument);
        if (qty <= 0)
        {
            throw new RowException(column, row.text(field), "must be positive");
        }
        return qty;
    }
}
