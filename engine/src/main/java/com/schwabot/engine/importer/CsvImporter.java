package com.schwabot.engine.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.schwabot.config.Instrument;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.Engine;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.journal.Journal;

/**
 * Builds a journal from historical market data in CSV files ({@link CsvLayout}): every row becomes the Binance SBE
 * stream frame the live feed would have journaled, so {@code schwabot replay} backtests it like any market-data
 * journal.
 * <ul>
 *     <li>Layout and symbol: from the Binance public-data file name ({@code BTCUSDT-aggTrades-2024-01-02.zip}),
 *     unless set; a file whose name does not say and whose first line is the generic header is generic. The
 *     symbol of a Binance file must be a configured instrument (an error otherwise); generic rows of other
 *     symbols are skipped and counted.</li>
 *     <li>Exactness: prices and quantities are parsed as decimals at the instrument's exponents; a value with more
 *     decimal places is an error, never rounded.</li>
 *     <li>Two passes: every file is read and checked first, and nothing is written unless every row is good. Errors
 *     name the file, line, column and value; the first stops the check unless {@link #maxErrors(int)} allows more.
 *     </li>
 *     <li>Order: each file's rows must be in time order (a row before an earlier one is an error); files are merged
 *     by event time (ties in command-line order). Appended rows may not be older than the journal's last record.
 *     </li>
 *     <li>Generic header: when present, it must be the generic header (or its first five names): columns are read
 *     by position.</li>
 *     <li>Zips: a {@code .zip} must be a zip archive of exactly one file.</li>
 *     <li>The journal: created with the configuration's journal settings; one that already holds records is refused
 *     unless {@link #append(boolean)}. Files that give no record at all are refused (no journal is created).</li>
 * </ul>
 * Files are streamed (nothing is loaded whole) and rows are parsed without allocation. Not thread-safe.
 */
public final class CsvImporter
{
    private final SchwabotConfig config;
    private final InstrumentTable instruments;
    private CsvLayout layout;
    private String symbol;
    private boolean append;
    private int maxErrors = 1;

    /**
     * An importer for a configuration (its instruments and journal settings).
     *
     * @param config the validated configuration.
     */
    public CsvImporter(final SchwabotConfig config)
    {
        this.config = config;
        this.instruments = new InstrumentTable(config.instruments());
    }

    /**
     * The layout of every file, instead of telling it from each file's name.
     *
     * @param layout the layout, or null to tell.
     * @return this.
     */
    public CsvImporter layout(final CsvLayout layout)
    {
        this.layout = layout;
        return this;
    }

    /**
     * The symbol of every Binance file, instead of taking it from each file's name.
     *
     * @param symbol the symbol, or null to tell.
     * @return this.
     */
    public CsvImporter symbol(final String symbol)
    {
        this.symbol = symbol;
        return this;
    }

    /**
     * Append to a journal that already holds records (otherwise refused).
     *
     * @param append true to append.
     * @return this.
     */
    public CsvImporter append(final boolean append)
    {
        this.append = append;
        return this;
    }

    /**
     * How many bad rows to list before stopping; 1 (the default) stops at the first.
     *
     * @param maxErrors at least 1.
     * @return this.
     */
    public CsvImporter maxErrors(final int maxErrors)
    {
        if (maxErrors < 1)
        {
            throw new IllegalArgumentException("maxErrors must be >= 1: " + maxErrors);
        }
        this.maxErrors = maxErrors;
        return this;
    }

