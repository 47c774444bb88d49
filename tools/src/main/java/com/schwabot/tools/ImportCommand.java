package com.schwabot.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.config.ShellWords;
import com.schwabot.engine.importer.CsvImporter;
import com.schwabot.engine.importer.CsvLayout;
import com.schwabot.engine.importer.ImportError;
import com.schwabot.engine.importer.ImportException;
import com.schwabot.engine.importer.ImportResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code schwabot import --journal DIR FILE...}: builds a journal of market data from historical CSV files (the
 * Binance public-data layouts or the generic one), which {@code schwabot replay} then backtests.
 */
@Command(
    name = "import",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        ExitCodes.OK_HELP, "1:bad rows (each printed as FILE:LINE: column = value: problem; nothing is written), " +
        "rows out of time order, a bad generic header, a file whose layout or symbol cannot be told or is not " +
        "configured, a .zip that is not a zip of one file, no data to import, or a journal that holds records " +
        "without --append", ExitCodes.USAGE_HELP, ExitCodes.CONFIG_HELP, ExitCodes.IO_HELP + " (also: --journal " +
        "is a non-empty directory that is not a journal, or cannot be written)" },
    description = {
        "Import historical market data from CSV files (or .zip archives of one CSV) into a journal, as the " +
            "Binance SBE stream frames the live feed journals: trades and aggTrades as trades, klines as up to four " +
            "trades per bar (a reconstruction: open, low/high, high/low, close), bookTicker as best bid/ask.",
        "Layouts: Binance public data (data.binance.vision) trades, aggTrades, klines, bookTicker, with or without " +
            "a header line, times in milliseconds or microseconds; and generic: time,symbol,type,price,qty,bid," +
            "bid_qty,ask,ask_qty with type buy, sell or quote. The layout and symbol come from Binance file names " +
            "(BTCUSDT-aggTrades-2024-01-02.zip) unless --format and --symbol are given.",
        "Prices and quantities must be exact at the instrument's exponents (config.yaml). Every file is checked " +
            "before anything is written; each file's rows must be in time order, and files are merged by event " +
            "time. Generic rows of symbols that are not configured are skipped and counted." })
