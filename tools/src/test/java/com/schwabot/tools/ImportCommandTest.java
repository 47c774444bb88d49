package com.schwabot.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.journal.Tmpfs;

import static org.assertj.core.api.Assertions.assertThat;

class ImportCommandTest
{
    static final String TRADES = "3372345,42130.51000000,0.00120000,50.55661200,1704153600123,True,True\n" +
        "3372346,42130.52000000,0.01000000,421.30520000,1704153600124,False,True\n" +
        "3372347,42131.00000000,0.50000000,21065.50000000,1704153600250,False,True\n";
    static final String BOOK_TICKER =
        "update_id,best_bid_price,best_bid_qty,best_ask_price,best_ask_qty,transaction_time,event_time\n" +
        "3900000001,42130.50,1.25000,42130.51,0.50000,1704153600100,1704153600101\n" +
        "3900000002,42130.50,1.00000,42130.52,0.75000,1704153600200,1704153600202\n";

    @TempDir
    Path temp;

    private Path write(final String name, final String content) throws IOException
    {
        return Files.writeString(temp.resolve(name), content);
    }

    @Test
    void shouldImportBinanceFilesMergedByTimeAndPrintWhatWasWritten() throws IOException
    {
        final Path trades = write("BTCUSDT-trades-2024-01-02.csv", TRADES);
        final Path book = write("BTCUSDT-bookTicker-2024-01-02.csv", BOOK_TICKER);
        final Path journal = temp.resolve("journal");

        final CliRunner.Result result = CliRunner.run("import", "--journal", journal.toString(), trades.toString(),
            book.toString());
        final CliRunner.Result stats = CliRunner.run("journal", "stats", journal.toString());
        final CliRunner.Result replay = CliRunner.run("replay", "--journal", journal.toString(), "--reports",
            temp.resolve("reports").toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).isEmpty();
        assertThat(result.out().lines().toList()).containsExactly(
            "imported 2 files into " + journal + ": 5 rows, 5 records (3 trades, 2 best bid/ask)",
            "  " + trades + ": trades BTCUSDT, 3 rows, 3 records",
            "  " + book + ": bookTicker BTCUSDT, 2 rows, 2 records",
            "sequences 1..5, time 2024-01-02T00:00:00.101000000Z .. 2024-01-02T00:00:00.250000000Z",
            "backtest it: schwabot replay --journal " + journal);
        assertThat(stats.out()).contains("records        5").containsPattern("TradesStreamEvent +1 +10000 +3 ")
            .containsPattern("BestBidAskStreamEvent +1 +10001 +2 ");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(ExitCodes.OK);
        assertThat(replay.out()).contains("replayed 5 records: 5 inbound", "fills: simulated venue");
    }

