package com.schwabot.engine.stage;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.FrameStatus;
import com.schwabot.engine.BinanceFrames;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.book.OrderBook;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineMarketDataTest
{
    private static final long T0 = 1_700_000_000_000_000L;
    private static final int BTC = 0;

    private final EngineCounters counters = new EngineCounters();
    private final BinanceFrames frames = new BinanceFrames();
    private TradingCore core;
    private long sequence;

    @BeforeEach
    void setUp()
    {
        core = TestCores.core((b, o, l, id, d) -> true, counters);
    }

    private void feed()
    {
        sequence++;
        core.pipeline().onFrame(frames.buffer(), 0, frames.length(), (T0 + sequence) * 1000, 1, sequence, true);
    }

    @Test
    void shouldBuildTheBookFromASnapshotAndContiguousDiffs()
    {
        frames.snapshot("BTCUSDT", T0, 100, new long[]{6_500_000, 50, 6_499_900, 70}, new long[]{6_500_100, 30});
        feed();
        frames.diff("BTCUSDT", T0 + 1, 101, 103, new long[]{6_500_000, 0, 6_499_950, 10}, new long[]{6_500_050, 5});
        feed();

        final OrderBook book = core.market().book(BTC);
        assertThat(book.isValid()).isTrue();
        assertThat(book.lastUpdateId()).isEqualTo(103);
        assertThat(book.bids().bestPrice()).isEqualTo(6_499_950);
        assertThat(book.bids().size()).isEqualTo(2);
        assertThat(book.asks().bestPrice()).isEqualTo(6_500_050);
        assertThat(core.market().bid(BTC)).isEqualTo(6_499_950);
        assertThat(core.market().ask(BTC)).isEqualTo(6_500_050);
        assertThat(counters.value(EngineCounter.MARKET_EVENTS_VALID)).isEqualTo(2);
    }

    @Test
    void shouldDropStaleDiffsAndInvalidateTheBookOnAGapUntilTheNextSnapshot()
    {
        frames.snapshot("BTCUSDT", T0, 100, new long[]{6_500_000, 50}, new long[]{6_500_100, 30});
        feed();
        frames.diff("BTCUSDT", T0 + 1, 95, 100, new long[]{6_500_000, 1}, new long[0]);
        feed();
        assertThat(counters.validation(ValidationReason.STALE_DIFF).get()).isEqualTo(1);
        assertThat(core.market().book(BTC).bids().bestQty()).isEqualTo(50);

        frames.diff("BTCUSDT", T0 + 2, 105, 106, new long[]{6_500_000, 1}, new long[0]);
        feed();
        assertThat(counters.validation(ValidationReason.DEPTH_GAP).get()).isEqualTo(1);
        assertThat(core.market().book(BTC).isValid()).isFalse();

        frames.diff("BTCUSDT", T0 + 3, 107, 108, new long[]{6_500_000, 2}, new long[0]);
        feed();
        assertThat(counters.validation(ValidationReason.BOOK_NOT_SYNCED).get()).isEqualTo(1);

        frames.snapshot("BTCUSDT", T0 + 4, 200, new long[]{6_500_000, 9}, new long[]{6_500_100, 8});
        feed();
        assertThat(core.market().book(BTC).isValid()).isTrue();
        assertThat(core.market().book(BTC).bids().bestQty()).isEqualTo(9);
    }

    @Test
    void shouldRejectCrossedTopsNonPositivePricesAndPriceJumps()
    {
        frames.bestBidAsk("BTCUSDT", T0, 1, 6_500_000, 10, 6_500_000, 10);
        feed();
        assertThat(counters.validation(ValidationReason.CROSSED_BOOK).get()).isEqualTo(1);

        frames.bestBidAsk("BTCUSDT", T0, 2, 0, 10, 6_500_000, 10);
        feed();
        assertThat(counters.validation(ValidationReason.NON_POSITIVE).get()).isEqualTo(1);

        frames.bestBidAsk("BTCUSDT", T0, 3, 6_500_000, 10, 6_500_100, 10);
        feed();
        frames.bestBidAsk("BTCUSDT", T0, 4, 9_000_000, 10, 9_000_100, 10);
        feed();
        assertThat(counters.validation(ValidationReason.PRICE_JUMP).get()).isEqualTo(1);
        frames.bestBidAsk("BTCUSDT", T0, 2, 6_500_000, 10, 6_500_100, 10);
        feed();
        assertThat(counters.validation(ValidationReason.OUT_OF_ORDER).get()).isEqualTo(1);
        assertThat(core.market().bid(BTC)).isEqualTo(6_500_000);
    }

    @Test
    void shouldNormalizeEveryTradeOfAFrameAndRescaleExponents()
    {
        frames.exponents(-8, -8).trades("BTCUSDT", T0, 1, 6_500_000_000_000L, 1_000L, 2, 6_500_010_000_000L, 2_000L);
        feed();
        assertThat(counters.value(EngineCounter.MARKET_EVENTS)).isEqualTo(2);
        assertThat(counters.value(EngineCounter.MARKET_EVENTS_VALID)).isEqualTo(2);
        assertThat(core.market().lastTradePrice(BTC)).isEqualTo(6_500_010);
        assertThat(core.market().lastTradeTimeNs(BTC)).isEqualTo(T0 * 1000);

        frames.exponents(-8, -8).trades("BTCUSDT", T0 + 1, 3, 6_500_010_000_001L, 1_000L);
        feed();
        assertThat(counters.validation(ValidationReason.PRECISION).get()).isEqualTo(1);
    }

    @Test
    void shouldCountUnknownSymbolsAndBadFramesAndGoOn()
    {
        frames.trades("DOGEUSDT", T0, 1, 100, 100);
        feed();
        assertThat(counters.validation(ValidationReason.UNKNOWN_INSTRUMENT).get()).isEqualTo(1);

        assertThat(core.pipeline().lastFrameIsMarketData()).isTrue();

        frames.trades("BTCUSDT", T0, 1, 6_500_000, 100);
        sequence++;
        core.pipeline().onFrame(frames.buffer(), 0, frames.length() - 3, T0 * 1000, 1, sequence, true);
        assertThat(counters.badFrameTotal()).isEqualTo(1);
        assertThat(counters.badFrame(FrameStatus.TRUNCATED_BODY).get()
            + counters.badFrame(FrameStatus.BAD_BOUNDS).get()).isEqualTo(1);
        assertThat(core.pipeline().lastFrameIsMarketData()).as("a cut Binance frame is market data by its header")
            .isTrue();

        core.pipeline().onFrame(frames.buffer(), 0, 5, T0 * 1000, 1, ++sequence, true);
        assertThat(counters.badFrame(FrameStatus.TRUNCATED_HEADER).get()).isEqualTo(1);
        assertThat(core.pipeline().lastFrameIsMarketData()).as("no header, no market data").isFalse();

        final UnsafeBuffer timer = new UnsafeBuffer(new byte[64]);
        core.pipeline().onFrame(timer, 0, TestCores.timer(timer, T0 * 1000), T0 * 1000, 1, ++sequence, true);
        assertThat(core.pipeline().lastFrameIsMarketData()).as("a canonical frame").isFalse();

        frames.trades("BTCUSDT", T0, 1, 6_500_000, 100);
        feed();
        final MarketState market = core.market();
        assertThat(market.lastTradePrice(BTC)).isEqualTo(6_500_000);
        assertThat(counters.value(EngineCounter.INBOUND_FRAMES)).isEqualTo(5);
    }
}
