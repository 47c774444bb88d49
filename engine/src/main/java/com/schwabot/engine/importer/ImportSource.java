package com.schwabot.engine.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.schwabot.engine.market.InstrumentTable;

/**
 * One CSV file being imported: its rows read in file order and converted to market events, one event at a time,
 * so that several files can be merged by time. A header line (a first line without a digit, or whose first field
 * is {@code time}) is checked by the layout ({@link RowConverter#header(CsvRow)}) and skipped; a bad header is an
 * error on line 1 and ends the file (its rows would be read into the wrong columns). A bad row goes to the
 * {@link ImportErrors} and is skipped; rows of symbols that are not configured are counted per symbol. Rows must be
 * in time order: a row whose time is before an earlier row's, or before the floor (the last record of the journal
 * appended to), is an error naming both times.
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
    private final long floorMicros;
    private final long floorSequence;
    private int cursor;
    private boolean firstLine = true;
    private boolean ended;
    private long lastMicros;
    private long lastLine;
    private long rows;
    private long records;

    private ImportSource(
        final Path file,
        final CsvLayout layout,
        final String symbol,
        final RowConverter converter,
        final InstrumentTable instruments,
        final ImportErrors errors,
        final long floorMicros,
        final long floorSequence) throws IOException
    {
        this.floorMicros = floorMicros;
        this.floorSequence = floorSequence;
        this.lastMicros = floorMicros;
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
     * @param floor       the journal's last record the rows are appended after, or null for a new journal.
     * @return the source, before its first event: call {@link #advance()}.
     * @throws IOException when the file cannot be opened.
     */
    static ImportSource open(
        final Path file,
        final CsvLayout layout,
        final int instrument,
        final InstrumentTable instruments,
        final ImportErrors errors,
        final JournalEnd floor) throws IOException
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
        return new ImportSource(file, layout, symbol, converter, instruments, errors,
            null == floor ? Long.MIN_VALUE : floor.micros(), null == floor ? 0 : floor.sequence());
    }

    /**
     * The last record of a journal that is appended to: imported rows may not be older.
     *
     * @param sequence its sequence.
     * @param micros   its time (ingress), epoch microseconds rounded up.
     */
    record JournalEnd(long sequence, long micros)
    {
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
        while (!ended)
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
                        header();
                        continue;
                    }
                }
                rows++;
                if (!converter.convert(row, events))
                {
                    skipped.merge(row.text(1), 1L, Long::sum);
                    continue;
                }
                inTimeOrder();
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
        return false;
    }

    private void header()
    {
        try
        {
            converter.header(row);
        }
        catch (final RowException ex)
        {
            ended = true;
            throw ex;
        }
    }

    private boolean isHeader()
    {
        return row.hasNoDigits() || (layout == CsvLayout.GENERIC && row.is(0, "time"));
    }

    private void inTimeOrder()
    {
        final int count = events.count();
        if (0 == count)
        {
            return;
        }
        final long micros = events.timeMicros(0);
        if (micros < lastMicros)
        {
            events.clear();
            throw new RowException("time " + iso(micros) + " is before " + (0 == lastLine ?
                "the journal's last record (sequence " + floorSequence + ", " + iso(floorMicros) + "): --append " +
                "adds only data from that time on" :
                "line " + lastLine + "'s " + iso(lastMicros) + ": rows must be in time order (sort the file)"));
        }
        lastMicros = events.timeMicros(count - 1);
        lastLine = reader.lineNumber();
    }

    private static String iso(final long micros)
    {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
            .toString();
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
