package com.schwabot.engine.portfolio;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.schwabot.config.Instrument;
import com.schwabot.config.VenueKind;
import com.schwabot.engine.market.InstrumentTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PortfolioTest
{
    private final Portfolio portfolio = new Portfolio(new InstrumentTable(List.of(
        new Instrument("TESTUSDT", 9, 0, 0, BigDecimal.ONE, BigDecimal.ONE, VenueKind.SIMULATOR, null))));

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
}
