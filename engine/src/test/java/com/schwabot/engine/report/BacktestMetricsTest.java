package com.schwabot.engine.report;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The measures on numbers worked out by hand.
 * <p>
 * Capital 1000, one sample a second, P&amp;L 0, 10, -5, 20: equity 1000, 1010, 995, 1020; returns
 * r1 = 1010/1000 - 1 = 0.01, r2 = 995/1010 - 1 = -0.0148514851, r3 = 1020/995 - 1 = 0.0251256281; mean 0.0067580477;
 * sample deviation sqrt(((0.01 - m)^2 + (r2 - m)^2 + (r3 - m)^2) / 2) = 0.0201847737; periods per year
 * 365 x 86400 = 31,536,000, sqrt = 5615.6923; Sharpe = 0.0067580477 / 0.0201847737 x 5615.6923 = 1880.1854.
 * Downside deviation sqrt(r2^2 / 3) = 0.0085745089; Sortino = 0.0067580477 / 0.0085745089 x 5615.6923 = 4426.0396.
 * Drawdown: the peak 10 falls to -5, 15 (15 / 1010 = 1.4851% of the peak equity). Return 20 / 1000 = 2%.
 */
class BacktestMetricsTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final double[] PNL = {0, 10, -5, 20};

    private static Trade trade(final long entry, final long exit, final double net, final boolean open)
    {
        return new Trade(0, "BTCUSDT", 1, entry, exit, BigDecimal.ONE, 100, 100, net + 1, 1, 0, 2, open);
    }

    @Test
    void shouldComputeReturnsSharpeSortinoAndDrawdownWorkedOutByHand()
    {
        final BacktestMetrics m = BacktestMetrics.compute(1000, SECOND, PNL, List.of(), 3 * SECOND, 0, 0, 0);

        assertThat(BacktestMetrics.returns(1000, PNL))
            .containsExactly(new double[] {0.01, -0.0148514851485149, 0.0251256281407035}, within(1e-12));
        assertThat(m.returns()).isEqualTo(3);
        assertThat(m.periodsPerYear()).isEqualTo(31_536_000.0);
        assertThat(m.sharpe()).isCloseTo(1880.185374, within(1e-5));
        assertThat(m.sortino()).isCloseTo(4426.039608, within(1e-5));
        assertThat(m.maxDrawdown()).isEqualTo(15.0);
        assertThat(m.maxDrawdownFraction()).isCloseTo(15.0 / 1010, within(1e-15));
        assertThat(m.finalPnl()).isEqualTo(20.0);
        assertThat(m.totalReturn()).isEqualTo(0.02);
    }

    @Test
    void shouldCountClosedTradesOnlyForWinRateAndProfitFactor()
    {
        final List<Trade> trades = List.of(trade(0, 10, 30, false), trade(5, 20, -10, false),
            trade(30, 40, 5, false), trade(90, 100, -100, true));

        final BacktestMetrics m = BacktestMetrics.compute(1000, SECOND, PNL, trades, 100, 5000, 4, 0.5);

        assertThat(m.trades()).isEqualTo(3);
        assertThat(m.wins()).isEqualTo(2);
        assertThat(m.losses()).isEqualTo(1);
        assertThat(m.winRate()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(m.grossProfit()).isEqualTo(35.0);
        assertThat(m.grossLoss()).isEqualTo(-10.0);
        assertThat(m.profitFactor()).isEqualTo(3.5);
        assertThat(m.turnover()).isEqualTo(5.0);
        assertThat(m.fees()).isEqualTo(4.0);
        assertThat(m.slippage()).isEqualTo(0.5);
    }

    @Test
    void shouldMeasureExposureAsTheUnionOfTheTradesTimeOverTheSpan()
    {
        final List<Trade> trades = List.of(trade(0, 10, 1, false), trade(5, 20, 1, false),
            trade(30, 40, 1, false), trade(90, 100, 1, true));

        assertThat(BacktestMetrics.exposure(trades, 100)).isEqualTo(0.4);
        assertThat(BacktestMetrics.exposure(List.of(), 100)).isEqualTo(0.0);
        assertThat(BacktestMetrics.exposure(trades, 0)).isNaN();
    }

    @Test
    void shouldLeaveUndefinedMeasuresAsNaN()
    {
        final BacktestMetrics flat = BacktestMetrics.compute(1000, SECOND, new double[] {0, 0, 0}, List.of(), 0, 0,
            0, 0);
        final BacktestMetrics noCapital = BacktestMetrics.compute(0, SECOND, PNL, List.of(), 3, 10, 0, 0);
        final BacktestMetrics rising = BacktestMetrics.compute(1000, SECOND, new double[] {0, 1, 3}, List.of(), 3,
            0, 0, 0);

        assertThat(flat.sharpe()).as("no variation").isNaN();
        assertThat(flat.sortino()).isNaN();
        assertThat(flat.winRate()).as("no closed trade").isNaN();
        assertThat(flat.profitFactor()).isNaN();
        assertThat(flat.maxDrawdown()).isZero();
        assertThat(noCapital.totalReturn()).isNaN();
        assertThat(noCapital.sharpe()).isNaN();
        assertThat(noCapital.turnover()).isNaN();
        assertThat(noCapital.maxDrawdown()).isEqualTo(15.0);
        assertThat(rising.sortino()).as("no negative return").isNaN();
        assertThat(rising.sharpe()).isPositive();
    }

    @Test
    void shouldChooseTheSampleStepFromTheJournalSpan()
    {
        final long ms = 1_000_000L;

        assertThat(SampleInterval.forSpan(0, 1300 * ms)).isEqualTo(10 * ms);
        assertThat(SampleInterval.forSpan(0, 1000 * ms)).isEqualTo(ms);
        assertThat(SampleInterval.forSpan(0, 3600 * SECOND)).isEqualTo(10 * SECOND);
        assertThat(SampleInterval.forSpan(0, 365L * 86_400 * SECOND)).isEqualTo(86_400 * SECOND);
        assertThat(SampleInterval.describe(10 * ms)).isEqualTo("10 ms");
        assertThat(SampleInterval.describe(600 * SECOND)).isEqualTo("10 min");
    }
}
