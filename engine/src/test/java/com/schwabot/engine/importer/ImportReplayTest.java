package com.schwabot.engine.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.ReplayResult;
import com.schwabot.engine.replay.Replayer;
import com.schwabot.tensor.TensorCapacity;
import com.schwabot.tensor.cpu.CpuTensorBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A small CSV imported, then backtested with {@link Replayer} against the simulated venue, gives the trades worked
 * out by hand.
 * <p>
 * Configuration (importer/scenario-config): one mean-reversion strategy on BTCUSDT, lookback 10 mids, entry
 * z-score 2, exit 0.5, weight 1, ensemble threshold 0.6; so the score is the signal {@code clamp(-z / 2)}, 0 while
 * {@code |z| < 0.5}. The conservative risk profile sizes one unit volatility-scaled: the largest lot-rounded
 * quantity within min(0.01 BTC, 500 USDT / price) and {@code max_position_notional * vol_target_bps / 10^4 /
 * sigma_day / price} = 10 USDT / sigma_day / price, once the EWMA volatility (lambda 0.94) has seen 20 returns.
 * <p>
 * Market (importer/scenario.csv, one quote every 100 ms, each side 1 BTC deep):
 * <ol>
 *     <li>twelve quotes alternate the mid between 40000.00 and 40000.02 (they warm the volatility and leave the
 *     z-score window before anything happens);</li>
 *     <li>ten more do the same: the window fills with five of each (mean 40000.01, population deviation 0.01); at
 *     the tenth, z = +1, the score -0.5: inside the threshold, no order;</li>
 *     <li>a trade (trades do not move the strategies, which act on the book);</li>
 *     <li>the mid drops to 39990.00, the 22nd return: variance per update 3.7662e-9 over a mean 100 ms, sigma_day
 *     = sqrt(3.7662e-8 * 86400) = 0.057044, so the unit is 10 / 0.057044 / 39990.01 = 0.00438 BTC (under the 0.01
 *     cap). The window holds four 40000.00, five 40000.02 and 39990.00, mean 39999.01, deviation 3.0034, z = -3.0,
 *     score +1 (clamped) at or above 0.6: target long one unit, so an IOC limit BUY of 0.00438 at the ask
 *     39990.01, filled there by the simulated venue (fee 10 bps: 0.1751562438);</li>
 *     <li>the mid returns to 40000.00: mean 39999.008, deviation 3.0027, z = +0.33, inside the exit z-score: signal
 *     0, target flat, so an IOC limit SELL of the 0.00438 held at the bid 39999.99, filled (fee 0.1751999562);</li>
 *     <li>an XRPUSDT quote (not configured: skipped at import) and a repeat of the last quote (no change).</li>
 * </ol>
 * P&amp;L: (39999.99 - 39990.01) x 0.00438 - 0.1751562438 - 0.1751999562 = -0.3066438.
 */
class ImportReplayTest
{
    @TempDir
    Path temp;

    @Test
    void shouldBacktestAnImportedCsvToTheTradesWorkedOutByHand() throws Exception
    {
        final SchwabotConfig config = ConfigLoader.load(CsvImporterTest.fixture("scenario-config"), Map.of());
        final Path journal = temp.resolve("journal");
        final ImportResult imported =
            new CsvImporter(config).run(List.of(CsvImporterTest.fixture("scenario.csv")), journal);
        assertThat(imported.quoteFrames()).isEqualTo(25);
        assertThat(imported.tradeFrames()).isEqualTo(2);
        assertThat(imported.skippedSymbols()).isEqualTo(Map.of("XRPUSDT", 1L));

        final List<String> orders = new ArrayList<>();
        final EngineCounters counters = new EngineCounters();
        final ReplayResult result;
        try (CpuTensorBackend backend = new CpuTensorBackend(new TensorCapacity(64, 16, 1, 1, 1)))
        {
            result = new Replayer(config, backend, counters).orderTap((buffer, offset, length, clOrdId, dest) ->
            {
                orders.add(describe(buffer, offset));
                return true;
            }).replay(journal);
        }

        assertThat(result.simulated()).isTrue();
        assertThat(result.inbound()).isEqualTo(27);
        assertThat(orders).containsExactly(
            "BUY 438e-5 BTCUSDT(1) at 3999001e-2 LIMIT IOC t=1704153601000000000",
            "SELL 438e-5 BTCUSDT(1) at 3999999e-2 LIMIT IOC t=1704153601100000000");
        assertThat(counters.value(EngineCounter.FILLS)).isEqualTo(2);
        assertThat(counters.value(EngineCounter.VENUE_REJECTS)).isZero();
        assertThat(counters.value(EngineCounter.RISK_REJECTS)).isZero();
        assertThat(result.pnl()).isCloseTo(-0.3066438, within(1e-6));
    }

    private static String describe(final org.agrona.DirectBuffer buffer, final int offset)
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, offset);
        assertThat(header.templateId()).isEqualTo(NewOrderDecoder.TEMPLATE_ID);
        final NewOrderDecoder order = new NewOrderDecoder().wrap(
            buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        return order.side() + " " + order.qty() + "e" + order.qtyExponent() + " BTCUSDT(" + order.instrumentId() +
            ") at " + order.price() + "e" + order.priceExponent() + " " + order.orderType() + " " +
            order.timeInForce() + " t=" + order.timeNs();
    }
}
