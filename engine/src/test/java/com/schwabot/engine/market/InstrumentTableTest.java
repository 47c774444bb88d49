package com.schwabot.engine.market;

import java.nio.charset.StandardCharsets;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import com.schwabot.engine.TestCores;

import static org.assertj.core.api.Assertions.assertThat;

class InstrumentTableTest
{
    private final InstrumentTable table = new InstrumentTable(TestCores.defaults().instruments());

    private int lookUp(final String symbol, final int padding)
    {
        final byte[] bytes = symbol.getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[3 + bytes.length + padding]);
        buffer.putBytes(3, bytes);
        return table.indexOfSymbol(buffer, 3, bytes.length);
    }

    @Test
    void shouldFindASymbolInEitherCaseWhereverItLiesInTheBuffer()
    {
        for (final int padding : new int[] {0, 1, 8})
        {
            assertThat(lookUp("BTCUSDT", padding)).isEqualTo(0);
            assertThat(lookUp("btcusdt", padding)).isEqualTo(0);
            assertThat(lookUp("ETHUSDT", padding)).isEqualTo(1);
            assertThat(lookUp("ethusdt", padding)).isEqualTo(1);
        }
    }

    @Test
    void shouldNotFindPrefixesLongerSymbolsOrMixedCase()
    {
        for (final int padding : new int[] {0, 8})
        {
            assertThat(lookUp("BTCUSD", padding)).isEqualTo(InstrumentTable.UNKNOWN);
            assertThat(lookUp("BTCUSDT\0", padding)).isEqualTo(InstrumentTable.UNKNOWN);
            assertThat(lookUp("BTCUSDTX", padding)).isEqualTo(InstrumentTable.UNKNOWN);
            assertThat(lookUp("BTCUSDTXYZ", padding)).isEqualTo(InstrumentTable.UNKNOWN);
            assertThat(lookUp("BtcUsdt", padding)).isEqualTo(InstrumentTable.UNKNOWN);
            assertThat(lookUp("", padding)).isEqualTo(InstrumentTable.UNKNOWN);
        }
    }
}
