package com.schwabot.engine.venue.sim;

import static com.schwabot.engine.venue.sim.SimFixtures.BTC;
import static com.schwabot.engine.venue.sim.SimFixtures.BTC_ID;
import static com.schwabot.engine.venue.sim.SimFixtures.ETH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.binance.BestBidAskStreamEventDecoder;
import com.schwabot.codecs.binance.DepthSnapshotStreamEventDecoder;
import com.schwabot.codecs.binance.TradesStreamEventDecoder;
import com.schwabot.codecs.sbe.OrderType;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.codecs.sbe.TimeInForce;

/**
 * The streams agree with the simulator's book and with each other: a client that applies a depth20 snapshot and
 * then the depth diffs rebuilds the book exactly; every best bid/ask and every periodic snapshot matches that copy;
 * the book is never crossed; trade ids follow each other. Client orders run throughout.
 */
class BookConsistencyTest
{
    private static final long TICK = 10;
    private static final long LOT = 10;

    private final SimHarness sim = new SimHarness(SimFixtures.context(11));
    private final Random flow = new Random(3);
    private final List<Long> openOrders = new ArrayList<>();
    private long nextClOrdId = 1;

    @Test
    void shouldRebuildTheBookFromASnapshotAndDiffsWhileAgreeingWithEveryStream()
    {
        final ExpandableArrayBuffer start = new ExpandableArrayBuffer(1024);
        sim.core.encodeSnapshot(BTC, sim.clock.nanoTime(), start, 0);
        final LocalBook local = new LocalBook();
        local.applySnapshot(BinanceDecoders.snapshot(start));
        assertThat(local.bids).hasSize(20);
        assertThat(local.asks).hasSize(20);

        for (int t = 0; t < 3_000; t++)
        {
            sim.tick(1);
            assertNotCrossed();
            if (flow.nextInt(4) == 0)
            {
                sendRandomOrder();
                assertNotCrossed();
            }
        }

        final int[] checked = replay(local);
        assertThat(checked[0]).as("diffs applied").isGreaterThan(2_000);
        assertThat(checked[1]).as("best bid/ask events checked").isGreaterThan(1_000);
        assertThat(checked[2]).as("snapshots checked").isEqualTo(300);
        assertThat(checked[3]).as("trades").isGreaterThan(1_000);
        final SimInstrument btc = sim.core.instrument(BTC);
        assertThat(local.bids).isEqualTo(LocalBook.levels(sim.market(BTC).bids(), btc));
        assertThat(local.asks).isEqualTo(LocalBook.levels(sim.market(BTC).asks(), btc));
        assertThat(sim.counters.get(SimCounter.MAKER_FILLS)).isPositive();
        assertThat(sim.counters.get(SimCounter.TAKER_FILLS)).isPositive();
    }

    @Test
    void shouldPublishEveryInstrumentUnderItsOwnSymbolAndExponents()
    {
        sim.tick(50);

        for (final SimHarness.Frame frame : sim.frames(StreamType.BEST_BID_ASK))
        {
            final BestBidAskStreamEventDecoder event = BinanceDecoders.bestBidAsk(frame.buffer());
            final SimInstrument instrument = sim.core.instrument(frame.instrumentIndex());
            assertThat(event.priceExponent()).isEqualTo((byte)instrument.priceExponent());
            assertThat(event.qtyExponent()).isEqualTo((byte)instrument.qtyExponent());
            assertThat(event.bidPrice()).isLessThan(event.askPrice());
            assertThat(event.symbol()).isEqualTo(instrument.symbol());
            assertThat(event.eventTime() % 1_000).as("microseconds of a 10 ms step clock").isZero();
        }
        assertThat(sim.frames(StreamType.BEST_BID_ASK)).extracting(SimHarness.Frame::instrumentIndex)
            .contains(BTC, ETH);
        assertThat(sim.core.bestBidPrice(ETH)).isCloseTo(300_000L, org.assertj.core.data.Offset.offset(5_000L));
    }

