package com.schwabot.engine.ring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.agrona.BitUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

import com.schwabot.codecs.FrameChecker;
import com.schwabot.codecs.FrameMutator;
import com.schwabot.codecs.FrameStatus;
import com.schwabot.codecs.sbe.AdminAction;
import com.schwabot.codecs.sbe.AdminCommandEncoder;
import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.ExecType;
import com.schwabot.codecs.sbe.ExecutionReportEncoder;
import com.schwabot.codecs.sbe.Liquidity;
import com.schwabot.codecs.sbe.MessageHeaderEncoder;
import com.schwabot.codecs.sbe.RejectReason;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.engine.BinanceFrames;
import com.schwabot.engine.Engine;
import com.schwabot.engine.SyntheticMarket;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.replay.FillSettings;
import com.schwabot.engine.replay.SimulatedVenue;
import com.schwabot.journal.Journal;
import com.schwabot.journal.JournalContext;
import com.schwabot.journal.ProblemKind;
import com.schwabot.journal.VerifyReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutated venue and engine frames through the business thread as it runs them: {@link BusinessHandler} journals
 * each slot, then the full {@link com.schwabot.engine.stage.Pipeline} (check, normalize, validate, signal, tensor,
 * risk, orders) acts, between frames of a live-like market that keeps the engine trading. Nothing may throw out of
 * the handler or be caught as a handler error; every frame fed is counted, every frame the checker refuses is counted
 * by its status; the journal holds every frame and its verify points at no record the checker accepted; and the
 * engine still takes market data and decides afterwards, and trades again unless its daily-loss or drawdown breaker
 * tripped (a run of millions of cases pays enough fees to trip it, which is the breaker doing its job).
 * <p>
 * Cases: {@code schwabot.fuzz.cases} (default {@value #DEFAULT_CASES}), seed {@code schwabot.fuzz.seed}; recorded in
 * {@code target/fuzz-report.txt}.
 */
class BusinessThreadFuzzTest
{
    private static final int DEFAULT_CASES = 30_000;
    private static final long DEFAULT_SEED = 0xB0551L;
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final int WARM_UP = 2_000;
    private static final int AFTER = 16_000;
    private static final int[][] KNOWN_HEADERS = {
        {101, 1, 1}, {101, 1, 2}, {101, 1, 3}, {101, 1, 4}, {101, 1, 5}, {101, 1, 6}, {101, 1, 7}, {101, 1, 8},
        {101, 1, 9}, {101, 1, 10}, {101, 1, 11}, {101, 1, 12}, {101, 1, 13},
        {1, 0, 10000}, {1, 0, 10001}, {1, 0, 10002}, {1, 0, 10003},
    };

    @TempDir
    Path dir;

    private final InboundEvent slot = InboundEvent.standalone(Engine.SLOT_CAPACITY);
    private final FrameChecker oracle = new FrameChecker();
    private long ringSequence;
    private long fed;
    private long drained;
    private long now = T0;

    @Test
    void shouldCountEveryMutatedFrameAndKeepTrading(final TestReporter reporter) throws IOException
    {
        final int cases = cases();
        final long seed = seed();
        final List<byte[]> corpus = corpus();
        final FrameMutator mutator = new FrameMutator(seed, corpus, KNOWN_HEADERS);
        final EngineCounters counters = new EngineCounters();
        final InstrumentTable instruments = new InstrumentTable(TestCores.defaults().instruments());
        final SimulatedVenue venue = new SimulatedVenue(instruments, FillSettings.DEFAULT);
        final TradingCore core = TestCores.core(venue, counters);
        venue.market(core.market());
        final Map<FrameStatus, Long> statuses = new EnumMap<>(FrameStatus.class);
        long bad = 0;
        long ordersBefore;
        final long start = System.nanoTime();
        try (Journal journal = Journal.open(new JournalContext().directory(dir.resolve("journal"))))
        {
            final BusinessHandler handler = new BusinessHandler(journal.appender(), core.pipeline(), counters);
            connect(handler, venue, core, T0);
            final SyntheticMarket market = new SyntheticMarket(seed, T0);
            final SyntheticMarket.FrameConsumer valid = (buffer, length, nanos) ->
            {
                final byte[] bytes = copy(buffer, length);
                corpus.set(0, bytes);
                now = nanos;
                feed(handler, venue, core, bytes, now);
            };
            market.run(WARM_UP, valid);
            ordersBefore = counters.value(EngineCounter.ORDERS_SENT);
            for (int i = 0; i < cases; i++)
            {
                market.run(1, valid);
                final byte[] bytes = mutator.next();
                final FrameStatus status = oracle.check(new UnsafeBuffer(bytes), 0, bytes.length);
                statuses.merge(status, 1L, Long::sum);
                bad += status == FrameStatus.OK ? 0 : 1;
                try
                {
                    feed(handler, venue, core, bytes, now);
                }
                catch (final RuntimeException ex)
                {
                    throw new AssertionError("case " + i + " (seed " + seed + ", " + mutator.lastKind() + "): " +
                        BitUtil.toHex(bytes), ex);
                }
                if (counters.value(EngineCounter.HANDLER_ERRORS) != 0)
                {
                    throw new AssertionError("a stage threw on case " + i + " (seed " + seed + ", " +
                        mutator.lastKind() + "): " + BitUtil.toHex(bytes));
                }
            }
            final long ordersAfterFuzz = counters.value(EngineCounter.ORDERS_SENT);
            final long validAfterFuzz = counters.value(EngineCounter.MARKET_EVENTS_VALID);
            final long decisionsAfterFuzz = counters.value(EngineCounter.DECISIONS);
            recover(handler, venue, core, now);
            market.run(AFTER, valid);
            assertThat(counters.value(EngineCounter.MARKET_EVENTS_VALID) - validAfterFuzz)
                .as("valid market events after the fuzz; %s", describe(counters)).isGreaterThan(AFTER / 2);
            assertThat(counters.value(EngineCounter.DECISIONS)).as("decisions after the fuzz; %s", describe(counters))
                .isGreaterThan(decisionsAfterFuzz);
            if (counters.risk(RiskReason.DAILY_LOSS).get() == 0 && counters.risk(RiskReason.DRAWDOWN).get() == 0)
            {
                assertThat(counters.value(EngineCounter.ORDERS_SENT))
                    .as("orders after the fuzz; %s", describe(counters)).isGreaterThan(ordersAfterFuzz);
            }
        }
        final long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(ordersBefore).isPositive();
        assertThat(counters.value(EngineCounter.INBOUND_FRAMES)).isEqualTo(fed + drained);
        assertThat(counters.badFrameTotal()).as("bad frames counted").isEqualTo(bad);
        for (final FrameStatus s : FrameStatus.values())
        {
            if (s != FrameStatus.OK)
            {
                assertThat(counters.badFrame(s).get()).as(s.name()).isEqualTo(statuses.getOrDefault(s, 0L));
            }
        }
        assertThat(counters.value(EngineCounter.HANDLER_ERRORS)).isZero();
        assertThat(counters.value(EngineCounter.JOURNAL_FAILURES)).isZero();
        final VerifyReport report;
        try (Journal journal = Journal.openReadOnly(dir.resolve("journal")))
        {
            report = journal.verify();
        }
        assertThat(report.recordCount()).as("every frame journaled").isEqualTo(fed);
        assertThat(report.problems()).allMatch((p) ->
            p.kind() == ProblemKind.PAYLOAD_TOO_SHORT || p.kind() == ProblemKind.BLOCK_LENGTH_OVERFLOW);
        assertThat(report.problemCount()).isLessThanOrEqualTo(bad);

        final String line = "engine business thread (journal + Pipeline): " + cases + " mutated cases among " + fed +
            " frames, seed " + seed + ", " + millis + " ms, statuses " + statuses + ", handler errors 0, " +
            "orders " + counters.value(EngineCounter.ORDERS_SENT) + ", journal problems " + report.problemCount() +
            ", bad values " + counters.value(EngineCounter.BAD_VALUES) + ", validation rejects " +
            counters.validationTotal();
        reporter.publishEntry("fuzz", line);
        record(line);
    }

    private void feed(
        final BusinessHandler handler, final SimulatedVenue venue, final TradingCore core, final byte[] bytes,
        final long nanos)
    {
        slot.buffer().putBytes(0, bytes);
        slot.set(bytes.length, nanos, TestCores.DESTINATION);
        handler.onEvent(slot, ringSequence++, true);
        fed++;
        drained += venue.onMarketEvent(core.pipeline(), nanos);
    }

    /**
     * What an operator and the venues do after garbage: resume, and the feed reconnects (down, then up: the market
     * state a corrupt update id poisoned is forgotten), the gateway is up.
     */
    private void recover(
        final BusinessHandler handler, final SimulatedVenue venue, final TradingCore core, final long nanos)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final AdminCommandEncoder admin = new AdminCommandEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .commandId(1).timeNs(nanos).action(AdminAction.RESUME).note("fuzz over");
        feed(handler, venue, core, copy(buffer, MessageHeaderEncoder.ENCODED_LENGTH + admin.encodedLength()), nanos);
        final int down = TestCores.connection(buffer, Channel.MARKET_DATA, false, nanos);
        feed(handler, venue, core, copy(buffer, down), nanos);
        connect(handler, venue, core, nanos);
    }

    private void connect(
        final BusinessHandler handler, final SimulatedVenue venue, final TradingCore core, final long nanos)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        feed(handler, venue, core, copy(buffer, TestCores.connection(buffer, Channel.MARKET_DATA, true, nanos)), nanos);
        feed(handler, venue, core, copy(buffer, TestCores.connection(buffer, Channel.ORDER_ENTRY, true, nanos)), nanos);
    }

    private static String describe(final EngineCounters counters)
    {
        final StringBuilder out = new StringBuilder();
        counters.reader().forEach((value, id, label) ->
        {
            if (value != 0)
            {
                out.append(label).append('=').append(value).append(' ');
            }
        });
        return out.toString();
    }

    private static List<byte[]> corpus()
    {
        final List<byte[]> corpus = new ArrayList<>();
        final long us = T0 / 1000;
        corpus.add(null);
        final BinanceFrames frames = new BinanceFrames().exponents(-2, -5);
        corpus.add(copy(frames.trades("BTCUSDT", us, 1, 6_500_000, 10, 2, 6_500_001, 20, 3, 6_499_999, 5)));
        corpus.add(copy(frames.bestBidAsk("BTCUSDT", us, 5, 6_499_999, 100, 6_500_001, 100)));
        corpus.add(copy(frames.snapshot("BTCUSDT", us, 10, new long[]{6_499_999, 100, 6_499_998, 50},
            new long[]{6_500_001, 100, 6_500_002, 70})));
        corpus.add(copy(frames.diff("BTCUSDT", us, 11, 12, new long[]{6_499_999, 0}, new long[]{6_500_003, 10})));
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        corpus.add(copy(buffer, TestCores.timer(buffer, T0)));
        corpus.add(copy(buffer, TestCores.connection(buffer, Channel.ORDER_ENTRY, true, T0)));
        final ExecutionReportEncoder report = new ExecutionReportEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .clOrdId(1234L << 8).exchangeOrderId(77).execId(78).transactTimeNs(T0).orderPrice(6_500_000)
            .lastPrice(6_500_000).lastQty(10).cumQty(10).leavesQty(0).fee(65).instrumentId(1).venueId(2)
            .priceExponent((byte)-2).qtyExponent((byte)-5).feeExponent((byte)-4).side(Side.BUY).execType(ExecType.FILL)
            .rejectReason(RejectReason.NONE).liquidity(Liquidity.TAKER);
        corpus.add(copy(buffer, MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength()));
        final AdminCommandEncoder admin = new AdminCommandEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .commandId(9).timeNs(T0).action(AdminAction.RESUME).note("resume");
        corpus.add(copy(buffer, MessageHeaderEncoder.ENCODED_LENGTH + admin.encodedLength()));
        corpus.set(0, corpus.get(2));
        return corpus;
    }

    private static byte[] copy(final BinanceFrames frames)
    {
        return copy(frames.buffer(), frames.length());
    }

    private static byte[] copy(final org.agrona.DirectBuffer buffer, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static int cases()
    {
        final int cases = Integer.getInteger("schwabot.fuzz.cases", 0);
        return cases > 0 ? cases : DEFAULT_CASES;
    }

    private static long seed()
    {
        final long seed = Long.getLong("schwabot.fuzz.seed", 0);
        return seed != 0 ? seed : DEFAULT_SEED;
    }

    static void record(final String line) throws IOException
    {
        final Path target = Path.of("target");
        if (Files.isDirectory(target))
        {
            Files.writeString(target.resolve("fuzz-report.txt"), line + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }
}