    /**
     * Check every file, then write them, merged by time, into the journal.
     *
     * @param files      the CSV files (or zips of one CSV).
     * @param journalDir the journal directory (created when absent).
     * @return what was written.
     * @throws IOException     when a file cannot be read or the journal cannot be written.
     * @throws ImportException when a row is bad or out of time order, a file's layout or symbol cannot be told or
     *                         is not configured, a zip is not one of one file, no file gives a record, or the
     *                         journal already holds records without {@link #append(boolean)}; nothing is written
     *                         then.
     */
    public ImportResult run(final List<Path> files, final Path journalDir) throws IOException
    {
        if (files.isEmpty())
        {
            throw new IllegalArgumentException("no file to import");
        }
        final List<FileSpec> specs = new ArrayList<>(files.size());
        for (final Path file : files)
        {
            specs.add(resolve(file));
        }
        final ImportSource.JournalEnd floor = journalEnd(journalDir);
        check(specs, floor);
        return write(specs, journalDir);
    }

    private record FileSpec(Path file, CsvLayout layout, int instrument)
    {
    }

    private FileSpec resolve(final Path file) throws IOException
    {
        final String name = file.getFileName().toString();
        CsvLayout fileLayout = null != layout ? layout : CsvLayout.fromFileName(name);
        if (null == fileLayout)
        {
            if (!hasGenericHeader(file))
            {
                throw new ImportException(file + ": cannot tell the layout from the file name (Binance public-data " +
                    "names: SYMBOL-trades-..., SYMBOL-aggTrades-..., SYMBOL-bookTicker-..., SYMBOL-1m-... for " +
                    "klines) nor from a generic header (time,symbol,type,...): pass the layout (--format)");
            }
            fileLayout = CsvLayout.GENERIC;
        }
        if (fileLayout == CsvLayout.GENERIC)
        {
            return new FileSpec(file, fileLayout, InstrumentTable.UNKNOWN);
        }
        final String fileSymbol = null != symbol ? symbol : CsvLayout.symbolFromFileName(name);
        if (null == fileSymbol)
        {
            throw new ImportException(file + ": cannot tell the symbol from the file name (SYMBOL-" +
                fileLayout.label() + "-...): pass the symbol (--symbol)");
        }
        final int instrument = instruments.indexOf(fileSymbol);
        if (instrument == InstrumentTable.UNKNOWN)
        {
            final String known = config.instruments().stream().map(Instrument::symbol)
                .collect(Collectors.joining(", "));
            throw new ImportException(file + ": symbol " + fileSymbol + (null != symbol ? "" : " (from the file " +
                "name)") + " is not one of config.yaml's instruments (" + known + ")");
        }
        return new FileSpec(file, fileLayout, instrument);
    }

    private boolean hasGenericHeader(final Path file) throws IOException
    {
        final CsvRow row = new CsvRow(instruments);
        try (CsvReader reader = CsvReader.open(file, row))
        {
            return reader.next() && row.is(0, "time") && row.is(1, "symbol");
        }
        catch (final RowException ex)
        {
            return false;
        }
    }

    /**
     * The journal's last record, which appended rows may not precede; null when the journal is new or empty.
     * A journal that holds records is refused unless appending.
     */
    private ImportSource.JournalEnd journalEnd(final Path journalDir) throws IOException
    {
        if (!Files.isDirectory(journalDir))
        {
            return null;
        }
        try (Stream<Path> list = Files.list(journalDir))
        {
            if (list.noneMatch((p) -> p.getFileName().toString().endsWith(".cq4")))
            {
                return null;
            }
        }
        try (Journal journal = Journal.openReadOnly(journalDir))
        {
            final long last = journal.lastSequence();
            if (last <= 0)
            {
                return null;
            }
            if (!append)
            {
                throw new ImportException("journal " + journalDir + " already holds " + last + " records: import " +
                    "into a new directory, or append to it (--append)");
            }
            final long[] ingressNanos = new long[1];
            journal.replay(last, (sequence, nanos, source, flags, buffer, offset, length, index) ->
                ingressNanos[0] = nanos);
            return new ImportSource.JournalEnd(last, Math.floorDiv(ingressNanos[0] + 999, 1000L));
        }
    }

