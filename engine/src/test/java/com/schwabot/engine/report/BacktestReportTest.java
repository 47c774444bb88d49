package com.schwabot.engine.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandEncoder;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.Engine;
import com.schwabot.engine.http.Json;
import com.schwabot.engine.importer.CsvImporter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.engine.ring.JournalFlags;
import com.schwabot.engine.venue.Sources;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalAppender;
import com.schwabot.journal.JournalStats;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report of the hand-checked CSV backtest (see {@code ImportReplayTest}: one long BTCUSDT trade of 0.01, bought
 * at the ask 39990.01 at t = 1.000 s and sold at the bid 39999.99 at t = 1.100 s, fees 0.3999001 + 0.3999999, net
 * -0.7001), rebuilt twice to the same bytes.
 * <p>
 * Worked by hand: the journal spans 2.500 s (-1.200 .. 1.300 s), so equity is sampled every 10 ms (251 boundaries
 * -1.200 .. 1.300 s, then the final P&amp;L at 1.310 s: 252 samples, 251 returns). Capital 10000 (the conservative
 * profile). P&amp;L is 0 until the buy, -0.4000001 while long (mid 39990.00 against the price 39990.01 on 0.01, less
 * the entry fee 0.3999001), and -0.7001 after the sell: max drawdown 0.7001, total return -0.7001 / 10000 =
 * -0.007001%. Traded notional 399.9001 + 399.9999 = 799.9, turnover 0.07999. Exposure: 0.100 s long out of 2.500 s
 * = 0.04.
 */
class BacktestReportTest
{
    private static final double EPS = 1e-9;
    private static final long T0 = 1_704_153_600_000_000_000L;
    private static final long START = T0 - 1_200_000_000L;

    @TempDir
    Path temp;

