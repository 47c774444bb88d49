package com.schwabot.engine.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import com.schwabot.engine.market.InstrumentTable;

/**
 * One CSV file being imported: its rows read in file order and converted to market events, one event at a time,
 * so that several files can be merged by time. A header line (Binance: a first line without a digit; generic: a
 * first field {@code time}) is skipped. A bad row goes to the {@link ImportErrors} and is
 * skipped; rows of symbols that are not configured are counted per symbol.
 * <p>
 * Not thread-safe.
 */
final class ImportSource implements AutoCloseable
{
    private final CsvLayout layout;
    private final String symbol;
    private final RowConverter converter;
    private final CsvRow row;
    private final CsvReader reader;
    private final ImportErrors errors;
    private final MarketEvents events = new MarketEvents();
    private final Map<String, Long> skipped = new TreeMap<>();
    private int cursor;
    private boolean firstLine = true;
    private long rows;
    private long records;

    private ImportSource(
        final Path file,
        final CsvLayout layout,
        final String symbol,
        final RowConverter converter,
        final InstrumentTable instruments,
        final ImportErrors errors) throws IOException
    {
        this.layout = layout;
        this.symbol = symbol;
        this.converter = converter;
        this.row = new CsvRow(instruments);
        this.reader = CsvReader.open(file, row);
        this.errors = errors;
    }

    /**
     * Open a file.
     *
     * @param file        the file.
     * @param layout      its layout.
     * @param instrument  the file's instrument (Binance layouts), ignored for the generic layout.
     * @param instruments the instrument table.
     * @param errors      where bad rows go.
     * @return the source, before its first event: call {@link #advance()}.
     * @throws IOException when the file cannot be opened.
     */
    static ImportSource open(
        final Path file,
        final CsvLayout layout,
        final int instrument,
        final InstrumentTable instruments,
        final ImportErrors errors) throws IOException
    {
        final RowConverter converter = switch (layout)
        {
            case TRADES -> BinanceRows.trades(instrument);
            case AGG_TRADES -> BinanceRows.aggTrades(instrument);
            case BOOK_TICKER -> BinanceRows.bookTicker(instrument);
            case KLINES -> new KlineRows(instrument);
            case GENERIC -> new GenericRows();
        };
        final String symbol = layout == CsvLayout.GENERIC ? null : instruments.symbol(instrument);
        return new ImportSource(file, layout, symbol, converter, instruments, errors);
    }

    /**
     * Move to the next event.
     *
     * @return false at the end of the file.
     * @throws IOException     when reading fails.
     * @throws ImportException when the error limit is reached.
     */
    boolean advance() throws IOException
    {
        if (++cursor < events.count())
        {
            return true;
        }
        while (true)
        {
            events.clear();
            cursor = 0;
            try
            {
                if (!reader.next())
                {
                    return false;
                }
                if (firstLine)
                {
                    firstLine = false;
                    if (isHeader())
                    {
                        continue;
                    }
                }
                rows++;
                if (!converter.convert(row, events))
                {
                    skipped.merge(row.text(1), 1L, Long::sum);
                    continue;
                }
            }
            catch (final RowException ex)
            {
                events.clear();
                errors.add(new ImportError(reader.label(), reader.lineNumber(), ex.getMessage()));
                continue;
            }
            if (events.count() > 0)
            {
                return true;
            }
        }
    }

    private boolean isHeader()
    {
        return layout == CsvLayout.GENERIC ? row.is(0, "time") : row.hasNoDigits();
    }

    /**
     * The current events; the current one is at {@link #cursor()}.
     *
     * @return the events of the current row.
     */
    MarketEvents events()
    {
        return events;
    }

    int cursor()
    {
        return cursor;
    }

    long timeMicros()
    {
        return events.timeMicros(cursor);
    }

    void written()
    {
        records++;
    }

    String label()
    {
        return reader.label();
    }

    CsvLayout layout()
    {
        return layout;
    }

    /**
     * The file's symbol (Binance layouts), null for the generic layout.
     *
     * @return the symbol or null.
     */
    String symbol()
    {
        return symbol;
    }

    long rows()
    {
        return rows;
    }

    long records()
    {
        return records;
    }

    Map<String, Long> skipped()
    {
        return skipped;
    }

    /**
     * Close the file.
     *
     * @throws IOException when closing fails.
     */
    public void close() throws IOException
    {
        reader.close();
    }
}
