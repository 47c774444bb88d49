package com.schwabot.engine.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.engine.TestCores;
import com.schwabot.journal.Journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each layout imported from small files written from the documented layouts (engine/src/test/resources/importer),
 * read back from the journal. BTCUSDT is at exponents -2 (price) and -5 (qty), ETHUSDT at -2 and -4 (the bundled
 * defaults).
 */
class CsvImporterTest
{
    @TempDir
    Path temp;

    static Path fixture(final String name)
    {
        try
        {
            return Path.of(CsvImporterTest.class.getResource("/importer/" + name).toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    private CsvImporter importer()
    {
        return new CsvImporter(TestCores.defaults());
    }

    private Path journal()
    {
        return temp.resolve("journal");
    }

    @Test
    void shouldImportSpotTradesWithoutHeaderInMilliseconds() throws IOException
    {
        final ImportResult result = importer().run(List.of(fixture("BTCUSDT-trades-2024-01-02.csv")), journal());

        assertThat(JournalLines.read(journal())).containsExactly(
            "trade BTCUSDT t=1704153600123000 id=3372345 price=4213051e-2 qty=120e-5 seller",
            "trade BTCUSDT t=1704153600124000 id=3372346 price=4213052e-2 qty=1000e-5 buyer",
            "trade BTCUSDT t=1704153600250000 id=3372347 price=4213100e-2 qty=50000e-5 buyer");
        assertThat(result.tradeFrames()).isEqualTo(3);
        assertThat(result.quoteFrames()).isZero();
        assertThat(result.firstSequence()).isEqualTo(1);
        assertThat(result.lastSequence()).isEqualTo(3);
        assertThat(result.firstTimeNanos()).isEqualTo(1_704_153_600_123_000_000L);
        assertThat(result.lastTimeNanos()).isEqualTo(1_704_153_600_250_000_000L);
        assertThat(result.files()).singleElement().satisfies((f) ->
        {
            assertThat(f.layout()).isEqualTo(CsvLayout.TRADES);
            assertThat(f.symbol()).isEqualTo("BTCUSDT");
            assertThat(f.rows()).isEqualTo(3);
            assertThat(f.records()).isEqualTo(3);
        });
    }

    @Test
    void shouldImportSpotTradesInMicrosecondsWithCrLfLines() throws IOException
    {
        importer().run(List.of(fixture("BTCUSDT-trades-2025-01-02.csv")), journal());

        assertThat(JournalLines.read(journal())).containsExactly(
            "trade BTCUSDT t=1735776000123456 id=4369000001 price=9450001e-2 qty=10e-5 buyer",
            "trade BTCUSDT t=1735776000123999 id=4369000002 price=9450000e-2 qty=200e-5 seller");
    }

    @Test
    void shouldImportSpotAggTradesAndFuturesAggTradesWithAHeader() throws IOException
    {
        final ImportResult result = importer().run(List.of(fixture("BTCUSDT-aggTrades-2024-01-02.csv"),
            fixture("ETHUSDT-aggTrades-2024-01-02.csv")), journal());

        assertThat(JournalLines.read(journal())).containsExactly(
            "trade ETHUSDT t=1704153600050000 id=1020000001 price=235012e-2 qty=15000e-4 seller",
            "trade BTCUSDT t=1704153600123000 id=2956000001 price=4213051e-2 qty=1120e-5 seller",
            "trade BTCUSDT t=1704153600250000 id=2956000002 price=4213100e-2 qty=50000e-5 buyer",
            "trade ETHUSDT t=1704153600300000 id=1020000002 price=235011e-2 qty=2500e-4 buyer");
        assertThat(result.files()).extracting(ImportResult.FileResult::rows).containsExactly(2L, 2L);
    }

    @Test
    void shouldReconstructEachKlineBarAsUpToFourTradesOnItsPath() throws IOException
    {
        final ImportResult result = importer().run(List.of(fixture("BTCUSDT-1m-2024-01-02.csv")), journal());

        assertThat(JournalLines.read(journal())).containsExactly(
            // an up bar: open, low, high, close; 12.00003 split 3.00001 x 3 + 3.00000
            "trade BTCUSDT t=1704153600000000 id=1704153600000000 price=4213051e-2 qty=300001e-5 buyer",
            "trade BTCUSDT t=1704153619999666 id=1704153619999666 price=4212000e-2 qty=300001e-5 seller",
            "trade BTCUSDT t=1704153639999333 id=1704153639999333 price=4215000e-2 qty=300001e-5 buyer",
            "trade BTCUSDT t=1704153659999000 id=1704153659999000 price=4214510e-2 qty=300000e-5 seller",
            // a down bar: open, high, low, close; a volume of 2e-5 gives only the first two a share
            "trade BTCUSDT t=1704153660000000 id=1704153660000000 price=4214510e-2 qty=1e-5 seller",
            "trade BTCUSDT t=1704153679999666 id=1704153679999666 price=4214600e-2 qty=1e-5 buyer");
        assertThat(result.files().get(0).rows()).as("the zero-volume bar is read and gives nothing").isEqualTo(3);
        assertThat(result.records()).isEqualTo(6);
    }

    @Test
    void shouldReconstructKlinesInMicrosecondsWithAHeader() throws IOException
    {
        importer().run(List.of(fixture("ETHUSDT-1m-2025-01-02.csv")), journal());

        assertThat(JournalLines.read(journal())).containsExactly(
            "trade ETHUSDT t=1735776000000000 id=1735776000000000 price=345000e-2 qty=10000e-4 buyer",
            "trade ETHUSDT t=1735776019999999 id=1735776019999999 price=344900e-2 qty=10000e-4 seller",
            "trade ETHUSDT t=1735776039999999 id=1735776039999999 price=345500e-2 qty=10000e-4 buyer",
            "trade ETHUSDT t=1735776059999999 id=1735776059999999 price=345250e-2 qty=10000e-4 seller");
    }

    @Test
    void shouldImportBookTickerRowsAsBestBidAskAtTheirEventTime() throws IOException
    {
        final ImportResult result = importer().run(List.of(fixture("BTCUSDT-bookTicker-2024-01-02.csv")), journal());

        assertThat(JournalLines.read(journal())).containsExactly(
            "quote BTCUSDT t=1704153600101000 id=3900000001 bid=4213050e-2 x 125000e-5 ask=4213051e-2 x 50000e-5",
            "quote BTCUSDT t=1704153600202000 id=3900000002 bid=4213050e-2 x 100000e-5 ask=4213052e-2 x 75000e-5");
        assertThat(result.quoteFrames()).isEqualTo(2);
    }

    @Test
    void shouldImportGenericRowsInAnyTimeFormatAndSkipSymbolsThatAreNotConfigured() throws IOException
    {
        final ImportResult result = importer().run(List.of(fixture("generic.csv")), journal());

        assertThat(JournalLines.read(journal())).containsExactly(
            "quote BTCUSDT t=1704153600100000 id=1704153600100000 bid=4213050e-2 x 125000e-5 ask=4213051e-2 x " +
                "50000e-5",
            "trade ETHUSDT t=1704153600150000 id=1704153600150000 price=235012e-2 qty=7500e-4 buyer",
            "trade BTCUSDT t=1704153600200000 id=1704153600200000 price=4213050e-2 qty=100e-5 seller");
        assertThat(result.skippedSymbols()).isEqualTo(Map.of("XRPUSDT", 2L));
        assertThat(result.files().get(0).rows()).isEqualTo(5);
        assertThat(result.files().get(0).skipped()).isEqualTo(2);
        assertThat(result.files().get(0).layout()).as("told by its header").isEqualTo(CsvLayout.GENERIC);
    }

    @Test
    void shouldMergeFilesByEventTime() throws IOException
    {
        importer().run(List.of(fixture("BTCUSDT-trades-2024-01-02.csv"), fixture("BTCUSDT-bookTicker-2024-01-02.csv"),
            fixture("generic.csv")), journal());

        assertThat(JournalLines.read(journal())).extracting((line) -> line.split(" ")[2]).containsExactly(
            "t=1704153600100000", "t=1704153600101000", "t=1704153600123000", "t=1704153600124000",
            "t=1704153600150000", "t=1704153600200000", "t=1704153600202000", "t=1704153600250000");
    }

    @Test
    void shouldStopAtTheFirstBadRowNamingFileLineColumnAndValueAndWriteNothing()
    {
        final Path bad = fixture("BTCUSDT-trades-bad.csv");

        assertThatThrownBy(() -> importer().run(List.of(fixture("BTCUSDT-trades-2024-01-02.csv"), bad), journal()))
            .isInstanceOfSatisfying(ImportException.class, (ex) ->
            {
                assertThat(ex.getMessage()).isEqualTo("1 bad row (stopped at the first; --max-errors N lists up to " +
                    "N); nothing was imported");
                assertThat(ex.errors()).extracting(ImportError::toString).containsExactly(
                    bad + ":2: price = 42130.515: more decimal places than BTCUSDT's price_exponent -2 allows");
            });
        assertThat(journal()).doesNotExist();
    }

    @Test
    void shouldListEveryBadRowUpToMaxErrors()
    {
        final Path bad = fixture("BTCUSDT-trades-bad.csv");

        assertThatThrownBy(() -> importer().maxErrors(10).run(List.of(bad), journal()))
            .isInstanceOfSatisfying(ImportException.class, (ex) ->
            {
                assertThat(ex.getMessage()).isEqualTo("5 bad rows; nothing was imported");
                assertThat(ex.errors()).extracting(ImportError::toString).containsExactly(
                    bad + ":2: price = 42130.515: more decimal places than BTCUSDT's price_exponent -2 allows",
                    bad + ":3: qty = abc: not a non-negative decimal number",
                    bad + ":4: 5 columns, expected 6 to 7 (trades: trade id, price, qty, quote qty, time, " +
                        "is buyer maker[, is best match])",
                    bad + ":5: is buyer maker = maybe: must be true or false",
                    bad + ":6: time = 170415360012700000: not an epoch time in milliseconds (below 10^14) or " +
                        "microseconds (below 10^17)");
            });
        assertThatThrownBy(() -> importer().maxErrors(2).run(List.of(bad), journal()))
            .isInstanceOfSatisfying(ImportException.class, (ex) ->
                assertThat(ex.getMessage()).isEqualTo("2 bad rows (stopped at --max-errors 2); nothing was imported"));
    }

    @Test
    void shouldTakeOnlyAFirstLineWithoutDigitsForAHeader() throws IOException
    {
        final Path garbled = Files.writeString(temp.resolve("BTCUSDT-trades-x.csv"),
            "x1,42130.51,0.001,42.13,1704153600123,True,True\n");

        assertThatThrownBy(() -> importer().run(List.of(garbled), journal()))
            .isInstanceOfSatisfying(ImportException.class, (ex) ->
                assertThat(ex.errors()).extracting(ImportError::toString).containsExactly(
                    garbled + ":1: trade id = x1: not a non-negative integer"));
    }

    @Test
    void shouldRefuseAJournalThatHoldsRecordsUnlessAppending() throws IOException
    {
        importer().run(List.of(fixture("BTCUSDT-trades-2024-01-02.csv")), journal());

        assertThatThrownBy(() -> importer().run(List.of(fixture("BTCUSDT-bookTicker-2024-01-02.csv")), journal()))
            .isInstanceOf(ImportException.class)
            .hasMessage("journal " + journal() + " already holds 3 records: import into a new directory, or " +
                "append to it (--append)");
        final ImportResult appended =
            importer().append(true).run(List.of(fixture("BTCUSDT-trades-2025-01-02.csv")), journal());

        assertThat(appended.firstSequence()).isEqualTo(4);
        assertThat(appended.lastSequence()).isEqualTo(5);
        try (Journal journal = Journal.openReadOnly(journal()))
        {
            assertThat(journal.lastSequence()).isEqualTo(5);
        }
    }

    @Test
    void shouldReadTheCsvInsideAZipArchiveAsDataBinanceVisionPublishesIt() throws IOException
    {
        final Path zip = temp.resolve("BTCUSDT-aggTrades-2024-01-02.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out))
        {
            zipOut.putNextEntry(new ZipEntry("BTCUSDT-aggTrades-2024-01-02.csv"));
            zipOut.write(Files.readAllBytes(fixture("BTCUSDT-aggTrades-2024-01-02.csv")));
            zipOut.closeEntry();
        }

        final ImportResult result = importer().run(List.of(zip), journal());

        assertThat(result.records()).isEqualTo(2);
        assertThat(result.files().get(0).file()).isEqualTo(zip + "!BTCUSDT-aggTrades-2024-01-02.csv");
    }

    @Test
    void shouldTakeTheLayoutAndSymbolFromTheCommandLineForAnyFileName() throws IOException
    {
        final Path renamed = Files.copy(fixture("BTCUSDT-trades-2024-01-02.csv"), temp.resolve("eth.csv"));

        assertThatThrownBy(() -> importer().run(List.of(renamed), journal()))
            .isInstanceOf(ImportException.class).hasMessageStartingWith(renamed + ": cannot tell the layout");
        assertThatThrownBy(() -> importer().layout(CsvLayout.TRADES).run(List.of(renamed), journal()))
            .isInstanceOf(ImportException.class).hasMessageStartingWith(renamed + ": cannot tell the symbol");
        importer().layout(CsvLayout.TRADES).symbol("ETHUSDT").run(List.of(renamed), journal());

        assertThat(JournalLines.read(journal())).first().isEqualTo(
            "trade ETHUSDT t=1704153600123000 id=3372345 price=4213051e-2 qty=12e-4 seller");
    }

    @Test
    void shouldRefuseABinanceFileWhoseSymbolIsNotConfigured() throws IOException
    {
        final Path xrp = Files.copy(fixture("BTCUSDT-trades-2024-01-02.csv"), temp.resolve("XRPUSDT-trades-x.csv"));

        assertThatThrownBy(() -> importer().run(List.of(xrp), journal()))
            .isInstanceOf(ImportException.class)
            .hasMessage(xrp + ": symbol XRPUSDT (from the file name) is not one of config.yaml's instruments " +
                "(BTCUSDT, ETHUSDT)");
    }

    private static final String GENERIC_HEADER = "time,symbol,type,price,qty,bid,bid_qty,ask,ask_qty\n";

    @Test
    void shouldRefuseAGenericHeaderThatNamesTheColumnsInAnotherOrderOrOtherwise() throws IOException
    {
        final Path swapped = Files.writeString(temp.resolve("swapped.csv"),
            "time,symbol,type,qty,price,bid,bid_qty,ask,ask_qty\n1704153600300,BTCUSDT,buy,5.00,42130.50,,,,\n");
        final Path side = Files.writeString(temp.resolve("side.csv"),
            "time,symbol,side,price,qty\n1704153600300,BTCUSDT,buy,42130.50,5\n");

        assertThatThrownBy(() -> importer().maxErrors(10).run(List.of(swapped, side), journal()))
            .isInstanceOfSatisfying(ImportException.class, (ex) ->
                assertThat(ex.errors()).extracting(ImportError::toString).containsExactly(
                    swapped + ":1: header time,symbol,type,qty,price,bid,bid_qty,ask,ask_qty: not the generic " +
                        "header time,symbol,type,price,qty,bid,bid_qty,ask,ask_qty (or its first 5 names, for " +
                        "trades only); columns are read by position, so name them in that order",
                    side + ":1: header time,symbol,side,price,qty: not the generic header time,symbol,type,price," +
                        "qty,bid,bid_qty,ask,ask_qty (or its first 5 names, for trades only); columns are read by " +
                        "position, so name them in that order"));
        assertThat(journal()).doesNotExist();
    }

    @Test
    void shouldTakeTheFirstFiveGenericNamesForATradesOnlyFileAndNoWiderRowsAfterThem() throws IOException
    {
        final Path trades = Files.writeString(temp.resolve("trades.csv"),
            "TIME, Symbol, type, price, qty\n1704153600300,BTCUSDT,buy,42130.50,5\n");
        final Path wider = Files.writeString(temp.resolve("wider.csv"),
            "time,symbol,type,price,qty\n1704153600300,BTCUSDT,quote,,,42130.50,1,42130.51,1\n");

        importer().run(List.of(trades), journal());

        assertThat(JournalLines.read(journal())).containsExactly(
            "trade BTCUSDT t=1704153600300000 id=1704153600300000 price=4213050e-2 qty=500000e-5 buyer");
        assertThatThrownBy(() -> importer().run(List.of(wider), temp.resolve("wider")))
            .isInstanceOfSatisfying(ImportException.class, (ex) ->
                assertThat(ex.errors()).extracting(ImportError::toString).containsExactly(
                    wider + ":2: 9 columns, expected 5 (generic: time, symbol, type, price, qty, bid, bid_qty, ask, " +
                        "ask_qty)"));
    }

    @Test
    void shouldRefuseRowsOutOfTimeOrderNamingBothTimesAndWriteNothing() throws IOException
    {
        final Path trades = Files.writeString(temp.resolve("BTCUSDT-trades-2024-01-02.csv"),
            "1,42130.51,0.001,42.13,1704153600300,True,True\n" +
            "2,42130.51,0.001,42.13,1704153600100,True,True\n" +
            "3,42130.51,0.001,42.13,1704153600300,True,True\n" +
            "4,42130.51,0.001,42.13,1704153600200,True,True\n");

        assertThatThrownBy(() -> importer().maxErrors(10).run(List.of(trades), journal()))
            .isInstanceOfSatisfying(ImportException.class, (ex) ->
            {
                assertThat(ex.getMessage()).isEqualTo("2 bad rows; nothing was imported");
                assertThat(ex.errors()).extracting(ImportError::toString).containsExactly(
                    trades + ":2: time 2024-01-02T00:00:00.100Z is before line 1's 2024-01-02T00:00:00.300Z: rows " +
                        "must be in time order (sort the file)",
                    trades + ":4: time 2024-01-02T00:00:00.200Z is before line 3's 2024-01-02T00:00:00.300Z: rows " +
                        "must be in time order (sort the file)");
            });
        assertThat(journal()).doesNotExist();
    }

    @Test
    void shouldRefuseToAppendDataOlderThanTheJournalsLastRecord() throws IOException
    {
        importer().run(List.of(fixture("BTCUSDT-trades-2024-01-02.csv")), journal());
        final Path older = Files.writeString(temp.resolve("older.csv"), GENERIC_HEADER +
            "1704153600249,BTCUSDT,buy,42130.50,1,,,,\n1704153600251,BTCUSDT,buy,42130.50,1,,,,\n");
        final Path same = Files.writeString(temp.resolve("same.csv"), GENERIC_HEADER +
            "1704153600250,BTCUSDT,buy,42130.50,1,,,,\n");

        assertThatThrownBy(() -> importer().append(true).run(List.of(older), journal()))
            .isInstanceOfSatisfying(ImportException.class, (ex) ->
                assertThat(ex.errors()).extracting(ImportError::toString).containsExactly(
                    older + ":2: time 2024-01-02T00:00:00.249Z is before the journal's last record (sequence 3, " +
                        "2024-01-02T00:00:00.250Z): --append adds only data from that time on"));
        try (Journal journal = Journal.openReadOnly(journal()))
        {
            assertThat(journal.lastSequence()).as("nothing appended").isEqualTo(3);
        }
        assertThat(importer().append(true).run(List.of(same), journal()).lastSequence()).as("the same time is not " +
            "older").isEqualTo(4);
    }

    @Test
    void shouldRefuseAZipThatHoldsMoreThanOneFileOrIsNoZipAtAll() throws IOException
    {
        final Path zip = temp.resolve("BTCUSDT-aggTrades-2024-01-02.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out))
        {
            for (final String entry : List.of("a.csv", "b.csv"))
            {
                zipOut.putNextEntry(new ZipEntry(entry));
                zipOut.write(Files.readAllBytes(fixture("BTCUSDT-aggTrades-2024-01-02.csv")));
                zipOut.closeEntry();
            }
        }
        final Path text = Files.writeString(temp.resolve("BTCUSDT-trades-2024-01-02.zip"), "hello\n");

        assertThatThrownBy(() -> importer().run(List.of(zip), journal()))
            .isInstanceOf(ImportException.class)
            .hasMessage(zip + ": the zip archive holds 2 files (a.csv, b.csv), expected one CSV: unzip it and " +
                "import the files");
        assertThatThrownBy(() -> importer().run(List.of(text), journal()))
            .isInstanceOf(ImportException.class)
            .hasMessageStartingWith(text + ": not a zip archive (");
        assertThat(journal()).doesNotExist();
    }

    @Test
    void shouldRefuseFilesThatHoldNoDataAndCreateNoJournal() throws IOException
    {
        final Path header = Files.writeString(temp.resolve("header.csv"), GENERIC_HEADER);
        final Path empty = Files.writeString(temp.resolve("BTCUSDT-trades-2024-01-02.csv"), "");
        final Path others = Files.writeString(temp.resolve("others.csv"), GENERIC_HEADER +
            "1704153600300,XRPUSDT,buy,0.6123,100\n");

        assertThatThrownBy(() -> importer().run(List.of(header, empty, others), journal()))
            .isInstanceOf(ImportException.class)
            .hasMessage("nothing was imported: no market data in " + header + ": no data rows; " + empty +
                ": no data rows; " + others + ": 1 rows, 0 records (rows of symbols not in config.yaml: XRPUSDT)");
        assertThat(journal()).doesNotExist();
    }

    @Test
    void shouldImportQuotesAsRecordedEvenCrossedAndConvertAnIsoOffsetToUtc() throws IOException
    {
        final Path generic = Files.writeString(temp.resolve("generic-odd.csv"), GENERIC_HEADER +
            "1704153600100,BTCUSDT,quote,,,42131.00,1,42130.00,1\n" +
            "1704153600200,BTCUSDT,quote,,,42130.00,0,42131.00,1\n" +
            "2024-01-02T01:00:00.300+01:00,BTCUSDT,buy,42130.50,1,,,,\n");

        importer().run(List.of(generic), journal());

        assertThat(JournalLines.read(journal())).containsExactly(
            "quote BTCUSDT t=1704153600100000 id=1704153600100000 bid=4213100e-2 x 100000e-5 ask=4213000e-2 x " +
                "100000e-5",
            "quote BTCUSDT t=1704153600200000 id=1704153600200000 bid=4213000e-2 x 0e-5 ask=4213100e-2 x 100000e-5",
            "trade BTCUSDT t=1704153600300000 id=1704153600300000 price=4213050e-2 qty=100000e-5 buyer");
    }

}