    private BacktestReport backtest(final SchwabotConfig config, final Path journalDir)
    {
        try (Journal journal = Journal.openReadOnly(journalDir);
            CpuTensorBackend backend = new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)))
        {
            final JournalStats stats = journal.stats();
            final BacktestRecorder recorder = BacktestRecorder.forJournal(config, stats);
            final ReplayResult result = new Replayer(config, backend, new EngineCounters()).observer(recorder)
                .replay(journal, true);
            final BacktestReport report = recorder.report(result, stats, FillSettings.of(config.backtest()));
            assertThat(result.pnl()).as("the replay's P&L is the report's: the runs chained")
                .isCloseTo(report.metrics().finalPnl(), within(EPS));
            return report;
        }
    }

    private Path importScenario(final SchwabotConfig config) throws Exception
    {
        final Path journal = temp.resolve("journal");
        new CsvImporter(config).run(List.of(fixture("scenario.csv")), journal);
        return journal;
    }

    private static Path fixture(final String name) throws Exception
    {
        return Path.of(BacktestReportTest.class.getResource("/importer/" + name).toURI());
    }

    @Test
    void shouldReportTheTradeAndMetricsOfTheHandCheckedCsvBacktest() throws Exception
    {
        final SchwabotConfig config = ConfigLoader.load(fixture("scenario-config"), Map.of());
        final BacktestReport report = backtest(config, importScenario(config));

        assertThat(report.trades()).hasSize(1);
        final Trade trade = report.trades().get(0);
        assertThat(trade.symbol()).isEqualTo("BTCUSDT");
        assertThat(trade.direction()).isEqualTo(1);
        assertThat(trade.qty()).isEqualByComparingTo("0.01");
        assertThat(trade.entryTimeNanos()).isEqualTo(T0 + 1_000_000_000L);
        assertThat(trade.exitTimeNanos()).isEqualTo(T0 + 1_100_000_000L);
        assertThat(trade.entryPrice()).isCloseTo(39990.01, within(EPS));
        assertThat(trade.exitPrice()).isCloseTo(39999.99, within(EPS));
        assertThat(trade.grossPnl()).isCloseTo(0.0998, within(EPS));
        assertThat(trade.fees()).isCloseTo(0.7999, within(EPS));
        assertThat(trade.netPnl()).isCloseTo(-0.7001, within(EPS));
        assertThat(trade.open()).isFalse();
        assertThat(report.fills().size()).isEqualTo(2);
        assertThat(report.fills().buy(0)).isTrue();
        assertThat(report.fills().price(1)).isEqualTo(3_999_999L);

        final BacktestMetrics m = report.metrics();
        assertThat(report.setup().stepNanos()).isEqualTo(10_000_000L);
        assertThat(report.equity().size()).isEqualTo(252);
        assertThat(report.equity().time(0)).isEqualTo(START);
        assertThat(report.equity().time(251)).isEqualTo(T0 + 1_310_000_000L);
        assertThat(report.equity().pnl(220)).as("at 1.000 s: before the buy").isZero();
        assertThat(report.equity().pnl(221)).isCloseTo(-0.4000001, within(EPS));
        assertThat(report.equity().pnl(231)).as("at 1.110 s: after the sell").isCloseTo(-0.7001, within(EPS));
        assertThat(report.equity().pnl(251)).isCloseTo(-0.7001, within(EPS));
        assertThat(m.returns()).isEqualTo(251);
        assertThat(m.capital()).isEqualTo(10_000.0);
        assertThat(m.finalPnl()).isCloseTo(-0.7001, within(EPS));
        assertThat(m.totalReturn()).isCloseTo(-0.00007001, within(1e-12));
        assertThat(m.maxDrawdown()).isCloseTo(0.7001, within(EPS));
        assertThat(m.trades()).isEqualTo(1);
        assertThat(m.wins()).isZero();
        assertThat(m.winRate()).isZero();
        assertThat(m.profitFactor()).isZero();
        assertThat(m.fees()).isCloseTo(0.7999, within(EPS));
        assertThat(m.tradedNotional()).isCloseTo(799.9, within(EPS));
        assertThat(m.turnover()).isCloseTo(0.07999, within(EPS));
        assertThat(m.exposure()).isCloseTo(0.04, within(EPS));
        assertThat(m.sharpe()).as("two losses, no gain").isNegative();
        assertThat(m.sortino()).isNegative();
        assertThat(report.instruments()).extracting(BacktestReport.InstrumentResult::symbol)
            .containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(report.instruments().get(0).pnl()).isCloseTo(-0.7001, within(EPS));
        assertThat(report.instruments().get(0).trades()).isEqualTo(1);
        assertThat(report.sessions()).hasSize(1);
        assertThat(report.source().inbound()).isEqualTo(27);
    }

    @Test
    void shouldChainTheRunsOfAJournalIntoOneCurve() throws Exception
    {
        // The second run replays the same frames 10 s later: their venue times stay as they were, so the data is
        // 10 s old by its own clock and the stale-data limit has to allow that for the run to trade.
        final SchwabotConfig config = ConfigLoader.load(fixture("scenario-config"),
            Map.of("SCHWABOT_RISK_PROFILES_CONSERVATIVE_STALE_DATA_MS", "60000"));
        final Path single = importScenario(config);
        final Path twice = temp.resolve("twice");
        final long later = 10_000_000_000L;
        try (Journal from = Journal.openReadOnly(single);
            Journal to = Journal.open(Engine.journalContext(config, twice)))
        {
            final JournalAppender appender = to.appender();
            for (final long shift : new long[] {0, later})
            {
                sessionStart(appender, START + shift);
                from.replay(0, (sequence, ingressNanos, source, flags, buffer, offset, length, index) ->
                    appender.append(buffer, offset, length, ingressNanos + shift, source, flags));
            }
        }

        final BacktestReport report = backtest(config, twice);

        assertThat(report.sessions()).hasSize(2);
        assertThat(report.sessions()).allSatisfy((run) -> assertThat(run.pnl()).isCloseTo(-0.7001, within(EPS)));
        assertThat(report.trades()).extracting(Trade::session).containsExactly(0, 1);
        assertThat(report.trades().get(1).entryTimeNanos()).isEqualTo(T0 + later + 1_000_000_000L);
        assertThat(report.setup().stepNanos()).as("12.5 s: 100 ms steps").isEqualTo(100_000_000L);
        final EquitySeries equity = report.equity();
        assertThat(equity.size()).as("26 boundaries and a final sample per run").isEqualTo(54);
        assertThat(equity.time(26)).isEqualTo(START + 2_600_000_000L);
        assertThat(equity.pnl(26)).isCloseTo(-0.7001, within(EPS));
        assertThat(equity.time(27)).isEqualTo(START + later);
        assertThat(equity.pnl(27)).as("the second run starts where the first ended").isCloseTo(-0.7001, within(EPS));
        assertThat(equity.pnl(53)).isCloseTo(-1.4002, within(EPS));
        assertThat(report.metrics().finalPnl()).isCloseTo(-1.4002, within(EPS));
        assertThat(report.metrics().maxDrawdown()).isCloseTo(1.4002, within(EPS));
        assertThat(report.metrics().exposure()).as("0.2 s long out of two runs of 2.5 s").isCloseTo(0.04, within(EPS));
        assertThat(report.instruments().get(0).pnl()).isCloseTo(-1.4002, within(EPS));
    }

    private static void sessionStart(final JournalAppender appender, final long time)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final AdminCommandEncoder admin = new AdminCommandEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder()).commandId(0).timeNs(time).value(0)
            .instrumentId(0).valueExponent((byte)0).action(AdminAction.SESSION_START).riskLimit(RiskReason.HALTED);
        admin.putNote(new byte[] {'t'}, 0, 1);
        appender.append(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + admin.encodedLength(), time,
            Sources.source(Sources.VENUE_ENGINE, 0), JournalFlags.END_OF_BATCH);
    }

    @Test
    void shouldGiveTheSameBytesForTheSameBacktestTwice() throws Exception
    {
        final SchwabotConfig config = ConfigLoader.load(fixture("scenario-config"), Map.of());
        final Path journal = importScenario(config);

        final ReportFiles first = ReportFiles.write(backtest(config, journal), temp.resolve("a"));
        final ReportFiles second = ReportFiles.write(backtest(config, journal), temp.resolve("b"));

        assertThat(first.json().getFileName().toString()).matches("backtest-20240101T235958Z-[0-9a-f]{8}\\.json");
        assertThat(second.json().getFileName()).isEqualTo(first.json().getFileName());
        assertThat(Files.readAllBytes(second.json())).isEqualTo(Files.readAllBytes(first.json()));
        assertThat(Files.readAllBytes(second.html())).isEqualTo(Files.readAllBytes(first.html()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteJsonWithEveryMetricTradeAndFill() throws Exception
    {
        final SchwabotConfig config = ConfigLoader.load(fixture("scenario-config"), Map.of());
        final BacktestReport report = backtest(config, importScenario(config));

        final Map<String, Object> json = (Map<String, Object>)Json.parse(ReportJson.write(report));

        final Map<String, Object> metrics = (Map<String, Object>)json.get("metrics");
        assertThat(metrics).containsKeys("totalReturn", "sharpe", "sortino", "maxDrawdown", "winRate",
            "profitFactor", "exposure", "turnover", "fees");
        assertThat((Double)metrics.get("fees")).isCloseTo(0.7999, within(EPS));
        final List<Object> trades = (List<Object>)json.get("trades");
        assertThat(trades).hasSize(1);
        final Map<String, Object> trade = (Map<String, Object>)trades.get(0);
        assertThat(trade).containsEntry("side", "LONG").containsEntry("qty", "0.01000")
            .containsEntry("entryTime", "2024-01-02T00:00:01Z").containsEntry("exitTime", "2024-01-02T00:00:01.100Z");
        final List<Object> fills = (List<Object>)json.get("fills");
        assertThat(fills).hasSize(2);
        assertThat((Map<String, Object>)fills.get(0)).containsEntry("price", "39990.01").containsEntry("side", "BUY");
        final Map<String, Object> equity = (Map<String, Object>)json.get("equity");
        assertThat((List<Object>)equity.get("pnl")).hasSize(252);
        assertThat((Map<String, Object>)json.get("setup")).containsEntry("fillModel", "simulated")
            .containsEntry("riskProfile", "conservative").containsEntry("quoteCurrency", "USDT");
    }

    @Test
    void shouldWriteAWellFormedSelfContainedPageWithTheCharts() throws Exception
    {
        final SchwabotConfig config = ConfigLoader.load(fixture("scenario-config"), Map.of());
        final String html = ReportHtml.write(backtest(config, importScenario(config)));

        final DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        final Document page = factory.newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));

        assertThat(html).as("nothing to fetch").startsWith("<!DOCTYPE html>\n")
            .doesNotContain("<script", "src=", "href=", "@import", "url(").contains("sqrt(365 d / 10 ms)");
        final NodeList svgs = page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertThat(svgs.getLength()).as("equity, drawdown, per-instrument P&L").isEqualTo(3);
        final Element equity = (Element)svgs.item(0);
        assertThat(equity.getElementsByTagNameNS("*", "polyline").getLength()).isEqualTo(1);
        final String points = ((Element)equity.getElementsByTagNameNS("*", "polyline").item(0))
            .getAttribute("points");
        assertThat(points.split(" ")).hasSize(252);
        assertThat(((Element)svgs.item(1)).getElementsByTagNameNS("*", "polygon").getLength()).isEqualTo(1);
        assertThat(((Element)svgs.item(2)).getElementsByTagNameNS("*", "rect").getLength()).isEqualTo(2);
        final NodeList tables = page.getElementsByTagNameNS("*", "table");
        Element trades = null;
        for (int k = 0; k < tables.getLength(); k++)
        {
            if ("trades".equals(((Element)tables.item(k)).getAttribute("class")))
            {
                trades = (Element)tables.item(k);
            }
        }
        assertThat(trades).isNotNull();
        final NodeList rows = trades.getElementsByTagNameNS("*", "tr");
        assertThat(rows.getLength()).as("header and one trade").isEqualTo(2);
        assertThat(rows.item(1).getTextContent()).contains("BTCUSDT", "LONG", "0.01000", "39,990.010000",
            "39,999.990000", "-0.7001");
        assertThat(page.getElementsByTagNameNS("*", "h2").getLength()).isEqualTo(6);
        for (final String metric : List.of("Total return", "Sharpe", "Sortino", "Max drawdown", "Win rate",
            "Profit factor", "Exposure", "Turnover", "Fees"))
        {
            assertThat(html).contains("<th class=\"l\">" + metric + "</th>");
        }
    }
}
