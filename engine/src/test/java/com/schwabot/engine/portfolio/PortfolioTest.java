package com.schwabot.engine.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.schwabot.config.Instrument;
import com.schwabot.config.VenueKind;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed fills on an instrument with exponents 0 (prices and quantities are whole units), fees included.
 */
class PortfolioTest
{
    private static final double EPS = 1e-9;

    private final Portfolio portfolio = new Portfolio(new InstrumentTable(List.of(
        new Instrument("TESTUSDT", 9, 0, 0, BigDecimal.ONE, BigDecimal.ONE, VenueKind.SIMULATOR, null))));
    private final MarketState market = new MarketState(1, 16);
    private final List<double[]> trips = new ArrayList<>();
    private final List<Integer> opened = new ArrayList<>();

    private void mid(final long bid, final long ask)
    {
        market.top(0, 1, bid, 1, ask, 1);
    }

    private void listen()
    {
        portfolio.roundTripListener(new RoundTripListener()
        {
            public void onPositionOpened(final int instrument, final int direction)
            {
                opened.add(direction);
            }

            public void onRoundTrip(final int instrument, final int direction, final double closedNotional,
                final double netPnl, final double slippage, final boolean flat)
            {
                trips.add(new double[]{direction, closedNotional, netPnl, slippage, flat ? 1 : 0});
            }
        });
    }

    @Test
    void shouldAverageIncreasesAndRealizeReductionsIncludingThroughZero()
    {
        portfolio.onFill(0, true, 2, 100, 0.1);
        portfolio.onFill(0, true, 2, 110, 0.1);
        assertThat(portfolio.position(0)).isEqualTo(4);
        assertThat(portfolio.averagePrice(0)).isCloseTo(105.0, within(1e-12));

        portfolio.onFill(0, false, 3, 120, 0.1);
        assertThat(portfolio.position(0)).isEqualTo(1);
        assertThat(portfolio.realized(0)).isCloseTo(45.0, within(1e-12));
        assertThat(portfolio.averagePrice(0)).isCloseTo(105.0, within(1e-12));

        portfolio.onFill(0, false, 3, 100, 0.1);
        assertThat(portfolio.position(0)).isEqualTo(-2);
        assertThat(portfolio.realized(0)).isCloseTo(40.0, within(1e-12));
        assertThat(portfolio.averagePrice(0)).isCloseTo(100.0, within(1e-12));

        portfolio.onFill(0, true, 2, 90, 0.1);
        assertThat(portfolio.position(0)).isZero();
        assertThat(portfolio.realized(0)).isCloseTo(60.0, within(1e-12));
        assertThat(portfolio.fees(0)).isCloseTo(0.5, within(1e-12));
        assertThat(portfolio.fills(0)).isEqualTo(5);
    }

    @Test
    void shouldReportEachRoundTripNetOfItsShareOfEntryAndExitFeesWithSlippageAgainstTheReference()
    {
        listen();
        portfolio.onFill(0, true, 2, 100, 0.2, 99.5);
        portfolio.onFill(0, true, 2, 110, 0.2, 110);
        assertThat(opened).containsExactly(1);
        assertThat(portfolio.slippage(0)).isCloseTo(1.0, within(EPS));

        portfolio.onFill(0, false, 3, 120, 0.3, 120.5);
        // closes 3 of 4: (120 - 105) * 3 = 45 less 3/4 of the entry fees 0.4 and the exit fee 0.3;
        // slippage 3/4 of the entry's 1.0 plus the exit's (120.5 - 120) * 3
        assertThat(trips.get(0)).containsExactly(new double[]{1, 315, 45 - 0.3 - 0.3, 0.75 + 1.5, 0}, within(EPS));

        portfolio.onFill(0, false, 3, 100, 0.3, 100);
        // closes the last 1: (100 - 105) * 1 less the remaining entry fee 0.1 and 1/3 of the exit fee 0.3
        assertThat(trips.get(1)).containsExactly(new double[]{1, 105, -5 - 0.1 - 0.1, 0.25, 1}, within(EPS));
        assertThat(opened).containsExactly(1, -1);

        portfolio.onFill(0, true, 2, 90, 0.2, 90);
        // the short of 2 at 100 carried 2/3 of the 0.3 fee: (90 - 100) * 2 * -1 = 20 less 0.2 and 0.2
        assertThat(trips.get(2)).containsExactly(new double[]{-1, 200, 20 - 0.2 - 0.2, 0, 1}, within(EPS));

        final double fees = 0.2 + 0.2 + 0.3 + 0.3 + 0.2;
        assertThat(portfolio.fees(0)).isCloseTo(fees, within(EPS));
        assertThat(portfolio.totalPnl(market)).isCloseTo(60 - fees, within(EPS));
        assertThat(trips.get(0)[2] + trips.get(1)[2] + trips.get(2)[2]).isCloseTo(60 - fees, within(EPS));
    }

    @Test
    void shouldTrackPeakTroughAndDrawdownPerInstrumentAndInTotal()
    {
        portfolio.onFill(0, true, 2, 100, 0.2);
        mid(99, 101);
        assertThat(portfolio.mark(market)).isCloseTo(-0.2, within(EPS));
        mid(109, 111);
        assertThat(portfolio.mark(market)).isCloseTo(19.8, within(EPS));
        mid(94, 96);
        portfolio.sample(1_000, market);
        final EquityCurve total = portfolio.curve();
        assertThat(total.peak()).isCloseTo(19.8, within(EPS));
        assertThat(total.trough()).isCloseTo(-10.2, within(EPS));
        assertThat(total.drawdown()).isCloseTo(30.0, within(EPS));
        mid(104, 106);
        portfolio.sample(2_000, market);
        assertThat(total.current()).isCloseTo(9.8, within(EPS));
        assertThat(total.drawdown()).isCloseTo(10.0, within(EPS));
        assertThat(total.maxDrawdown()).isCloseTo(30.0, within(EPS));
        assertThat(portfolio.curve(0).maxDrawdown()).isCloseTo(30.0, within(EPS));
        assertThat(total.size()).isEqualTo(2);
        assertThat(total.time(0)).isEqualTo(1_000);
        assertThat(total.value(1)).isCloseTo(9.8, within(EPS));
    }

    @Test
    void shouldKeepTheLastSamplesOfTheCurveInARing()
    {
        final EquityCurve curve = new EquityCurve(3);
        for (int k = 1; k <= 5; k++)
        {
            curve.sample(k, -k);
        }
        assertThat(curve.size()).isEqualTo(3);
        assertThat(curve.time(0)).isEqualTo(3);
        assertThat(curve.value(2)).isEqualTo(-5.0);
        assertThat(curve.peak()).isZero();
        assertThat(curve.maxDrawdown()).isEqualTo(5.0);
    }
}