    private void check(final List<FileSpec> specs, final ImportSource.JournalEnd floor) throws IOException
    {
        final ImportErrors errors = new ImportErrors(maxErrors);
        final List<String> empty = new ArrayList<>(specs.size());
        long records = 0;
        for (final FileSpec spec : specs)
        {
            try (ImportSource source = ImportSource.open(
                spec.file, spec.layout, spec.instrument, instruments, errors, floor))
            {
                while (source.advance())
                {
                    source.written();
                }
                records += source.records();
                empty.add(source.label() + ": " + (0 == source.rows() ? "no data rows" : source.rows() + " rows, " +
                    "0 records" + (source.skipped().isEmpty() ? "" : " (rows of symbols not in config.yaml: " +
                    String.join(", ", source.skipped().keySet()) + ")")));
            }
        }
        if (!errors.isEmpty())
        {
            throw errors.failure(false);
        }
        if (0 == records)
        {
            throw new ImportException("nothing was imported: no market data in " + String.join("; ", empty));
        }
    }

    private ImportResult write(final List<FileSpec> specs, final Path journalDir) throws IOException
    {
        final ImportErrors errors = new ImportErrors(1);
        final List<ImportSource> sources = new ArrayList<>(specs.size());
        try (Journal journal = Journal.open(Engine.journalContext(config, journalDir)))
        {
            for (final FileSpec spec : specs)
            {
                sources.add(ImportSource.open(spec.file, spec.layout, spec.instrument, instruments, errors, null));
            }
            final BinanceFrameWriter writer = new BinanceFrameWriter(instruments, journal.appender());
            final Merge merge = new Merge(sources);
            merge.run(writer);
            return result(journalDir, sources, writer, merge);
        }
        finally
        {
            for (final ImportSource source : sources)
            {
                source.close();
            }
        }
    }

    private static ImportResult result(
        final Path journalDir, final List<ImportSource> sources, final BinanceFrameWriter writer, final Merge merge)
    {
        final List<ImportResult.FileResult> files = new ArrayList<>(sources.size());
        final Map<String, Long> skipped = new TreeMap<>();
        for (final ImportSource source : sources)
        {
            long skippedRows = 0;
            for (final Map.Entry<String, Long> entry : source.skipped().entrySet())
            {
                skipped.merge(entry.getKey(), entry.getValue(), Long::sum);
                skippedRows += entry.getValue();
            }
            files.add(new ImportResult.FileResult(source.label(), source.layout(), source.symbol(), source.rows(),
                source.records(), skippedRows));
        }
        return new ImportResult(journalDir, List.copyOf(files), writer.tradeFrames(), writer.quoteFrames(),
            merge.firstSequence, merge.lastSequence, merge.firstMicros * 1000, merge.lastMicros * 1000,
            skipped);
    }

    /**
     * Merges the sources by event time: the earliest current event goes next, ties to the earlier file.
     */
    private static final class Merge
    {
        private final ImportSource[] active;
        private final List<ImportSource> sources;
        private long firstSequence;
        private long lastSequence;
        private long firstMicros;
        private long lastMicros;

        Merge(final List<ImportSource> sources)
        {
            this.sources = sources;
            this.active = new ImportSource[sources.size()];
        }

        void run(final BinanceFrameWriter writer) throws IOException
        {
            int count = 0;
            for (final ImportSource source : sources)
            {
                if (source.advance())
                {
                    active[count++] = source;
                }
            }
            while (count > 0)
            {
                int next = 0;
                for (int k = 1; k < count; k++)
                {
                    if (active[k].timeMicros() < active[next].timeMicros())
                    {
                        next = k;
                    }
                }
                final ImportSource source = active[next];
                final long micros = source.timeMicros();
                lastSequence = writer.write(source.events(), source.cursor());
                lastMicros = micros;
                if (0 == firstSequence)
                {
                    firstSequence = lastSequence;
                    firstMicros = micros;
                }
                source.written();
                if (!source.advance())
                {
                    System.arraycopy(active, next + 1, active, next, count - next - 1);
                    count--;
                }
            }
        }
    }
}