    private int[] replay(final LocalBook local)
    {
        final int[] checked = new int[4];
        long nextTradeId = 1;
        for (final SimHarness.Frame frame : sim.frames)
        {
            if (frame.instrumentIndex() != BTC)
            {
                continue;
            }
            final UnsafeBuffer buffer = frame.buffer();
            switch (frame.type())
            {
                case DEPTH -> checked[0] += local.applyDiff(BinanceDecoders.diff(buffer)) ? 1 : 0;
                case BEST_BID_ASK ->
                {
                    final BestBidAskStreamEventDecoder top = BinanceDecoders.bestBidAsk(buffer);
                    assertThat(top.bookUpdateId()).isEqualTo(local.lastUpdateId());
                    assertTop(top.bidPrice(), top.bidQty(), local.bids);
                    assertTop(top.askPrice(), top.askQty(), local.asks);
                    checked[1]++;
                }
                case DEPTH20 ->
                {
                    final DepthSnapshotStreamEventDecoder snapshot = BinanceDecoders.snapshot(buffer);
                    assertThat(snapshot.bookUpdateId()).isEqualTo(local.lastUpdateId());
                    final LocalBook fresh = new LocalBook();
                    fresh.applySnapshot(snapshot);
                    assertThat(fresh.bids).isEqualTo(local.bids);
                    assertThat(fresh.asks).isEqualTo(local.asks);
                    checked[2]++;
                }
                default ->
                {
                    final TradesStreamEventDecoder trades = BinanceDecoders.trades(buffer);
                    for (final TradesStreamEventDecoder.TradesDecoder trade : trades.trades())
                    {
                        assertThat(trade.id()).isEqualTo(nextTradeId++);
                        assertThat(trade.price()).isPositive();
                        assertThat(trade.qty()).isPositive();
                        checked[3]++;
                    }
                }
            }
        }
        return checked;
    }

    private static void assertTop(final long price, final long qty, final Map<Long, Long> side)
    {
        if (side.isEmpty())
        {
            assertThat(price).isZero();
            assertThat(qty).isZero();
        }
        else
        {
            final Map.Entry<Long, Long> best = ((java.util.TreeMap<Long, Long>)side).firstEntry();
            assertThat(price).isEqualTo(best.getKey());
            assertThat(qty).isEqualTo(best.getValue());
        }
    }

    private void assertNotCrossed()
    {
        final InstrumentMarket market = sim.market(BTC);
        if (!market.bids().isEmpty() && !market.asks().isEmpty())
        {
            assertThat(market.bestBidPrice()).isLessThan(market.bestAskPrice());
        }
        assertThat(market.mid()).isPositive();
    }

    private void sendRandomOrder()
    {
        final InstrumentMarket market = sim.market(BTC);
        final Side side = flow.nextBoolean() ? Side.BUY : Side.SELL;
        final long lots = 1 + flow.nextInt(150);
        final long clOrdId = nextClOrdId++;
        final int kind = flow.nextInt(10);
        if (kind < 3)
        {
            sim.send(1, SimFixtures.newOrder(clOrdId, BTC_ID, side, OrderType.MARKET, TimeInForce.IOC, 0, lots * LOT));
        }
        else if (kind < 8 || openOrders.isEmpty())
        {
            final long reference = side == Side.BUY ? market.mid() : market.mid() + 1;
            final long offset = flow.nextInt(7) - 2;
            final long price = (side == Side.BUY ? reference - offset : reference + offset) * TICK;
            sim.send(1, SimFixtures.newOrder(
                clOrdId, BTC_ID, side, OrderType.LIMIT, TimeInForce.GTC, price, lots * LOT));
            openOrders.add(clOrdId);
        }
        else
        {
            final long victim = openOrders.remove(flow.nextInt(openOrders.size()));
            sim.send(1, SimFixtures.cancel(clOrdId, victim, Long.MIN_VALUE, BTC_ID));
        }
    }
}
