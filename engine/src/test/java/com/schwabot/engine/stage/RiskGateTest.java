package com.schwabot.engine.stage;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.sbe.Channel;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.engine.BinanceFrames;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conservative default profile: max_order_qty 0.01, max_order_notional 500, max_position_notional 2000,
 * max_open_orders 4, 5 orders/s, price band 50 bps, stale after 2 s. BTCUSDT: price exponent -2, qty exponent -5.
 */
class RiskGateTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final int BTC = 0;
    private static final long BID = 5_000_000;
    private static final long ASK = 5_000_100;

    private final EngineCounters counters = new EngineCounters();
    private final BinanceFrames frames = new BinanceFrames();
    private TradingCore core;
    private RiskGate risk;
    private long sequence = 10;

    @BeforeEach
    void setUp()
    {
        core = TestCores.core((b, o, l, id, d) -> true, counters);
        risk = core.risk();
        TestCores.connect(core, T0);
        top(T0);
    }

    private void top(final long nanos)
    {
        frames.bestBidAsk("BTCUSDT", nanos / 1000, sequence, BID, 100_000, ASK, 100_000);
        core.pipeline().onFrame(frames.buffer(), 0, frames.length(), nanos, 1, ++sequence, false);
    }

    @Test
    void shouldPassAnOrderWithinEveryLimit()
    {
        assertThat(risk.check(BTC, true, ASK, 500)).isEqualTo(RiskReason.NULL_VAL);
    }

    @Test
    void shouldRejectSizeNotionalAndPriceBand()
    {
        assertThat(risk.check(BTC, true, ASK, 1_001)).isEqualTo(RiskReason.ORDER_SIZE);
        assertThat(risk.check(BTC, true, ASK, 0)).isEqualTo(RiskReason.ORDER_SIZE);
        assertThat(risk.check(BTC, true, ASK, 1_000)).isEqualTo(RiskReason.NOTIONAL);
        assertThat(risk.check(BTC, true, ASK + 30_000, 100)).isEqualTo(RiskReason.PRICE_BAND);
        assertThat(counters.risk(RiskReason.NOTIONAL).get()).isEqualTo(1);
        assertThat(risk.lastReject()).isEqualTo(RiskReason.PRICE_BAND);
    }

    @Test
    void shouldRejectWhenThePositionAfterTheOrderWouldBreakItsLimit()
    {
        core.portfolio().onFill(BTC, true, 3_990, ASK, 0);
        assertThat(risk.check(BTC, true, ASK, 100)).isEqualTo(RiskReason.POSITION);
        assertThat(risk.check(BTC, false, BID, 100)).isEqualTo(RiskReason.NULL_VAL);
    }

    @Test
    void shouldLimitTheOrderRatePerSecondOfEventTime()
    {
        for (int k = 0; k < 5; k++)
        {
            assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.NULL_VAL);
        }
        assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.ORDER_RATE);
        top(T0 + 1_000_000_001L);
        assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.NULL_VAL);
    }

    @Test
    void shouldHaltOnStaleDataGatewayLossFeedLossAndAdminHalt()
    {
        core.clock().set(T0 + 2_000_000_001L);
        assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.STALE_DATA);
        top(T0 + 2_000_000_002L);
        assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.NULL_VAL);

        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        int length = TestCores.connection(buffer, Channel.ORDER_ENTRY, false, T0 + 3_000_000_000L);
        core.pipeline().onFrame(buffer, 0, length, T0 + 3_000_000_000L, 1, ++sequence, false);
        assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.GATEWAY_DOWN);
        length = TestCores.connection(buffer, Channel.ORDER_ENTRY, true, T0 + 3_000_000_001L);
        core.pipeline().onFrame(buffer, 0, length, T0 + 3_000_000_001L, 1, ++sequence, false);

        length = TestCores.connection(buffer, Channel.MARKET_DATA, false, T0 + 3_000_000_002L);
        core.pipeline().onFrame(buffer, 0, length, T0 + 3_000_000_002L, 1, ++sequence, false);
        assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.FEED_DOWN);
        length = TestCores.connection(buffer, Channel.MARKET_DATA, true, T0 + 3_000_000_003L);
        core.pipeline().onFrame(buffer, 0, length, T0 + 3_000_000_003L, 1, ++sequence, false);
        assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.STALE_DATA);
        top(T0 + 3_000_000_004L);
        assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.NULL_VAL);

        risk.halt(RiskReason.HALTED, Long.MAX_VALUE);
        assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.HALTED);
        risk.resume();
        assertThat(risk.check(BTC, true, ASK, 10)).isEqualTo(RiskReason.NULL_VAL);
    }

    @Test
    void shouldTripTheDailyLossBreakerAndHoldItForTheCoolDown()
    {
        core.portfolio().onFill(BTC, true, 2_000, 6_000_000, 0);
        risk.checkBreakers();
        assertThat(risk.isHalted()).isTrue();
        assertThat(risk.check(BTC, false, BID, 10)).isEqualTo(RiskReason.DAILY_LOSS);
        core.clock().set(T0 + 300_000_000_001L);
        assertThat(risk.isHalted()).isFalse();
    }
}
