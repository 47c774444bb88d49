package com.schwabot.engine.stage;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.schwabot.codecs.sbe.MessageHeaderDecoder;
import com.schwabot.codecs.sbe.NewOrderDecoder;
import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.codecs.sbe.Side;
import com.schwabot.engine.TestCores;
import com.schwabot.engine.TradingCore;
import com.schwabot.engine.monitor.EngineCounter;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.signal.EwmaVolatility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volatility-scaled sizing on the conservative profile: a unit carries at most vol_target_bps (50) of
 * max_position_notional (2000), so 10 USDT of daily volatility, within max_order_qty 0.01 and max_order_notional 500.
 * BTCUSDT at 50000.50 mid, ask 50001.00.
 */
class DecisionStageTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long S = 1_000_000_000L;
    private static final int BTC = 0;
    private static final long ASK = 5_000_100;

    private final List<long[]> sent = new ArrayList<>();
    private final EngineCounters counters = new EngineCounters();
    private TradingCore core;

    @BeforeEach
    void setUp()
    {
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final NewOrderDecoder order = new NewOrderDecoder();
        core = TestCores.core((buffer, offset, length, clOrdId, destination) ->
        {
            header.wrap(buffer, offset);
            order.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
            sent.add(new long[]{order.side() == Side.BUY ? 1 : -1, order.price(), order.qty()});
            return true;
        }, counters);
        TestCores.connect(core, T0);
    }

    private void volatility(final double high)
    {
        final EwmaVolatility vol = core.signals().market(BTC).volatility();
        for (int k = 0; k <= 20; k++)
        {
            vol.update(T0 + k * S, k % 2 == 0 ? 100.0 : high);
        }
        core.clock().set(T0 + 20 * S);
        core.market().top(BTC, 1, ASK - 100, 100_000, ASK, 100_000);
        core.market().touched(BTC, T0 + 20 * S);
    }

    @Test
    void shouldNotOpenAPositionUntilTheVolatilityIsWarm()
    {
        core.market().top(BTC, 1, ASK - 100, 100_000, ASK, 100_000);
        core.market().touched(BTC, T0);
        assertThat(core.decisions().volScaledQty(BTC, ASK)).isZero();
        core.decisions().onScore(BTC, 1.0f);
        assertThat(core.decisions().target(BTC)).isEqualTo(1);
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldSizeAUnitToTheVolatilityTarget()
    {
        volatility(101.0);
        // every return is +-ln(1.01), one a second: daily sigma = ln(1.01) * sqrt(86400)
        final double sigma = Math.log(1.01) * Math.sqrt(86_400);
        final long expected = (long)(2000 * 0.005 / sigma / (50_001.00 * 1e-5));
        assertThat(core.decisions().volScaledQty(BTC, ASK)).isEqualTo(expected).isBetween(1L, 10L);
        core.decisions().onScore(BTC, 1.0f);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).containsExactly(1, ASK, expected);
    }

    @Test
    void shouldCapACalmMarketsUnitAtTheOrderLimits()
    {
        volatility(100.0001);
        assertThat(core.decisions().volScaledQty(BTC, ASK)).isGreaterThan(1_000);
        assertThat(core.decisions().capQty(BTC, ASK)).isEqualTo(999);
        core.decisions().onScore(BTC, 1.0f);
        assertThat(sent.get(0)).containsExactly(1, ASK, 999);
    }

    @Test
    void shouldNotTrimAPositionWhenTheUnitShrinksButCloseItWhenTheTargetGoesFlat()
    {
        volatility(101.0);
        core.portfolio().onFill(BTC, true, 999, ASK, 0);
        core.decisions().onScore(BTC, 1.0f);
        assertThat(sent).isEmpty();
        core.decisions().onScore(BTC, 0.0f);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).containsExactly(-1, ASK - 100, 999);
    }

    @Test
    void shouldHoldAnOrderBackWhileTheOrderRateLimitHasNoRoomAndSendItOnceItHas()
    {
        volatility(101.0);
        int passes = 0;
        while (core.risk().check(BTC, true, ASK, 1) == RiskReason.NULL_VAL && passes < 1_000)
        {
            passes++;
        }
        assertThat(passes).as("max_orders_per_second passes, then ORDER_RATE").isBetween(1, 999);
        final long rejects = counters.value(EngineCounter.RISK_REJECTS);

        core.decisions().onScore(BTC, 1.0f);
        core.clock().set(T0 + 20 * S + S / 2);
        core.decisions().onScore(BTC, 1.0f);
        assertThat(sent).as("no room within the second").isEmpty();
        assertThat(counters.value(EngineCounter.RISK_REJECTS)).as("held back, not refused").isEqualTo(rejects);
        assertThat(counters.value(EngineCounter.RISK_RATE_DEFERRALS)).isEqualTo(2);

        core.clock().set(T0 + 21 * S);
        core.decisions().onScore(BTC, 1.0f);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)[0]).isEqualTo(1);
        assertThat(counters.value(EngineCounter.RISK_REJECTS)).isEqualTo(rejects);
    }

    @Test
    void shouldCountALastingRefusalOnceAndHoldTheOrdersBackWhileItLasts()
    {
        volatility(101.0);
        core.risk().halt(RiskReason.HALTED, Long.MAX_VALUE);
        final long rejects = counters.value(EngineCounter.RISK_REJECTS);
        for (int k = 0; k < 5; k++)
        {
            core.decisions().onScore(BTC, 1.0f);
        }
        assertThat(sent).as("halted").isEmpty();
        assertThat(counters.risk(RiskReason.HALTED).get()).as("the halt refused the first order").isEqualTo(1);
        assertThat(counters.value(EngineCounter.RISK_REJECTS)).isEqualTo(rejects + 1);
        assertThat(counters.value(EngineCounter.RISK_STATE_DEFERRALS)).as("the other four held back").isEqualTo(4);

        core.risk().gateway(false);
        core.decisions().onScore(BTC, 1.0f);
        assertThat(counters.value(EngineCounter.RISK_REJECTS)).as("still the same halt").isEqualTo(rejects + 1);

        core.risk().resume();
        core.decisions().onScore(BTC, 1.0f);
        core.decisions().onScore(BTC, 1.0f);
        assertThat(counters.risk(RiskReason.GATEWAY_DOWN).get()).as("a new refusal, counted once").isEqualTo(1);
        assertThat(counters.value(EngineCounter.RISK_REJECTS)).isEqualTo(rejects + 2);
        assertThat(counters.value(EngineCounter.RISK_STATE_DEFERRALS)).isEqualTo(6);

        core.risk().gateway(true);
        core.decisions().onScore(BTC, 1.0f);
        assertThat(sent).as("sent once the gateway is back").hasSize(1);
        assertThat(sent.get(0)[0]).isEqualTo(1);
        assertThat(counters.value(EngineCounter.RISK_REJECTS)).isEqualTo(rejects + 2);
    }
}