public final class ImportCommand implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions configOptions;

    @Option(names = "--journal", paramLabel = "DIR", required = true,
        description = "The journal to write (created when absent or empty; one that holds records needs " +
            "--append; a non-empty directory that is not a journal is refused).")
    Path journalDir;

    @Option(names = "--format", paramLabel = "LAYOUT", converter = LayoutConverter.class,
        description = "The layout of every file: trades, aggTrades, klines, bookTicker or generic. Default: from " +
            "each file's name (Binance public data), or generic when its first line is the generic header.")
    CsvLayout layout;

    @Option(names = "--symbol", paramLabel = "SYMBOL",
        description = "The instrument of every Binance-layout file. Default: from each file's name " +
            "(BTCUSDT-trades-...).")
    String symbol;

    @Option(names = "--append", description = "Add to a journal that already holds records (data no older than " +
        "its last record).")
    boolean append;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "1",
        description = "List up to N bad rows before stopping (default 1: stop at the first).")
    int maxErrors;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "CSV files, or zips holding one CSV each.")
    List<Path> files;

    /**
     * Check and import.
     *
     * @return the exit status.
     * @throws IOException when a file cannot be read or the journal cannot be written.
     */
    public Integer call() throws IOException
    {
        if (maxErrors < 1)
        {
            throw new CliException(ExitCodes.USAGE, "--max-errors " + maxErrors + ": must be at least 1");
        }
        if (Files.exists(journalDir) && !Files.isDirectory(journalDir))
        {
            throw new CliException(ExitCodes.IO, "--journal " + journalDir + " is not a directory");
        }
        refuseOtherDirectory();
        requireWritable();
        for (final Path file : files)
        {
            if (!Files.isRegularFile(file) || !Files.isReadable(file))
            {
                throw new CliException(ExitCodes.IO, "cannot read " + file + ": no such readable file");
            }
        }
        final SchwabotConfig config = configOptions.load(SchwabotCli.context(spec));
        JournalFiles.warnRollCycle(journalDir, config.journal().rollCycle(), spec.commandLine().getErr());
        final ImportResult result;
        try
        {
            result = new CsvImporter(config).layout(layout).symbol(null == symbol ? null :
                symbol.toUpperCase(Locale.ROOT)).append(append).maxErrors(maxErrors).run(files, journalDir);
        }
        catch (final ImportException ex)
        {
            final List<String> details = new ArrayList<>();
            for (final ImportError error : ex.errors())
            {
                details.add(error.toString());
            }
            throw new CliException(ExitCodes.FAILURE, (details.isEmpty() ? "" : "import failed: ") +
                ex.getMessage(), details);
        }
        print(result, spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /**
     * A directory that holds files but no Chronicle Queue file is not a journal: writing queue files into it would
     * mix them with whatever it holds (a typo'd path such as /etc/ssl).
     */
    private void refuseOtherDirectory() throws IOException
    {
        if (!Files.isDirectory(journalDir))
        {
            return;
        }
        try (Stream<Path> list = Files.list(journalDir))
        {
            final List<String> names = list.map((p) -> p.getFileName().toString()).toList();
            if (!names.isEmpty() && names.stream().noneMatch((n) -> n.endsWith(".cq4") || n.endsWith(".cq4t")))
            {
                throw new CliException(ExitCodes.IO, "--journal " + journalDir + " is not a journal: it holds " +
                    names.size() + (names.size() == 1 ? " file" : " files") + " but no Chronicle Queue file " +
                    "(*.cq4): import into a new or empty directory");
            }
        }
    }

    /**
     * The journal directory, or the nearest existing directory it would be created in, must be writable: Chronicle
     * opens a queue it cannot write read-only, and the first append then fails with an internal error.
     */
    private void requireWritable()
    {
        final String why = Directories.whyNotWritable(journalDir, "the journal", "");
        if (null != why)
        {
            throw new CliException(ExitCodes.IO, "cannot write the journal to " + journalDir + ": " + why);
        }
    }

    private static void print(final ImportResult result, final PrintWriter out)
    {
        final Path journal = result.journalDir().toAbsolutePath().normalize();
        out.printf(Locale.ROOT, "imported %d file%s into %s: %d rows, %d records (%d trades, %d best bid/ask)%n",
            result.files().size(), result.files().size() == 1 ? "" : "s", journal, result.rows(), result.records(),
            result.tradeFrames(), result.quoteFrames());
        for (final ImportResult.FileResult file : result.files())
        {
            out.printf(Locale.ROOT, "  %s: %s%s, %d rows, %d records%s%n", file.file(), file.layout().label(),
                null == file.symbol() ? "" : " " + file.symbol(), file.rows(), file.records(),
                file.skipped() > 0 ? ", " + file.skipped() + " skipped" : "");
        }
        if (result.records() > 0)
        {
            out.println("sequences " + result.firstSequence() + ".." + result.lastSequence() + ", time " +
                JournalFiles.isoTime(result.firstTimeNanos()) + " .. " + JournalFiles.isoTime(result.lastTimeNanos()));
        }
        if (!result.skippedSymbols().isEmpty())
        {
            final StringBuilder sb = new StringBuilder("skipped rows of symbols not in config.yaml:");
            for (final Map.Entry<String, Long> entry : result.skippedSymbols().entrySet())
            {
                sb.append(' ').append(entry.getKey()).append(" (").append(entry.getValue()).append(')');
            }
            out.println(sb);
        }
        out.println("backtest it: schwabot replay --journal " + ShellWords.quote(journal));
        out.flush();
    }

    /**
     * Parses {@code --format}.
     */
    static final class LayoutConverter implements ITypeConverter<CsvLayout>
    {
        public CsvLayout convert(final String value)
        {
            final CsvLayout layout = CsvLayout.parse(value);
            if (null == layout)
            {
                throw new TypeConversionException("'" + value + "' is not a layout: trades, aggTrades, klines, " +
                    "bookTicker or generic");
            }
            return layout;
        }
    }
}
