package com.schwabot.engine.stage;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import com.schwabot.codecs.sbe.RiskReason;
import com.schwabot.config.ConfigException;
import com.schwabot.config.ConfigLoader;
import com.schwabot.config.RiskProfile;
import com.schwabot.config.RiskProfileName;
import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.monitor.EngineCounters;
import com.schwabot.engine.order.Order;
import com.schwabot.engine.order.OrderManager;
import com.schwabot.engine.order.OrderState;
import com.schwabot.engine.portfolio.Portfolio;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random sequences of order intents, fills, cancels, price moves, time steps, connection changes and admin
 * halts against a RiskGate with its Portfolio and OrderManager, under each risk profile: no order that passes the
 * gate breaks a limit. Every measure is recomputed here from the state, independently of the gate: not halted, both
 * connections up, fresh data, order size and notional, price band, open orders, order rate, and the worst-case
 * position, gross and net exposure (every working order filled), each within its limit or not made worse by the order.
 * Until the first halt, the P&amp;L is also above the daily loss limit.
 */
class RiskGatePropertyTest
{
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long[] START_MID = {6_500_000, 350_000};
    private static final double EPS = 1e-6;
    private static final Map<RiskProfileName, SchwabotConfig> CONFIGS = new EnumMap<>(RiskProfileName.class);

    /** One step: a kind and three random numbers it interprets. */
    record Step(int kind, int instrument, long a, long b)
    {
    }

    @Provide
    Arbitrary<List<Step>> steps()
    {
        return Combinators.combine(
            Arbitraries.integers().between(0, 9),
            Arbitraries.integers().between(0, 1),
            Arbitraries.longs().between(0, 1_000_000),
            Arbitraries.longs().between(0, 1_000_000)).as(Step::new).list().ofMinSize(20).ofMaxSize(400);
    }

    @Property(tries = 200)
    void noOrderThatPassesBreaksALimit(
        @ForAll final RiskProfileName profileName, @ForAll final boolean tight, @ForAll("steps") final List<Step> steps)
        throws ConfigException
    {
        final SchwabotConfig config = config(profileName);
        final World world = new World(config, tight ? tighten(config.risk().active()) : config.risk().active());
        world.run(steps);
        Statistics.label("orders passed").collect(world.passed == 0 ? "none" : world.passed < 5 ? "1-4" : "5+");
        Statistics.label("last reject").collect(world.risk.lastReject());
        Statistics.label("largest net / limit").collect(Math.min(12, (int)(world.maxNetRatio * 10)));
    }

    /**
     * A profile whose exposure limits bind before the position limit does: one order may take a tenth of the
     * position limit in either instrument, gross is 0.8 and net 0.4 position limits.
     */
    private static RiskProfile tighten(final RiskProfile p)
    {
        final BigDecimal position = p.maxPositionNotional();
        return new RiskProfile(BigDecimal.valueOf(100), position.movePointLeft(1), position,
            position.multiply(BigDecimal.valueOf(8, 1)), position.multiply(BigDecimal.valueOf(4, 1)),
            p.maxOpenOrders(), p.maxOrdersPerSecond(), p.priceBandBps(), p.dailyLossLimit(), p.maxDrawdownBps(),
            p.staleDataMs(), p.coolDownMs(), p.volTargetBps(), p.capital());
    }

    private static SchwabotConfig config(final RiskProfileName name) throws ConfigException
    {
        SchwabotConfig config = CONFIGS.get(name);
        if (null == config)
        {
            config = ConfigLoader.load(null, Map.of("SCHWABOT_RISK_ACTIVE_PROFILE", name.label()));
            CONFIGS.put(name, config);
        }
        return config;
    }

    private static final class World
    {
        private final SchwabotConfig config;
        private final RiskProfile profile;
        private final InstrumentTable instruments;
        private final MarketState market;
        private final Portfolio portfolio;
        private final OrderManager orders;
        private final EventClock clock = new EventClock();
        private final RiskGate risk;
        private final Deque<Long> passes = new ArrayDeque<>();
        private final Order[] scratch = new Order[64];
        private final long[] mid = START_MID.clone();
        private long now = T0;
        private long nextId = 1;
        private boolean everHalted;
        private int passed;
        private double maxNetRatio;

