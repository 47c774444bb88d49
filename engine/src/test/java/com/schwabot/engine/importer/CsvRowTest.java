package com.schwabot.engine.importer;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.schwabot.engine.TestCores;
import com.schwabot.engine.market.InstrumentTable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRowTest
{
    private static final int BTC = 0;

    private final CsvRow row = new CsvRow(new InstrumentTable(TestCores.defaults().instruments()));

    private CsvRow line(final String text)
    {
        final byte[] bytes = ("xx" + text).getBytes(StandardCharsets.UTF_8);
        row.wrap(bytes, 2, bytes.length);
        return row;
    }

    @Test
    void shouldParsePricesExactlyAtTheInstrumentExponent()
    {
        assertThat(line("42130.51").price(0, "p", BTC)).isEqualTo(4_213_051);
        assertThat(line("42130.5100000000").price(0, "p", BTC)).isEqualTo(4_213_051);
        assertThat(line("42130").price(0, "p", BTC)).isEqualTo(4_213_000);
        assertThat(line("0.01").price(0, "p", BTC)).isEqualTo(1);
        assertThat(line(" \"42130.5\" ").price(0, "p", BTC)).isEqualTo(4_213_050);
        assertThat(line("4.213051e4").price(0, "p", BTC)).isEqualTo(4_213_051);
        assertThat(line("1e-05").qty(0, "q", BTC)).isEqualTo(1);
        assertThat(line("0.00000000").qty(0, "q", BTC)).isZero();
        assertThat(line(".5").qty(0, "q", BTC)).isEqualTo(50_000);
    }

    @Test
    void shouldRefuseWhatIsNotExactOrNotANumber()
    {
        assertThatThrownBy(() -> line("42130.515").price(0, "price", BTC))
            .hasMessage("price = 42130.515: more decimal places than BTCUSDT's price_exponent -2 allows");
        assertThatThrownBy(() -> line("0.000001").qty(0, "qty", BTC))
            .hasMessage("qty = 0.000001: more decimal places than BTCUSDT's qty_exponent -5 allows");
        assertThatThrownBy(() -> line("-1").price(0, "price", BTC))
            .hasMessage("price = -1: not a non-negative decimal number");
        assertThatThrownBy(() -> line("0").price(0, "price", BTC)).hasMessage("price = 0: must be positive");
        assertThatThrownBy(() -> line("1.2.3").price(0, "price", BTC)).hasMessageEndingWith("not a non-negative " +
            "decimal number");
        assertThatThrownBy(() -> line("99999999999999999999").price(0, "price", BTC))
            .hasMessageEndingWith("too large for a 64-bit mantissa");
        assertThatThrownBy(() -> line(",x").price(0, "price", BTC)).hasMessage("price = (empty): missing");
    }

    @Test
    void shouldTellMillisecondsFromMicrosecondsAndReadIsoInstants()
    {
        assertThat(line("1704153600123").timeMicros(0, "t", false)).isEqualTo(1_704_153_600_123_000L);
        assertThat(line("1735776000123456").timeMicros(0, "t", false)).isEqualTo(1_735_776_000_123_456L);
        assertThat(line("2024-01-02T00:00:00.100Z").timeMicros(0, "t", true)).isEqualTo(1_704_153_600_100_000L);
        assertThatThrownBy(() -> line("2024-01-02T00:00:00.100Z").timeMicros(0, "time", false))
            .hasMessageStartingWith("time = 2024-01-02T00:00:00.100Z: not a non-negative integer");
        assertThatThrownBy(() -> line("2024-01-02T00:00:00.000000001Z").timeMicros(0, "time", true))
            .hasMessageEndingWith("must be after 1970 and at most microsecond precision");
    }

    @Test
    void shouldSplitTrimAndCountFields()
    {
        line(" a ,b,\t,d");

        assertThat(row.fieldCount(CsvLayout.GENERIC, 1, 9)).isEqualTo(4);
        assertThat(row.text(0)).isEqualTo("a");
        assertThat(row.isBlank(2)).isTrue();
        assertThat(row.isBlank(7)).isTrue();
        assertThat(row.is(3, "d")).isTrue();
        assertThatThrownBy(() -> row.fieldCount(CsvLayout.BOOK_TICKER, 7, 7))
            .hasMessageStartingWith("4 columns, expected 7 (bookTicker: update id,");
    }
}
