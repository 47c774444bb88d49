package com.schwabot.engine.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an import wrote.
 *
 * @param journalDir      the journal.
 * @param files           one entry per file, in command-line order.
 * @param tradeFrames     TradesStreamEvent records written.
 * @param quoteFrames     BestBidAskStreamEvent records written.
 * @param firstSequence   journal sequence of the first record written, 0 when none.
 * @param lastSequence    journal sequence of the last record written, 0 when none.
 * @param firstTimeNanos  event (and ingress) time of the first record, epoch nanoseconds; 0 when none.
 * @param lastTimeNanos   event (and ingress) time of the last record, epoch nanoseconds; 0 when none.
 * @param skippedSymbols  rows skipped because their symbol is not configured, per symbol (generic layout).
 */
public record ImportResult(
    Path journalDir,
    List<FileResult> files,
    long tradeFrames,
    long quoteFrames,
    long firstSequence,
    long lastSequence,
    long firstTimeNanos,
    long lastTimeNanos,
    Map<String, Long> skippedSymbols)
{
    /**
     * One imported file.
     *
     * @param file    the file as errors name it.
     * @param layout  its layout.
     * @param symbol  its symbol (Binance layouts) or null (generic: the rows name theirs).
     * @param rows    data rows read (header excluded).
     * @param records journal records written from it.
     * @param skipped rows skipped for a symbol that is not configured.
     */
    public record FileResult(String file, CsvLayout layout, String symbol, long rows, long records, long skipped)
    {
    }

    /**
     * Records written.
     *
     * @return trade plus quote frames.
     */
    public long records()
    {
        return tradeFrames + quoteFrames;
    }

    /**
     * Rows read, over every file.
     *
     * @return the count.
     */
    public long rows()
    {
        return files.stream().mapToLong(FileResult::rows).sum();
    }
}