        World(final SchwabotConfig config, final RiskProfile profile)
        {
            this.config = config;
            this.profile = profile;
            instruments = new InstrumentTable(config.instruments());
            market = new MarketState(instruments.count(), 16);
            portfolio = new Portfolio(instruments);
            orders = new OrderManager(64, instruments.count());
            risk = new RiskGate(profile, instruments, market, portfolio, orders, clock, new EngineCounters());
            clock.set(now);
            for (int i = 0; i < instruments.count(); i++)
            {
                top(i);
            }
            risk.gateway(true);
            risk.feed(true);
        }

        void run(final List<Step> steps)
        {
            for (final Step step : steps)
            {
                switch (step.kind())
                {
                    case 0, 1, 2 -> intent(step);
                    case 3, 4 -> move(step);
                    case 5 -> fill(step);
                    case 6 ->
                    {
                        if (step.b() % 4 == 0)
                        {
                            cancel(step);
                        }
                        else
                        {
                            fill(step);
                        }
                    }
                    case 7 -> advance(step.a() % 1_500 * 1_000_000L);
                    case 8 -> control(step);
                    default -> advance(step.a() % 300);
                }
                everHalted |= risk.isHalted();
            }
        }

        private void top(final int i)
        {
            market.top(i, now, mid[i] - 1, 1_000, mid[i] + 1, 1_000);
            market.touched(i, now);
        }

        private void advance(final long nanos)
        {
            now += nanos;
            clock.set(now);
        }

        private void move(final Step step)
        {
            final int i = step.instrument();
            final long range = mid[i] / 200;
            mid[i] = Math.max(100, mid[i] + step.a() % (2 * range + 1) - range);
            top(i);
        }

        private void control(final Step step)
        {
            switch ((int)(step.a() % 4))
            {
                case 0 -> risk.gateway(step.b() % 5 != 0);
                case 1 -> risk.feed(step.b() % 5 != 0);
                case 2 ->
                {
                    if (step.b() % 4 == 0)
                    {
                        risk.halt(RiskReason.HALTED, Long.MAX_VALUE);
                    }
                }
                default -> risk.resume();
            }
        }

        private void intent(final Step step)
        {
            final int i = step.instrument();
            final boolean buy = step.b() % 8 != 7;
            final double unit = market.mid(i) * portfolio.priceScale(i) * portfolio.qtyScale(i);
            final long maxQty = Math.min(profile.maxOrderQty().movePointLeft(instruments.qtyExponent(i)).longValue(),
                (long)(profile.maxOrderNotional().doubleValue() / unit) + 1);
            final long qty = step.b() % 4 == 0 ? step.a() % (2 * maxQty + 2) : 1 + step.a() % maxQty;
            final long touch = buy ? market.ask(i) : market.bid(i);
            final long offset = (step.b() % 25 - 12) * touch * profile.priceBandBps() / 10_000 / 10;
            final long price = touch + offset;
            final Snapshot before = new Snapshot();
            final boolean dailyLossHit = portfolio.totalPnl(market) <= -profile.dailyLossLimit().doubleValue();
            if (risk.check(i, buy, price, qty) != RiskReason.NULL_VAL)
            {
                return;
            }
            assertPassed(i, buy, price, qty, before, dailyLossHit);
            passes.addLast(now);
            passed++;
            orders.open(nextId++, i, buy, price, qty, now);
        }

