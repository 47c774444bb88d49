package com.schwabot.engine.importer;

import com.schwabot.engine.market.InstrumentTable;

/**
 * The generic layout {@code time,symbol,type,price,qty,bid,bid_qty,ask,ask_qty} (see {@link CsvLayout#GENERIC}):
 * a {@code buy} or {@code sell} row is one trade (the taker's side), a {@code quote} row one best bid/ask. Ids are
 * not in the layout: a trade's id and a quote's book update id are its time in microseconds, so they rise with
 * time across files and imports. A row whose symbol is not among the configured instruments is skipped (the
 * importer counts them per symbol); its time and type are still checked.
 */
final class GenericRows implements RowConverter
{
    private static final int TIME = 0;
    private static final int SYMBOL = 1;
    private static final int TYPE = 2;
    private static final int PRICE = 3;
    private static final int QTY = 4;
    private static final int BID = 5;
    private static final int BID_QTY = 6;
    private static final int ASK = 7;
    private static final int ASK_QTY = 8;
    private static final String[] HEADER =
        {"time", "symbol", "type", "price", "qty", "bid", "bid_qty", "ask", "ask_qty"};
    private static final int TRADE_COLUMNS = QTY + 1;

    private int columns = HEADER.length;

    /**
     * The header must be the generic header, or its first five names for a file of trades only: columns are read
     * by position, so a header that names them in another order or otherwise would import the wrong values.
     * After a five-column header a row may have no more than five columns.
     *
     * @param row the header line.
     */
    public void header(final CsvRow row)
    {
        final int count = row.fields();
        boolean generic = count == HEADER.length || count == TRADE_COLUMNS;
        for (int f = 0; generic && f < count; f++)
        {
            generic = row.is(f, HEADER[f]);
        }
        if (!generic)
        {
            throw new RowException("header " + row.line() + ": not the generic header " + String.join(",", HEADER) +
                " (or its first " + TRADE_COLUMNS + " names, for trades only); columns are read by position, " +
                "so name them in that order");
        }
        columns = count;
    }

    /**
     * {@inheritDoc}
     */
    public boolean convert(final CsvRow row, final MarketEvents out)
    {
        row.fieldCount(CsvLayout.GENERIC, TRADE_COLUMNS, columns);
        final long time = row.timeMicros(TIME, "time", true);
        final boolean buy = row.is(TYPE, "buy");
        final boolean sell = row.is(TYPE, "sell");
        final boolean quote = row.is(TYPE, "quote");
        if (!buy && !sell && !quote)
        {
            throw new RowException("type", row.text(TYPE), "must be buy, sell (a trade, by the taker's side) or " +
                "quote (the best bid and ask)");
        }
        if (row.isBlank(SYMBOL))
        {
            throw new RowException("symbol", "", "missing");
        }
        final int instrument = row.instrument(SYMBOL);
        if (instrument == InstrumentTable.UNKNOWN)
        {
            return false;
        }
        if (quote)
        {
            blank(row, PRICE, "price", "a quote");
            blank(row, QTY, "qty", "a quote");
            out.addQuote(instrument, time, time, row.price(BID, "bid", instrument), row.qty(BID_QTY, "bid_qty",
                instrument), row.price(ASK, "ask", instrument), row.qty(ASK_QTY, "ask_qty", instrument));
        }
        else
        {
            blank(row, BID, "bid", "a trade");
            blank(row, BID_QTY, "bid_qty", "a trade");
            blank(row, ASK, "ask", "a trade");
            blank(row, ASK_QTY, "ask_qty", "a trade");
            out.addTrade(instrument, time, time, row.price(PRICE, "price", instrument),
                BinanceRows.positive(row, QTY, "qty", instrument), sell);
        }
        return true;
    }

    private static void blank(final CsvRow row, final int field, final String column, final String what)
    {
        if (!row.isBlank(field))
        {
            throw new RowException(column, row.text(field), "must be empty for " + what);
        }
    }
}