    @Test
    void shouldPrintEachBadRowWithFileLineColumnAndValueAndExitOne() throws IOException
    {
        final Path bad = write("BTCUSDT-trades-bad.csv", "1,42130.51,0.001,42.13,1704153600123,True,True\n" +
            "2,42130.515,0.001,42.13,1704153600124,True,True\n" +
            "3,42130.52,abc,42.13,1704153600125,True,True\n");
        final Path journal = temp.resolve("journal");

        final CliRunner.Result first = CliRunner.run("import", "--journal", journal.toString(), bad.toString());
        final CliRunner.Result all = CliRunner.run("import", "--journal", journal.toString(), "--max-errors", "10",
            bad.toString());

        assertThat(first.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(first.out()).isEmpty();
        assertThat(first.err().lines().toList()).containsExactly(
            "schwabot: import failed: 1 bad row (stopped at the first; --max-errors N lists up to N); nothing was " +
                "imported",
            "  " + bad + ":2: price = 42130.515: more decimal places than BTCUSDT's price_exponent -2 allows");
        assertThat(all.err().lines().toList()).containsExactly(
            "schwabot: import failed: 2 bad rows; nothing was imported",
            "  " + bad + ":2: price = 42130.515: more decimal places than BTCUSDT's price_exponent -2 allows",
            "  " + bad + ":3: qty = abc: not a non-negative decimal number");
        assertThat(journal).doesNotExist();
    }

    @Test
    void shouldRefuseAJournalThatHoldsRecordsUnlessAppending() throws IOException
    {
        final Path trades = write("BTCUSDT-trades-2024-01-02.csv", TRADES);
        final Path book = write("BTCUSDT-bookTicker-2024-01-02.csv", BOOK_TICKER.replace("1704153600", "1704153601"));
        final Path journal = temp.resolve("journal");
        CliRunner.run("import", "--journal", journal.toString(), trades.toString());

        final CliRunner.Result refused = CliRunner.run("import", "--journal", journal.toString(), book.toString());
        final CliRunner.Result appended = CliRunner.run("import", "--journal", journal.toString(), "--append",
            book.toString());

        assertThat(refused.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).isEqualTo("schwabot: journal " + journal + " already holds 3 records: import " +
            "into a new directory, or append to it (--append)\n");
        assertThat(appended.status()).as(appended.toString()).isEqualTo(ExitCodes.OK);
        assertThat(appended.out()).contains("sequences 4..5");
    }

    @Test
    void shouldImportGenericRowsAndCountTheSymbolsItSkips() throws IOException
    {
        final Path generic = write("ticks.csv", "time,symbol,type,price,qty,bid,bid_qty,ask,ask_qty\n" +
            "2024-01-02T00:00:00.100Z,BTCUSDT,quote,,,42130.50,1.25,42130.51,0.5\n" +
            "1704153600150,ETHUSDT,buy,2350.12,0.75\n" +
            "1704153600300,XRPUSDT,buy,0.6123,100\n");
        final Path renamed = write("eth.csv", TRADES);
        final Path journal = temp.resolve("journal");

        final CliRunner.Result result = CliRunner.run("import", "--journal", journal.toString(), generic.toString());
        final CliRunner.Result forced = CliRunner.run("import", "--journal", temp.resolve("eth").toString(),
            "--format", "trades", "--symbol", "ethusdt", renamed.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("  " + generic + ": generic, 3 rows, 2 records, 1 skipped",
            "skipped rows of symbols not in config.yaml: XRPUSDT (1)");
        assertThat(forced.status()).as(forced.toString()).isEqualTo(ExitCodes.OK);
        assertThat(forced.out()).contains(": trades ETHUSDT, 3 rows, 3 records");
    }

    @Test
    void shouldExitWithUsageOrIoCodesForBadArguments() throws IOException
    {
        final Path trades = write("BTCUSDT-trades-2024-01-02.csv", TRADES);
        final String journal = temp.resolve("journal").toString();

        final CliRunner.Result format = CliRunner.run("import", "--journal", journal, "--format", "csv",
            trades.toString());
        final CliRunner.Result noFile = CliRunner.run("import", "--journal", journal);
        final CliRunner.Result missing = CliRunner.run("import", "--journal", journal,
            temp.resolve("nope.csv").toString());
        final CliRunner.Result unknown = CliRunner.run("import", "--journal", journal,
            write("notes.csv", "a,b\n").toString());

        assertThat(format.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.err()).contains("'csv' is not a layout: trades, aggTrades, klines, bookTicker or generic");
        assertThat(noFile.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.status()).isEqualTo(ExitCodes.IO);
        assertThat(missing.err()).isEqualTo("schwabot: cannot read " + temp.resolve("nope.csv") +
            ": no such readable file\n");
        assertThat(unknown.status()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unknown.err()).contains("cannot tell the layout from the file name");
    }

    @Test
    void shouldRefuseAGenericHeaderWithColumnsInAnotherOrder() throws IOException
    {
        final Path swapped = write("swapped.csv", "time,symbol,type,qty,price,bid,bid_qty,ask,ask_qty\n" +
            "1704153600300,BTCUSDT,buy,5.00,42130.50,,,,\n");
        final Path journal = temp.resolve("journal");

        final CliRunner.Result result = CliRunner.run("import", "--journal", journal.toString(), swapped.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList()).containsExactly(
            "schwabot: import failed: 1 bad row (stopped at the first; --max-errors N lists up to N); nothing was " +
                "imported",
            "  " + swapped + ":1: header time,symbol,type,qty,price,bid,bid_qty,ask,ask_qty: not the generic " +
                "header time,symbol,type,price,qty,bid,bid_qty,ask,ask_qty (or its first 5 names, for trades only); " +
                "columns are read by position, so name them in that order");
        assertThat(journal).doesNotExist();
    }

    @Test
    void shouldRefuseRowsOutOfTimeOrderAndAppendingOlderData() throws IOException
    {
        final Path unsorted = write("unsorted.csv", "time,symbol,type,price,qty\n" +
            "1704153600300,BTCUSDT,buy,42130.50,1\n1704153600100,BTCUSDT,buy,42130.50,1\n");
        final Path trades = write("BTCUSDT-trades-2024-01-02.csv", TRADES);
        final Path older = write("older.csv", "time,symbol,type,price,qty\n1704153600000,BTCUSDT,buy,42130.50,1\n");
        final Path journal = temp.resolve("journal");

        final CliRunner.Result refused = CliRunner.run("import", "--journal", journal.toString(), unsorted.toString());
        final CliRunner.Result imported = CliRunner.run("import", "--journal", journal.toString(), trades.toString());
        final CliRunner.Result appended = CliRunner.run("import", "--journal", journal.toString(), "--append",
            older.toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).endsWith("\n  " + unsorted + ":3: time 2024-01-02T00:00:00.100Z is before line 2's " +
            "2024-01-02T00:00:00.300Z: rows must be in time order (sort the file)\n");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(ExitCodes.OK);
        assertThat(appended.status()).as(appended.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(appended.err()).endsWith("\n  " + older + ":2: time 2024-01-02T00:00:00Z is before the journal's " +
            "last record (sequence 3, 2024-01-02T00:00:00.250Z): --append adds only data from that time on\n");
        assertThat(CliRunner.run("journal", "stats", journal.toString()).out()).contains("records        3");
    }

    @Test
    void shouldRefuseAZipOfSeveralFilesOrAFileThatIsNoZip() throws IOException
    {
        final Path zip = temp.resolve("BTCUSDT-trades-2024-01-02.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)))
        {
            for (final String name : List.of("BTCUSDT-trades-2024-01-02.csv", "BTCUSDT-trades-2024-01-03.csv"))
            {
                out.putNextEntry(new ZipEntry(name));
                out.write(TRADES.getBytes(StandardCharsets.US_ASCII));
                out.closeEntry();
            }
        }
        final Path text = write("BTCUSDT-trades-2024-01-04.zip", TRADES);
        final String journal = temp.resolve("journal").toString();

        final CliRunner.Result two = CliRunner.run("import", "--journal", journal, zip.toString());
        final CliRunner.Result notZip = CliRunner.run("import", "--journal", journal, text.toString());

        assertThat(two.status()).as(two.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(two.err()).isEqualTo("schwabot: " + zip + ": the zip archive holds 2 files " +
            "(BTCUSDT-trades-2024-01-02.csv, BTCUSDT-trades-2024-01-03.csv), expected one CSV: unzip it and import " +
            "the files\n");
        assertThat(notZip.status()).as(notZip.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(notZip.err()).startsWith("schwabot: " + text + ": not a zip archive (").endsWith("): a .zip must " +
            "be a zip of one CSV file, as data.binance.vision publishes them\n");
        assertThat(temp.resolve("journal")).doesNotExist();
    }

    @Test
    void shouldSayNothingWasImportedForAFileWithoutDataRows() throws IOException
    {
        final Path header = write("header.csv", "time,symbol,type,price,qty,bid,bid_qty,ask,ask_qty\n");
        final Path journal = temp.resolve("journal");

        final CliRunner.Result result = CliRunner.run("import", "--journal", journal.toString(), header.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("schwabot: nothing was imported: no market data in " + header +
            ": no data rows\n");
        assertThat(journal).doesNotExist();
    }

    @Test
    void shouldRefuseANonEmptyDirectoryThatIsNotAJournal() throws IOException
    {
        final Path trades = write("BTCUSDT-trades-2024-01-02.csv", TRADES);
        final Path dir = Files.createDirectories(temp.resolve("certs"));
        Files.writeString(dir.resolve("ca.pem"), "x");
        final Path empty = Files.createDirectories(temp.resolve("empty"));

        final CliRunner.Result refused = CliRunner.run("import", "--journal", dir.toString(), trades.toString());
        final CliRunner.Result intoEmpty = CliRunner.run("import", "--journal", empty.toString(), trades.toString());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(ExitCodes.IO);
        assertThat(refused.err()).isEqualTo("schwabot: --journal " + dir + " is not a journal: it holds 1 file but " +
            "no Chronicle Queue file (*.cq4): import into a new or empty directory\n");
        try (Stream<Path> files = Files.list(dir))
        {
            assertThat(files.map((p) -> p.getFileName().toString())).containsExactly("ca.pem");
        }
        assertThat(intoEmpty.status()).as(intoEmpty.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void shouldQuoteAJournalPathWithSpacesInTheCommandItSuggests() throws IOException
    {
        final Path trades = write("BTCUSDT-trades-2024-01-02.csv", TRADES);
        final Path journal = temp.resolve("back tests/journal");

        final CliRunner.Result result = CliRunner.run("import", "--journal", journal.toString(), trades.toString());

        assertThat(result.status()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("imported 1 file into " + journal + ": ")
            .endsWith("backtest it: schwabot replay --journal '" + journal + "'" + System.lineSeparator());
    }

    @Test
    void shouldRefuseAJournalDirectoryThatCannotBeWrittenWithoutAStackTrace() throws Exception
    {
        final Path trades = write("BTCUSDT-trades-2024-01-02.csv", TRADES);
        final Path locked = Files.createDirectory(temp.resolve("locked"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));
        if (!Files.isWritable(locked))
        {
            assertRefusedAsNotWritable(trades, locked);
            return;
        }
        try (Tmpfs disk = Tmpfs.mount(temp.resolve("ro"), 1))
        {
            final Process remount = new ProcessBuilder("mount", "-o", "remount,ro", disk.directory().toString())
                .redirectErrorStream(true).start();
            assertThat(remount.waitFor()).as("mount -o remount,ro").isZero();
            assertRefusedAsNotWritable(trades, disk.directory());
        }
    }

    private static void assertRefusedAsNotWritable(final Path trades, final Path unwritable)
    {
        final Path journal = unwritable.resolve("journal");

        final CliRunner.Result created = CliRunner.run("import", "--journal", journal.toString(), trades.toString());
        final CliRunner.Result into = CliRunner.run("import", "--journal", unwritable.toString(), trades.toString());

        assertThat(created.status()).as(created.toString()).isEqualTo(ExitCodes.IO);
        assertThat(created.err()).isEqualTo("schwabot: cannot write the journal to " + journal + ": " + unwritable +
            " is not writable (its permissions, or a read-only file system), so the journal cannot be created in " +
            "it" + System.lineSeparator());
        assertThat(into.status()).as(into.toString()).isEqualTo(ExitCodes.IO);
        assertThat(into.err()).isEqualTo("schwabot: cannot write the journal to " + unwritable + ": the directory " +
            "is not writable (its permissions, or a read-only file system)" + System.lineSeparator());
        assertThat(created.out() + into.out()).isEmpty();
    }
}