        private void assertPassed(
            final int i, final boolean buy, final long price, final long qty, final Snapshot before,
            final boolean dailyLossHit)
        {
            assertThat(risk.isHalted()).as("halted").isFalse();
            assertThat(risk.gatewayUp() && risk.feedUp()).as("connections").isTrue();
            assertThat(now - market.lastUpdateIngressNs(i)).as("data age").isLessThanOrEqualTo(
                profile.staleDataMs() * 1_000_000L);
            assertThat(qty).as("qty").isPositive().isLessThanOrEqualTo(
                profile.maxOrderQty().movePointLeft(instruments.qtyExponent(i)).longValue());
            final double notional = price * portfolio.priceScale(i) * qty * portfolio.qtyScale(i);
            assertThat(notional).as("notional").isLessThanOrEqualTo(profile.maxOrderNotional().doubleValue() + EPS);
            final double m = market.mid(i);
            assertThat(Math.abs(price - m)).as("band").isLessThanOrEqualTo(m * profile.priceBandBps() / 10_000.0);
            assertThat(orders.openOrders()).as("open orders").isLessThan(profile.maxOpenOrders());
            while (!passes.isEmpty() && now - passes.peekFirst() >= 1_000_000_000L)
            {
                passes.removeFirst();
            }
            assertThat(passes.size() + 1).as("orders in the last second").isLessThanOrEqualTo(
                profile.maxOrdersPerSecond());
            if (!everHalted)
            {
                assertThat(dailyLossHit).as("daily loss before any halt").isFalse();
            }
            final Snapshot after = new Snapshot(i, buy, qty);
            maxNetRatio = Math.max(maxNetRatio, after.net() / profile.maxNetExposure().doubleValue());
            final double position = profile.maxPositionNotional().doubleValue();
            assertWithin("position", after.position(i, buy), before.position(i, buy), position);
            assertWithin("gross", after.gross, before.gross, profile.maxGrossExposure().doubleValue());
            assertWithin("net", after.net(), before.net(), profile.maxNetExposure().doubleValue());
        }

        private static void assertWithin(
            final String what, final double after, final double before, final double limit)
        {
            assertThat(after <= limit + EPS || after <= before + EPS)
                .as("%s %.4f after the order, %.4f before, limit %.4f", what, after, before, limit).isTrue();
        }

        private void fill(final Step step)
        {
            final int n = orders.snapshot(scratch);
            if (n == 0)
            {
                return;
            }
            final Order order = scratch[(int)(step.a() % n)];
            final long leaves = order.qty() - order.cumQty();
            final long qty = 1 + step.b() % leaves;
            portfolio.onFill(order.instrument(), order.isBuy(), qty, order.price(), qty * 1e-6);
            orders.onFill(order, qty, now);
            risk.checkBreakers();
        }

        private void cancel(final Step step)
        {
            final int n = orders.snapshot(scratch);
            if (n > 0)
            {
                orders.onDone(scratch[(int)(step.a() % n)], OrderState.CANCELED);
            }
        }

        /** Worst-case exposure recomputed from positions and working orders, valued at mid. */
        private final class Snapshot
        {
            private final double[] up = new double[instruments.count()];
            private final double[] down = new double[instruments.count()];
            private double gross;

            Snapshot()
            {
                this(-1, true, 0);
            }

            Snapshot(final int i, final boolean buy, final long qty)
            {
                for (int k = 0; k < up.length; k++)
                {
                    final double value = market.mid(k) * portfolio.priceScale(k) * portfolio.qtyScale(k);
                    long u = portfolio.position(k) + orders.workingBuy(k);
                    long d = portfolio.position(k) - orders.workingSell(k);
                    if (k == i)
                    {
                        u += buy ? qty : 0;
                        d -= buy ? 0 : qty;
                    }
                    up[k] = u * value;
                    down[k] = d * value;
                    gross += Math.max(Math.abs(up[k]), Math.abs(down[k]));
                }
            }

            double position(final int i, final boolean buy)
            {
                return Math.abs(buy ? up[i] : down[i]);
            }

            double net()
            {
                double longest = 0;
                double shortest = 0;
                for (int k = 0; k < up.length; k++)
                {
                    longest += up[k];
                    shortest += down[k];
                }
                return Math.max(Math.abs(longest), Math.abs(shortest));
            }
        }
    }
}
