package com.schwabot.engine.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.schwabot.config.Instrument;
import com.schwabot.config.VenueKind;
import com.schwabot.engine.market.InstrumentTable;
import com.schwabot.engine.market.MarketState;
import com.schwabot.engine.portfolio.Portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Fills worked out by hand on an instrument with price exponent -1 and quantity exponent -2 (price mantissa 1000 is
 * 100.0, quantity mantissa 200 is 2.00), checked against the portfolio's own accounting.
 */
class TradeLedgerTest
{
    private static final double EPS = 1e-9;

    private final InstrumentTable instruments = new InstrumentTable(List.of(
        new Instrument("TESTUSDT", 9, -1, -2, new BigDecimal("0.1"), new BigDecimal("0.01"), VenueKind.SIMULATOR,
            null)));
    private final List<Trade> trades = new ArrayList<>();
    private final TradeLedger ledger = new TradeLedger(instruments, 3, trades);
    private final Portfolio portfolio = new Portfolio(instruments);
    private final MarketState market = new MarketState(1, 16);

    private void fill(final boolean buy, final long qty, final long price, final double fee, final long time)
    {
        ledger.onFill(0, buy, qty, price, fee, price, time);
        portfolio.onFill(0, buy, qty, price, fee);
    }

    @Test
    void shouldMakeOneTradeFromFlatToFlatAndSplitAFillThroughZero()
    {
        fill(true, 200, 1000, 0.2, 10);
        fill(true, 200, 1100, 0.2, 20);
        fill(false, 100, 1200, 0.1, 30);
        fill(false, 500, 900, 0.4, 40);

        assertThat(trades).hasSize(1);
        final Trade first = trades.get(0);
        assertThat(first.session()).isEqualTo(3);
        assertThat(first.direction()).isEqualTo(1);
        assertThat(first.entryTimeNanos()).isEqualTo(10);
        assertThat(first.exitTimeNanos()).isEqualTo(40);
        assertThat(first.qty()).isEqualByComparingTo("4.00");
        assertThat(first.entryPrice()).isCloseTo(105.0, within(EPS));
        assertThat(first.exitPrice()).as("(1 x 120 + 3 x 90) / 4").isCloseTo(97.5, within(EPS));
        assertThat(first.grossPnl()).as("1 x (120 - 105) + 3 x (90 - 105)").isCloseTo(-30.0, within(EPS));
        assertThat(first.fees()).as("0.2 + 0.2 + 0.1 + 3/5 of 0.4").isCloseTo(0.74, within(EPS));
        assertThat(first.netPnl()).isCloseTo(-30.74, within(EPS));
        assertThat(first.fills()).isEqualTo(4);
        assertThat(first.open()).isFalse();
        assertThat(ledger.position(0)).as("short 2.00 from the fill through zero").isEqualTo(-200);

        market.top(0, 1, 849, 1, 851, 1);
        ledger.closeRun(market, 50);

        assertThat(trades).hasSize(2);
        final Trade rest = trades.get(1);
        assertThat(rest.direction()).isEqualTo(-1);
        assertThat(rest.open()).isTrue();
        assertThat(rest.entryTimeNanos()).isEqualTo(40);
        assertThat(rest.exitTimeNanos()).isEqualTo(50);
        assertThat(rest.qty()).isEqualByComparingTo("2.00");
        assertThat(rest.entryPrice()).isCloseTo(90.0, within(EPS));
        assertThat(rest.exitPrice()).as("the mid").isCloseTo(85.0, within(EPS));
        assertThat(rest.grossPnl()).as("2 x (90 - 85), short").isCloseTo(10.0, within(EPS));
        assertThat(rest.fees()).as("2/5 of 0.4").isCloseTo(0.16, within(EPS));
        assertThat(first.netPnl() + rest.netPnl()).as("the portfolio's P&L")
            .isCloseTo(portfolio.totalPnl(market), within(EPS));
    }

    @Test
    void shouldCountSlippageAgainstTheReferencePrice()
    {
        ledger.onFill(0, true, 100, 1001, 0.0, 1000.0, 1);
        ledger.onFill(0, false, 100, 999, 0.0, 1000.0, 2);

        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).slippage()).as("0.1 x 1 paid on each side").isCloseTo(0.2, within(EPS));
        assertThat(trades.get(0).grossPnl()).isCloseTo(-0.2, within(EPS));
    }
}
